"""The calendar's week: seven day columns, Monday first, with the selection drawn on them.

The grid only draws what it is given (:meth:`WeekGrid.show`) and reports clicks up as
``DayChosen`` / ``ItemChosen`` messages; the calendar screen owns the selection. It is
one widget drawing seven :class:`DayColumn` line by line: Textual repaints a key's few
changed lines faster when the week is one widget of thirty lines than seven of thirty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from planner.tui.widgets.day_column import DayColumn, DayView

_GAP = 1
"""Blank cells at the left of each column, between it and the day before."""
_KEPT_STRIPS = 1024
"""Drawn day lines kept: about four weeks of a tall terminal."""


class WeekGrid(Widget, can_focus=True):
    """Seven :class:`DayColumn` side by side, each an equal share of the width."""

    DEFAULT_CSS = """
        WeekGrid {
            height: 1fr;
            overflow: hidden;
            text-wrap: nowrap;
        }

        WeekGrid > .week-grid--date {
            text-style: bold;
        }

        WeekGrid > .week-grid--today {
            color: $accent;
            text-style: bold;
        }

        WeekGrid > .week-grid--free {
            color: $text-muted;
        }

        WeekGrid > .week-grid--planned {
            color: $primary;
        }

        WeekGrid > .week-grid--done {
            color: $success;
            text-style: bold;
        }

        WeekGrid > .week-grid--partial {
            color: $warning;
            text-style: bold;
        }

        WeekGrid > .week-grid--missed {
            color: $error;
        }

        WeekGrid > .week-grid--rest {
            color: $text-muted;
            text-style: italic;
        }

        WeekGrid > .week-grid--name {
            color: $text;
        }

        WeekGrid > .week-grid--dose {
            color: $text-muted;
        }

        WeekGrid > .week-grid--resting {
            color: $text-disabled;
        }

        WeekGrid > .week-grid--note {
            color: $text-muted;
            text-style: italic;
        }

        WeekGrid > .week-grid--selected {
            background: $boost;
            color: $text;
        }

        WeekGrid:focus > .week-grid--selected {
            background: $primary 45%;
            color: $text;
        }

        WeekGrid > .week-grid--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }

        WeekGrid:focus > .week-grid--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    """

    # The pieces the columns draw, each styled above from theme colours.
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "week-grid--date",
        "week-grid--today",
        "week-grid--free",
        "week-grid--planned",
        "week-grid--done",
        "week-grid--partial",
        "week-grid--missed",
        "week-grid--rest",
        "week-grid--name",
        "week-grid--dose",
        "week-grid--resting",
        "week-grid--cursor",
        "week-grid--selected",
        "week-grid--note",
    }

    @dataclass
    class DayChosen(Message):
        """A day was clicked (not on one of its exercises)."""

        day: date

    @dataclass
    class ItemChosen(Message):
        """An exercise of a day was clicked; ``index`` is its place in that day."""

        day: date
        index: int

    def __init__(self, days: Sequence[DayView], *, id: str | None = None) -> None:
        super().__init__(id=id)
        if len(days) != 7:
            raise ValueError("a week has seven days")
        self.columns = [DayColumn(view) for view in days]
        self._edges = [0] * 8
        self._sized_for = (-1, -1)
        # Resolved styles by piece name, focus and theme.
        self._styles: dict[tuple[str, bool, str], Style] = {}
        # Drawn lines of a day by what they hold, width, focus and theme: a key changes
        # one or two days of a row, and the other days' cells are drawn from here.
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(_KEPT_STRIPS)

    def show(self, days: Sequence[DayView]) -> None:
        """Draw a new week, or the same week with a new selection; only the lines that
        change are repainted."""
        self._fit_columns()
        regions = []
        for index, (column, view) in enumerate(zip(self.columns, days, strict=True)):
            x = self._edges[index] + _GAP
            regions += [Region(x, y, column.width, 1) for y in column.show(view)]
        if regions and self.is_mounted:
            self.refresh(*regions)

    def column_region(self, index: int) -> Region:
        """Where day ``index`` (0 is Monday) is drawn, in screen cells."""
        self._fit_columns()
        left, right = self._edges[index], self._edges[index + 1]
        region = self.content_region
        return Region(region.x + left, region.y, right - left, region.height)

    def on_resize(self, event: events.Resize) -> None:
        """Draw everything again at the new size."""
        self._fit_columns()
        self.refresh()

    def _fit_columns(self) -> None:
        """Share the width among the days as Textual shares 1fr (each edge rounded down).

        Called wherever the columns are used, not only on resize: the first frame is
        painted before the widget hears of its size, and it must show the week.
        """
        width, height = self.content_size
        if (width, height) == self._sized_for:
            return
        self._sized_for = (width, height)
        self._edges = [width * index // 7 for index in range(8)]
        narrowest = max(0, width // 7 - _GAP)
        for index, column in enumerate(self.columns):
            own = max(0, self._edges[index + 1] - self._edges[index] - _GAP)
            column.resize(own, height, narrowest)

    def render_line(self, y: int) -> Strip:
        """Row ``y`` of the week: the seven days' lines side by side."""
        self._fit_columns()
        context = (self.has_focus, self.app.theme)
        base = self._style("plain", context)

        def style_of(name: str) -> Style:
            return self._style(name, context)

        gap = Strip.blank(_GAP, base)
        strips: list[Strip] = []
        for column in self.columns:
            key = (column.line(y), column.width, *context)
            strip = self._strips.get(key)
            if strip is None:
                strip = self._strips[key] = column.strip(y, style_of)
            strips += (gap, strip)
        return Strip.join(strips).adjust_cell_length(self.content_size.width, base)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def _style(self, name: str, context: tuple[bool, str]) -> Style:
        """The resolved style of one kind of piece, for one focus state and theme."""
        key = (name, *context)
        cached = self._styles.get(key)
        if cached is None:
            cached = self._styles[key] = self._resolve_style(name)
        return cached

    def _resolve_style(self, name: str) -> Style:
        """The style of one kind of piece over the grid's own colours ("plain": just those).

        A name with the ``selected-`` prefix is a piece of the selected day's heading:
        the band's colours first, then the piece's own over them.
        """
        piece = name.removeprefix("selected-")
        layers = ["week-grid--selected"] if piece != name else []
        if piece != "plain":
            layers.append(f"week-grid--{piece}")
        resolved = self.rich_style
        _, background = self.background_colors
        for layer in layers:
            styles = self.get_component_styles(layer)
            if styles.has_rule("background"):
                background = background + styles.background
                resolved += Style(bgcolor=background.rich_color)
            if styles.has_rule("color"):
                resolved += Style(color=(background + styles.color).rich_color)
            resolved += styles.text_style
        return resolved

    def on_click(self, event: events.Click) -> None:
        """Turn a click on a day into a day or exercise choice for the screen."""
        event.stop()
        self.focus()
        self._fit_columns()
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = next((n for n in range(7) if offset.x < self._edges[n + 1]), 6)
        column = self.columns[index]
        item = column.item_at(offset.y)
        if item is None:
            self.post_message(self.DayChosen(column.view.day))
        else:
            self.post_message(self.ItemChosen(column.view.day, item))
