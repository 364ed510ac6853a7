"""Every mode at terminal sizes from 40x12 to 250x80, with a plan and a session loaded."""

from __future__ import annotations

import pytest
from textual.screen import Screen

from planner.domain.catalogue import load_catalogue
from planner.storage import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.calendar import CalendarScreen
from planner.tui.screens.catalogue import CatalogueScreen
from planner.tui.screens.history import HistoryScreen
from planner.tui.screens.too_small import TooSmallScreen
from tests.conftest import FakeClock
from tests.reliability.support import PLAN_START, with_plan
from tests.unit.storage.samples import session_log

SIZES = [(40, 12), (60, 20), (79, 23), (80, 24), (100, 32), (250, 80)]

# What each mode must show once there is room: a mode key, its screen, and text from its content.
MODES: list[tuple[str, type[Screen[None]], str]] = [
    ("c", CalendarScreen, "2026-W48"),
    ("l", CatalogueScreen, "Double knees to chest"),
    ("h", HistoryScreen, "felt fine"),
]


def screen_text(app: PlannerApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize(
    ("key", "screen_type", "content"), MODES, ids=["calendar", "catalogue", "history"]
)
async def test_each_mode_fits_or_says_the_terminal_is_too_small(
    key: str, screen_type: type[Screen[None]], content: str, fake_clock: FakeClock
) -> None:
    catalogue = load_catalogue()
    store = with_plan(Store.in_memory(), catalogue)
    store.log_session(session_log(PLAN_START))
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
        # Up and down through the sizes, so the mode is also seen coming back from too small.
        for width, height in [*SIZES, *reversed(SIZES)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            await pilot.pause()
            shown = screen_text(app)
            if width < 80 or height < 24:
                assert isinstance(app.screen, TooSmallScreen)
                assert f"{width}×{height}" in shown
            else:
                assert isinstance(app.screen, screen_type)
                assert content in shown, f"{content!r} not visible at {width}x{height}"
        assert app.is_running
