"""The small dialogs the calendar uses: confirm and pick a day."""

from __future__ import annotations

from datetime import date

from textual.app import App
from textual.widgets import OptionList

from planner.tui.screens.confirm import ConfirmDialog
from planner.tui.screens.pick_day import PickDayDialog


class _Host(App[None]):
    """A bare app that shows one dialog and keeps what it returned."""

    def __init__(self, dialog: ConfirmDialog | PickDayDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


async def test_confirm_yes_key_confirms() -> None:
    app = _Host(ConfirmDialog("Remove [b]x[/]?", "Remove"))
    async with app.run_test() as pilot:
        await pilot.pause()
        question = app.screen.query_one("#confirm-question")
        assert "Remove [b]x[/]?" in str(question.render())
        await pilot.press("y")
        await pilot.pause()
    assert app.results == [True]


async def test_confirm_enter_on_default_focus_cancels() -> None:
    app = _Host(ConfirmDialog("Remove it?"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [False]


async def test_confirm_click_on_confirm_button() -> None:
    app = _Host(ConfirmDialog("Remove it?", "Remove"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
    assert app.results == [True]


async def test_pick_day_starts_on_start_day_and_enter_picks() -> None:
    app = _Host(PickDayDialog("Move to", date(2026, 11, 25), date(2026, 11, 25)))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.results == [date(2026, 11, 26)]


async def test_pick_day_pages_to_next_and_previous_week() -> None:
    app = _Host(PickDayDialog("Move to", date(2026, 11, 25), date(2026, 11, 25)))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        options = app.screen.query_one(OptionList)
        assert "Wednesday 2 December" in str(options.get_option_at_index(2).prompt)
        await pilot.press("left_square_bracket", "left_square_bracket", "enter")
        await pilot.pause()
    assert app.results == [date(2026, 11, 18)]


async def test_pick_day_escape_cancels() -> None:
    app = _Host(PickDayDialog("Move to", date(2026, 11, 25), date(2026, 11, 25)))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
