"""Every mode and its help, in every state a user's data can be in, without an error.

A crash that only shows for one state (a plan with nothing logged yet, say) is
exactly what a test per screen with its own favourite fixture misses, so this
walks the whole matrix: no data, a plan only, a plan with months of sessions, and
the same read-only. Each visit checks the screen really is up and shows its title.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.app import App
from textual.screen import Screen

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import Activity, Plan, Profile, Settings
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.calendar import CalendarScreen
from planner.tui.screens.catalogue import CatalogueScreen
from planner.tui.screens.help import HelpScreen
from planner.tui.screens.history import HistoryScreen
from tests.conftest import FIXED_NOW, FakeClock
from tests.unit.feedback.factories import generate_history

TODAY = FIXED_NOW.date()


def nothing(store: Store) -> None:
    """A new user who closed the welcome."""


def plan_only(store: Store) -> None:
    """A plan under way, nothing logged yet."""
    items, _ = generate_history(TODAY, weeks=3)
    profile = Profile(3, Activity.LOW, frozenset({0, 2, 4}), 15, 6, items[0].day)
    store.save_plan(Plan(profile=profile, items=tuple(items)), keep_before=items[0].day)


def plan_and_sessions(store: Store) -> None:
    """Half a year of plan and sessions, notes included."""
    items, logs = generate_history(TODAY, weeks=26)
    profile = Profile(4, Activity.MEDIUM, frozenset({0, 2, 4}), 15, 12, items[0].day)
    store.save_plan(Plan(profile=profile, items=tuple(items)), keep_before=items[0].day)
    store.import_logs(logs)


STATES: dict[str, Callable[[Store], None]] = {
    "no data": nothing,
    "plan only": plan_only,
    "plan and sessions": plan_and_sessions,
}
MODES: list[tuple[str, type[Screen[None]]]] = [
    ("c", CalendarScreen),
    ("l", CatalogueScreen),
    ("h", HistoryScreen),
]


def make_app(state: Callable[[Store], None], *, read_only: bool, clock: FakeClock) -> App[None]:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    state(store)
    store.read_only = read_only
    catalogue: Catalogue = load_catalogue()
    return PlannerApp(store, catalogue, clock.as_clock())


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
@pytest.mark.parametrize("state", list(STATES.values()), ids=list(STATES))
async def test_every_mode_and_its_help_opens(
    state: Callable[[Store], None], read_only: bool, fake_clock: FakeClock
) -> None:
    app = make_app(state, read_only=read_only, clock=fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for key, screen_type in [*MODES, MODES[0]]:
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_type), (key, app.screen)
            assert app.screen.query("TitleBar, #calendar-header"), "no title line"
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
        assert app.is_running
