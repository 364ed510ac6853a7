"""A day's exercises turned into the timed phases a session walks through.

One timing model serves two masters: the live session runs these phases, and the
planner and calendar estimate a session's length by adding up their durations.
Keeping both on one function means the plan's "fits in 15 minutes" is the same
15 minutes the timer will count.

The model, per exercise:

* a get-ready phase before the first rep (it also covers the changeover from the
  previous exercise);
* each repetition is a hold (``hold`` and ``hold_reps`` kinds) or a paced rep of
  ``tempo_s`` seconds (``reps`` kind);
* sided exercises do every rep on each side: all reps on the left then on the
  right (``each``), or left/right in turn (``alternating``); a switch-sides phase
  comes between sides for held work (paced reps alternate within their tempo);
* between held reps on the same side comes a rest of ``rest_s`` (a stretch is
  released, then taken up again); ``hold_reps`` relax for one tempo instead;
* between sets comes a rest of ``rest_s``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from planner.domain.models import Dose, Exercise, Kind, Sides

DEFAULT_GET_READY_S = 5
DEFAULT_SWITCH_SIDES_S = 5


class PhaseKind(StrEnum):
    """What the user is doing during a phase."""

    GET_READY = "get_ready"
    HOLD = "hold"
    REP = "rep"
    SWITCH = "switch"
    REST = "rest"


class Side(StrEnum):
    """The side of the body being worked."""

    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Phase:
    """One timed step of a session."""

    kind: PhaseKind
    duration_s: float
    exercise_index: int
    """Position of the exercise in the session, 0 first."""
    exercise: Exercise
    side: Side | None = None
    rep: int = 0
    """Repetition number within the set, from 1 (0 for get-ready, switch and set rests)."""
    reps: int = 0
    set: int = 0
    sets: int = 0

    @property
    def words(self) -> str:
        """The phase in words, e.g. ``Hold — left side · Rep 1 of 2 · Set 1 of 3``."""
        head = {
            PhaseKind.GET_READY: "Get ready",
            PhaseKind.HOLD: "Hold",
            PhaseKind.REP: "Rep",
            PhaseKind.SWITCH: "Switch sides",
            PhaseKind.REST: "Rest",
        }[self.kind]
        if self.kind is PhaseKind.REP:
            head = f"Rep {self.rep} of {self.reps}"
        parts = [head + (f" — {self.side.value} side" if self.side else "")]
        if self.kind is PhaseKind.HOLD and self.reps > 1:
            parts.append(f"Rep {self.rep} of {self.reps}")
        if self.sets > 1 and self.kind in (PhaseKind.HOLD, PhaseKind.REP):
            parts.append(f"Set {self.set} of {self.sets}")
        return " · ".join(parts)

    @property
    def brief_words(self) -> str:
        """The phase in a few words, without its place in the reps and sets: ``Hold — left side``.

        For a line too narrow for :attr:`words`; a paced rep keeps its number (``Rep 4``),
        a switch needs no side (the hold after it names one).
        """
        head = self.words.split(" · ")[0]
        if self.kind is PhaseKind.SWITCH:
            return "Switch sides"
        if self.kind is PhaseKind.REP:
            head = head.replace(f" of {self.reps}", "", 1)
        return head


def _rep_order(sides: Sides, reps: int) -> list[tuple[Side | None, int]]:
    """The (side, rep number) pairs of one set, in the order they are done."""
    if sides is Sides.EACH:
        return [(side, rep) for side in (Side.LEFT, Side.RIGHT) for rep in range(1, reps + 1)]
    if sides is Sides.ALTERNATING:
        return [(side, rep) for rep in range(1, reps + 1) for side in (Side.LEFT, Side.RIGHT)]
    return [(None, rep) for rep in range(1, reps + 1)]


def exercise_phases(
    index: int,
    exercise: Exercise,
    dose: Dose,
    *,
    get_ready_s: float = DEFAULT_GET_READY_S,
    switch_sides_s: float = DEFAULT_SWITCH_SIDES_S,
) -> list[Phase]:
    """The phases of one exercise at one dose, starting with its get-ready."""
    held = exercise.kind is not Kind.REPS
    phases = [Phase(PhaseKind.GET_READY, float(get_ready_s), index, exercise)]
    for set_no in range(1, dose.sets + 1):
        common = {"reps": dose.reps, "set": set_no, "sets": dose.sets}
        previous_side: Side | None = None
        for position, (side, rep) in enumerate(_rep_order(exercise.sides, dose.reps)):
            if position and held:
                if side is not previous_side:
                    phases.append(
                        Phase(PhaseKind.SWITCH, float(switch_sides_s), index, exercise, side)
                    )
                else:
                    gap = exercise.tempo_s if exercise.kind is Kind.HOLD_REPS else dose.rest_s
                    if gap > 0:
                        phases.append(
                            Phase(PhaseKind.REST, float(gap), index, exercise, side, rep, **common)
                        )
            kind, seconds = (
                (PhaseKind.HOLD, float(dose.hold_s)) if held else (PhaseKind.REP, exercise.tempo_s)
            )
            phases.append(Phase(kind, seconds, index, exercise, side, rep, **common))
            previous_side = side
        if set_no < dose.sets and dose.rest_s > 0:
            phases.append(
                Phase(PhaseKind.REST, float(dose.rest_s), index, exercise, None, 0, **common)
            )
    return phases


def build_phases(
    pairs: Sequence[tuple[Exercise, Dose]],
    *,
    get_ready_s: float = DEFAULT_GET_READY_S,
    switch_sides_s: float = DEFAULT_SWITCH_SIDES_S,
) -> list[Phase]:
    """Every phase of a session doing ``pairs`` (exercise, dose) in order."""
    return [
        phase
        for index, (exercise, dose) in enumerate(pairs)
        for phase in exercise_phases(
            index, exercise, dose, get_ready_s=get_ready_s, switch_sides_s=switch_sides_s
        )
    ]


def estimate_seconds(
    pairs: Sequence[tuple[Exercise, Dose]],
    *,
    get_ready_s: float = DEFAULT_GET_READY_S,
    switch_sides_s: float = DEFAULT_SWITCH_SIDES_S,
) -> float:
    """How long a session doing ``pairs`` takes, by the same model the live session runs."""
    return sum(
        _exercise_seconds(exercise, dose, get_ready_s, switch_sides_s) for exercise, dose in pairs
    )


@lru_cache(maxsize=4096)
def _exercise_seconds(
    exercise: Exercise, dose: Dose, get_ready_s: float, switch_sides_s: float
) -> float:
    # Plans repeat the same few (exercise, dose) pairs hundreds of times; exports and
    # the calendar header estimate them all, so each pair is worked out once.
    phases = exercise_phases(
        0, exercise, dose, get_ready_s=get_ready_s, switch_sides_s=switch_sides_s
    )
    return sum(phase.duration_s for phase in phases)
