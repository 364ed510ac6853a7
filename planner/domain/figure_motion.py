"""Where the session's figure is in its movement at a moment of a phase.

The live session asks this module, not the clock, what to draw: the start pose
while getting ready, resting or switching sides; a quick move to the end pose
that is then held for a hold; start to end and back again over one tempo for a
paced rep. A right-side phase shows the figure mirrored, so the leg nearest the
viewer is the one that works. With motion turned off the figure stands still in
its end pose, which shows what the exercise is about at a glance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.domain.figure_render import FRAME_STEPS
from planner.domain.phases import Phase, PhaseKind, Side

MOVE_IN_S = 1.5
"""Seconds a hold takes to move from the start to the end pose before it is held."""

STEPS = FRAME_STEPS
"""Positions between start and end the figure is drawn at: fewer frames, fewer repaints."""

BEAT_S = 1 / 2
"""The figure moves on a beat of half a second counted from the phase's start.

Whole seconds of the phase fall on the beat, so when the countdown turns over the
figure's step shares that repaint: a moving figure costs two repaints a second,
which keeps a live session under 1% of a core (a third of a second cost 1.05%,
half a second 0.80%, measured side by side by ``benchmarks.figure_speed``). At that
beat a 4 s rep is a flip-book of four even steps down and four back up.
"""


@dataclass(frozen=True, slots=True)
class FigureMoment:
    """What to draw: how far from start (0) to end (1), and whether to mirror the figure."""

    fraction: float
    mirror: bool


def _stepped(fraction: float) -> float:
    return round(fraction * STEPS) / STEPS


def _on_beat(elapsed_s: float) -> float:
    """The last beat at or before ``elapsed_s``."""
    return math.floor(elapsed_s / BEAT_S + 1e-9) * BEAT_S


def figure_moment(phase: Phase, elapsed_s: float, *, motion: bool = True) -> FigureMoment:
    """The figure ``elapsed_s`` seconds into ``phase``; ``motion`` off gives the still end pose."""
    mirror = phase.side is Side.RIGHT
    if not motion:
        return FigureMoment(1.0, mirror)
    elapsed_s = _on_beat(elapsed_s)
    if phase.kind is PhaseKind.HOLD:
        move = min(MOVE_IN_S, phase.duration_s / 2)
        return FigureMoment(_stepped(min(1.0, elapsed_s / move) if move > 0 else 1.0), mirror)
    if phase.kind is PhaseKind.REP and phase.duration_s > 0:
        # Out to the end pose in the first half of the tempo, back in the second.
        t = min(1.0, max(0.0, elapsed_s / phase.duration_s))
        # Even steps: at two frames a second an eased curve only bunches them at the ends.
        return FigureMoment(_stepped(2 * t if t < 0.5 else 2 - 2 * t), mirror)
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


def next_change_in(phase: Phase, elapsed_s: float, *, motion: bool = True) -> float | None:
    """Seconds until the figure is drawn at another position in ``phase``; None if never.

    Positions change only on the beat, so the answer is the first later beat whose
    position differs. The session sets one timer at that moment instead of
    repainting on a fixed beat of its own.
    """
    if not figure_moving(phase, elapsed_s, motion=motion):
        return None
    now = figure_moment(phase, elapsed_s, motion=motion)
    beat = math.floor(elapsed_s / BEAT_S + 1e-9) + 1
    while (at := beat * BEAT_S) < phase.duration_s:
        if figure_moment(phase, at, motion=motion) != now:
            return max(0.0, at - elapsed_s)
        beat += 1
    return None
