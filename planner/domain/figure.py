"""The poses of an exercise's figure: a simple side-view body described by a few angles.

A pose gives the direction each body part points, in degrees, as seen from the
side with the figure facing right: 0 points forward (to the right), 90 straight
up, 180 backward, -90 straight down. Only the trunk, thigh and shin must be
given; the head follows the trunk, the upper arm hangs along the trunk, the
forearm follows the upper arm, the foot stands at a right angle to the shin, and
the far limbs copy the near ones, unless a pose says otherwise. ``on`` names what
the body rests on, drawn with it: the floor, a chair or a wall.

An exercise's ``figure`` is a start pose and an end pose, and optionally the
parts that do the work (``working``, drawn in the highlight colour; without it,
whatever moves is highlighted); the renderer draws either pose, or any pose
between them (``interpolate``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any


class Support(StrEnum):
    """What the body rests on, drawn under or behind it."""

    FLOOR = "floor"
    CHAIR = "chair"
    WALL = "wall"


ANGLE_FIELDS = (
    "trunk",
    "head",
    "arm",
    "forearm",
    "thigh",
    "shin",
    "foot",
    "far_arm",
    "far_forearm",
    "far_thigh",
    "far_shin",
    "far_foot",
)
"""Every angle a pose holds, near limbs first (the far ones start with ``far_``)."""

REQUIRED_ANGLES = ("trunk", "thigh", "shin")
"""The angles a pose must give; the others have defaults that follow from these."""

_MAX_ANGLE = 360


class PoseError(ValueError):
    """A figure document that cannot be drawn; ``field`` is its dotted path, e.g. ``end.shin``."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Pose:
    """One still position of the figure: where it rests and every part's direction in degrees."""

    on: Support
    trunk: float
    head: float
    arm: float
    forearm: float
    thigh: float
    shin: float
    foot: float
    far_arm: float
    far_forearm: float
    far_thigh: float
    far_shin: float
    far_foot: float

    @classmethod
    def of(cls, on: Support, trunk: float, thigh: float, shin: float, **given: float) -> Pose:
        """A pose from the three angles every pose needs, the rest following the defaults."""
        unknown = set(given) - set(ANGLE_FIELDS)
        if unknown:
            raise TypeError(f"not pose angles: {sorted(unknown)}")
        head = given.get("head", trunk)
        arm = given.get("arm", trunk + 180)
        forearm = given.get("forearm", arm)
        foot = given.get("foot", shin + 90)
        return cls(
            on=on,
            trunk=trunk,
            head=head,
            arm=arm,
            forearm=forearm,
            thigh=thigh,
            shin=shin,
            foot=foot,
            far_arm=given.get("far_arm", arm),
            far_forearm=given.get("far_forearm", given.get("far_arm", forearm)),
            far_thigh=given.get("far_thigh", thigh),
            far_shin=given.get("far_shin", shin),
            far_foot=given.get("far_foot", given.get("far_shin", shin) + 90),
        )

    def angle(self, name: str) -> float:
        """The angle called ``name`` (one of ANGLE_FIELDS)."""
        value: float = getattr(self, name)
        return value


@dataclass(frozen=True, slots=True)
class Figure:
    """An exercise's movement: the pose it starts from, the pose it goes to, what works.

    ``working`` names the parts drawn in the highlight colour (the working leg of a
    one-sided stretch, the trunk of a forward bend); None highlights whatever moves.
    """

    start: Pose
    end: Pose
    working: frozenset[str] | None = None

    def working_parts(self, threshold: float = 8.0) -> frozenset[str]:
        """The parts to highlight: ``working``, or the angles that change by over ``threshold``."""
        if self.working is not None:
            return self.working
        return frozenset(
            name
            for name in ANGLE_FIELDS
            if abs(_turn(self.start.angle(name), self.end.angle(name))) > threshold
        )


def _turn(start: float, end: float) -> float:
    """The shortest signed turn from ``start`` to ``end``, in degrees (-180 to 180)."""
    return (end - start + 180.0) % 360.0 - 180.0


def interpolate(start: Pose, end: Pose, fraction: float) -> Pose:
    """The pose ``fraction`` of the way from ``start`` to ``end`` (0 gives start, 1 gives end).

    Each part turns the short way round; the support switches half way.
    """
    if fraction <= 0.0:
        return start
    if fraction >= 1.0:
        return end
    angles = {
        name: start.angle(name) + _turn(start.angle(name), end.angle(name)) * fraction
        for name in ANGLE_FIELDS
    }
    return Pose(on=start.on if fraction < 0.5 else end.on, **angles)


def _parse_angle(value: object, path: str) -> float:
    if (
        not isinstance(value, int | float)
        or isinstance(value, bool)
        or not math.isfinite(value)
        or not -_MAX_ANGLE <= value <= _MAX_ANGLE
    ):
        shown = repr(value) if isinstance(value, int | float | str) else type(value).__name__
        raise PoseError(
            path, f"must be an angle in degrees from -{_MAX_ANGLE} to {_MAX_ANGLE}, got {shown}"
        )
    return float(value)


def parse_pose(doc: object, path: str) -> Pose:
    """Check one pose document (``{"on": "floor", "trunk": 180, ...}``) and build the Pose."""
    if not isinstance(doc, Mapping):
        raise PoseError(path, 'must be an object of angles and an "on"')
    for key in doc:
        if key != "on" and key not in ANGLE_FIELDS:
            known = ", ".join(("on", *ANGLE_FIELDS))
            raise PoseError(f"{path}.{key}", f"is not a part of the figure (known: {known})")
    for key in ("on", *REQUIRED_ANGLES):
        if key not in doc:
            raise PoseError(f"{path}.{key}", "is missing")
    options = [member.value for member in Support]
    if doc["on"] not in options:
        listed = ", ".join(f'"{option}"' for option in options)
        raise PoseError(f"{path}.on", f"must be one of {listed}")
    angles = {key: _parse_angle(doc[key], f"{path}.{key}") for key in doc if key != "on"}
    trunk, thigh, shin = (angles.pop(key) for key in REQUIRED_ANGLES)
    return Pose.of(Support(doc["on"]), trunk, thigh, shin, **angles)


def _parse_working(doc: object) -> frozenset[str]:
    if not isinstance(doc, list) or not doc:
        raise PoseError("figure.working", "must be a list of the parts that work")
    for n, part in enumerate(doc, 1):
        if part not in ANGLE_FIELDS:
            known = ", ".join(ANGLE_FIELDS)
            raise PoseError("figure.working", f"item {n} is not a part (known: {known})")
    return frozenset(doc)


def parse_figure(doc: object) -> Figure:
    """Check a figure document (``{"start": pose, "end": pose}``); PoseError names the field."""
    if not isinstance(doc, Mapping):
        raise PoseError("figure", 'must be an object with a "start" and an "end" pose')
    for key in doc:
        if key not in ("start", "end", "working"):
            raise PoseError(
                f"figure.{key}", "is not a field of a figure (known: end, start, working)"
            )
    return Figure(
        start=parse_pose(doc.get("start"), "figure.start"),
        end=parse_pose(doc.get("end"), "figure.end"),
        working=_parse_working(doc["working"]) if "working" in doc else None,
    )


def pose_to_doc(pose: Pose) -> dict[str, Any]:
    """A pose as the document parse_pose reads back, every angle written out."""
    doc: dict[str, Any] = {"on": pose.on.value}
    for field in fields(pose):
        if field.name != "on":
            value = pose.angle(field.name)
            doc[field.name] = int(value) if value == int(value) else value
    return doc


def figure_to_doc(figure: Figure) -> dict[str, Any]:
    """A figure as the document parse_figure reads back."""
    doc: dict[str, Any] = {"start": pose_to_doc(figure.start), "end": pose_to_doc(figure.end)}
    if figure.working is not None:
        doc["working"] = sorted(figure.working)
    return doc
