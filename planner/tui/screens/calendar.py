"""The calendar, the app's home: this week in seven columns, and every way to edit the plan.

A view: it reads the shown week from the plan book, draws it, and turns keys into plan
book operations, asking first where the plan book has a question. The selection (day
and exercise) is one reactive whose watcher repaints only the lines that changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Size
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Static

from planner.domain.catalogue import Catalogue
from planner.domain.clock import Clock
from planner.domain.dates import long_date, short_date, weekday
from planner.domain.models import DayStatus, PlanItem, SessionLog
from planner.domain.text_rules import terminal_safe
from planner.domain.weeks import monday_of, week_label
from planner.planbook import edits
from planner.planbook.change import refuse_read_only
from planner.planbook.journal import (
    checkpoint_session,
    record_session,
    settle,
    waiting_sessions,
)
from planner.planbook.week import exercise_name, read_week
from planner.storage.store import Store
from planner.tui.errors import reports_user_errors, reports_user_errors_async
from planner.tui.screens.calendar_keys import CALENDAR_KEYS
from planner.tui.screens.confirm import ConfirmDialog
from planner.tui.widgets.day_column import DayView, ItemView
from planner.tui.widgets.week_grid import WeekGrid

_PALETTE_HINT_MIN_WIDTH = 90
"""Narrowest terminal whose footer holds the calendar's keys, the app's and the ctrl+p hint."""


@dataclass(frozen=True)
class Selection:
    """The selected day and, when it has exercises, the index of the selected one."""

    day: date
    index: int | None = None


class CalendarScreen(Screen[None]):
    """This week's plan: move around it, edit it, start a session, export it."""

    BINDINGS: ClassVar[list[BindingType]] = CALENDAR_KEYS

    DATE_CHECK_S: ClassVar[float] = 20.0
    """How often the screen looks whether the date has changed (the calendar rolls over)."""

    selection: var[Selection] = var(Selection(date.min), init=False, always_update=True)
    today: var[date] = var(date.min, init=False)

    def __init__(self, store: Store, catalogue: Catalogue, clock: Clock) -> None:
        super().__init__()
        self.store = store
        self.catalogue = catalogue
        self.clock = clock
        self.set_reactive(CalendarScreen.today, clock.today())
        self.week = read_week(store, catalogue, monday_of(self.today), self.today)
        self._reviewed = False
        self._drawn: tuple[str, str] = ("", "")
        self.set_reactive(CalendarScreen.selection, self._select(self.today))

    def compose(self) -> ComposeResult:
        yield Static(id="calendar-header", markup=False)
        yield Static(id="calendar-advice", markup=False)
        yield WeekGrid(self._day_views(), id="calendar-grid")
        yield Static(id="calendar-detail", markup=False)
        yield Footer(compact=True, show_command_palette=self._room_for_palette_hint(self.app.size))

    def on_mount(self) -> None:
        self.query_one(WeekGrid).focus()
        self._draw_text()
        self.set_interval(self.DATE_CHECK_S, self.check_the_date)
        # The feedback rules can take a while on a long history: paint the week first.
        self.call_after_refresh(self._review)
        if not self.week.settings.welcomed:
            self.welcome()

    def on_resize(self, event: events.Resize) -> None:
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

    def watch_selection(self, selection: Selection) -> None:
        """Read the week when the selection left it, keep the index in range, repaint."""
        if monday_of(selection.day) != self.week.monday:
            self.week = read_week(self.store, self.catalogue, monday_of(selection.day), self.today)
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
        self.week = read_week(self.store, self.catalogue, monday_of(day), self.today)
        self.selection = self._select(day, item_id, index)

    def _day_views(self) -> list[DayView]:
        selected = self.selection
        return [
            DayView(
                day,
                tuple(
                    ItemView(
                        item.id,
                        exercise_name(self.catalogue, item.exercise_id),
                        item.dose,
                        bool(item.held_reason),
                    )
                    for item in self.week.items[day]
                ),
                self.week.statuses[day],
                today=day == self.today,
                selected=day == selected.day,
                selected_item=selected.index if day == selected.day else None,
            )
            for day in self.week.days
        ]

    def _draw_text(self) -> None:
        week = self.week
        parts = [
            f"Week {week_label(week.monday)}",
            week.plan_text,
            f"{week.planned_minutes} min planned",
            f"sessions done {week.sessions_done}/{week.sessions_planned}",
        ]
        if self.store.read_only:
            parts.append("read-only")
        header = " · ".join(parts)
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
        self.query_one("#calendar-detail", Static).update(self._detail(), layout=False)

    def _detail(self) -> Content:
        """The selected exercise in full (the columns are too narrow for it), or the day."""
        day = self.selection.day
        when = long_date(day, year=False)
        item = self.selected_item
        if item is not None:
            name = exercise_name(self.catalogue, item.exercise_id)
            line = Content(f"{when} · ") + Content.styled(name, "bold")
            line += Content(f" · {item.dose.describe()}")
            if item.held_reason:
                line += Content("\n") + Content.styled(
                    f"Dose held this week: {terminal_safe(item.held_reason)}", "$warning"
                )
            return line
        items, status = self.week.items[day], self.week.statuses[day]
        if not items:
            if status is DayStatus.REST:
                return Content(f"{when} · rest day")
            return Content(f"{when} · nothing planned\na adds an exercise · r makes it a rest day")
        count = f"{len(items)} exercise{'s' if len(items) != 1 else ''}"
        minutes = round(self.week.minutes[day])
        return Content(f"{when} · {count} · about {minutes} min · {status.value}")

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

    async def ask(self, question: str, confirm: str) -> bool:
        """Ask a yes-or-no question in a dialog; True when the user confirms."""
        answer: bool = await self.app.push_screen_wait(ConfirmDialog(question, confirm))
        return answer

    def _editable_item(self, verb: str) -> PlanItem | None:
        """The selected item for an edit (after the day's review and the read-only check)."""
        self._review()
        refuse_read_only(self.store)
        item = self.selected_item
        if item is None:
            self.notify(f"Select an exercise to {verb} first.", severity="warning", markup=False)
        return item

    @work
    @reports_user_errors_async
    async def action_add(self) -> None:
        """Pick an exercise from the catalogue and add it to the selected day."""
        from planner.tui.screens.pick_exercise import PickExerciseDialog

        self._review()
        refuse_read_only(self.store)
        day = self.selection.day
        exercise_id = await self.app.push_screen_wait(PickExerciseDialog(self.catalogue))
        if exercise_id is None:
            return
        question = edits.place_question(self.store, self.catalogue, day, exercise_id)
        if question and not await self.ask(question, "Add"):
            return
        item = edits.add_exercise(self.store, self.catalogue, day, exercise_id)
        self.reload(day=day, item_id=item.id)
        name = exercise_name(self.catalogue, exercise_id)
        self.notify(f"Added {name} to {short_date(day)}.", markup=False)

    @work
    @reports_user_errors_async
    async def action_remove(self) -> None:
        """Take the selected exercise off its day, after asking."""
        if (item := self._editable_item("remove")) is None:
            return
        name = exercise_name(self.catalogue, item.exercise_id)
        if await self.ask(f"Remove {name} from {long_date(item.day, year=False)}?", "Remove"):
            edits.remove_item(self.store, item.id)
            self.reload()
            self.notify(f"Removed {name}.", markup=False)

    @work
    @reports_user_errors_async
    async def action_move(self) -> None:
        """Move the selected exercise to another day (picked in a dialog)."""
        from planner.tui.screens.pick_day import PickDayDialog

        if (item := self._editable_item("move")) is None:
            return
        name = exercise_name(self.catalogue, item.exercise_id)
        dialog = PickDayDialog(f"Move {name} to which day?", item.day, self.today)
        day = await self.app.push_screen_wait(dialog)
        if day is None or day == item.day:
            return
        question = edits.place_question(self.store, self.catalogue, day, item.exercise_id)
        if question and not await self.ask(question, "Move"):
            return
        moved = edits.move_item(self.store, item.id, day)
        self.reload(day=day, item_id=moved.id)
        self.notify(f"Moved {name} to {short_date(day)}.", markup=False)

    def action_reorder(self, offset: int) -> None:
        """Move the selected exercise up or down within its day."""
        if (item := self._editable_item("reorder")) is not None:
            edits.reorder_item(self.store, item.id, offset)
            self.reload(item_id=item.id)

    @work
    @reports_user_errors_async
    async def action_dose(self) -> None:
        """Change the selected exercise's dose for that day."""
        from planner.tui.screens.dose_dialog import DoseDialog

        if (item := self._editable_item("change")) is None:
            return
        if item.exercise_id not in self.catalogue:
            message = "That exercise is no longer in the catalogue."
            self.notify(message, severity="error", markup=False)
            return
        exercise = self.catalogue.get(item.exercise_id)
        dose = await self.app.push_screen_wait(DoseDialog(exercise, item.dose))
        if dose is not None and dose != item.dose:
            edits.set_dose(self.store, item.id, dose)
            self.reload(item_id=item.id)
            self.notify(f"{exercise.name}: {dose.describe()}.", markup=False)

    @work
    @reports_user_errors_async
    async def action_rest(self) -> None:
        """Mark the selected day as a rest day, or make it a training day again."""
        self._review()
        refuse_read_only(self.store)
        day = self.selection.day
        question = edits.rest_question(self.store, day)
        if question and not await self.ask(question, "Rest"):
            return
        message = edits.toggle_rest(self.store, day)
        self.reload()
        self.notify(message, markup=False)

    @work
    @reports_user_errors_async
    async def welcome(self) -> None:
        """Greet a first-time user; the wizard next if they want a plan now."""
        from planner.planbook.settings import mark_welcomed
        from planner.tui.screens.welcome import WelcomeScreen

        has_plan = self.week.profile is not None or self.store.profile() is not None
        build_now = await self.app.push_screen_wait(WelcomeScreen(self.catalogue, has_plan))
        mark_welcomed(self.store)
        if build_now:
            self.action_wizard()

    @work
    @reports_user_errors_async
    async def action_wizard(self) -> None:
        """Build a new plan from the wizard's answers; what is done and the past stay."""
        from planner.planbook.plans import draft_plan, new_plan, rebuild_question, save_plan
        from planner.tui.screens.wizard import PlanWizard

        self._review()
        refuse_read_only(self.store)
        self.check_the_date()
        wizard = PlanWizard(self.today, self.store.profile(), self.catalogue)
        profile = await self.app.push_screen_wait(wizard)
        if profile is None:
            return
        fresh = new_plan(profile, self.catalogue, self.today)
        draft = draft_plan(self.store, self.catalogue, fresh, profile.start)
        question = rebuild_question(draft)
        if question and not await self.ask(f"{question} Build it anyway?", "Build"):
            return
        save_plan(self.store, draft)
        self.reload(day=self.today)
        weeks = f"{profile.weeks} week{'s' if profile.weeks != 1 else ''}"
        self.notify(f"Your {weeks} plan is ready.", markup=False)

    @work
    @reports_user_errors_async
    async def action_session(self) -> None:
        """Run the selected day's exercises in the live-session screen, then record them."""
        from planner.tui.screens.session import SessionScreen

        self._review()  # the session must run this week's doses, not last launch's
        day = self.selection.day
        items = list(self.week.items[day])
        if not items:
            self.notify("Nothing is planned that day.", severity="warning", markup=False)
            return
        self.check_the_date()
        if day > self.today:
            near = day - self.today < timedelta(days=7)
            which = f"{weekday(day)}'s session" if near else f"the session of {short_date(day)}"
            if not await self.ask(f"This is {which} — do it now?", "Start"):
                return
        if self.store.read_only:
            message = "The data file is open read-only: this session will not be saved."
            self.notify(message, severity="warning", markup=False)
        keep = None if self.store.read_only else partial(checkpoint_session, self.store)
        screen = SessionScreen(day, items, self.catalogue, self.week.settings, self.clock, keep)
        self.record(await self.app.push_screen_wait(screen))

    @reports_user_errors
    def record(self, log: SessionLog | None) -> None:
        """Save the session just done with its feedback review, and say what it changed."""
        if log is None:
            self.notify("The session ended before any exercise was done; nothing was logged.")
            return
        message = record_session(self.store, self.catalogue, log, self.clock.today())
        self.reload()
        self.notify("Session saved.", markup=False)
        self.tell(message)

    @reports_user_errors
    def action_export(self) -> None:
        """Write the plan, from the shown week on, as a text file in the current folder."""
        from planner.planbook.exports import write_text_export

        self._review()
        path = write_text_export(self.store, self.catalogue, self.week.monday)
        self.notify(f"Plan written to {path}", markup=False, timeout=10)
