"""The calendar, the app's home: its keys and the dialogs that change the plan.

Every change is a plan book operation; where the plan book has a question (a rest day,
a second copy, hand edits a new plan would replace, a future day's session), it is
asked first, in a dialog awaited in a worker (``@work`` + ``push_screen_wait``).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import ClassVar

from textual import work
from textual.binding import BindingType

from planner.domain.catalogue import Catalogue
from planner.domain.clock import Clock
from planner.domain.dates import long_date, short_date, weekday
from planner.domain.dose_words import dose_text
from planner.domain.models import PlanItem, SessionLog
from planner.domain.text_rules import terminal_safe
from planner.planbook import edits
from planner.planbook.change import refuse_read_only
from planner.planbook.journal import checkpoint_session, record_session
from planner.planbook.undo import UndoHistory
from planner.planbook.week import exercise_name
from planner.storage.store import Store
from planner.tui.errors import reports_user_errors, reports_user_errors_async
from planner.tui.screens.calendar_keys import CALENDAR_KEYS
from planner.tui.screens.calendar_view import CalendarView
from planner.tui.screens.confirm import ConfirmDialog


class CalendarScreen(CalendarView):
    """This week's plan: move around it, edit it, start a session, export it."""

    BINDINGS: ClassVar[list[BindingType]] = CALENDAR_KEYS

    edits_the_plan: ClassVar[bool] = True
    """The app's undo and redo keys work here."""

    def __init__(
        self, store: Store, catalogue: Catalogue, clock: Clock, undo: UndoHistory | None = None
    ) -> None:
        super().__init__(store, catalogue, clock)
        self.undo = undo or UndoHistory(store)

    def on_mount(self) -> None:
        if not self.week.settings.welcomed:
            self.welcome()

    async def ask(self, question: str, confirm: str) -> bool:
        """Ask a yes-or-no question in a dialog; True when the user confirms."""
        answer: bool = await self.app.push_screen_wait(ConfirmDialog(question, confirm))
        return answer

    def _editable_day(self) -> date:
        """The selected day, once the day's review ran and a read-only file was refused."""
        self._review()
        refuse_read_only(self.store)
        return self.selection.day

    def _editable_item(self, verb: str) -> PlanItem | None:
        """The selected item for an edit (after the day's review and the read-only check)."""
        self._editable_day()
        item = self.selected_item
        if item is None:
            self.notify(f"Select an exercise to {verb} first.", severity="warning", markup=False)
        return item

    @work
    @reports_user_errors_async
    async def action_add(self) -> None:
        """Pick an exercise from the catalogue and add it to the selected day."""
        from planner.tui.screens.pick_exercise import PickExerciseDialog

        day = self._editable_day()
        exercise_id = await self.app.push_screen_wait(PickExerciseDialog(self.catalogue))
        if exercise_id is None:
            return
        question = edits.place_question(self.store, self.catalogue, day, exercise_id)
        if question and not await self.ask(question, "Add"):
            return
        name = exercise_name(self.catalogue, exercise_id)
        done = f"Added {name} to {short_date(day)}"
        with self.undo.edit(done, [day]):
            item = edits.add_exercise(self.store, self.catalogue, day, exercise_id)
        self.reload(day=day, item_id=item.id)
        self.notify(f"{done}.", markup=False)

    @work
    @reports_user_errors_async
    async def action_remove(self) -> None:
        """Take the selected exercise off its day, after asking."""
        if (item := self._editable_item("remove")) is None:
            return
        name = exercise_name(self.catalogue, item.exercise_id)
        when = long_date(item.day, year=False)
        if await self.ask(f"Remove {name} from {when}?", "Remove"):
            with self.undo.edit(f"Removed {name} from {short_date(item.day)}", [item.day]):
                edits.remove_item(self.store, item.id)
            self.reload()
            self.notify(f"Removed {name}; ctrl+z puts it back.", markup=False)

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
        done = f"Moved {name} to {short_date(day)}"
        with self.undo.edit(done, [item.day, day]):
            moved = edits.move_item(self.store, item.id, day)
        self.reload(day=day, item_id=moved.id)
        self.notify(f"{done}.", markup=False)

    def action_reorder(self, offset: int) -> None:
        """Move the selected exercise up or down within its day."""
        if (item := self._editable_item("reorder")) is not None:
            name = exercise_name(self.catalogue, item.exercise_id)
            with self.undo.edit(f"Moved {name} {'up' if offset < 0 else 'down'}", [item.day]):
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
            done = f"Changed the dose of {exercise.name} on {short_date(item.day)}"
            with self.undo.edit(terminal_safe(done), [item.day]):
                edits.set_dose(self.store, item.id, dose)
            self.reload(item_id=item.id)
            self.notify(f"{exercise.name}: {dose_text(dose, exercise)}.", markup=False)

    @work
    @reports_user_errors_async
    async def action_rest(self) -> None:
        """Mark the selected day as a rest day, or make it a training day again."""
        day = self._editable_day()
        question = edits.rest_question(self.store, day)
        if question and not await self.ask(question, "Rest"):
            return
        with self.undo.edit("", [day]) as done:
            message = edits.toggle_rest(self.store, day)
            done.text = message.removesuffix(".")
        self.reload()
        self.notify(message, markup=False)

    def show_change(self, days: frozenset[date]) -> None:
        """After an undo or redo: read the plan again, showing a day it changed."""
        shown = set(self.week.days)
        self.reload(day=None if not days or shown & days else min(days))

    @work
    @reports_user_errors_async
    async def welcome(self) -> None:
        """Greet a first-time user; the wizard next if they want a plan now."""
        from planner.planbook.settings import mark_welcomed
        from planner.tui.screens.welcome import WelcomeScreen

        has_plan = self.week.profile is not None or self.store.profile() is not None
        screen = WelcomeScreen(self.catalogue, has_plan)
        build_now = await self.app.push_screen_wait(screen)
        mark_welcomed(self.store, red_flags=screen.answers)
        if build_now:
            self.action_wizard()

    @work
    @reports_user_errors_async
    async def action_wizard(self) -> None:
        """Build a new plan from the wizard's answers; what is done and the past stay."""
        from planner.planbook.plans import (
            draft_plan,
            new_plan,
            pause_for_pain,
            rebuild_question,
            save_plan,
        )
        from planner.tui.screens.wizard import PlanWizard
        from planner.tui.screens.wizard_form import PainCheck

        self._editable_day()
        self.check_the_date()
        red_flags = self.store.settings().red_flags or ()
        wizard = PlanWizard(self.today, self.store.profile(), self.catalogue, red_flags)
        profile = await self.app.push_screen_wait(wizard)
        if profile is None:
            return
        if isinstance(profile, PainCheck):
            # No new plan at this pain: the current one pauses on it, and says why.
            message = pause_for_pain(
                self.store, self.catalogue, profile.pain, self.today, self.clock.now()
            )
            self.reload()
            self.tell(message)
            return
        fresh = new_plan(profile, self.catalogue, self.today)
        draft = draft_plan(self.store, self.catalogue, fresh, profile.start)
        question = rebuild_question(draft)
        if question and not await self.ask(f"{question} Build it anyway?", "Build"):
            return
        with self.undo.edit("Built a new plan", plan_from=draft.plan.profile.start):
            save_plan(self.store, draft)
        self.reload(day=self.today)
        self.notify(f"Your {profile.weeks}-week plan is ready.", markup=False)

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
        """Write the plan, from the shown week on, as a text card and an .ics calendar file
        in the current folder (the calendar at the time and reminder of the settings)."""
        from planner.domain.calendar_reminders import clock_text
        from planner.planbook.exports import write_plan_exports

        self._review()
        written = write_plan_exports(self.store, self.catalogue, self.week.monday)
        self.notify(
            f"Plan written to {written.card}, and {written.calendar.name} beside it for a "
            f"calendar app: sessions at {clock_text(written.at)}, a reminder "
            f"{written.remind_min} min before.",
            markup=False,
            timeout=10,
        )
