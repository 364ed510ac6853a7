"""What the live session looks like: in a hold, in a rest, and at the rating."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from planner.domain.models import Dose
from tests.conftest import FakeClock
from tests.tui.session_support import SessionHarness, items_for

ITEMS = items_for(
    ("leg_lift", Dose(hold_s=30, reps=2, rest_s=10)),
    ("pelvic_tilt", Dose(hold_s=5, reps=10, sets=2, rest_s=15)),
)


class TestSessionScreen:
    """Snapshots of the live-session screen at fixed moments of a fake clock."""

    def test_hold(self, snap_compare: Any) -> None:
        """Twelve seconds into the first left-leg hold: 0:18 on the big countdown."""
        harness = SessionHarness(FakeClock(), ITEMS)

        async def run_before(pilot: Pilot[None]) -> None:
            await harness.open(pilot, pain_before="3")
            await harness.run_for(pilot, 5 + 12)

        assert snap_compare(harness.app, run_before=run_before, terminal_size=(100, 32))

    def test_rest_while_paused(self, snap_compare: Any) -> None:
        """Paused in the rest between the left leg's two holds."""
        harness = SessionHarness(FakeClock(), ITEMS)

        async def run_before(pilot: Pilot[None]) -> None:
            await harness.open(pilot)
            await harness.run_for(pilot, 5 + 30 + 4)
            await pilot.press("space")

        assert snap_compare(harness.app, run_before=run_before, terminal_size=(100, 32))

    def test_rating(self, snap_compare: Any) -> None:
        """The rating dialog after ending early, with a pain score typed."""
        harness = SessionHarness(FakeClock(), ITEMS)

        async def run_before(pilot: Pilot[None]) -> None:
            await harness.open(pilot)
            await harness.run_for(pilot, 5 + 31)
            await pilot.press("escape", "y")
            await pilot.pause()
            await pilot.press("2")
            # A blinking cursor would make the picture depend on the moment it is taken.
            harness.app.screen.query_one("#rating-pain", Input).cursor_blink = False
            await pilot.pause()

        assert snap_compare(harness.app, run_before=run_before, terminal_size=(100, 32))

    def test_hold_at_80x24(self, snap_compare: Any) -> None:
        """The smallest size: the steps, the countdown and the footer's keys all fit."""
        harness = SessionHarness(FakeClock(), ITEMS)

        async def run_before(pilot: Pilot[None]) -> None:
            await harness.open(pilot, pain_before="3")
            await harness.run_for(pilot, 5 + 12)

        assert snap_compare(harness.app, run_before=run_before, terminal_size=(80, 24))

    def test_rating_at_80x24_in_a_light_theme(self, snap_compare: Any) -> None:
        """The rating dialog at 80x24 in a light theme: every field and button shows."""
        harness = SessionHarness(FakeClock(), ITEMS)

        async def run_before(pilot: Pilot[None]) -> None:
            harness.app.theme = "textual-light"
            await harness.open(pilot)
            await harness.run_for(pilot, 5 + 31)
            await pilot.press("escape", "y")
            await pilot.pause()
            harness.app.screen.query_one("#rating-pain", Input).cursor_blink = False
            await pilot.pause()

        assert snap_compare(harness.app, run_before=run_before, terminal_size=(80, 24))
