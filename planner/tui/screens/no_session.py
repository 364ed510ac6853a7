"""A plain screen instead of a session when pain before it is 9 or 10: see a doctor."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from planner.domain.pain_gate import no_session_advice


class NoSessionScreen(Screen[None]):
    """The doctor advice, in plain words, and a way back to the calendar."""

    DEFAULT_CSS = """
    NoSessionScreen #no-session-box {
        padding: 1 2;
        border: heavy $error;
        height: auto;
        margin: 2 4;
    }
    NoSessionScreen #no-session-title {
        text-style: bold;
        color: $text-error;
        margin-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "back", "Back to the calendar", id="no_session.back"),
    ]

    def __init__(self, pain: int) -> None:
        super().__init__()
        self.pain = pain

    def compose(self) -> ComposeResult:
        with Vertical(id="no-session-box"):
            yield Static("No session today", id="no-session-title", markup=False)
            yield Static(no_session_advice(self.pain), id="no-session-advice", markup=False)
        yield Footer()

    def action_back(self) -> None:
        """Leave for the calendar."""
        self.dismiss(None)
