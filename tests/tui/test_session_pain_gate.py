"""The pain question before a session: 9 or 10 runs no session, 7 or 8 only gentle ones."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Static

from planner.domain.models import Dose
from planner.tui.screens.no_session import NoSessionScreen
from planner.tui.screens.session import SessionScreen
from planner.tui.widgets.countdown import Countdown
from tests.conftest import FakeClock
from tests.tui.session_support import SessionHarness, items_for
from tests.unit.session.seven import DEEP_SQUAT

HARD_SQUAT = replace(DEEP_SQUAT, id="hard_squat", name="Hard squat", level=3)
ITEMS = items_for(("hard_squat", Dose(reps=3)), ("leg_lift", Dose(hold_s=30, reps=2, rest_s=10)))


async def test_pain_of_ten_before_a_session_starts_no_session_and_says_see_a_doctor(
    fake_clock: FakeClock,
) -> None:
    harness = SessionHarness(fake_clock, ITEMS, extra=(HARD_SQUAT,))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot, pain_before="10")
        screen = harness.app.screen
        assert isinstance(screen, NoSessionScreen)
        advice = str(screen.query_one("#no-session-advice", Static).render())
        assert advice.startswith("See a doctor")
        assert not harness.app.screen.query(Countdown)
        assert not harness.screen.engine.state().started
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(harness.app.screen, (SessionScreen, NoSessionScreen))
    (log,) = harness.store.logs()
    assert log.exercises == () and log.pain_before == 10


async def test_pain_of_eight_before_a_session_keeps_to_the_gentle_exercises(
    fake_clock: FakeClock,
) -> None:
    harness = SessionHarness(fake_clock, ITEMS, extra=(HARD_SQUAT,))
    async with harness.app.run_test(size=(100, 32), notifications=True) as pilot:
        await harness.open(pilot, pain_before="8")
        assert isinstance(harness.app.screen, SessionScreen)
        assert harness.shown("session-exercise") == "Leg lift"
        assert "Exercise 1 of 1" in harness.shown("session-count")
        assert harness.screen.engine.state().started


async def test_pain_of_six_runs_the_session_as_planned(fake_clock: FakeClock) -> None:
    harness = SessionHarness(fake_clock, ITEMS, extra=(HARD_SQUAT,))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot, pain_before="6")
        assert harness.shown("session-exercise") == "Hard squat"
        assert "Exercise 1 of 2" in harness.shown("session-count")


async def test_items_left_out_by_a_pause_are_not_run(fake_clock: FakeClock) -> None:
    items = [replace(ITEMS[0], left_out=True, held_reason="Left out during the pause (new)")]
    harness = SessionHarness(fake_clock, [*items, ITEMS[1]], extra=(HARD_SQUAT,))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot, pain_before="2")
        assert harness.shown("session-exercise") == "Leg lift"
        assert "Exercise 1 of 1" in harness.shown("session-count")
