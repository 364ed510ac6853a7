"""Named whole-body poses a custom exercise's figure can start and end in.

The custom-exercise form offers these by name; the exercise stores the chosen
poses themselves (the same angles routines.json holds), so a later change to
this list never changes a figure the user already has.
"""

from __future__ import annotations

from types import MappingProxyType

from planner.domain.figure import Figure, Pose, Support

_FLOOR, _CHAIR, _WALL = Support.FLOOR, Support.CHAIR, Support.WALL

BASE_POSES: MappingProxyType[str, tuple[str, Pose]] = MappingProxyType(
    {
        "lying-knees-bent": (
            "Lying on the back, knees bent",
            Pose.of(_FLOOR, 180, 50, -62, arm=0, foot=0),
        ),
        "lying-legs-straight": (
            "Lying on the back, legs straight",
            Pose.of(_FLOOR, 180, 0, 0, arm=0),
        ),
        "lying-one-leg-up": (
            "Lying, one straight leg raised",
            Pose.of(_FLOOR, 180, 80, 80, arm=0, far_thigh=0, far_shin=0),
        ),
        "lying-knees-to-chest": (
            "Lying, knees drawn to the chest",
            Pose.of(_FLOOR, 180, 125, -5, arm=30, forearm=40, foot=60),
        ),
        "lying-hips-lifted": (
            "Lying, hips lifted (bridge)",
            Pose.of(_FLOOR, 200, 25, -80, head=180, arm=10, foot=0),
        ),
        "hands-and-knees": (
            "On hands and knees",
            Pose.of(_FLOOR, 0, -90, 180, arm=-90, foot=180),
        ),
        "sitting-legs-out": (
            "Sitting on the floor, legs out",
            Pose.of(_FLOOR, 90, 0, 0, arm=-70, forearm=-30),
        ),
        "sitting-reaching-forward": (
            "Sitting, reaching for the feet",
            Pose.of(_FLOOR, 25, 0, 0, head=15, arm=0, forearm=-5),
        ),
        "sitting-on-a-chair": (
            "Sitting on a chair",
            Pose.of(_CHAIR, 90, 0, -90, foot=0, arm=-80, forearm=-10),
        ),
        "standing": (
            "Standing",
            Pose.of(_FLOOR, 90, -90, -90, foot=0),
        ),
        "standing-back-to-a-wall": (
            "Standing, back to a wall",
            Pose.of(_WALL, 90, -90, -90, foot=0),
        ),
        "wall-sit": (
            "Sitting against a wall (wall sit)",
            Pose.of(_WALL, 90, 0, -90, foot=0),
        ),
        "squatting": (
            "Squatting",
            Pose.of(_FLOOR, 60, 10, -110, head=70, arm=0, forearm=0, foot=0),
        ),
        "lunge": (
            "Split stance, front knee bent",
            Pose.of(
                _FLOOR,
                90,
                -26,
                -95,
                foot=0,
                arm=-80,
                forearm=-70,
                far_thigh=-125,
                far_shin=-150,
                far_foot=-15,
            ),
        ),
    }
)
"""Each base pose by id: the words shown in the form, and the pose."""


def base_pose_id(pose: Pose) -> str | None:
    """The id of the base pose equal to ``pose``, or None for a pose not on the list."""
    return next((key for key, (_label, base) in BASE_POSES.items() if base == pose), None)


def figure_between(start_id: str, end_id: str) -> Figure:
    """The figure moving from one base pose to another (KeyError for an unknown id)."""
    return Figure(BASE_POSES[start_id][1], BASE_POSES[end_id][1])
