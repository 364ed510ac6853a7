"""The first-launch welcome: what the app is for, when a doctor comes first, an offer to plan.

Someone who already made a plan with ``planner plan`` is offered that plan instead.
"""

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
    """Shown once, on first launch; dismisses True when the user wants to build a plan now.

    With ``has_plan`` (a plan was made before the app was first opened) the offer is to
    show that plan, which dismisses False: building another would replace it.
    """

    CSS_PATH = "../tcss/welcome.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        # One of the two enter keys applies, depending on whether a plan exists (check_action).
        Binding("enter", "build", "Build my plan", id="welcome.build"),
        Binding("enter", "show_plan", "Show my plan", id="welcome.show"),
        Binding("escape", "later", "Not now", id="welcome.later"),
    ]

    def __init__(self, catalogue: Catalogue, has_plan: bool = False) -> None:
        super().__init__()
        self.has_plan = has_plan
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
                if self.has_plan:
                    # "Not now" would do the same as this button, so it is left out.
                    yield Button("Show my plan", variant="primary", id="welcome-show")
                else:
                    yield Button("Build my plan", variant="primary", id="welcome-build")
                    yield Button("Not now", id="welcome-later")

    def on_mount(self) -> None:
        self.query_one("#welcome-buttons Button", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer building a plan only to someone without one, and showing it only with one."""
        if action == "build":
            return not self.has_plan
        if action == "show_plan":
            return self.has_plan
        return True

    @on(Button.Pressed, "#welcome-build")
    def action_build(self) -> None:
        """Close the welcome and go on to the plan wizard."""
        self.dismiss(True)

    @on(Button.Pressed, "#welcome-show")
    def action_show_plan(self) -> None:
        """Close the welcome onto the calendar, where the plan already made is."""
        self.dismiss(False)

    @on(Button.Pressed, "#welcome-later")
    def action_later(self) -> None:
        """Close the welcome and look around first."""
        self.dismiss(False)
