"""The catalogue screen: browse the exercises, read one in full, plan it, manage your own.

The list and a filter sit on the left, the selected exercise's detail on the
right. Built-in exercises are read-only; the user's own can be created, edited
and deleted, and every change goes to the store and to the one Catalogue object
the other screens share.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList

from planner.domain.catalogue import Catalogue
from planner.domain.clock import Clock
from planner.domain.dates import short_date
from planner.domain.models import Exercise
from planner.domain.text_rules import terminal_safe
from planner.domain.wording import counted
from planner.planbook import custom, edits
from planner.planbook.change import refuse_read_only
from planner.planbook.undo import UndoHistory
from planner.storage.store import Store
from planner.tui.errors import reports_user_errors_async
from planner.tui.screens.confirm import ConfirmDialog
from planner.tui.screens.exercise_form import ExerciseForm
from planner.tui.screens.pick_day import PickDayDialog
from planner.tui.widgets.catalogue_list import ExerciseList, matches
from planner.tui.widgets.exercise_detail import ExerciseDetail
from planner.tui.widgets.filter_box import FilterBox
from planner.tui.widgets.status_line import SaysInStatusLine, StatusLine
from planner.tui.widgets.title_bar import TitleBar


class CatalogueScreen(SaysInStatusLine, Screen[None]):
    """Every exercise the user can plan, filterable, with a detail pane and edit keys."""

    CSS_PATH = "../tcss/catalogue.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "add_to_day",
            "Add",
            tooltip="Schedule the selected exercise on a day you pick",
            id="catalogue.add",
        ),
        Binding(
            "n", "new_exercise", "New", tooltip="Create an exercise of your own", id="catalogue.new"
        ),
        Binding(
            "e",
            "edit_exercise",
            "Edit",
            tooltip="Change the selected exercise of your own",
            id="catalogue.edit",
        ),
        Binding(
            "x",
            "delete_exercise",
            "Delete",
            tooltip="Delete the selected exercise of your own and take it off the plan",
            id="catalogue.delete",
        ),
        # The filter box itself says "( / )", so the footer need not.
        Binding(
            "slash",
            "focus_filter",
            "Filter",
            show=False,
            tooltip="Jump to the box that filters exercises by name",
            id="catalogue.filter",
        ),
    ]

    edits_the_plan: ClassVar[bool] = True
    """The app's undo and redo keys work here (adding to a day is a plan edit)."""

    def __init__(
        self, store: Store, catalogue: Catalogue, clock: Clock, undo: UndoHistory | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.catalogue = catalogue
        self.clock = clock
        self.undo = undo or UndoHistory(store)

    def compose(self) -> ComposeResult:
        yield TitleBar("Catalogue", id="catalogue-title")
        with Horizontal(id="catalogue-body"):
            with Vertical(id="catalogue-side"):
                yield FilterBox(placeholder="Filter by name  ( / )", id="catalogue-filter")
                yield ExerciseList(id="catalogue-list")
            yield ExerciseDetail(id="catalogue-detail")
        yield StatusLine(id="catalogue-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one(ExerciseList).focus()

    def on_screen_resume(self) -> None:
        # Another screen may have changed the shared catalogue while this one was away.
        self.refresh_list()

    def selected(self) -> Exercise | None:
        """The exercise highlighted in the list, if any."""
        exercise_id = self.query_one(ExerciseList).highlighted_id
        if exercise_id is None or exercise_id not in self.catalogue:
            return None
        return self.catalogue.get(exercise_id)

    def refresh_list(self, keep: str | None = None) -> None:
        """Show the exercises matching the filter, with ``keep`` (or the current one) selected."""
        exercise_list = self.query_one(ExerciseList)
        keep = keep or exercise_list.highlighted_id
        query = self.query_one("#catalogue-filter", Input).value
        builtin = [e for e in self.catalogue if not e.custom]
        own = sorted((e for e in self.catalogue if e.custom), key=lambda e: e.name.casefold())
        shown = [e for e in builtin + own if matches(e, query)]
        exercise_list.show(shown, keep=keep)
        self._show_title(len(builtin) + len(own), len(own), len(shown) if query else None)
        self._show_detail()

    def _show_title(self, total: int, own: int, matching: int | None) -> None:
        facts = [counted(total, "exercise")]
        if own:
            facts.append(f"{own} of your own")
        if matching is not None:
            facts.append(f"{matching} match{'es' if matching == 1 else ''} the filter")
        self.query_one(TitleBar).show(*facts)

    def _show_detail(self) -> None:
        exercise = self.selected()
        follower = exercise.flows_into if exercise else ""
        flows_into = self.catalogue.get(follower).name if follower in self.catalogue else ""
        self.query_one(ExerciseDetail).show(exercise, flows_into)

    @on(Input.Changed, "#catalogue-filter")
    def filter_list(self, event: Input.Changed) -> None:
        """Narrow the list as the user types."""
        event.stop()
        self.refresh_list()

    @on(Input.Submitted, "#catalogue-filter")
    @on(FilterBox.Left)
    def leave_filter(self, event: Input.Submitted | FilterBox.Left) -> None:
        """Enter, escape or down in the filter go back to the list, ready for the action keys."""
        event.stop()
        self.query_one(ExerciseList).focus()

    @on(OptionList.OptionHighlighted, "#catalogue-list")
    def show_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Follow the list's highlight in the detail pane."""
        event.stop()
        self._show_detail()

    def action_focus_filter(self) -> None:
        """Jump to the filter box."""
        self.query_one("#catalogue-filter", Input).focus()

    @work
    @reports_user_errors_async
    async def action_add_to_day(self) -> None:
        """Ask for a day and schedule the selected exercise on it."""
        exercise = self.selected()
        if exercise is None:
            self.notify("Select an exercise first.", severity="warning")
            return
        refuse_read_only(self.store)
        today = self.clock.today()
        day = await self.app.push_screen_wait(
            PickDayDialog(f"Add {terminal_safe(exercise.name)} to which day?", today, today)
        )
        if day is None:
            return
        question = edits.place_question(self.store, self.catalogue, day, exercise.id)
        if question and not await self.app.push_screen_wait(ConfirmDialog(question, "Add")):
            return
        done = f"Added {exercise.name} to {short_date(day)}"
        with self.undo.edit(terminal_safe(done), [day]):
            edits.add_exercise(self.store, self.catalogue, day, exercise.id)
        self.notify(f"{done}.", markup=False)

    @work
    @reports_user_errors_async
    async def action_new_exercise(self) -> None:
        """Open an empty form and add what it returns to the catalogue."""
        refuse_read_only(self.store)
        created = await self.app.push_screen_wait(ExerciseForm(self.catalogue.ids))
        if created is not None:
            with self.undo.edit(terminal_safe(f"Created {created.name}"), custom=created.id):
                self._save(created)
            self.notify(f"Created {created.name}", markup=False)

    @work
    @reports_user_errors_async
    async def action_edit_exercise(self) -> None:
        """Open the selected custom exercise in the form and save the changes."""
        exercise = self._own_selected("changed")
        if exercise is None:
            return
        edited = await self.app.push_screen_wait(ExerciseForm(self.catalogue.ids, exercise))
        if edited is not None:
            with self.undo.edit(terminal_safe(f"Changed {edited.name}"), custom=edited.id):
                self._save(edited)
            self.notify(f"Saved {edited.name}", markup=False)

    @work
    @reports_user_errors_async
    async def action_delete_exercise(self) -> None:
        """Ask, then delete the selected custom exercise and take it off the plan from today."""
        exercise = self._own_selected("deleted")
        if exercise is None:
            return
        today = self.clock.today()
        days = custom.days_planned(self.store, exercise.id, today)
        question = f"Delete {terminal_safe(exercise.name)}?"
        if days:
            question += (
                f" It is planned on {counted(len(days), 'day')} from today on and will be "
                f"removed from {'it' if len(days) == 1 else 'them'}; days before today keep it."
            )
        if not await self.app.push_screen_wait(ConfirmDialog(question, "Delete")):
            return
        done = terminal_safe(f"Deleted {exercise.name}")
        with self.undo.edit(done, days, custom=exercise.id):
            removed = custom.delete_exercise(self.store, self.catalogue, exercise.id, today)
        self.refresh_list()
        self.notify(
            f"Deleted {exercise.name}; removed from {counted(removed, 'plan day')}", markup=False
        )

    def show_change(self, days: frozenset[date]) -> None:
        """After an undo or redo: list the exercises again (a custom one may be back)."""
        self.refresh_list()

    def _own_selected(self, verb: str) -> Exercise | None:
        exercise = self.selected()
        if exercise is None:
            self.notify("Select an exercise first.", severity="warning")
            return None
        if not exercise.custom:
            self.notify(
                f"{exercise.name} is built in and cannot be {verb}; press n to make your own.",
                severity="warning",
                markup=False,
            )
            return None
        refuse_read_only(self.store)
        return exercise

    def _save(self, exercise: Exercise) -> None:
        custom.save_exercise(self.store, self.catalogue, exercise)
        self.refresh_list(keep=exercise.id)
