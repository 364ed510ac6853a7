"""A dialog listing the catalogue, filtered as the user types; returns the chosen exercise."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList
from textual.widgets.option_list import Option

from planner.domain.catalogue import Catalogue
from planner.domain.models import Exercise
from planner.domain.text_rules import terminal_safe


class PickExerciseDialog(ModalScreen[str | None]):
    """Pick an exercise from ``catalogue``; dismisses with its id, or None on escape."""

    CSS_PATH = "../tcss/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="pick_exercise.cancel"),
        Binding("down", "to_list", "To the list", show=False, id="pick_exercise.to_list"),
    ]

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-exercise-box"):
            yield Label("Add which exercise?", id="pick-exercise-title")
            yield Input(placeholder="Type to filter", id="pick-exercise-filter", compact=True)
            yield OptionList(id="pick-exercise-list")
            yield Label("Enter adds · Esc cancels", id="pick-exercise-hint")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's below

    def on_mount(self) -> None:
        self._show_matching("")
        self.query_one(Input).focus()

    def _show_matching(self, text: str) -> None:
        wanted = text.strip().casefold()
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(_exercise_line(exercise), id=exercise.id)
            for exercise in sorted(self.catalogue, key=lambda e: (e.custom, e.level, e.name))
            if wanted in exercise.name.casefold()
        )
        options.highlighted = 0 if options.option_count else None

    @on(Input.Changed, "#pick-exercise-filter")
    def filter_list(self, event: Input.Changed) -> None:
        """Narrow the list to the names that contain what was typed."""
        event.stop()
        self._show_matching(event.value)

    @on(Input.Submitted, "#pick-exercise-filter")
    def pick_highlighted(self, event: Input.Submitted) -> None:
        """Enter in the filter picks the highlighted exercise, if any matches."""
        event.stop()
        options = self.query_one(OptionList)
        if options.highlighted is None:
            self.notify("No exercise matches that filter.", severity="warning", markup=False)
            return
        option_id = options.get_option_at_index(options.highlighted).id
        self.dismiss(option_id)

    @on(OptionList.OptionSelected, "#pick-exercise-list")
    def pick(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on an exercise picks it."""
        event.stop()
        self.dismiss(event.option.id)

    def action_to_list(self) -> None:
        """Down from the filter moves into the list."""
        options = self.query_one(OptionList)
        if self.focused is not options:
            options.focus()
            if options.highlighted is not None and options.option_count > 1:
                options.action_cursor_down()

    def action_cancel(self) -> None:
        """Close without adding anything."""
        self.dismiss(None)


def _exercise_line(exercise: Exercise) -> Content:
    # Custom exercise names are user text, so they go in as plain Content, never markup.
    suffix = " · yours" if exercise.custom else f" · level {exercise.level}"
    return Content(terminal_safe(exercise.name)) + Content.styled(suffix, "dim")
