"""The calendar's week: seven day columns, Monday first, with the selection drawn on them.

The grid only draws what it is given (:meth:`WeekGrid.show`) and reports clicks up as
``DayChosen`` / ``ItemChosen`` messages; the calendar screen owns the selection.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget

from planner.tui.widgets.day_column import DayColumn, DayView


class WeekGrid(Widget, can_focus=True):
    """Seven :class:`DayColumn` side by side."""

    DEFAULT_CSS = """
        WeekGrid {
            layout: horizontal;
            height: 1fr;
            overflow: hidden;
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
        self._columns = [DayColumn(view, id=f"day-{index}") for index, view in enumerate(days)]

    def compose(self) -> ComposeResult:
        yield from self._columns

    def show(self, days: Sequence[DayView]) -> None:
        """Draw a new week, or the same week with a new selection (days that did not change
        are left alone)."""
        for column, view in zip(self._columns, days, strict=True):
            column.show(view)

    @on(DayColumn.Clicked)
    def report_click(self, event: DayColumn.Clicked) -> None:
        """Turn a click on a column into a day or exercise choice for the screen."""
        event.stop()
        self.focus()
        if event.item is None:
            self.post_message(self.DayChosen(event.day))
        else:
            self.post_message(self.ItemChosen(event.day, event.item))
