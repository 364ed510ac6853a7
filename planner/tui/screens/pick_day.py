"""A dialog to pick one day, a week at a time (move an item, add an exercise to a day)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, OptionList
from textual.widgets.option_list import Option

from planner.domain.dates import day_month, long_date
from planner.domain.weeks import monday_of, week_days, week_label


class PickDayDialog(ModalScreen[date | None]):
    """Show the week of ``start`` as a list of days; enter picks one, escape cancels.

    ``[`` and ``]`` (or the buttons) page to the previous and next week.
    """

    CSS_PATH = "../tcss/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "shift_week(-1)", "Previous week", id="pick_day.previous"),
        Binding("right_square_bracket", "shift_week(1)", "Next week", id="pick_day.next"),
        Binding("escape", "cancel", "Cancel", id="pick_day.cancel"),
    ]

    def __init__(self, title: str, start: date, today: date) -> None:
        super().__init__()
        self.title_text = title
        self.start = start
        self.today = today
        self.monday = monday_of(start)

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-day-box"):
            yield Label(self.title_text, id="pick-day-title", markup=False)
            yield Label("", id="pick-day-week", markup=False)
            yield OptionList(id="pick-day-days")
            with Horizontal(id="pick-day-buttons"):
                yield Button("◀ Week", id="pick-day-previous")
                yield Button("Week ▶", id="pick-day-next")
                yield Button("Cancel", id="pick-day-cancel")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's below

    def on_mount(self) -> None:
        self._show_week(highlight=self.start)
        self.query_one(OptionList).focus()

    def _show_week(self, highlight: date) -> None:
        days = week_days(self.monday)
        week = self.query_one("#pick-day-week", Label)
        week.update(Content(f"Week {week_label(self.monday)} · {_span(days[0], days[-1])}"))
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(Content(_day_line(day, self.today)), id=day.isoformat()) for day in days
        )
        options.highlighted = (highlight - self.monday).days

    def action_shift_week(self, weeks: int) -> None:
        """Show the previous (-1) or next (+1) week, keeping the same weekday highlighted."""
        options = self.query_one(OptionList)
        weekday = options.highlighted if options.highlighted is not None else 0
        self.monday += timedelta(weeks=weeks)
        self._show_week(highlight=self.monday + timedelta(days=weekday))

    def action_cancel(self) -> None:
        """Close without picking a day."""
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#pick-day-days")
    def pick(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on a day picks it."""
        event.stop()
        assert event.option.id is not None
        self.dismiss(date.fromisoformat(event.option.id))

    @on(Button.Pressed, "#pick-day-previous")
    def previous_week(self, event: Button.Pressed) -> None:
        """The previous-week button."""
        event.stop()
        self.action_shift_week(-1)

    @on(Button.Pressed, "#pick-day-next")
    def next_week(self, event: Button.Pressed) -> None:
        """The next-week button."""
        event.stop()
        self.action_shift_week(1)

    @on(Button.Pressed, "#pick-day-cancel")
    def cancel(self, event: Button.Pressed) -> None:
        """The cancel button."""
        event.stop()
        self.dismiss(None)


def _day_line(day: date, today: date) -> str:
    line = long_date(day, year=False)
    return f"{line} · today" if day == today else line


def _span(first: date, last: date) -> str:
    return f"{day_month(first)} – {day_month(last, year=True)}"
