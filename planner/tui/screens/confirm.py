"""A yes-or-no question in a small modal dialog, used before anything is thrown away."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label


class ConfirmDialog(ModalScreen[bool]):
    """Ask ``question``; dismiss with True when the user confirms, False otherwise."""

    CSS_PATH = "../tcss/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, confirm_label: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            # The question may quote an exercise name the user typed: never read it as markup.
            yield Label(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(self.confirm_label), id="confirm-yes", variant="error")
                yield Button("Cancel", id="confirm-no", variant="default")
        # Its own keys at the bottom (y, n), not those of the screen underneath.
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # Cancel has the focus so that a stray enter never confirms a deletion.
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def confirm(self, event: Button.Pressed) -> None:
        """The user pressed the confirm button."""
        event.stop()
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def cancel(self, event: Button.Pressed) -> None:
        """The user pressed Cancel."""
        event.stop()
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        """Answer from the keyboard: y confirms, n or escape cancels."""
        self.dismiss(answer)
