"""The timing model shared by the live session and the session-length estimate."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planner.domain.models import Dose, Exercise, Kind, Sides
from planner.domain.phases import Phase, PhaseKind, Side, build_phases, estimate_seconds


def make_exercise(kind: Kind, sides: Sides, tempo_s: float = 3.0) -> Exercise:
    return Exercise(
        id=f"{kind}-{sides}",
        name=f"Test {kind} {sides}",
        level=1,
        kind=kind,
        sides=sides,
        position="lying",
        steps=("move",),
        start=Dose(hold_s=5, reps=1, sets=1),
        target=Dose(hold_s=30, reps=10, sets=3, rest_s=30),
        tempo_s=tempo_s,
    )


def kinds(phases: list[Phase]) -> list[str]:
    return [p.kind.value for p in phases]


def test_hold_each_side_does_all_reps_left_then_right() -> None:
    exercise = make_exercise(Kind.HOLD, Sides.EACH)
    phases = build_phases([(exercise, Dose(hold_s=30, reps=2, sets=1, rest_s=10))])
    assert kinds(phases) == ["get_ready", "hold", "rest", "hold", "switch", "hold", "rest", "hold"]
    assert [p.side for p in phases if p.kind is PhaseKind.HOLD] == [
        Side.LEFT,
        Side.LEFT,
        Side.RIGHT,
        Side.RIGHT,
    ]
    assert estimate_seconds([(exercise, Dose(30, 2, 1, 10))]) == 5 + 4 * 30 + 2 * 10 + 5


def test_alternating_holds_switch_between_every_hold() -> None:
    exercise = make_exercise(Kind.HOLD, Sides.ALTERNATING)
    phases = build_phases([(exercise, Dose(hold_s=20, reps=2, sets=1, rest_s=10))])
    assert kinds(phases) == [
        "get_ready",
        "hold",
        "switch",
        "hold",
        "switch",
        "hold",
        "switch",
        "hold",
    ]
    assert [p.side for p in phases[1::2]] == [Side.LEFT, Side.RIGHT, Side.LEFT, Side.RIGHT]


def test_hold_reps_relax_one_tempo_between_reps_and_rest_between_sets() -> None:
    exercise = make_exercise(Kind.HOLD_REPS, Sides.NONE, tempo_s=3.0)
    dose = Dose(hold_s=5, reps=3, sets=2, rest_s=30)
    phases = build_phases([(exercise, dose)])
    assert kinds(phases) == (
        ["get_ready"]
        + ["hold", "rest", "hold", "rest", "hold"]
        + ["rest"]
        + ["hold", "rest", "hold", "rest", "hold"]
    )
    assert estimate_seconds([(exercise, dose)]) == 5 + 6 * 5 + 4 * 3 + 30
    assert phases[-1].words == "Hold · Rep 3 of 3 · Set 2 of 2"


def test_paced_reps_alternate_within_their_tempo() -> None:
    exercise = make_exercise(Kind.REPS, Sides.ALTERNATING, tempo_s=4.0)
    phases = build_phases([(exercise, Dose(hold_s=0, reps=8, sets=1))])
    assert kinds(phases) == ["get_ready"] + ["rep"] * 16
    assert phases[1].words == "Rep 1 of 8 — left side"
    assert estimate_seconds([(exercise, Dose(0, 8, 1, 0))]) == 5 + 16 * 4


def test_settings_change_get_ready_and_switch_time() -> None:
    exercise = make_exercise(Kind.HOLD, Sides.EACH)
    dose = Dose(hold_s=30, reps=1, sets=1)
    assert estimate_seconds([(exercise, dose)], get_ready_s=10, switch_sides_s=8) == 10 + 60 + 8


def test_each_exercise_gets_its_own_get_ready_and_index() -> None:
    a = make_exercise(Kind.HOLD, Sides.BOTH)
    b = make_exercise(Kind.REPS, Sides.NONE)
    phases = build_phases([(a, Dose(20, 1, 1)), (b, Dose(0, 2, 1))])
    assert [(p.kind.value, p.exercise_index) for p in phases] == [
        ("get_ready", 0),
        ("hold", 0),
        ("get_ready", 1),
        ("rep", 1),
        ("rep", 1),
    ]


@given(
    kind=st.sampled_from(list(Kind)),
    sides=st.sampled_from(list(Sides)),
    hold=st.integers(1, 60),
    reps=st.integers(1, 12),
    sets=st.integers(1, 4),
    rest=st.integers(0, 60),
)
def test_work_phases_match_the_dose(
    kind: Kind, sides: Sides, hold: int, reps: int, sets: int, rest: int
) -> None:
    """Whatever the dose, a session holds or paces exactly reps × sides × sets times."""
    exercise = make_exercise(kind, sides)
    dose = Dose(hold_s=hold, reps=reps, sets=sets, rest_s=rest)
    phases = build_phases([(exercise, dose)])
    work = [p for p in phases if p.kind in (PhaseKind.HOLD, PhaseKind.REP)]
    assert len(work) == reps * sides.side_count * sets
    assert estimate_seconds([(exercise, dose)]) == sum(p.duration_s for p in phases)
    assert all(p.duration_s > 0 for p in phases)
