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
from textual.widgets import Button, Footer, SelectionList, Static

from planner.domain.catalogue import Catalogue
from planner.domain.red_flags import CHECKLIST_TITLE, red_flag_advice
from planner.tui.widgets.red_flag_checklist import RedFlagChecklist

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
    AUTO_FOCUS = "#welcome-buttons Button"
    """The first button, not the checklist (the first focusable): the words stay at the top."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # One of the two enter keys applies, depending on whether a plan exists (check_action).
        Binding("enter", "build", "Build my plan", id="welcome.build"),
        Binding("enter", "show_plan", "Show my plan", id="welcome.show"),
        Binding("escape", "later", "Not now", id="welcome.later"),
    ]

    def __init__(self, catalogue: Catalogue, has_plan: bool = False) -> None:
        super().__init__()
        self.has_plan = has_plan
        self.answers: tuple[str, ...] | None = None
        """The red-flag questions ticked, once the welcome closes (None before)."""
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
            yield Static(CHECKLIST_TITLE, id="welcome-red-flags-title", markup=False)
            yield Static(
                "Tick any that is true now (space ticks, tab moves on).",
                id="welcome-red-flags-hint",
                markup=False,
            )
            yield RedFlagChecklist(id="welcome-red-flags")
            # Docked with the buttons, so the reason shows wherever the words are scrolled.
            with Vertical(id="welcome-footer"):
                yield Static("", id="welcome-red-flag-advice", markup=False)
                with Horizontal(id="welcome-buttons"):
                    if self.has_plan:
                        # "Not now" would do the same as this button, so it is left out.
                        yield Button("Show my plan", variant="primary", id="welcome-show")
                    else:
                        yield Button("Build my plan", variant="primary", id="welcome-build")
                        yield Button("Not now", id="welcome-later")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's below

    def on_mount(self) -> None:
        self.query_one("#welcome-buttons Button", Button).focus(scroll_visible=False)
        self.query_one("#welcome-red-flag-advice", Static).display = False

    @on(SelectionList.SelectedChanged, "#welcome-red-flags")
    def _red_flags_changed(self) -> None:
        """Any yes: say what to do instead, and offer no plan."""
        answers = self.query_one(RedFlagChecklist).answers
        advice = red_flag_advice(answers)
        box = self.query_one("#welcome-red-flag-advice", Static)
        box.update(advice.text if advice else "")
        box.display = advice is not None
        for button in self.query("#welcome-build, #welcome-show"):
            button.disabled = advice is not None
        self.refresh_bindings()

    def _keep_answers(self) -> tuple[str, ...]:
        self.answers = self.query_one(RedFlagChecklist).answers
        return self.answers

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer building a plan only to someone without one, and showing it only with one."""
        flagged = bool(self.query(RedFlagChecklist)) and bool(
            self.query_one(RedFlagChecklist).answers
        )
        if action == "build":
            return not self.has_plan and not flagged
        if action == "show_plan":
            return self.has_plan and not flagged
        return True

    @on(Button.Pressed, "#welcome-build")
    def action_build(self) -> None:
        """Close the welcome and go on to the plan wizard (never after a yes on the checklist)."""
        if self._keep_answers():
            return
        self.dismiss(True)

    @on(Button.Pressed, "#welcome-show")
    def action_show_plan(self) -> None:
        """Close the welcome onto the calendar, where the plan already made is."""
        self._keep_answers()
        self.dismiss(False)

    @on(Button.Pressed, "#welcome-later")
    def action_later(self) -> None:
        """Close the welcome and look around first."""
        self._keep_answers()
        self.dismiss(False)
