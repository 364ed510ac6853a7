"""The history is painted as soon as it is ready: no 50 ms wait on ``h``, no stale footer keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from planner.tui.screens.history import HistoryScreen
from planner.tui.widgets.steady_footer import SteadyFooter
from tests.tui.history_support import history_app, history_store


class _Spy:
    """Counts calls of Textual's own ``App.delay_update`` (what PlannerApp's calls reach)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        original = App.delay_update

        def delay_update(app: App[object], delay: float = 0.05) -> None:
            self.calls += 1
            original(app, delay)

        monkeypatch.setattr(App, "delay_update", delay_update)


class _Plain(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("plain")


class _TwoModes(App[None]):
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {"one": _Plain, "two": _Plain}
    DEFAULT_MODE = "one"


async def test_textual_still_holds_a_mode_switch_back_with_delay_update(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PromptModesApp relies on this: if it fails, Textual changed and the override can go."""
    spy = _Spy(monkeypatch)
    app = _TwoModes()
    async with app.run_test() as pilot:
        await pilot.pause()
        before = spy.calls
        app.switch_mode("two")
        assert spy.calls == before + 1


def _footer_keys(screen: Screen[object]) -> dict[str, FooterKey]:
    return {key.key: key for key in screen.query_one(Footer).query(FooterKey)}


async def test_h_switches_without_the_wait_and_other_modes_keep_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spy = _Spy(monkeypatch)
    app = history_app(history_store(weeks=3))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        before = spy.calls
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert spy.calls == before, "the history's switch waited for Textual's delay"
        await pilot.press("c")
        await pilot.pause()
        assert spy.calls == before + 1, "the calendar's switch keeps Textual's delay"
        await pilot.press("h")
        await pilot.pause()
        assert spy.calls == before + 1
        assert isinstance(app.screen, HistoryScreen)
        streak = app.screen.query_one("#history-card-streak", Static)
        assert streak.border_title == "Streak"


async def test_the_history_footer_keeps_its_keys_while_another_mode_shows() -> None:
    """Behind the calendar, the history's footer still shows the history's keys, unrebuilt."""
    app = history_app(history_store(weeks=3))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        history = app.screen
        assert isinstance(history.query_one(Footer), SteadyFooter)
        shown = _footer_keys(history)
        assert "c" in shown and "h" not in shown and "w" in shown
        await pilot.press("c")
        await pilot.pause()
        await pilot.pause()
        # Textual's footer rebuilt itself here with the calendar's view of the app's
        # keys (h shown, c hidden), and the history came back showing those for a frame.
        assert _footer_keys(history) == shown
        await pilot.press("h")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is history
        assert _footer_keys(history) == shown, "same keys: the same widgets, not rebuilt"


async def test_the_history_footer_is_rebuilt_when_its_keys_change() -> None:
    """An empty history hides the pane keys; once a history shows, w and s appear."""
    store = history_store()
    app = history_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.pause()
        history = app.screen
        assert "w" not in _footer_keys(history)
        full = history_store(weeks=3)
        for log in full.logs():
            store.log_session(log)
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        keys = _footer_keys(history)
        assert "w" in keys and "s" in keys


class _Keyed(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "app.bell", "Ring")]

    def compose(self) -> ComposeResult:
        yield SteadyFooter()


class _KeyedApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(_Keyed())


async def test_the_footer_shows_its_first_keys_without_waiting_for_a_refresh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Textual's footer fills in only after its screen's next refresh: a first frame
    with no keys. The first keys here come without that wait (which is switched off)."""
    waited: list[object] = []

    def never(self: SteadyFooter, callback: object, *args: object) -> bool:
        waited.append(callback)
        return True

    monkeypatch.setattr(SteadyFooter, "call_after_refresh", never)
    app = _KeyedApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.pause()
        keys = {key.key for key in app.screen.query_one(SteadyFooter).query(FooterKey)}
        assert "x" in keys
        assert waited, "the footer still asked to rebuild after a refresh, as Textual's does"


async def test_the_footer_is_rebuilt_when_its_own_settings_change() -> None:
    """The same keys, but the palette's key switched off: that is a change to show."""
    app = _KeyedApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        footer = app.screen.query_one(SteadyFooter)
        assert footer.query(FooterKey).filter(".-command-palette")
        footer.show_command_palette = False
        footer.refresh(recompose=True)
        await pilot.pause()
        await pilot.pause()
        assert not footer.query(FooterKey).filter(".-command-palette")
        assert {key.key for key in footer.query(FooterKey)} == {"x"}


async def test_an_empty_historys_footer_never_shows_the_pane_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its first keys are already without w and s: no frame offers panes that are not there."""
    composed: list[set[str]] = []
    original = SteadyFooter.compose

    def compose(self: SteadyFooter) -> ComposeResult:
        children = list(original(self))
        composed.append({child.key for child in children if isinstance(child, FooterKey)})
        yield from children

    monkeypatch.setattr(SteadyFooter, "compose", compose)
    app = history_app(history_store())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.pause()
        shown = [keys for keys in composed if keys]
        assert shown and "c" in shown[0]
        assert all("w" not in keys and "s" not in keys for keys in shown), shown
