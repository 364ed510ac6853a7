"""The session's keys say what they do: enter during a hold, escape on the pain question,
and a summary after the session that praises only a session really done."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey
from textual.widgets._toast import Toast

from planner.domain.models import Dose
from planner.tui.screens.session import HOLD_NOTE, SessionScreen
from planner.tui.screens.session_rating import PainBeforeDialog, SessionRatingDialog
from tests.conftest import FakeClock
from tests.tui.session_support import SessionHarness, items_for

HAMSTRING = ("seated_hamstring", Dose(hold_s=15, reps=2, rest_s=10))
SQUAT = ("deep_squat", Dose(reps=3, rest_s=0))
TILT = ("pelvic_tilt", Dose(hold_s=5, reps=2, rest_s=0))


def top(harness: SessionHarness) -> Screen[object]:
    """The screen on top now (a function, so each look is a fresh one for mypy too)."""
    return harness.app.screen


def footer_words(harness: SessionHarness) -> set[str]:
    keys = harness.app.screen.query_one(Footer).query(FooterKey)
    return {key.description for key in keys}


async def test_enter_during_a_hold_is_not_offered_and_says_why(fake_clock: FakeClock) -> None:
    harness = SessionHarness(fake_clock, items_for(HAMSTRING))
    async with harness.app.run_test(size=(100, 32), notifications=True) as pilot:
        await harness.open(pilot)
        assert "Done" in footer_words(harness), "get ready can be cut short"
        await harness.run_for(pilot, 7)  # 2 s into the hold
        assert harness.shown("session-phase").startswith("Hold")
        await pilot.pause()
        assert "Done" not in footer_words(harness)
        await pilot.press("enter")
        await pilot.pause()
        assert harness.shown("session-phase").startswith("Hold"), "the hold goes on"
        toasts = [str(toast.render()) for toast in harness.app.screen.query(Toast)]
        assert HOLD_NOTE in toasts


async def test_escape_on_the_pain_question_goes_back_without_a_session(
    fake_clock: FakeClock,
) -> None:
    harness = SessionHarness(fake_clock, items_for(HAMSTRING))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        harness.app.push_screen(harness.screen, harness._keep)
        await pilot.pause()
        assert isinstance(harness.app.screen, PainBeforeDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(top(harness), SessionScreen | PainBeforeDialog)
        assert not harness.screen.engine.state().started
    assert harness.results == [None]
    assert harness.store.logs() == []


async def test_a_mostly_skipped_session_is_not_praised(fake_clock: FakeClock) -> None:
    harness = SessionHarness(fake_clock, items_for(HAMSTRING, TILT, SQUAT))
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        await pilot.press("x", "x")  # skip the first two exercises
        await harness.run_for(pilot, 5 + 9)  # the squat, to the end
        assert isinstance(harness.app.screen, SessionRatingDialog)
        title = str(harness.app.screen.query_one(".dialog-title").render())
        assert "Well done" not in title
        assert title == "1 of 3 exercises done, 2 skipped. How was it?"
