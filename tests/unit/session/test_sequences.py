"""Each of the seven exercises, run start to finish by the engine on a fake clock."""

from __future__ import annotations

import pytest

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Exercise
from planner.domain.phases import build_phases, estimate_seconds
from planner.domain.session import SessionEngine
from tests.conftest import FakeClock
from tests.unit.session.seven import (
    DEEP_SQUAT,
    DOUBLE_KNEES,
    HIP_FLEXION,
    LEG_LIFT,
    PELVIC_TILT,
    SEATED_HAMSTRING,
    SINGLE_KNEE,
)

Step = tuple[float, str, str, int, int]
"""(start second, phase kind, side, rep, set) as the user lives through it."""


def lived_sequence(exercise: Exercise, clock: FakeClock) -> tuple[list[Step], SessionEngine]:
    """Run one exercise at its start dose, looking at the clock every quarter second."""
    engine = SessionEngine(build_phases([(exercise, exercise.start)]), clock.monotonic)
    t0 = clock.monotonic()
    engine.start()
    steps: list[Step] = []

    def record() -> None:
        state = engine.state()
        assert state.phase is not None and engine.deadline is not None
        start = engine.deadline - state.phase.duration_s - t0
        side = state.phase.side.value if state.phase.side else "-"
        steps.append((start, state.phase.kind.value, side, state.phase.rep, state.phase.set))

    record()
    for _ in range(10_000):
        clock.advance(0.25)
        result = engine.tick()
        if result.finished:
            break
        if result.phase_changed:
            record()
    assert engine.state().finished
    return steps, engine


def test_leg_lift_does_every_rep_on_the_left_then_switches(fake_clock: FakeClock) -> None:
    """Each side: hold, rest, hold; one switch between sides."""
    steps, engine = lived_sequence(LEG_LIFT, fake_clock)
    assert steps == [
        (0, "get_ready", "-", 0, 0),
        (5, "hold", "left", 1, 1),
        (35, "rest", "left", 2, 1),
        (45, "hold", "left", 2, 1),
        (75, "switch", "right", 0, 0),
        (80, "hold", "right", 1, 1),
        (110, "rest", "right", 2, 1),
        (120, "hold", "right", 2, 1),
    ]
    assert engine.finished_at == pytest.approx(1000 + 150)
    (log,) = engine.exercise_logs([(LEG_LIFT, LEG_LIFT.start)])
    assert (log.holds_done, log.reps_done, log.sets_done) == (4, 4, 1)
    assert log.completed and not log.skipped
    assert log.seconds == 150


def test_single_knee_alternates_sides_with_a_switch_each_time(fake_clock: FakeClock) -> None:
    """Alternating holds: left, right, left, right, a switch between every pair."""
    steps, _ = lived_sequence(SINGLE_KNEE, fake_clock)
    assert steps == [
        (0, "get_ready", "-", 0, 0),
        (5, "hold", "left", 1, 1),
        (20, "switch", "right", 0, 0),
        (25, "hold", "right", 1, 1),
        (40, "switch", "left", 0, 0),
        (45, "hold", "left", 2, 1),
        (60, "switch", "right", 0, 0),
        (65, "hold", "right", 2, 1),
    ]


def test_double_knees_holds_both_sides_at_once(fake_clock: FakeClock) -> None:
    """No sides, no switch: hold, rest, hold."""
    steps, engine = lived_sequence(DOUBLE_KNEES, fake_clock)
    assert steps == [
        (0, "get_ready", "-", 0, 0),
        (5, "hold", "-", 1, 1),
        (20, "rest", "-", 2, 1),
        (25, "hold", "-", 2, 1),
    ]
    (log,) = engine.exercise_logs([(DOUBLE_KNEES, DOUBLE_KNEES.start)])
    assert (log.holds_done, log.reps_done, log.completed) == (2, 2, True)


def test_pelvic_tilt_runs_two_sets_with_a_set_rest(fake_clock: FakeClock) -> None:
    """Held reps relax for one tempo between reps and rest between sets."""
    steps, engine = lived_sequence(PELVIC_TILT, fake_clock)
    assert steps == [
        (0, "get_ready", "-", 0, 0),
        (5, "hold", "-", 1, 1),
        (10, "rest", "-", 2, 1),
        (12, "hold", "-", 2, 1),
        (17, "rest", "-", 3, 1),
        (19, "hold", "-", 3, 1),
        (24, "rest", "-", 0, 1),
        (34, "hold", "-", 1, 2),
        (39, "rest", "-", 2, 2),
        (41, "hold", "-", 2, 2),
        (46, "rest", "-", 3, 2),
        (48, "hold", "-", 3, 2),
    ]
    (log,) = engine.exercise_logs([(PELVIC_TILT, PELVIC_TILT.start)])
    assert (log.holds_done, log.reps_done, log.sets_done) == (6, 6, 2)


def test_seated_hamstring_rests_between_holds(fake_clock: FakeClock) -> None:
    """Two holds with the dose's rest between them."""
    steps, _ = lived_sequence(SEATED_HAMSTRING, fake_clock)
    assert steps == [
        (0, "get_ready", "-", 0, 0),
        (5, "hold", "-", 1, 1),
        (20, "rest", "-", 2, 1),
        (30, "hold", "-", 2, 1),
    ]


def test_hip_flexion_paces_reps_left_and_right(fake_clock: FakeClock) -> None:
    """Paced reps alternate sides at the exercise's tempo, no switch phases."""
    steps, engine = lived_sequence(HIP_FLEXION, fake_clock)
    assert steps == [
        (0, "get_ready", "-", 0, 0),
        (5, "rep", "left", 1, 1),
        (9, "rep", "right", 1, 1),
        (13, "rep", "left", 2, 1),
        (17, "rep", "right", 2, 1),
        (21, "rep", "left", 3, 1),
        (25, "rep", "right", 3, 1),
    ]
    (log,) = engine.exercise_logs([(HIP_FLEXION, HIP_FLEXION.start)])
    assert (log.holds_done, log.reps_done, log.sets_done, log.completed) == (0, 6, 1, True)


def test_deep_squat_paces_two_sets_with_a_rest(fake_clock: FakeClock) -> None:
    """Three paced reps, a set rest, three more."""
    steps, _ = lived_sequence(DEEP_SQUAT, fake_clock)
    assert steps == [
        (0, "get_ready", "-", 0, 0),
        (5, "rep", "-", 1, 1),
        (8, "rep", "-", 2, 1),
        (11, "rep", "-", 3, 1),
        (14, "rest", "-", 0, 1),
        (34, "rep", "-", 1, 2),
        (37, "rep", "-", 2, 2),
        (40, "rep", "-", 3, 2),
    ]


def test_the_test_copies_move_like_the_real_catalogue() -> None:
    """The copies differ from routines.json in doses and words only, never in how they move."""
    real = list(load_catalogue())
    copies = [LEG_LIFT, SINGLE_KNEE, DOUBLE_KNEES, PELVIC_TILT, SEATED_HAMSTRING, HIP_FLEXION]
    copies.append(DEEP_SQUAT)
    assert [(e.kind, e.sides) for e in copies] == [(e.kind, e.sides) for e in real]


@pytest.mark.parametrize("exercise", list(load_catalogue()), ids=lambda e: e.id)
def test_each_real_exercise_runs_its_target_dose_in_the_estimated_time(
    exercise: Exercise, fake_clock: FakeClock
) -> None:
    """The shipped exercises at full dose: every hold or rep done, ending when the estimate said."""
    pairs = [(exercise, exercise.target)]
    engine = SessionEngine(build_phases(pairs), fake_clock.monotonic)
    began = fake_clock.monotonic()
    engine.start()
    while not engine.tick().finished:
        fake_clock.advance(0.5)
    assert engine.finished_at == pytest.approx(began + estimate_seconds(pairs))
    (log,) = engine.exercise_logs(pairs)
    dose = exercise.target
    assert log.completed
    assert log.sets_done == dose.sets
    assert log.reps_done == dose.reps * dose.sets * exercise.sides.side_count
