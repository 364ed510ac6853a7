"""The ? help screen and the command palette: both list every key the user can press."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Settings
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.help import HelpScreen
from tests.tui.palette_support import open_palette

TCSS: list[str | PurePath] = sorted(
    (Path(__file__).parents[2] / "planner" / "tui" / "tcss").glob("*.tcss")
)


def top(app: App[Any]) -> object:
    """The screen on top, typed loosely so each check starts from scratch."""
    return app.screen


class SampleScreen(Screen[None]):
    """A screen with a few keys of its own, so the help has something stable to list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "export", "Export", id="sample.export"),
        Binding("x,delete", "remove", "Remove", id="sample.remove"),
        Binding("w", "wizard", "Plan wizard", show=False, id="sample.wizard"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.done: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("A sample screen [b]with[/b] keys", markup=False)
        yield Footer()

    def action_export(self) -> None:
        self.done.append("export")

    def action_remove(self) -> None:
        self.done.append("remove")

    def action_wizard(self) -> None:
        self.done.append("wizard")


class HelpHost(PlannerApp):
    """The real app, with the sample screen pushed over the calendar."""

    def __init__(self) -> None:
        store = Store.in_memory()
        store.save_settings(Settings(welcomed=True))
        super().__init__(store, load_catalogue())
        self.sample = SampleScreen()

    def on_mount(self) -> None:
        # Textual runs PlannerApp.on_mount too (handlers run for each class in the MRO).
        self.push_screen(self.sample)


class BareHelpHost(App[None]):
    """A bare app for snapshots: only the sample screen's and the app's keys."""

    CSS_PATH: ClassVar[list[str | PurePath]] = TCSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def on_mount(self) -> None:
        self.push_screen(SampleScreen())

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.screen))


def help_text(app: App[Any]) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def test_help_lists_the_screen_and_app_keys_grouped() -> None:
    app = HelpHost()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = top(app)
        assert isinstance(help_screen, HelpScreen)
        titles = [group.title for group in help_screen.groups]
        assert titles[:2] == ["Sample", "Anywhere"]
        text = help_text(app)
        for line in ("e  Export", "x / del  Remove", "w  Plan wizard", "o  Settings", "?  Help"):
            key, description = line.split("  ")
            assert any(
                row.key == key and row.description == description
                for group in help_screen.groups
                for row in group.rows
            ), line
        assert "Export" in text and "Settings" in text
        await pilot.press("escape")
        await pilot.pause()
        assert top(app) is app.sample


async def test_palette_lists_every_key_before_typing() -> None:
    app = HelpHost()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        shown = "\n".join(await open_palette(pilot))
        for name in ("Export", "Remove", "Plan wizard", "Settings", "Help", "Go to history"):
            assert name in shown, name


async def test_palette_finds_export_and_runs_it() -> None:
    app = HelpHost()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert "Export" in "\n".join(await open_palette(pilot, "export"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.sample.done == ["export"]


async def test_palette_switches_mode() -> None:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    app = PlannerApp(store, load_catalogue())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await open_palette(pilot, "go to history")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "history"


class TestHelpSnapshots:
    """How the help looks over a screen, at the usual size and at the smallest one."""

    def test_help_default_size(self, snap_compare: Any) -> None:
        """The keys of the sample screen, then the app's, then Textual's own."""
        assert snap_compare(BareHelpHost(), press=["question_mark"], terminal_size=(100, 32))

    def test_help_at_80x24(self, snap_compare: Any) -> None:
        """At 80×24 the list fits or scrolls, with the hint at the top."""
        assert snap_compare(BareHelpHost(), press=["question_mark"], terminal_size=(80, 24))
