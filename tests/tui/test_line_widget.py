"""A Line repaints in place, and asks for a layout pass only when its rows change."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widget import Widget

from planner.tui.widgets.line import Line


class OneLine(App[None]):
    CSS = "Line { width: 20; }"

    def compose(self) -> ComposeResult:
        yield Line("Rest", id="line")


async def test_a_new_text_of_the_same_rows_repaints_without_layout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = OneLine()
    async with app.run_test(size=(40, 10)) as pilot:
        line = app.query_one(Line)
        calls: list[bool] = []
        original = Widget.refresh

        def counted(self: Widget, *regions: Any, **kwargs: Any) -> Widget:
            if self is line:
                calls.append(bool(kwargs.get("layout")))
            return original(self, *regions, **kwargs)

        monkeypatch.setattr(Widget, "refresh", counted)
        line.text = "Hold · Rep 2 of 2"
        await pilot.pause()
        assert calls and not any(calls)
        assert str(line.render()) == "Hold · Rep 2 of 2"

        calls.clear()
        line.text = "Next: Hold — right side (0:10)"  # 30 cells in a box of 20: two rows
        await pilot.pause()
        assert any(calls)
        assert line.size.height == 2

        calls.clear()
        line.text = "Rest"
        await pilot.pause()
        assert any(calls)
        assert line.size.height == 1


async def test_text_that_looks_like_markup_is_shown_as_it_is() -> None:
    app = OneLine()
    async with app.run_test(size=(40, 10)) as pilot:
        line = app.query_one(Line)
        line.text = "[bold]not markup[/]"
        await pilot.pause()
        assert str(line.render()) == "[bold]not markup[/]"
