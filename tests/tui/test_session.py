"""The live session screen driven through Pilot on a fake clock."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import Input

from planner.domain.models import Dose, Effort, Settings
from planner.tui.screens.confirm import ConfirmDialog
from planner.tui.screens.session import SessionScreen
from planner.tui.screens.session_rating import PainBeforeDialog, SessionRatingDialog
from planner.tui.widgets.countdown import Countdown
from tests.conftest import FakeClock
from tests.tui.session_support import DAY, SessionHarness, items_for
from tests.unit.session.seven import SEVEN

HAMSTRING = ("seated_hamstring", Dose(hold_s=15, reps=2, rest_s=10))
SQUAT = ("deep_squat", Dose(reps=3, rest_s=0))


async def test_a_session_paused_skipped_ended_early_and_rated_is_logged(
    fake_clock: FakeClock,
) -> None:
    """Pain before, a hold, a pause, a skip, end early, rate: the log lands in the store."""
    harness = SessionHarness(fake_clock, items_for(HAMSTRING, SQUAT))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot, pain_before="4")
        assert isinstance(harness.app.screen, SessionScreen)
        assert harness.shown("session-exercise") == "Seated hamstring stretch"
        assert harness.shown("session-phase") == "Get ready"
        await harness.run_for(pilot, 5 + 15)  # get ready, then the whole first hold
        assert harness.shown("session-phase") == "Rest"
        assert harness.screen.query_one(Countdown).value == "0:10"
        await pilot.press("space")
        await harness.run_for(pilot, 120)
        assert harness.screen.query_one(Countdown).value == "0:10"
        assert "Paused" in harness.shown("session-status")
        await pilot.press("space")
        await pilot.press("n")  # skip the rest
        assert harness.shown("session-phase") == "Hold · Rep 2 of 2"
        await harness.run_for(pilot, 3)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(harness.app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(harness.app.screen, SessionRatingDialog)
        await pilot.press(*"2", "enter")  # pain, then on to effort
        await pilot.press("right", "right", "enter")  # pick "Hard"
        harness.app.screen.query_one("#rating-note", Input).value = "[b]stiff[/] morning"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(harness.results) == 1  # the screen dismissed with its log
    (log,) = harness.store.logs()
    assert (log.day, log.pain_before, log.pain_after) == (DAY, 4, 2)
    assert log.effort is Effort.HARD and log.note == "[b]stiff[/] morning"
    hamstring, squat = log.exercises
    assert (hamstring.holds_done, hamstring.completed, hamstring.skipped) == (1, False, False)
    assert squat.skipped and squat.reps_done == 0
    assert not log.completed


async def test_a_whole_session_run_to_the_end_is_complete(fake_clock: FakeClock) -> None:
    """Run to the end with the rating skipped: every exercise done, no ratings."""
    harness = SessionHarness(fake_clock, items_for(SQUAT))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        await harness.run_for(pilot, 5 + 9)
        assert isinstance(harness.app.screen, SessionRatingDialog)
        assert "Well done" in str(harness.app.screen.query_one(".dialog-title").render())
        await pilot.press("escape")
        await pilot.pause()
    (log,) = harness.store.logs()
    assert log.completed and log.pain_before is None and log.effort is None
    assert log.exercises[0].reps_done == 3
    assert log.started_at < log.ended_at


async def test_enter_marks_a_paced_rep_done_early(fake_clock: FakeClock) -> None:
    """Enter during a rep counts it and starts the next at once."""
    harness = SessionHarness(fake_clock, items_for(SQUAT))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        await pilot.press("enter")  # cut the get-ready short
        assert harness.shown("session-phase") == "Rep 1 of 3"
        await harness.run_for(pilot, 1)
        await pilot.press("enter")
        assert harness.shown("session-phase") == "Rep 2 of 3"
        assert harness.screen.query_one(Countdown).value == "0:03"
        assert harness.screen.engine.exercise_logs(harness.screen.pairs)[0].reps_done == 1


async def test_ending_before_anything_was_done_logs_nothing(fake_clock: FakeClock) -> None:
    """Leaving during the get-ready asks, then closes without a log or a rating."""
    harness = SessionHarness(fake_clock, items_for(HAMSTRING))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(harness.app.screen, SessionScreen | SessionRatingDialog)
    assert harness.results == [None]
    assert harness.store.logs() == []


async def test_saying_no_to_ending_carries_on_where_it_was(fake_clock: FakeClock) -> None:
    """The clock stands still while the question is up, and runs again after no."""
    harness = SessionHarness(fake_clock, items_for(HAMSTRING))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        await harness.run_for(pilot, 7)  # 2 s into the hold
        await pilot.press("escape")
        await pilot.pause()
        fake_clock.advance(60)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(harness.app.screen, SessionScreen)
        assert harness.screen.query_one(Countdown).value == "0:13"
        assert harness.shown("session-status") == ""


async def test_the_pain_question_refuses_a_bad_score(fake_clock: FakeClock) -> None:
    """Eleven is not a pain score: the dialog says so and stays."""
    harness = SessionHarness(fake_clock, items_for(HAMSTRING))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot, pain_before="11")
        assert isinstance(harness.app.screen, PainBeforeDialog)
        error = str(harness.app.screen.query_one("#pain-before-error").render())
        assert "0 (none) to 10" in error
        assert not harness.screen.engine.state().started


@pytest.mark.parametrize(("bell", "beeps", "expected"), [(True, True, 6), (False, False, 0)])
async def test_bell_rings_at_phase_changes_and_three_two_one(
    fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch, bell: bool, beeps: bool, expected: int
) -> None:
    """Start, 3-2-1 in the hold, hold ends, session ends: six rings, or none when turned off."""
    settings = Settings(welcomed=True, bell=bell, countdown_beeps=beeps)
    harness = SessionHarness(
        fake_clock, items_for(("double_knees", Dose(hold_s=15))), settings=settings
    )
    rings: list[float] = []
    monkeypatch.setattr(harness.app, "bell", lambda: rings.append(fake_clock.mono))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        await harness.run_for(pilot, 20, step=0.1)
    assert len(rings) == expected
    if expected:
        assert [round(t - 1000, 1) for t in rings] == [0, 5, 17, 18, 19, 20]


async def test_mode_keys_do_not_leave_a_running_session(fake_clock: FakeClock) -> None:
    """History, catalogue, calendar and settings keys are refused mid-session."""
    harness = SessionHarness(fake_clock, items_for(HAMSTRING))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        await pilot.press("h", "l", "c", "o")
        await pilot.pause()
        assert harness.app.screen is harness.screen


async def test_exercise_text_is_shown_literally(fake_clock: FakeClock) -> None:
    """A custom exercise called like markup is shown as typed."""
    odd = replace(SEVEN[2], id="odd", name="Knees [b]up[/b]", steps=("Hug [red]them", "Let go"))
    harness = SessionHarness(fake_clock, items_for(("odd", Dose(hold_s=10))), extra=(odd,))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        assert harness.shown("session-exercise") == "Knees [b]up[/b]"
        assert "1. Hug [red]them" in harness.shown("session-steps")


async def test_a_clock_jump_pauses_the_session_and_says_so(fake_clock: FakeClock) -> None:
    """After a suspend the session waits, with the time left it had, until space."""
    harness = SessionHarness(fake_clock, items_for(HAMSTRING))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        await harness.run_for(pilot, 8)  # 3 s into the hold
        fake_clock.advance(1800)
        harness.screen.refresh_session()
        await pilot.pause()
        assert "clock jump" in harness.shown("session-status")
        assert harness.screen.query_one(Countdown).value == "0:12"
        await pilot.press("space")
        await harness.run_for(pilot, 2)
        assert harness.screen.query_one(Countdown).value == "0:10"


async def test_the_get_ready_time_comes_from_settings(fake_clock: FakeClock) -> None:
    """Ten seconds to get ready when the user chose ten."""
    settings = Settings(welcomed=True, get_ready_s=10)
    harness = SessionHarness(fake_clock, items_for(HAMSTRING), settings=settings)
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        assert harness.screen.query_one(Countdown).value == "0:10"
        await harness.run_for(pilot, 9)
        assert harness.shown("session-phase") == "Get ready"


async def test_a_day_with_nothing_runnable_closes_at_once(fake_clock: FakeClock) -> None:
    """Items whose exercise no longer exists leave nothing to run: no log, no questions."""
    harness = SessionHarness(fake_clock, items_for(("deleted-own", Dose(hold_s=10))))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        harness.app.push_screen(harness.screen, harness.results.append)
        await pilot.pause()
        assert not isinstance(harness.app.screen, PainBeforeDialog)
    assert harness.results == [None]


async def test_skipping_every_step_closes_the_session_with_nothing_logged(
    fake_clock: FakeClock,
) -> None:
    """Skipping the last step ends the session: it must not sit on "Session complete"."""
    harness = SessionHarness(fake_clock, items_for(SQUAT))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        for _ in range(10):  # get ready and three reps, then more presses than needed
            await pilot.press("n")
        await pilot.pause()
        assert not isinstance(harness.app.screen, SessionScreen)
    assert harness.results == [None]
    assert harness.store.logs() == []


async def test_skipping_the_last_step_after_some_work_asks_for_the_rating(
    fake_clock: FakeClock,
) -> None:
    """A rep done, the rest skipped: the session ends and asks how it went."""
    harness = SessionHarness(fake_clock, items_for(SQUAT))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        await harness.run_for(pilot, 5 + 3)  # get ready and the first rep
        await pilot.press("n", "n")
        await pilot.pause()
        assert isinstance(harness.app.screen, SessionRatingDialog)
        await pilot.press("escape")
        await pilot.pause()
    (log,) = harness.store.logs()
    assert log.exercises[0].reps_done == 1 and not log.completed
