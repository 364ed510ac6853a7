"""Toasts (on screens without a status line) sit at the top right, off the welcome's and
the wizard's buttons at 80x24 and off every footer."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets import Button, Footer
from textual.widgets._toast import Toast

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Settings
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.welcome import WelcomeScreen
from planner.tui.screens.wizard import PlanWizard
from tests.conftest import FakeClock

NOTICE = "Another Back Planner is already using the data file. This window is read-only."


def overlaps(a: Region, b: Region) -> bool:
    return bool(a.intersection(b).area)


@pytest.mark.parametrize("welcomed", [False, True], ids=["welcome", "wizard"])
async def test_a_toast_leaves_the_dialog_buttons_and_footer_free(
    welcomed: bool, fake_clock: FakeClock
) -> None:
    store = Store.in_memory()
    if welcomed:
        store.save_settings(Settings(welcomed=True))
    app = PlannerApp(store, load_catalogue(), fake_clock.as_clock())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        if welcomed:
            await pilot.press("w")
            await pilot.pause()
        assert isinstance(app.screen, PlanWizard if welcomed else WelcomeScreen)
        app.notify(NOTICE, timeout=30)
        await pilot.pause()
        await pilot.pause()
        toasts = [toast.region for toast in app.screen.query(Toast)]
        assert toasts, "the message is shown"
        buttons = [button.region for button in app.screen.query(Button) if button.region]
        assert buttons
        covered = [*buttons, *(footer.region for footer in app.screen_stack[0].query(Footer))]
        for toast in toasts:
            assert toast.y >= 1, "the first line (title or header) stays in sight"
            assert not any(overlaps(toast, region) for region in covered)
