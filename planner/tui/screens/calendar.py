"""The calendar, the app's home: this week in seven columns, and every way to edit the plan.

The screen owns the selection (the shown week, the selected day and exercise) and
reads only the shown week from the store; the grid just draws what it is given.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Footer, Static

from planner.domain.catalogue import Catalogue
from planner.domain.clock import Clock
from planner.domain.errors import UserFacingError
from planner.domain.models import DayStatus, Dose, PlanItem, Profile, SessionLog
from planner.domain.weeks import monday_of, week_label
from planner.storage.store import Store
from planner.tui.week_data import (
    day_minutes,
    exercise_name,
    load_week,
    plan_week_text,
    planned_minutes,
)
from planner.tui.widgets.day_column import DayView, ItemView
from planner.tui.widgets.week_grid import WeekGrid

_PALETTE_HINT_MIN_WIDTH = 90
"""Narrowest terminal whose footer holds the calendar's keys, the app's and the ctrl+p hint."""

_READ_ONLY = "The data file is open read-only, so the plan cannot be changed."


class CalendarScreen(Screen[None]):
    """This week's plan: move around it, edit it, start a session, export it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "s,enter",
            "session",
            "Start",
            tooltip="Start the selected day's session",
            id="calendar.session",
        ),
        Binding(
            "a",
            "add",
            "Add",
            tooltip="Add an exercise from the catalogue to the selected day",
            id="calendar.add",
        ),
        Binding(
            "x,delete",
            "remove",
            "Remove",
            tooltip="Take the selected exercise off its day",
            id="calendar.remove",
        ),
        Binding(
            "m",
            "move",
            "Move",
            tooltip="Move the selected exercise to another day",
            id="calendar.move",
        ),
        Binding(
            "d",
            "dose",
            "Dose",
            tooltip="Change the selected exercise's dose for that day",
            id="calendar.dose",
        ),
        Binding(
            "r",
            "rest",
            "Rest day",
            show=False,
            tooltip="Make the selected day a rest day, or a normal day again",
            id="calendar.rest",
        ),
        Binding(
            "w",
            "wizard",
            "Plan",
            tooltip="Build a new plan with the plan wizard",
            id="calendar.wizard",
        ),
        Binding(
            "e",
            "export",
            "Export",
            show=False,
            tooltip="Save the plan from the shown week on as a text file in the current folder",
            id="calendar.export",
        ),
        Binding(
            "left",
            "day(-1)",
            "Previous day",
            show=False,
            tooltip="Select the day before",
            id="calendar.previous_day",
        ),
        Binding(
            "right",
            "day(1)",
            "Next day",
            show=False,
            tooltip="Select the day after",
            id="calendar.next_day",
        ),
        Binding(
            "up",
            "item(-1)",
            "Previous exercise",
            show=False,
            tooltip="Select the exercise above",
            id="calendar.previous_item",
        ),
        Binding(
            "down",
            "item(1)",
            "Next exercise",
            show=False,
            tooltip="Select the exercise below",
            id="calendar.next_item",
        ),
        Binding(
            "left_square_bracket",
            "week(-1)",
            "Previous week",
            key_display="[",
            show=False,
            tooltip="Show the week before",
            id="calendar.previous_week",
        ),
        Binding(
            "right_square_bracket",
            "week(1)",
            "Next week",
            key_display="]",
            show=False,
            tooltip="Show the week after",
            id="calendar.next_week",
        ),
        Binding(
            "t", "today", "Today", show=False, tooltip="Jump back to today", id="calendar.today"
        ),
        Binding(
            "shift+up",
            "reorder(-1)",
            "Move up",
            show=False,
            tooltip="Move the selected exercise up within its day",
            id="calendar.move_up",
        ),
        Binding(
            "shift+down",
            "reorder(1)",
            "Move down",
            show=False,
            tooltip="Move the selected exercise down within its day",
            id="calendar.move_down",
        ),
    ]

    def __init__(self, store: Store, catalogue: Catalogue, clock: Clock) -> None:
        super().__init__()
        self.store = store
        self.catalogue = catalogue
        self.clock = clock
        self.today = clock.today()
        self.selected_day = self.today
        self.selected_index: int | None = None
        self._reviewed = False
        self._unsaved_logs: list[SessionLog] = []
        """Sessions done but not yet on disk because a save failed."""
        self._shown_advice: str | None = None
        self._shown_header = ""
        self._load(monday_of(self.today))
        self._select_first_item()

    # -- layout ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="calendar-header", markup=False)
        yield Static(id="calendar-advice", markup=False)
        yield WeekGrid(self._day_views(), id="calendar-grid")
        yield Static(id="calendar-detail", markup=False)
        yield Footer(compact=True, show_command_palette=self._room_for_palette_hint(self.app.size))

    def on_mount(self) -> None:
        self.query_one(WeekGrid).focus()
        self._draw_text()
        # The feedback rules can take a while on a long history: paint the week first.
        self.call_after_refresh(self._review)
        if not self._settings.welcomed:
            from planner.tui.screens.welcome import WelcomeScreen

            self.app.push_screen(
                WelcomeScreen(self.catalogue, has_plan=self.store.profile() is not None),
                self._after_welcome,
            )

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
            self._reload()

    def _review(self) -> None:
        """Save any session still waiting, then apply the feedback rules once, before
        anything can use this week's doses.

        A failed save (a full disk, a folder made read-only) is reported and tried again
        before the next change, rather than ending the app.
        """
        if self._unsaved_logs:
            self._save_sessions()
        if self._reviewed:
            return
        from planner.storage.journal import review_plan

        try:
            message = review_plan(self.store, self.catalogue, self.today)
        except UserFacingError as error:
            self.notify(f"The plan could not be updated: {error}", severity="error", markup=False)
            return
        self._reviewed = True
        self._reload()
        self._tell(message)

    def _save_sessions(self) -> None:
        """Save the sessions a failed write left waiting, oldest first; keep any that fail.

        ``record_session`` saves a log, then applies the feedback rules; if the rules'
        write fails after the log's succeeded, the retry saves the same log again, which
        replaces it rather than counting the session twice.
        """
        from planner.storage.journal import record_session

        while self._unsaved_logs:
            try:
                message = record_session(
                    self.store, self.catalogue, self._unsaved_logs[0], self.today
                )
            except UserFacingError as error:
                self.notify(
                    f"Your session is not saved yet: {error} It is kept, and saved with your "
                    "next change; keep the app open until it is.",
                    severity="error",
                    markup=False,
                    timeout=15,
                )
                return
            self._unsaved_logs.pop(0)
            if self.store.read_only:  # record_session said why nothing was saved
                self.notify(message, severity="error", markup=False)
                continue
            self._reviewed = True
            self._reload()
            self.notify("Session saved.", markup=False)
            self._tell(message)

    def _after_welcome(self, build_now: bool | None) -> None:
        if not self.store.read_only:
            self.store.save_settings(replace(self.store.settings(), welcomed=True))
        if build_now:
            self.action_wizard()

    def _tell(self, message: str) -> None:
        """Show a message from the plan rules, if they had anything to say."""
        if message:
            self.notify(message, markup=False, timeout=8)

    # -- reading -------------------------------------------------------------------

    def _load(self, monday: date) -> None:
        """Read the week of ``monday`` and everything drawn from it, once per week shown.

        Moving the cursor then needs no store read at all.
        """
        self.week = load_week(self.store, monday, self.today)
        self._settings = self.store.settings()
        self._profile = self.store.profile()
        self._advice = self.store.plan_advice()
        self._item_views = {
            day: tuple(
                ItemView(
                    item.id,
                    exercise_name(self.catalogue, item.exercise_id),
                    item.dose,
                    held=bool(item.held_reason),
                )
                for item in self.week.items[day]
            )
            for day in self.week.days
        }
        self._minutes = {
            day: day_minutes(self.week.items[day], self.catalogue, self._settings)
            for day in self.week.days
        }

    # -- drawing -----------------------------------------------------------------

    def _day_views(self) -> list[DayView]:
        return [
            DayView(
                day,
                self._item_views[day],
                self.week.statuses[day],
                today=day == self.today,
                selected=day == self.selected_day,
                selected_item=self.selected_index if day == self.selected_day else None,
            )
            for day in self.week.days
        ]

    def _redraw(self) -> None:
        """Draw the selection and the texts again (no store read)."""
        self.query_one(WeekGrid).show(self._day_views())
        self._draw_text()

    def _draw_text(self) -> None:
        week = self.week
        parts = [
            f"Week {week_label(week.monday)}",
            plan_week_text(self._profile, week.monday),
            f"{planned_minutes(week, self._minutes)} min planned",
            f"sessions done {week.sessions_done}/{week.sessions_planned}",
        ]
        if self.store.read_only:
            parts.append("read-only")
        header = " · ".join(parts)
        if header != self._shown_header:
            self._shown_header = header
            # The header and the detail line have fixed heights: no layout pass needed.
            self.query_one("#calendar-header", Static).update(Content(header), layout=False)

        if self._advice != self._shown_advice:
            # The banner's height follows its text, so only a new text needs a layout.
            self._shown_advice = self._advice
            banner = self.query_one("#calendar-advice", Static)
            banner.update(Content(self._advice))
            banner.display = bool(self._advice)

        self.query_one("#calendar-detail", Static).update(self._detail(), layout=False)

    def _detail(self) -> Content:
        """The selected exercise in full (the columns are too narrow for it), or the day."""
        day = self.selected_day
        when = day.strftime("%A %d %B")
        item = self.selected_item
        if item is not None:
            name = exercise_name(self.catalogue, item.exercise_id)
            line = Content(f"{when} · ") + Content.styled(name, "bold")
            line += Content(f" · {item.dose.describe()}")
            if item.held_reason:
                line += Content("\n") + Content.styled(
                    f"Dose held this week: {item.held_reason}", "$warning"
                )
            return line
        items = self.week.items[day]
        status = self.week.statuses[day]
        if not items:
            if status is DayStatus.REST:
                return Content(f"{when} · rest day")
            return Content(f"{when} · nothing planned\na adds an exercise · r makes it a rest day")
        minutes = self._minutes[day]
        count = f"{len(items)} exercise{'s' if len(items) != 1 else ''}"
        return Content(f"{when} · {count} · about {round(minutes)} min · {status.value}")

    # -- selection ------------------------------------------------------------------

    @property
    def selected_item(self) -> PlanItem | None:
        """The plan item under the cursor, if the selected day has one selected."""
        items = self.week.items.get(self.selected_day, [])
        if self.selected_index is None or not 0 <= self.selected_index < len(items):
            return None
        return items[self.selected_index]

    def _select_first_item(self) -> None:
        self.selected_index = 0 if self.week.items.get(self.selected_day) else None

    def _reload(self, *, select_id: str | None = None) -> None:
        """Read the week of the selected day again; put the cursor on ``select_id`` if given."""
        self._load(monday_of(self.selected_day))
        items = self.week.items[self.selected_day]
        ids = [item.id for item in items]
        if select_id in ids:
            self.selected_index = ids.index(select_id)
        elif not items:
            self.selected_index = None
        else:
            self.selected_index = min(self.selected_index or 0, len(items) - 1)
        self._redraw()

    def _go_to(self, day: date, *, select_id: str | None = None) -> None:
        """Select ``day`` and its item ``select_id`` (else its first); read the store if needed."""
        self.selected_day = day
        if monday_of(day) != self.week.monday or select_id is not None:
            self._load(monday_of(day))
        ids = [item.id for item in self.week.items[day]]
        self.selected_index = ids.index(select_id) if select_id in ids else (0 if ids else None)
        self._redraw()

    def action_day(self, offset: int) -> None:
        """Select the previous or next day (crossing into the next week at the ends)."""
        self._go_to(self.selected_day + timedelta(days=offset))

    def action_week(self, offset: int) -> None:
        """Show the previous or next week, on the same weekday."""
        self._go_to(self.selected_day + timedelta(weeks=offset))

    def action_today(self) -> None:
        """Go back to today."""
        self._go_to(self.today)

    def action_item(self, offset: int) -> None:
        """Select the previous or next exercise of the day."""
        count = len(self.week.items[self.selected_day])
        if not count:
            return
        current = self.selected_index if self.selected_index is not None else -offset
        self.selected_index = max(0, min(count - 1, current + offset))
        self._redraw()

    @on(WeekGrid.DayChosen)
    def select_clicked_day(self, event: WeekGrid.DayChosen) -> None:
        """A click on a day selects it."""
        event.stop()
        self._go_to(event.day)

    @on(WeekGrid.ItemChosen)
    def select_clicked_item(self, event: WeekGrid.ItemChosen) -> None:
        """A click on an exercise selects it."""
        event.stop()
        self.selected_day = event.day
        self.selected_index = event.index
        self._redraw()

    # -- editing ----------------------------------------------------------------------

    def _can_edit(self) -> bool:
        self._review()
        if self.store.read_only:
            self.notify(_READ_ONLY, severity="error", markup=False)
            return False
        return True

    def _need_item(self, verb: str) -> PlanItem | None:
        item = self.selected_item
        if item is None:
            self.notify(f"Select an exercise to {verb} first.", severity="warning", markup=False)
        return item

    def _report(self, error: UserFacingError) -> None:
        self.notify(str(error), severity="error", markup=False)

    def action_add(self) -> None:
        """Pick an exercise from the catalogue and add it to the selected day."""
        if not self._can_edit():
            return
        day = self.selected_day

        def add(exercise_id: str | None) -> None:
            if exercise_id is None:
                return
            exercise = self.catalogue.get(exercise_id)
            try:
                item = self.store.add_item(day, exercise_id, exercise.start)
            except UserFacingError as error:
                self._report(error)
                return
            self._go_to(day, select_id=item.id)
            self.notify(f"Added {exercise.name} to {day.strftime('%A %d %b')}.", markup=False)

        from planner.tui.screens.pick_exercise import PickExerciseDialog

        self.app.push_screen(PickExerciseDialog(self.catalogue), add)

    def action_remove(self) -> None:
        """Take the selected exercise off its day, after asking."""
        if not self._can_edit() or (item := self._need_item("remove")) is None:
            return
        name = exercise_name(self.catalogue, item.exercise_id)
        question = f"Remove {name} from {item.day.strftime('%A %d %B')}?"

        def remove(sure: bool | None) -> None:
            if not sure:
                return
            try:
                self.store.remove_item(item.id)
            except KeyError:
                pass  # already gone (removed elsewhere): the reload below shows that
            except UserFacingError as error:
                self._report(error)
                return
            self._reload()
            self.notify(f"Removed {name}.", markup=False)

        from planner.tui.screens.confirm import ConfirmDialog

        self.app.push_screen(ConfirmDialog(question, "Remove"), remove)

    def action_move(self) -> None:
        """Move the selected exercise to another day (picked in a dialog)."""
        if not self._can_edit() or (item := self._need_item("move")) is None:
            return
        name = exercise_name(self.catalogue, item.exercise_id)

        def move(day: date | None) -> None:
            if day is None or day == item.day:
                return
            try:
                moved = self.store.move_item(item.id, day)
            except UserFacingError as error:
                self._report(error)
                return
            self._go_to(day, select_id=moved.id)
            self.notify(f"Moved {name} to {day.strftime('%A %d %b')}.", markup=False)

        from planner.tui.screens.pick_day import PickDayDialog

        dialog = PickDayDialog(f"Move {name} to which day?", item.day, self.today)
        self.app.push_screen(dialog, move)

    def action_reorder(self, offset: int) -> None:
        """Move the selected exercise up or down within its day."""
        if not self._can_edit() or (item := self._need_item("reorder")) is None:
            return
        try:
            self.store.reorder_item(item.id, offset)
        except UserFacingError as error:
            self._report(error)
            return
        self._reload(select_id=item.id)

    def action_dose(self) -> None:
        """Change the selected exercise's dose for that day."""
        if not self._can_edit() or (item := self._need_item("change")) is None:
            return
        try:
            exercise = self.catalogue.get(item.exercise_id)
        except KeyError:
            message = "That exercise is no longer in the catalogue."
            self.notify(message, severity="error", markup=False)
            return

        def set_dose(dose: Dose | None) -> None:
            if dose is None or dose == item.dose:
                return
            try:
                self.store.set_dose(item.id, dose)
            except UserFacingError as error:
                self._report(error)
                return
            self._reload(select_id=item.id)
            self.notify(f"{exercise.name}: {dose.describe()}.", markup=False)

        from planner.tui.screens.dose_dialog import DoseDialog

        self.app.push_screen(DoseDialog(exercise, item.dose), set_dose)

    def action_rest(self) -> None:
        """Mark the selected day as a rest day, or make it a normal day again."""
        if not self._can_edit():
            return
        day = self.selected_day
        try:
            rest = self.store.toggle_rest_day(day)
        except UserFacingError as error:
            self._report(error)
            return
        self._reload()
        when = day.strftime("%A %d %b")
        message = f"{when} is a rest day." if rest else f"{when} is no longer a rest day."
        self.notify(message, markup=False)

    def action_wizard(self) -> None:
        """Build a new plan from the wizard's answers; days before today keep their history."""
        if not self._can_edit():
            return
        # The wizard, the plan generator and the session screen are loaded on first use,
        # so that they cost nothing when the calendar opens.
        from planner.domain.progression import generate_plan
        from planner.tui.screens.wizard import PlanWizard

        def build(profile: Profile | None) -> None:
            if profile is None:
                return
            try:
                plan = generate_plan(profile, self.catalogue)
                self.store.save_plan(plan, keep_before=self.today)
            except UserFacingError as error:
                self._report(error)
                return
            self.selected_day = self.today
            self.selected_index = 0
            self._reload()
            weeks = f"{profile.weeks} week{'s' if profile.weeks != 1 else ''}"
            self.notify(f"Your {weeks} plan is ready.", markup=False)

        self.app.push_screen(PlanWizard(self.today, self.store.profile(), self.catalogue), build)

    # -- sessions ------------------------------------------------------------------------

    def action_session(self) -> None:
        """Run the selected day's exercises in the live-session screen."""
        self._review()  # the session must run this week's doses, not last launch's
        day = self.selected_day
        items = list(self.week.items[day])
        if not items:
            self.notify("Nothing is planned that day.", severity="warning", markup=False)
            return
        if self.store.read_only:
            message = "The data file is open read-only: this session will not be saved."
            self.notify(message, severity="warning", markup=False)
        from planner.tui.screens.session import SessionScreen

        screen = SessionScreen(day, items, self.catalogue, self.store.settings(), self.clock)
        self.app.push_screen(screen, self._session_over)

    def _session_over(self, log: SessionLog | None) -> None:
        """Save the session the user just did and show what it changed."""
        if log is None:
            self.notify("The session ended before any exercise was done; nothing was logged.")
            return
        self._unsaved_logs.append(log)
        self._save_sessions()

    # -- export ---------------------------------------------------------------------------

    def action_export(self) -> None:
        """Write the plan, from the shown week on, as a text file in the current folder."""
        from planner.tui.export_file import write_text_export

        self._review()
        try:
            path = write_text_export(self.store, self.catalogue, self.week.monday)
        except UserFacingError as error:
            self._report(error)
            return
        self.notify(f"Plan written to {path}", markup=False, timeout=10)
