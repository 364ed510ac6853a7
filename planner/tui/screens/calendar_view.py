"""The calendar's view: the shown week, the selection on it, and today following the clock.

The week is read from the plan book; the selection (day and exercise) is one reactive
whose watcher reads a new week only when it left the shown one and otherwise repaints
only the lines that changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Static

from planner.domain.catalogue import Catalogue
from planner.domain.clock import Clock
from planner.domain.models import PlanItem
from planner.domain.text_rules import terminal_safe
from planner.domain.weeks import monday_of
from planner.planbook.journal import settle, waiting_sessions
from planner.planbook.week import Week, WeekCache, read_ahead
from planner.storage.store import Store
from planner.tui.calendar_texts import day_views, detail_text, header_text, item_views
from planner.tui.errors import reports_user_errors
from planner.tui.widgets.day_column import DayView, ItemView
from planner.tui.widgets.status_line import SaysInStatusLine, StatusLine
from planner.tui.widgets.week_grid import WeekGrid

READ_AHEAD_DELAY_S = 0.1
"""After a new week is painted, how long before the weeks before it are read ahead."""

_PALETTE_HINT_MIN_WIDTH = 90
"""Narrowest terminal whose footer holds the calendar's keys, the app's and the ctrl+p hint."""


@dataclass(frozen=True)
class Selection:
    """The selected day and, when it has exercises, the index of the selected one."""

    day: date
    index: int | None = None


class CalendarView(SaysInStatusLine, Screen[None]):
    """The week in seven columns with the selection on it; what it reads, it reads from
    the plan book. ``CalendarScreen`` adds the keys and dialogs that change the plan."""

    DATE_CHECK_S: ClassVar[float] = 20.0
    """How often the screen looks whether the date has changed (the calendar rolls over)."""

    selection: var[Selection] = var(Selection(date.min), init=False, always_update=True)
    today: var[date] = var(date.min, init=False)

    def __init__(self, store: Store, catalogue: Catalogue, clock: Clock) -> None:
        super().__init__()
        self.store = store
        self.catalogue = catalogue
        self.clock = clock
        self.set_reactive(CalendarView.today, clock.today())
        self._weeks = WeekCache(store)
        self.week = self._weeks.read(catalogue, monday_of(self.today), self.today)
        self._reviewed = False
        self._drawn: tuple[str, str] = ("", "")
        # What the columns show of each week's exercises, kept with the weeks read lately.
        self._views: LRUCache[int, tuple[Week, dict[date, tuple[ItemView, ...]]]] = LRUCache(
            self._weeks.size
        )
        self.set_reactive(CalendarView.selection, self._select(self.today))

    def compose(self) -> ComposeResult:
        yield Static(id="calendar-header", markup=False)
        yield Static(id="calendar-advice", markup=False)
        yield WeekGrid(self._day_views(), id="calendar-grid")
        yield Static(id="calendar-detail", markup=False)
        yield StatusLine(id="calendar-status")
        yield Footer(compact=True, show_command_palette=self._room_for_palette_hint(self.app.size))

    def on_mount(self) -> None:
        self.query_one(WeekGrid).focus()
        self._draw_text()
        self.set_interval(self.DATE_CHECK_S, self.check_the_date)
        # The feedback rules can take a while on a long history: paint the week first.
        self.call_after_refresh(self._review)

    def on_resize(self, event: events.Resize) -> None:
        self._draw_text()  # the detail line's wording depends on the width
        footer = self.query_one(Footer)
        wide = self._room_for_palette_hint(event.size)
        if footer.show_command_palette != wide:
            footer.show_command_palette = wide
            footer.refresh(recompose=True)

    @staticmethod
    def _room_for_palette_hint(size: Size) -> bool:
        # Below this width the ctrl+p hint would squeeze out "? Help", and help names ctrl+p.
        return size.width >= _PALETTE_HINT_MIN_WIDTH

    def on_screen_resume(self) -> None:
        # The catalogue can add exercises and the settings change the minutes: read again.
        if self.is_mounted and self._reviewed:
            self.check_the_date()
            self.reload()

    @reports_user_errors
    def _review(self) -> None:
        """Apply the feedback rules once a day, before anything can use this week's doses,
        and save any finished session a failed write left waiting."""
        if self._reviewed and not waiting_sessions(self.store):
            return
        self._reviewed = True
        message = settle(self.store, self.catalogue, self.today)
        self.reload()
        self.tell(message)

    def check_the_date(self) -> None:
        """Roll over to the new day when the clock has passed midnight."""
        self.today = self.clock.today()

    def watch_today(self, yesterday: date, today: date) -> None:
        self._reviewed = False
        on_yesterday = self.selection.day == yesterday
        self._review()
        self.reload(day=today if on_yesterday else None)

    def tell(self, message: str) -> None:
        """Show a message from the plan book, if it had anything to say."""
        if message:
            self.notify(message, markup=False, timeout=8)

    def _select(self, day: date, item_id: str | None = None, index: int | None = 0) -> Selection:
        """The selection of ``day``'s item ``item_id`` (else ``index``, kept in range)."""
        items = self.week.items.get(day, [])
        ids = [item.id for item in items]
        if item_id in ids:
            return Selection(day, ids.index(item_id))
        if not items:
            return Selection(day)
        return Selection(day, min(max(index or 0, 0), len(items) - 1))

    def _day_views(self) -> list[DayView]:
        selected, week = self.selection, self.week
        # Kept by the week's id, with the week itself so that id cannot be another's meanwhile.
        kept = self._views.get(id(week))
        if kept is None or kept[0] is not week:
            kept = self._views[id(week)] = (week, item_views(week, self.catalogue))
        return day_views(week, kept[1], self.today, selected.day, selected.index)

    def watch_selection(self, selection: Selection) -> None:
        """Read the week when the selection left it, keep the index in range, repaint."""
        if monday_of(selection.day) != self.week.monday:
            self.week = self._weeks.read(self.catalogue, monday_of(selection.day), self.today)
            self.set_timer(READ_AHEAD_DELAY_S, partial(read_ahead, self.store, self.week.monday))
        fixed = self._select(selection.day, index=selection.index)
        if fixed != selection:
            self.selection = fixed
            return
        self.query_one(WeekGrid).show(self._day_views())
        self._draw_text()

    def reload(self, *, day: date | None = None, item_id: str | None = None) -> None:
        """Read the plan again after a change; select ``day`` (and ``item_id``) if given."""
        index = self.selection.index if day is None else 0
        day = day or self.selection.day
        self.week = self._weeks.read(self.catalogue, monday_of(day), self.today)
        self.selection = self._select(day, item_id, index)

    def _draw_text(self) -> None:
        week = self.week
        header = header_text(week, read_only=self.store.read_only)
        if (header, week.advice) != self._drawn:
            # The header has a fixed height; the banner's follows its text, so only a new
            # advice text needs a layout pass.
            if header != self._drawn[0]:
                self.query_one("#calendar-header", Static).update(Content(header), layout=False)
            if week.advice != self._drawn[1]:
                banner = self.query_one("#calendar-advice", Static)
                banner.update(Content(terminal_safe(week.advice)))
                banner.display = bool(week.advice)
            self._drawn = (header, week.advice)
        box = self.query_one("#calendar-detail", Static)
        width = self.size.width - box.gutter.width  # the line spans the screen
        detail = detail_text(week, self.catalogue, self.selection.day, self.selected_item, width)
        box.update(detail, layout=False)

    @property
    def selected_item(self) -> PlanItem | None:
        """The plan item under the cursor, if the selected day has one selected."""
        items, index = self.week.items.get(self.selection.day, []), self.selection.index
        return items[index] if index is not None and 0 <= index < len(items) else None

    def action_day(self, offset: int) -> None:
        """Select the previous or next day (crossing into the next week at the ends)."""
        self.selection = Selection(self.selection.day + timedelta(days=offset), 0)

    def action_week(self, offset: int) -> None:
        """Show the previous or next week, on the same weekday."""
        self.selection = Selection(self.selection.day + timedelta(weeks=offset), 0)

    def action_today(self) -> None:
        """Go back to today (the clock's, read now)."""
        self.check_the_date()
        self.selection = Selection(self.today, 0)

    def action_item(self, offset: int) -> None:
        """Select the previous or next exercise of the day."""
        if self.week.items[self.selection.day]:
            current = self.selection.index if self.selection.index is not None else -offset
            self.selection = self._select(self.selection.day, index=current + offset)

    @on(WeekGrid.DayChosen)
    def select_clicked_day(self, event: WeekGrid.DayChosen) -> None:
        """A click on a day selects it."""
        event.stop()
        self.selection = Selection(event.day, 0)

    @on(WeekGrid.ItemChosen)
    def select_clicked_item(self, event: WeekGrid.ItemChosen) -> None:
        """A click on an exercise selects it."""
        event.stop()
        self.selection = Selection(event.day, event.index)
