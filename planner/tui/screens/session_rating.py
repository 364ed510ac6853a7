"""The two quick questions around a live session: pain before, and how it went after."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet

from planner.domain.models import Effort
from planner.domain.record_limits import MAX_NOTE
from planner.domain.session import PainScoreError, SessionRating, parse_pain
from planner.domain.text_rules import line_problem


@dataclass(frozen=True)
class PainBefore:
    """The answer to the pain question: a score from 0 to 10, or None when skipped."""

    pain: int | None


class PainBeforeDialog(ModalScreen[PainBefore | None]):
    """Ask for pain right now (0 to 10) before the session starts; an empty box or Skip
    starts without a score, escape goes back without starting (None)."""

    CSS_PATH = "../tcss/session.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            "Back",
            tooltip="Go back to the calendar without starting",
            id="pain_before.back",
        ),
        # The box takes enter when it has the focus; this one works wherever the focus is.
        Binding(
            "enter",
            "start",
            "Start",
            key_display="⏎",
            tooltip="Start the session with the score given, or none",
            id="pain_before.start",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._answered = False

    def compose(self) -> ComposeResult:
        with Vertical(id="pain-before-box"):
            yield Label("How much does your back hurt right now?", classes="dialog-title")
            yield Label("0 means no pain, 10 the worst you can imagine. Leave empty to skip.")
            yield Input(placeholder="0–10", id="pain-before-input", type="integer", max_length=2)
            yield Label("", id="pain-before-error", classes="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start", id="pain-before-start", variant="primary")
                yield Button("Skip", id="pain-before-skip")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's below

    @on(Input.Submitted, "#pain-before-input")
    @on(Button.Pressed, "#pain-before-start")
    def start(self, event: Input.Submitted | Button.Pressed) -> None:
        """Start the session with the score given (or none when the box is empty)."""
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        """Check the score in the box, then start with it (or without one)."""
        try:
            pain = parse_pain(self.query_one("#pain-before-input", Input).value)
        except PainScoreError as error:
            self.query_one("#pain-before-error", Label).update(str(error))
            return
        self._answer(PainBefore(pain))

    @on(Button.Pressed, "#pain-before-skip")
    def skip_button(self, event: Button.Pressed) -> None:
        """Start without a score."""
        event.stop()
        self._answer(PainBefore(None))

    def action_back(self) -> None:
        """Leave without starting the session."""
        self._answer(None)

    def _answer(self, answer: PainBefore | None) -> None:
        # Once only: a second key typed before the first one closed the dialog would
        # otherwise close the screen below it too.
        if not self._answered:
            self._answered = True
            self.dismiss(answer)


_EFFORTS = (Effort.EASY, Effort.ABOUT_RIGHT, Effort.HARD)


class SessionRatingDialog(ModalScreen[SessionRating]):
    """Ask pain now, effort and a note once the session is over; every answer is optional."""

    CSS_PATH = "../tcss/session.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="session_rating.save"),
        Binding("escape", "skip", "Skip rating", id="session_rating.skip"),
    ]

    def __init__(self, summary: str) -> None:
        super().__init__()
        self.summary = summary
        """How the session went (``session_summary``): praise only for a session done."""

    def compose(self) -> ComposeResult:
        with Vertical(id="rating-box"):
            yield Label(self.summary, classes="dialog-title", markup=False)
            yield Label("Pain now, 0 to 10")
            yield Input(placeholder="0–10", id="rating-pain", type="integer", max_length=2)
            yield Label("Effort")
            with RadioSet(id="rating-effort"):
                for effort in _EFFORTS:
                    yield RadioButton(effort.label)
            yield Label("Note (optional)")
            yield Input(placeholder="anything worth remembering", id="rating-note", max_length=200)
            yield Label("", id="rating-error", classes="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="rating-save", variant="primary")
                yield Button("Skip", id="rating-skip")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's below

    @on(Input.Submitted, "#rating-pain")
    def next_field(self, event: Input.Submitted) -> None:
        """Enter in the pain box moves on to the effort choice."""
        event.stop()
        self.query_one("#rating-effort", RadioSet).focus()

    @on(Input.Submitted, "#rating-note")
    @on(Button.Pressed, "#rating-save")
    def save(self, event: Input.Submitted | Button.Pressed) -> None:
        """Save the answers given."""
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Check the pain score, then dismiss with the rating."""
        try:
            pain = parse_pain(self.query_one("#rating-pain", Input).value)
        except PainScoreError as error:
            self.query_one("#rating-error", Label).update(str(error))
            self.query_one("#rating-pain", Input).focus()
            return
        chosen = self.query_one("#rating-effort", RadioSet).pressed_index
        effort = _EFFORTS[chosen] if chosen >= 0 else None
        note = self.query_one("#rating-note", Input).value.strip()
        # The same rule the data file is read with, so a saved note can always be read back.
        problem = line_problem(note, MAX_NOTE, required=False)
        if problem is not None:
            self.query_one("#rating-error", Label).update(f"The note {problem}.")
            self.query_one("#rating-note", Input).focus()
            return
        self.dismiss(SessionRating(pain_after=pain, effort=effort, note=note))

    @on(Button.Pressed, "#rating-skip")
    def skip_button(self, event: Button.Pressed) -> None:
        """Keep the log without ratings."""
        event.stop()
        self.action_skip()

    def action_skip(self) -> None:
        """Keep the log without ratings."""
        self.dismiss(SessionRating())
