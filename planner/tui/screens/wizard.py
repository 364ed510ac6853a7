"""The plan wizard: a short form whose answers become the Profile a plan is built from."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Footer, Input, Label, RadioButton, RadioSet, Static

from planner.domain.catalogue import Catalogue
from planner.domain.models import Activity, Profile
from planner.domain.red_flags import CHECKLIST_TITLE
from planner.domain.thresholds import NO_SESSION_PAIN, PAIN_MAX
from planner.tui.screens.wizard_form import (
    DAY_NAMES,
    MINUTES_RANGE,
    WEEKS_RANGE,
    PainCheck,
    WizardAnswers,
    check_answers,
    preview,
    safety_advice,
)
from planner.tui.widgets.red_flag_checklist import RedFlagChecklist

_DEFAULT_DAYS = frozenset({0, 2, 4})
_FIELDS = ("pain", "activity", "weekdays", "minutes", "weeks", "start", "bending", "red_flags")
_HINTS = {
    "pain": "0 none, 10 worst",
    "activity": "",
    "weekdays": "",
    "minutes": f"{MINUTES_RANGE[0]} to {MINUTES_RANGE[1]}",
    "weeks": f"{WEEKS_RANGE[0]} to {WEEKS_RANGE[1]}",
    "start": "year-month-day",
    "bending": "",
    "red_flags": "Tick any that is true now: space ticks a line.",
}
"""What the space beside each field says while nothing is wrong with it."""


class DayToggle(Checkbox, inherit_bindings=False):
    """A weekday checkbox that leaves enter to the form (enter builds the plan)."""

    # Without the half-block caps seven days fit on one line of an 80-column dialog.
    BUTTON_LEFT = ""
    BUTTON_RIGHT = " "
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "Toggle day", show=False),
    ]


class ActivityChoice(RadioSet, inherit_bindings=False):
    """The activity radio buttons, with enter left to the form as well."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "next_button", "Next option", show=False),
        Binding("up,left", "previous_button", "Previous option", show=False),
        Binding("space", "toggle_button", "Choose", show=False),
    ]


def _refused_pain(answers: WizardAnswers) -> int | None:
    """The pain typed when it is too much for a plan (9 or 10), else None."""
    text = answers.pain.strip()
    if text.isdigit() and NO_SESSION_PAIN <= int(text) <= PAIN_MAX:
        return int(text)
    return None


def _whole_number(value: str, id: str, placeholder: str = "") -> Input:
    """A compact field that takes up to two digits."""
    return Input(value, placeholder=placeholder, restrict=r"\d{0,2}", compact=True, id=id)


def _row(label: str, field: str, *widgets: Widget) -> Horizontal:
    return Horizontal(
        Label(label, classes="wizard-label", markup=False),
        *widgets,
        Static(_HINTS[field], id=f"{field}-message", classes="wizard-message", markup=False),
        classes="wizard-row",
        id=f"{field}-row",
    )


class PlanWizard(ModalScreen[Profile | PainCheck | None]):
    """Asks for pain, activity, days, minutes, weeks, start, bending and the red flags.

    Returns a valid Profile, or None; or a PainCheck when pain of 9 or 10 refuses a new
    plan while one exists, so that plan can pause.
    """

    CSS_PATH = "../tcss/wizard.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "build", "Build plan", id="wizard.build"),
        Binding("escape", "cancel", "Cancel", id="wizard.cancel"),
    ]

    def __init__(
        self,
        today: date,
        profile: Profile | None,
        catalogue: Catalogue,
        red_flags: Collection[str] = (),
    ) -> None:
        super().__init__()
        self.red_flags = red_flags
        self.today = today
        self.catalogue = catalogue
        self.previous = profile
        self._shown: set[str] = set()
        """Fields whose problems are on show: edited ones, or all after a build attempt."""

    def compose(self) -> ComposeResult:
        old = self.previous
        activity = old.activity if old else Activity.MEDIUM
        days = old.weekdays if old else _DEFAULT_DAYS
        # One scroll for the whole dialog: on a short terminal the buttons scroll too, and
        # tab still reaches them (focus scrolls into view).
        with VerticalScroll(id="wizard-box"):
            yield Static("Build a plan", id="wizard-title")
            with Vertical(id="wizard-form"):
                yield Static(
                    "A few questions, and the plan starts gently and climbs week by week.",
                    id="wizard-intro",
                    markup=False,
                )
                yield _row(
                    "Pain now (0–10)",
                    "pain",
                    _whole_number(str(old.pain) if old else "", "pain", placeholder="0–10"),
                )
                # Safety advice right under the pain, above everything else it may stop;
                # then the plan these answers build, in view while the rest is filled in.
                yield Static("", id="wizard-advice", markup=False)
                yield Static("", id="wizard-preview", markup=False)
                yield _row(
                    "How active you are",
                    "activity",
                    ActivityChoice(
                        *(
                            RadioButton(level.value.capitalize(), level == activity, name=level)
                            for level in Activity
                        ),
                        id="activity",
                    ),
                )
                yield _row(
                    "Exercise days",
                    "weekdays",
                    Horizontal(
                        *(
                            DayToggle(name, index in days, id=f"day-{index}")
                            for index, name in enumerate(DAY_NAMES)
                        ),
                        id="weekdays",
                    ),
                )
                yield _row(
                    "Minutes a session",
                    "minutes",
                    _whole_number(str(old.minutes) if old else "15", "minutes"),
                )
                yield _row(
                    "Weeks to plan",
                    "weeks",
                    _whole_number(str(old.weeks) if old else "6", "weeks"),
                )
                yield _row(
                    "Start date",
                    "start",
                    Input(self.today.isoformat(), compact=True, id="start"),
                )
                yield _row(
                    "Bending forward",
                    "bending",
                    DayToggle(
                        "makes the pain worse or sends it down a leg",
                        bool(old and old.avoid_bending),
                        id="bending",
                    ),
                )
                yield Static(CHECKLIST_TITLE, id="wizard-red-flags-title", markup=False)
                yield RedFlagChecklist(self.red_flags, id="red-flags")
                yield Static(
                    _HINTS["red_flags"],
                    id="red_flags-message",
                    classes="wizard-message",
                    markup=False,
                )
            with Horizontal(id="wizard-buttons"):
                yield Button("Build plan", variant="primary", compact=True, id="build")
                yield Button("Cancel", compact=True, id="cancel")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's below

    def on_mount(self) -> None:
        self.query_one("#pain", Input).focus()
        self._refresh_form()

    def _answers(self) -> WizardAnswers:
        chosen = self.query_one(ActivityChoice).pressed_button
        activity = Activity(chosen.name) if chosen and chosen.name else Activity.MEDIUM
        days = frozenset(
            index
            for index in range(len(DAY_NAMES))
            if self.query_one(f"#day-{index}", Checkbox).value
        )
        return WizardAnswers(
            pain=self.query_one("#pain", Input).value,
            activity=activity,
            weekdays=days,
            minutes=self.query_one("#minutes", Input).value,
            weeks=self.query_one("#weeks", Input).value,
            start=self.query_one("#start", Input).value,
            avoid_bending=self.query_one("#bending", Checkbox).value,
            red_flags=self.query_one(RedFlagChecklist).answers,
        )

    def _refresh_form(self) -> Profile | None:
        """Show the problems of the fields on show, the pain advice and the preview."""
        answers = self._answers()
        profile, errors = check_answers(answers, self.today)
        for field in _FIELDS:
            message = self.query_one(f"#{field}-message", Static)
            problem = errors.get(field, "") if field in self._shown else ""
            message.update(problem or _HINTS[field])
            message.set_class(bool(problem), "-error")
        advice = "\n".join(safety_advice(answers))
        advice_box = self.query_one("#wizard-advice", Static)
        advice_box.update(advice)
        advice_box.display = bool(advice)
        too_painful = _refused_pain(answers) is not None
        refused = too_painful or bool(answers.red_flags)
        advice_box.set_class(refused, "-refused")
        build = self.query_one("#build", Button)
        pause_instead = self._pause_instead(answers) is not None
        build.label = "Pause my plan" if pause_instead else "Build plan"
        build.disabled = refused and not pause_instead
        if refused:
            summary = ""
        elif profile:
            summary = preview(profile, self.catalogue)
        else:
            summary = "Fill in every field to see the size of the plan."
        preview_box = self.query_one("#wizard-preview", Static)
        preview_box.update(summary)
        preview_box.display = bool(summary)
        return profile

    @on(Input.Changed)
    def _field_edited(self, event: Input.Changed) -> None:
        if event.input.id:
            self._shown.add(event.input.id)
        self._refresh_form()

    @on(Checkbox.Changed)
    def _day_toggled(self) -> None:
        self._shown.add("weekdays")
        self._refresh_form()

    @on(RadioSet.Changed)
    def _activity_chosen(self) -> None:
        self._refresh_form()

    @on(Input.Submitted)
    def _enter_in_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_build()

    @on(Button.Pressed, "#build")
    def _build_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_build()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def _pause_instead(self, answers: WizardAnswers) -> PainCheck | None:
        """Pain of 9 or 10 with a plan in place (and no red flag): pause that plan."""
        pain = _refused_pain(answers)
        if pain is None or self.previous is None or answers.red_flags:
            return None
        return PainCheck(pain)

    def action_build(self) -> None:
        """Return the profile, or point at what still needs fixing."""
        self._shown.update(_FIELDS)
        profile = self._refresh_form()
        if profile is not None:
            self.dismiss(profile)
            return
        if (check := self._pause_instead(self._answers())) is not None:
            self.dismiss(check)
            return
        for field in _FIELDS:
            if self.query_one(f"#{field}-message", Static).has_class("-error"):
                if field == "red_flags":
                    self.query_one(RedFlagChecklist).focus()
                    break
                target = self.query_one(f"#{field}-row").query("Input, RadioSet, Checkbox").first()
                target.focus()
                break

    def action_cancel(self) -> None:
        """Close without building anything."""
        self.dismiss(None)
