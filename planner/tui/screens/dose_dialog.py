"""A form to change one plan item's dose: hold seconds, reps, sets and rest, checked as typed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label

from planner.domain.models import Dose, Exercise, Kind
from planner.domain.text_rules import terminal_safe


@dataclass(frozen=True)
class _Field:
    """One number of the dose: its input id, label and the range we accept."""

    name: str
    label: str
    low: int
    high: int


# Generous but sane: nobody should hold a back stretch for more than five minutes,
# or do more than a hundred reps or ten sets of one exercise in a session.
_FIELDS = (
    _Field("hold_s", "Hold (seconds)", 0, 300),
    _Field("reps", "Reps (per side)", 1, 100),
    _Field("sets", "Sets", 1, 10),
    _Field("rest_s", "Rest between sets (seconds)", 0, 600),
)


class DoseDialog(ModalScreen[Dose | None]):
    """Edit ``dose`` for ``exercise``; dismisses with the new Dose, or None when cancelled."""

    CSS_PATH = "../tcss/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dose.cancel"),
    ]

    def __init__(self, exercise: Exercise, dose: Dose) -> None:
        super().__init__()
        self.exercise = exercise
        self.dose = dose

    def compose(self) -> ComposeResult:
        with Vertical(id="dose-box"):
            yield Label(
                Content("Dose for ") + Content.styled(terminal_safe(self.exercise.name), "bold"),
                id="dose-title",
            )
            for field in _FIELDS:
                with Horizontal(classes="dose-row"):
                    yield Label(f"{field.label} ({field.low}–{field.high})", classes="dose-label")
                    yield Input(
                        str(getattr(self.dose, field.name)),
                        id=f"dose-{field.name}",
                        type="integer",
                        classes="dose-input",
                        compact=True,
                    )
            yield Label("", id="dose-error", markup=False)
            with Horizontal(id="dose-buttons"):
                yield Button("Save", id="dose-save", variant="primary")
                yield Button("Cancel", id="dose-cancel")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's below

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _read_dose(self) -> Dose:
        """The dose in the form; ValueError with a message for the user when a number is off."""
        values: dict[str, int] = {}
        for field in _FIELDS:
            text = self.query_one(f"#dose-{field.name}", Input).value.strip()
            try:
                number = int(text)
            except ValueError:
                raise ValueError(f"{field.label}: type a whole number.") from None
            if not field.low <= number <= field.high:
                raise ValueError(f"{field.label}: between {field.low} and {field.high}, please.")
            values[field.name] = number
        if self.exercise.kind in (Kind.HOLD, Kind.HOLD_REPS) and values["hold_s"] == 0:
            raise ValueError(f"{self.exercise.name} is a hold: give it at least 1 second.")
        return Dose(**values)

    def _save(self) -> None:
        error = self.query_one("#dose-error", Label)
        try:
            dose = self._read_dose()
        except ValueError as problem:
            error.update(Content(str(problem)))
            error.add_class("-shown")
            return
        self.dismiss(dose)

    @on(Input.Submitted)
    def save_on_enter(self, event: Input.Submitted) -> None:
        """Enter in any field saves (or shows what is wrong)."""
        event.stop()
        self._save()

    @on(Input.Changed)
    def clear_error(self, event: Input.Changed) -> None:
        """Hide an old error once the user edits a number."""
        event.stop()
        self.query_one("#dose-error", Label).remove_class("-shown")

    @on(Button.Pressed, "#dose-save")
    def save(self, event: Button.Pressed) -> None:
        """The Save button."""
        event.stop()
        self._save()

    @on(Button.Pressed, "#dose-cancel")
    def cancel(self, event: Button.Pressed) -> None:
        """The Cancel button."""
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without changing the dose."""
        self.dismiss(None)
