"""Messages on the calendar and the catalogue: in a status line above the footer, one at a
time, never over the columns; a failure stays above a later "done"; a dialog that covers
the line holds its time."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets._toast import Toast

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.confirm import ConfirmDialog
from planner.tui.widgets.status_line import StatusLine
from planner.tui.widgets.week_grid import WeekGrid
from tests.conftest import FakeClock
from tests.tui.test_calendar import make_app, seeded_store

HIDDEN_TIMEOUT_S = 1.0
"""A message's time in the tests that cover its line: waited out once and a half while
covered, and long enough that a busy machine still looks before it runs out after."""


@pytest.fixture
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def store(catalogue: Catalogue) -> Store:
    return seeded_store(catalogue)


def shown(line: StatusLine) -> tuple[str, ...]:
    """The line's messages, read afresh (a call, so mypy does not carry one look over)."""
    return line.messages


def status(app: PlannerApp) -> StatusLine:
    return app.screen.query_one(StatusLine)


async def test_three_adds_leave_one_line_below_the_week(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        for name in ("knees", "squat", "tilt"):
            await pilot.press("a", *name, "enter")
            await pilot.pause()
            if isinstance(app.screen, ConfirmDialog):  # a second copy: yes
                await pilot.press("y")
                await pilot.pause()
        line = status(app)
        assert line.display and len(line.messages) == 1
        assert line.messages[0].startswith("Added Pelvic tilt")
        assert not app.screen.query(Toast)
        grid = app.screen.query_one(WeekGrid).region
        assert line.region.y >= grid.bottom, "the line sits below the columns"


async def test_an_error_stays_above_the_next_message(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        app.notify("could not save", severity="error")
        app.notify("Added something.")
        app.notify("Added something else.")
        await pilot.pause()
        assert status(app).messages == ("could not save", "Added something else.")
        assert status(app).has_class("-error")


async def test_a_dialog_over_the_line_holds_its_time(
    store: Store, catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        line = status(app)
        app.notify("Your data file was moved aside.", timeout=HIDDEN_TIMEOUT_S)
        app.push_screen(ConfirmDialog("Carry on?", "Yes"))
        await pilot.pause()
        await asyncio.sleep(HIDDEN_TIMEOUT_S * 1.5)
        app.pop_screen()
        await pilot.pause()
        assert shown(line) == ("Your data file was moved aside.",), "kept while covered"
        await asyncio.sleep(HIDDEN_TIMEOUT_S * 1.5)
        await pilot.pause()
        assert not line.display and shown(line) == ()


async def test_a_calendar_message_while_history_shows_waits_for_the_calendar(
    store: Store, catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        calendar = app.screen
        await pilot.press("h")
        await pilot.pause()
        calendar.notify("Dose held this week.", timeout=HIDDEN_TIMEOUT_S)
        await pilot.pause()
        assert not app.screen.query(Toast), "nothing laid over the history"
        await asyncio.sleep(HIDDEN_TIMEOUT_S * 1.5)
        await pilot.press("c")
        await pilot.pause()
        assert shown(status(app)) == ("Dose held this week.",)
