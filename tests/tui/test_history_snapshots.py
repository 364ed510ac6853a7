"""How the history screen looks: empty, and after a year of sessions, at 100x32 and 80x24."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.tui.history_support import history_app, history_store

SnapCompare = Any


async def _open_history(pilot: Pilot[None]) -> None:
    await pilot.press("h")
    await pilot.pause()


class TestHistorySnapshots:
    """The history screen as a user sees it."""

    def test_history_empty(self, snap_compare: SnapCompare) -> None:
        """No sessions yet: the friendly empty page, nothing else."""
        app = history_app(history_store())
        assert snap_compare(app, run_before=_open_history, terminal_size=(100, 32))

    def test_history_a_year(self, snap_compare: SnapCompare) -> None:
        """A year of sessions: cards, the week table, pain sparklines and recent notes."""
        app = history_app(history_store(weeks=52))
        assert snap_compare(app, run_before=_open_history, terminal_size=(100, 32))

    def test_history_a_year_smallest_size(self, snap_compare: SnapCompare) -> None:
        """The same year at 80x24: every column of the table still fits."""
        app = history_app(history_store(weeks=52))
        assert snap_compare(app, run_before=_open_history, terminal_size=(80, 24))

    def test_history_empty_smallest_size(self, snap_compare: SnapCompare) -> None:
        """The empty page at 80x24."""
        app = history_app(history_store())
        assert snap_compare(app, run_before=_open_history, terminal_size=(80, 24))

    def test_history_a_few_weeks_in_a_light_theme(self, snap_compare: SnapCompare) -> None:
        """Three weeks: wide pain bars with the date range under them, readable on a light theme."""
        app = history_app(history_store(weeks=3))

        async def run_before(pilot: Pilot[None]) -> None:
            app.theme = "textual-light"
            await _open_history(pilot)

        assert snap_compare(app, run_before=run_before, terminal_size=(100, 32))
