"""The week grid draws seven days in one widget: every frame, the first one included."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widget import Widget

from planner.domain.models import DayStatus
from planner.tui.widgets.day_column import DayView, ItemView
from planner.tui.widgets.week_grid import WeekGrid

MONDAY = date(2026, 11, 23)


def week(selected: int = 2) -> list[DayView]:
    tilt = ItemView("a", "Pelvic tilt", ("2 × 10 reps",))
    return [
        DayView(
            MONDAY + timedelta(days=n),
            (tilt,) if n % 2 == 0 else (),
            DayStatus.PLANNED if n % 2 == 0 else DayStatus.EMPTY,
            selected=n == selected,
            selected_item=0 if n == selected else None,
        )
        for n in range(7)
    ]


class GridWithoutResize(WeekGrid):
    """A grid that never hears of its size: Textual paints the first frame before the
    Resize event arrives, and that frame must show the week too."""

    def on_resize(self, event: events.Resize) -> None:
        event.prevent_default()  # the grid's own handler (a base class's) never runs


class OneGrid(App[None]):
    def __init__(self, grid: WeekGrid) -> None:
        super().__init__()
        self.grid = grid

    def compose(self) -> ComposeResult:
        yield self.grid


async def test_the_first_frame_shows_every_day_without_a_resize_event() -> None:
    app = OneGrid(GridWithoutResize(week(), id="grid"))
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        top = app.grid.render_line(0).text
        for heading in ("Mon 23", "Tue 24", "Wed 25", "Thu 26", "Fri 27", "Sat 28", "Sun 29"):
            assert heading in top
        assert "Pelvic tilt" in app.grid.render_line(2).text


async def test_a_move_repaints_only_the_lines_that_change(monkeypatch: pytest.MonkeyPatch) -> None:
    app = OneGrid(WeekGrid(week(selected=2), id="grid"))
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        grid = app.grid
        touched: list[Region] = []
        original = Widget.refresh

        def counted(self: Widget, *regions: Region, **kwargs: Any) -> Widget:
            if self is grid:
                touched.extend(regions or [Region(0, 0, *grid.size)])
            return original(self, *regions, **kwargs)

        monkeypatch.setattr(Widget, "refresh", counted)
        grid.show(week(selected=3))  # the cursor moves from Wednesday to Thursday
        assert touched, "the move repainted nothing"
        left = grid.content_region.x
        days = {grid.column_region(2).x + 1 - left, grid.column_region(3).x + 1 - left}
        assert {region.x for region in touched} <= days
        assert all(region.height == 1 for region in touched)
        assert len(touched) <= 6


async def test_kept_lines_are_drawn_again_in_a_new_theme_and_focus() -> None:
    app = OneGrid(WeekGrid(week(), id="grid"))
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()

        def styles() -> list[str]:
            return [str(segment.style) for y in range(3) for segment in app.grid.render_line(y)]

        assert app.grid.has_focus  # the only widget that takes focus
        focused = styles()
        assert styles() == focused  # drawn again from what was kept
        app.grid.blur()
        await pilot.pause()
        blurred = styles()
        assert blurred != focused
        app.theme = "textual-light"
        await pilot.pause()
        assert styles() not in (focused, blurred)
        app.theme = "textual-dark"
        app.grid.focus()
        await pilot.pause()
        assert styles() == focused
