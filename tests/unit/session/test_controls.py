"""Pause, resume, skip, back, done and end, on a fake clock."""

from __future__ import annotations

import pytest

from planner.domain.models import Exercise
from planner.domain.phases import PhaseKind, build_phases
from planner.domain.session import SessionEngine
from tests.conftest import FakeClock
from tests.unit.session.seven import DEEP_SQUAT, LEG_LIFT, SEATED_HAMSTRING


def started(clock: FakeClock, *exercises: Exercise) -> SessionEngine:
    """An engine started on ``exercises`` (the seated hamstring stretch alone by default)."""
    exercises = exercises or (SEATED_HAMSTRING,)
    engine = SessionEngine(build_phases([(e, e.start) for e in exercises]), clock.monotonic)
    engine.start()
    return engine


def advance(engine: SessionEngine, clock: FakeClock, seconds: float, step: float = 0.5) -> None:
    """Move the clock on in small steps, ticking like the screen does."""
    for _ in range(round(seconds / step)):
        clock.advance(step)
        engine.tick()


def test_a_pause_of_any_length_changes_nothing_else(fake_clock: FakeClock) -> None:
    """Paused for an hour mid-hold: the same time is left, and the rest of the session shifts."""
    engine = started(fake_clock)
    advance(engine, fake_clock, 10)  # 5 s into the first 15 s hold
    engine.pause()
    fake_clock.advance(3600)
    engine.tick()
    state = engine.state()
    assert state.paused and not state.suspended
    assert state.remaining_s == 10
    engine.resume()
    assert engine.state().remaining_s == 10
    advance(engine, fake_clock, 10)
    assert engine.state().phase.kind is PhaseKind.REST  # type: ignore[union-attr]
    advance(engine, fake_clock, 25)
    assert engine.state().finished
    assert engine.finished_at == pytest.approx(1000 + 45 + 3600)


def test_toggle_pause_flips_between_paused_and_running(fake_clock: FakeClock) -> None:
    """The one pause key pauses, then resumes."""
    engine = started(fake_clock)
    engine.toggle_pause()
    assert engine.state().paused
    engine.toggle_pause()
    assert not engine.state().paused


def test_skip_leaves_a_hold_undone(fake_clock: FakeClock) -> None:
    """Skipping a hold moves on at once and the log does not count it."""
    engine = started(fake_clock)
    advance(engine, fake_clock, 7)
    engine.skip()
    state = engine.state()
    assert state.phase.kind is PhaseKind.REST  # type: ignore[union-attr]
    assert state.remaining_s == 10
    advance(engine, fake_clock, 25)
    assert engine.state().finished
    (log,) = engine.exercise_logs([(SEATED_HAMSTRING, SEATED_HAMSTRING.start)])
    assert (log.holds_done, log.completed, log.skipped) == (1, False, False)
    assert log.seconds == 5 + 2 + 10 + 15


def test_skip_while_paused_stays_paused_with_the_whole_next_phase(fake_clock: FakeClock) -> None:
    """Skipping never starts the clock again behind the user's back."""
    engine = started(fake_clock)
    engine.pause()
    engine.skip()
    fake_clock.advance(100)
    state = engine.state()
    assert state.paused and state.phase.kind is PhaseKind.HOLD  # type: ignore[union-attr]
    assert state.remaining_s == 15


def test_skip_exercise_jumps_to_the_next_exercise(fake_clock: FakeClock) -> None:
    """The rest of the current exercise is left and logged as skipped when nothing was done."""
    engine = started(fake_clock, SEATED_HAMSTRING, DEEP_SQUAT)
    engine.skip_exercise()
    state = engine.state()
    assert state.phase.exercise is DEEP_SQUAT  # type: ignore[union-attr]
    assert state.phase.kind is PhaseKind.GET_READY  # type: ignore[union-attr]
    first, _ = engine.exercise_logs(
        [(SEATED_HAMSTRING, SEATED_HAMSTRING.start), (DEEP_SQUAT, DEEP_SQUAT.start)]
    )
    assert first.skipped and not first.completed


def test_back_restarts_a_phase_well_under_way(fake_clock: FakeClock) -> None:
    """More than two seconds into a hold, back starts that hold again."""
    engine = started(fake_clock)
    advance(engine, fake_clock, 12)
    engine.back()
    state = engine.state()
    assert state.phase.kind is PhaseKind.HOLD and state.remaining_s == 15  # type: ignore[union-attr]


def test_back_early_in_a_phase_goes_to_the_previous_one(fake_clock: FakeClock) -> None:
    """Just after a hold ended, back returns to it in full."""
    engine = started(fake_clock)
    advance(engine, fake_clock, 21)  # 1 s into the rest
    engine.back()
    state = engine.state()
    assert state.index == 1 and state.remaining_s == 15


def test_back_on_the_first_phase_restarts_it(fake_clock: FakeClock) -> None:
    """There is nothing before the get-ready, so back starts it over."""
    engine = started(fake_clock)
    advance(engine, fake_clock, 1)
    engine.back()
    assert engine.state().index == 0 and engine.state().remaining_s == 5


def test_done_finishes_a_paced_rep_early_and_counts_it(fake_clock: FakeClock) -> None:
    """The rep-done key moves to the next rep and the rep is logged."""
    engine = started(fake_clock, DEEP_SQUAT)
    advance(engine, fake_clock, 6)  # 1 s into rep 1
    assert engine.done()
    state = engine.state()
    assert state.phase.rep == 2 and state.remaining_s == 3  # type: ignore[union-attr]
    engine.end()
    (log,) = engine.exercise_logs([(DEEP_SQUAT, DEEP_SQUAT.start)])
    assert log.reps_done == 1


def test_done_does_not_cut_a_hold_short(fake_clock: FakeClock) -> None:
    """Holds are held or skipped; done leaves them alone."""
    engine = started(fake_clock)
    advance(engine, fake_clock, 6)
    assert not engine.done()
    assert engine.state().phase.kind is PhaseKind.HOLD  # type: ignore[union-attr]
    assert engine.state().remaining_s == 14


def test_end_early_keeps_what_was_done(fake_clock: FakeClock) -> None:
    """Ending in the second exercise logs the first as done and the rest as skipped."""
    engine = started(fake_clock, SEATED_HAMSTRING, LEG_LIFT, DEEP_SQUAT)
    advance(engine, fake_clock, 45 + 5 + 30 + 3)  # 3 s into the leg lift's first rest
    engine.end()
    state = engine.state()
    assert state.finished and state.ended_early and state.remaining_s == 0
    assert engine.anything_done
    first, second, third = engine.exercise_logs(
        [(e, e.start) for e in (SEATED_HAMSTRING, LEG_LIFT, DEEP_SQUAT)]
    )
    assert first.completed and first.holds_done == 2
    assert (second.holds_done, second.completed, second.skipped) == (1, False, False)
    assert second.seconds == 5 + 30 + 3
    assert third.skipped and third.seconds == 0
    engine.skip()
    engine.resume()
    assert engine.state().finished


def test_end_before_anything_was_done_leaves_nothing_done(fake_clock: FakeClock) -> None:
    """Ending during the get-ready: the session is over and nothing counts."""
    engine = started(fake_clock)
    advance(engine, fake_clock, 2)
    engine.end()
    assert engine.state().finished and not engine.anything_done


def test_a_clock_jump_pauses_where_the_session_was_last_seen(fake_clock: FakeClock) -> None:
    """A suspended laptop: an hour passes between two looks; nothing is fast-forwarded."""
    engine = started(fake_clock, SEATED_HAMSTRING, LEG_LIFT)
    advance(engine, fake_clock, 9)  # 4 s into the first hold
    fake_clock.advance(3600)
    result = engine.tick()
    state = engine.state()
    assert result.suspended and state.paused and state.suspended
    assert state.index == 1 and state.remaining_s == 11
    engine.resume()
    assert not engine.state().suspended
    advance(engine, fake_clock, 11)
    assert engine.state().phase.kind is PhaseKind.REST  # type: ignore[union-attr]


def test_a_short_stall_catches_up_through_phase_ends(fake_clock: FakeClock) -> None:
    """Four seconds without a look is not a suspend: phases that ended did end, on time."""
    engine = started(fake_clock)
    advance(engine, fake_clock, 19)  # 1 s before the first hold ends
    fake_clock.advance(4)
    result = engine.tick()
    state = engine.state()
    assert result.phase_changed and not state.paused
    assert state.phase.kind is PhaseKind.REST and state.remaining_s == 7  # type: ignore[union-attr]


def test_three_two_one_beeps_once_each_in_a_hold(fake_clock: FakeClock) -> None:
    """Looking ten times a second, a 15 s hold gives 3, 2, 1 at those seconds left."""
    engine = started(fake_clock)
    beeps: list[tuple[float, int]] = []
    for _ in range(200):  # the get-ready and the first hold
        fake_clock.advance(0.1)
        result = engine.tick()
        if result.beep is not None:
            beeps.append((round(fake_clock.mono - 1000, 1), result.beep))
    assert beeps == [(17.0, 3), (18.0, 2), (19.0, 1)]


def test_progress_and_time_left_cover_the_whole_session(fake_clock: FakeClock) -> None:
    """Halfway through the planned time the bar is half full."""
    engine = started(fake_clock, SEATED_HAMSTRING)
    assert engine.state().session_left_s == 45 and engine.state().progress == 0
    advance(engine, fake_clock, 22.5)
    assert engine.state().session_left_s == 22.5
    assert engine.state().progress == pytest.approx(0.5)


def test_nothing_moves_before_start(fake_clock: FakeClock) -> None:
    """A session waiting for its pain-before answer does not count down."""
    engine = SessionEngine(
        build_phases([(SEATED_HAMSTRING, SEATED_HAMSTRING.start)]), fake_clock.monotonic
    )
    fake_clock.advance(30)
    engine.tick()
    engine.skip()
    state = engine.state()
    assert not state.started and state.index == 0 and state.remaining_s == 5
