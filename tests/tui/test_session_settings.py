"""The settings dialog: bell, beeps and the two session pause lengths, validated."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input

from planner.domain.models import Settings
from planner.tui.screens.settings import SettingsDialog

_TCSS = Path(__file__).parents[2] / "planner" / "tui" / "tcss" / "settings.tcss"


class _Host(App[None]):
    """A bare app that shows the dialog and keeps what it returned."""

    CSS_PATH = _TCSS

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.results: list[Settings | None] = []

    def on_mount(self) -> None:
        self.push_screen(SettingsDialog(self.settings), self.results.append)


async def test_changes_are_saved_and_other_settings_kept() -> None:
    """Turning the bell off and changing both times keeps the welcome flag as it was."""
    app = _Host(Settings(welcomed=True))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.click("#settings-bell")
        app.screen.query_one("#settings-get-ready", Input).value = "10"
        app.screen.query_one("#settings-switch", Input).value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [
        Settings(welcomed=True, bell=False, countdown_beeps=True, get_ready_s=10, switch_sides_s=0)
    ]


async def test_a_time_out_of_range_is_refused_with_a_message() -> None:
    """Ninety seconds to switch sides is refused; the dialog stays open."""
    app = _Host(Settings())
    async with app.run_test() as pilot:
        await pilot.pause()
        app.screen.query_one("#settings-switch", Input).value = "90"
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = str(app.screen.query_one("#settings-error").render())
        assert message == "Switch-sides time must be a whole number of seconds from 0 to 60."
        assert isinstance(app.screen, SettingsDialog)
    assert app.results == []


async def test_an_empty_time_is_refused() -> None:
    """An empty get-ready box is not zero: the user is told what is wanted."""
    app = _Host(Settings())
    async with app.run_test() as pilot:
        await pilot.pause()
        app.screen.query_one("#settings-get-ready", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Get-ready time" in str(app.screen.query_one("#settings-error").render())
    assert app.results == []


async def test_escape_cancels() -> None:
    """Escape closes the dialog and changes nothing."""
    app = _Host(Settings())
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


@pytest.mark.parametrize(
    ("field", "value", "start"),
    [
        ("#settings-switch", "90", "Switch-sides time must be"),
        ("#settings-calendar-at", "25:00", "Calendar time"),
        ("#settings-calendar-remind", "x", "Reminder"),
    ],
)
async def test_the_error_is_seen_whole_at_80x24(field: str, value: str, start: str) -> None:
    """At the smallest size the message sits under the boxes, in view, clear of the buttons."""
    app = _Host(Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one(field, Input).value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        error = app.screen.query_one("#settings-error")
        box = app.screen.query_one("#settings-box")
        buttons = app.screen.query_one("#settings-box .dialog-buttons")
        shown = str(error.render())
        assert shown.startswith(start) and shown.endswith(".")
        # Wrapped to as many lines as it needs, not cut at the dialog's edge.
        assert error.region.height >= -(-len(shown) // error.region.width)
        assert box.content_region.contains_region(error.region)
        assert not error.region.overlaps(buttons.region)


async def test_the_calendar_time_and_reminder_are_saved() -> None:
    """The .ics export's session time and reminder are settings too, checked like --at/--remind."""
    app = _Host(Settings(welcomed=True))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#settings-calendar-at", Input).value = "07:30"
        app.screen.query_one("#settings-calendar-remind", Input).value = "30"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [Settings(welcomed=True, calendar_at=time(7, 30), calendar_remind_min=30)]


async def test_a_bad_calendar_time_is_refused_and_the_dialog_stays() -> None:
    """25:00 is not a time of day: the user is told what is wanted, nothing is saved."""
    app = _Host(Settings())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#settings-calendar-at", Input).value = "25:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = str(app.screen.query_one("#settings-error").render())
        assert message == ("Calendar time must be HH:MM from 00:00 to 23:59, not '25:00'.")
        assert isinstance(app.screen, SettingsDialog)
    assert app.results == []
