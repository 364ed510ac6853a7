"""The app shell: the start-up notice, app keys, settings, the welcome and the too-small cover."""

from __future__ import annotations

import gc
from dataclasses import replace
from typing import Any

from textual.app import App
from textual.widgets import Label, Static, Switch
from textual.widgets._toast import Toast

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Settings
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.help import HelpScreen
from planner.tui.screens.settings import SettingsDialog
from planner.tui.screens.too_small import TooSmallScreen
from planner.tui.screens.welcome import WelcomeScreen
from planner.tui.widgets.red_flag_checklist import RedFlagChecklist
from tests.conftest import FakeClock
from tests.tui.shown_messages import shown_messages


def top(app: App[Any]) -> object:
    """The screen on top, typed loosely so each check starts from scratch."""
    return app.screen


def make_app(fake_clock: FakeClock, *, notice: str = "") -> PlannerApp:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    return PlannerApp(store, load_catalogue(), fake_clock.as_clock(), notice=notice)


def cover_text(app: App[Any]) -> str:
    return str(app.screen.query_one("#too-small-message", Static).render())


async def test_notice_is_shown_once_literally(fake_clock: FakeClock) -> None:
    app = make_app(fake_clock, notice="Data file moved aside to [b]old[/].json")
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        # In the calendar's status line, below the week (not over its columns).
        assert shown_messages(app) == ["Data file moved aside to [b]old[/].json"]
        assert not app.screen.query(Toast)


async def test_no_notice_no_toast(fake_clock: FakeClock) -> None:
    app = make_app(fake_clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        assert not app.screen.query(Toast)


async def test_mode_keys_switch_screens(fake_clock: FakeClock) -> None:
    app = make_app(fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.current_mode == "calendar"
        await pilot.press("l")
        await pilot.pause()
        assert app.current_mode == "catalogue"
        await pilot.press("c")
        await pilot.pause()
        assert app.current_mode == "calendar"


async def test_question_mark_opens_help(fake_clock: FakeClock) -> None:
    app = make_app(fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(top(app), HelpScreen)


async def test_settings_are_saved_to_the_store(fake_clock: FakeClock) -> None:
    app = make_app(fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(top(app), SettingsDialog)
        app.screen.query_one("#settings-bell", Switch).value = False
        await pilot.click("#settings-save")
        await pilot.pause()
        assert not isinstance(top(app), SettingsDialog)
    assert app.store.settings().bell is False
    assert app.store.settings().welcomed is True


async def test_too_small_at_60x20_then_recovers(fake_clock: FakeClock) -> None:
    app = make_app(fake_clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert isinstance(top(app), TooSmallScreen)
        assert cover_text(app).startswith("Terminal too small: 60×20, needs at least 80×24")
        # Keys of the hidden screens do not get through.
        await pilot.press("l")
        await pilot.pause()
        assert app.current_mode == "calendar"
        await pilot.resize_terminal(100, 32)
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(top(app), TooSmallScreen)
        assert app.current_mode == "calendar"


async def test_shrinking_over_a_dialog_covers_it_and_brings_it_back(fake_clock: FakeClock) -> None:
    app = make_app(fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(top(app), TooSmallScreen)
        assert cover_text(app).startswith("Terminal too small: 40×12, needs at least 80×24")
        await pilot.resize_terminal(79, 24)
        await pilot.pause()
        await pilot.pause()
        assert cover_text(app).startswith("Terminal too small: 79×24")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(top(app), HelpScreen)


async def test_a_dialog_opened_while_too_small_stays_covered(fake_clock: FakeClock) -> None:
    app = make_app(fake_clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        app.push_screen(HelpScreen(app.screen_stack[0]))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(top(app), TooSmallScreen)
        await pilot.resize_terminal(100, 32)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(top(app), HelpScreen)


async def test_very_large_terminal_is_fine(fake_clock: FakeClock) -> None:
    app = make_app(fake_clock)
    async with app.run_test(size=(250, 80)) as pilot:
        await pilot.pause()
        assert not isinstance(top(app), TooSmallScreen)


async def test_first_launch_welcome_shows_doctor_advice_and_answers(fake_clock: FakeClock) -> None:
    catalogue = load_catalogue()
    answers: list[bool | None] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(WelcomeScreen(catalogue), answers.append)

    app = Host()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        doctor = str(app.screen.query_one("#welcome-doctor", Static).render())
        assert catalogue.guidance["see_a_doctor"][0] in doctor
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(WelcomeScreen(catalogue), answers.append)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert answers == [False, True]


async def test_collector_paused_for_start_up_is_back_on_after_the_first_frame(
    fake_clock: FakeClock,
) -> None:
    """`planner` pauses garbage collection while it starts; the first frame turns it back on."""
    app = make_app(fake_clock)
    gc.disable()
    try:
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


async def test_the_red_flag_answers_are_revisited_in_the_settings(fake_clock: FakeClock) -> None:
    app = make_app(fake_clock)
    app.store.save_settings(replace(app.store.settings(), red_flags=("fever",)))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        checklist = app.screen.query_one(RedFlagChecklist)
        assert checklist.answers == ("fever",)
        advice = str(app.screen.query_one("#settings-red-flag-advice", Label).render())
        assert advice.startswith("See a doctor before starting")
        checklist.deselect_all()
        await pilot.pause()
        assert not app.screen.query_one("#settings-red-flag-advice", Label).display
        app.screen.query_one("#settings-save").scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#settings-save")
        await pilot.pause()
        assert not isinstance(top(app), SettingsDialog)
    assert app.store.settings().red_flags == ()
