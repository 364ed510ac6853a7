"""Where the session's figure is in its movement at a moment of a phase.

The live session asks this module, not the clock, what to draw: the start pose
while getting ready, resting or switching sides; a quick move to the end pose
that is then held for a hold; start to end and back again over one tempo for a
paced rep. A right-side phase shows the figure mirrored, so the leg nearest the
viewer is the one that works. With motion turned off the figure stands still in
its end pose, which shows what the exercise is about at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.figure_render import FRAME_STEPS
from planner.domain.phases import Phase, PhaseKind, Side

MOVE_IN_S = 1.5
"""Seconds a hold takes to move from the start to the end pose before it is held."""

STEPS = FRAME_STEPS
"""Positions between start and end the figure is drawn at: fewer frames, fewer repaints."""


@dataclass(frozen=True, slots=True)
class FigureMoment:
    """What to draw: how far from start (0) to end (1), and whether to mirror the figure."""

    fraction: float
    mirror: bool


def _ease(t: float) -> float:
    """Slow out of the start and into the end, as a body moves (smoothstep)."""
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


def _stepped(fraction: float) -> float:
    return round(fraction * STEPS) / STEPS


def figure_moment(phase: Phase, elapsed_s: float, *, motion: bool = True) -> FigureMoment:
    """The figure ``elapsed_s`` seconds into ``phase``; ``motion`` off gives the still end pose."""
    mirror = phase.side is Side.RIGHT
    if not motion:
        return FigureMoment(1.0, mirror)
    if phase.kind is PhaseKind.HOLD:
        move = min(MOVE_IN_S, phase.duration_s / 2)
        return FigureMoment(_stepped(_ease(elapsed_s / move) if move > 0 else 1.0), mirror)
    if phase.kind is PhaseKind.REP and phase.duration_s > 0:
        # Out to the end pose in the first half of the tempo, back in the second.
        t = min(1.0, max(0.0, elapsed_s / phase.duration_s))
        return FigureMoment(_stepped(_ease(2 * t if t < 0.5 else 2 - 2 * t)), mirror)
    return FigureMoment(0.0, mirror)


def figure_moving(phase: Phase, elapsed_s: float, *, motion: bool = True) -> bool:
    """Whether the figure is between poses ``elapsed_s`` seconds into ``phase``.

    The session repaints often only while this is true; a figure standing still
    needs nothing drawn until the next second or phase.
    """
    if not motion or phase.exercise.figure is None:
        return False
    if phase.kind is PhaseKind.HOLD:
        return elapsed_s < min(MOVE_IN_S, phase.duration_s / 2)
    return phase.kind is PhaseKind.REP and phase.duration_s > 0


_LOOK_AHEAD_S = 0.02
"""The step at which ``next_change_in`` looks ahead for the figure's next position."""


def next_change_in(phase: Phase, elapsed_s: float, *, motion: bool = True) -> float | None:
    """Seconds until the figure is drawn at another position in ``phase``; None if never.

    The session sets one timer at that moment instead of repainting on a fixed beat.
    """
    if not figure_moving(phase, elapsed_s, motion=motion):
        return None
    now = figure_moment(phase, elapsed_s, motion=motion)
    ahead = _LOOK_AHEAD_S
    while elapsed_s + ahead < phase.duration_s:
        if figure_moment(phase, elapsed_s + ahead, motion=motion) != now:
            return ahead
        ahead += _LOOK_AHEAD_S
    return None
