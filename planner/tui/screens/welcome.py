"""The first-launch welcome: what the app is for, when a doctor comes first, an offer to plan."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from planner.domain.catalogue import Catalogue

ABOUT = (
    "Seven simple exercises for a back that spends its days at a desk.",
    "Answer a few questions and you get a plan that starts gently and builds up week by week.",
    "Each session runs with timers right here, and the calendar keeps track of what you did "
    "and how it felt.",
    "Everything stays on this computer: no account, nothing sent anywhere.",
)


class WelcomeScreen(ModalScreen[bool]):
    """Shown once, on first launch; dismisses True when the user wants to build a plan now."""

    CSS_PATH = "../tcss/welcome.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "build", "Build my plan", id="welcome.build"),
        Binding("escape", "later", "Not now", id="welcome.later"),
    ]

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.see_a_doctor = catalogue.guidance.get("see_a_doctor", ())

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-box"):
            yield Static("Welcome to Back Planner", id="welcome-title", markup=False)
            # One paragraph, so the words fill each line instead of leaving ragged ends.
            yield Static(" ".join(ABOUT), id="welcome-about", markup=False)
            if self.see_a_doctor:
                yield Static("When to see a doctor instead", id="welcome-doctor-title")
                yield Static(
                    "\n".join(f"• {line}" for line in self.see_a_doctor),
                    id="welcome-doctor",
                    markup=False,
                )
            with Horizontal(id="welcome-buttons"):
                yield Button("Build my plan", variant="primary", id="welcome-build")
                yield Button("Not now", id="welcome-later")

    def on_mount(self) -> None:
        self.query_one("#welcome-build", Button).focus()

    @on(Button.Pressed, "#welcome-build")
    def action_build(self) -> None:
        """Close the welcome and go on to the plan wizard."""
        self.dismiss(True)

    @on(Button.Pressed, "#welcome-later")
    def action_later(self) -> None:
        """Close the welcome and look around first."""
        self.dismiss(False)
