"""The plan wizard: what it accepts, what it refuses, and what it says about it."""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual.app import App
from textual.widgets import Button, Input, Static

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Activity, Profile
from planner.domain.progression import generate_plan, weekly_work_seconds
from planner.tui.screens.wizard import PlanWizard
from planner.tui.screens.wizard_form import PainCheck, WizardAnswers, check_answers, preview

TODAY = date(2026, 11, 25)
CATALOGUE = load_catalogue()
TCSS: list[str | PurePath] = sorted(
    (Path(__file__).parents[2] / "planner" / "tui" / "tcss").glob("*.tcss")
)


class WizardHost(App[None]):
    """A bare app with the real styles that opens the wizard and keeps its answer."""

    CSS_PATH: ClassVar[list[str | PurePath]] = TCSS

    def __init__(self, profile: Profile | None = None, red_flags: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.profile = profile
        self.red_flags = red_flags
        self.results: list[Profile | PainCheck | None] = []

    def on_mount(self) -> None:
        wizard = PlanWizard(TODAY, self.profile, CATALOGUE, self.red_flags)
        self.push_screen(wizard, self.results.append)


def shown(app: App[Any], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def answers(**changes: Any) -> WizardAnswers:
    fields: dict[str, Any] = {
        "pain": "3",
        "activity": Activity.MEDIUM,
        "weekdays": frozenset({0, 2, 4}),
        "minutes": "15",
        "weeks": "6",
        "start": "2026-11-25",
    }
    return WizardAnswers(**(fields | changes))


def test_valid_answers_make_a_profile() -> None:
    profile, errors = check_answers(answers(), TODAY)
    assert errors == {}
    assert profile == Profile(3, Activity.MEDIUM, frozenset({0, 2, 4}), 15, 6, TODAY)


def test_each_bad_answer_gets_its_own_message() -> None:
    profile, errors = check_answers(
        answers(pain="11", minutes="90", weeks="0", start="2026-11-24", weekdays=frozenset({1})),
        TODAY,
    )
    assert profile is None
    assert errors == {
        "pain": "Must be from 0 to 10.",
        "minutes": "Must be from 5 to 60.",
        "weeks": "Must be from 1 to 12.",
        "start": "The plan cannot start in the past.",
        "weekdays": "Pick at least 2 days, so each exercise comes twice a week.",
    }


def test_a_date_that_is_not_a_date_is_explained() -> None:
    _, errors = check_answers(answers(start="30/11/2026"), TODAY)
    assert errors["start"].startswith("Use a date like")


def test_pain_nine_is_refused() -> None:
    profile, errors = check_answers(answers(pain="9"), TODAY)
    assert profile is None
    assert "see a doctor" in errors["pain"]


def minutes_by_week(profile: Profile) -> list[int]:
    """What the generator really plans each week, in whole minutes."""
    plan = generate_plan(profile, CATALOGUE)
    return [round(seconds / 60) for seconds in weekly_work_seconds(plan, CATALOGUE)]


def test_preview_tells_the_real_first_and_last_week() -> None:
    profile, _ = check_answers(answers(minutes="20"), TODAY)
    assert profile is not None
    work = minutes_by_week(profile)
    # The plan starts well below the minutes asked for and climbs: the preview must say so.
    assert work[0] < 3 * 20 and work[-1] > work[0]
    first, *notes = preview(profile, CATALOGUE).splitlines()
    assert first == (
        f"6 weeks, 3 sessions a week: about {work[0]} min of exercise in week 1, "
        f"rising to {work[-1]} by week 6"
    )
    # Six weeks do not reach every target: the preview says how far the plan gets.
    assert "% of the work of the full doses" in notes[0]


def test_preview_of_a_flat_gentle_plan_does_not_claim_a_rise() -> None:
    profile, _ = check_answers(answers(pain="8"), TODAY)
    assert profile is not None
    work = minutes_by_week(profile)
    assert preview(profile, CATALOGUE) == (
        f"6 weeks, 3 sessions a week: about {work[0]} min of exercise in week 1, "
        "staying there to week 6"
    )


def test_preview_counts_the_sunday_rest_the_plan_keeps() -> None:
    profile, _ = check_answers(answers(weekdays=frozenset(range(7)), weeks="1"), TODAY)
    assert profile is not None
    assert preview(profile, CATALOGUE).startswith("1 week, 6 sessions a week: about ")


async def test_typing_pain_and_pressing_enter_returns_the_profile() -> None:
    app = WizardHost()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        work = minutes_by_week(Profile(4, Activity.MEDIUM, frozenset({0, 2, 4}), 15, 6, TODAY))
        assert shown(app, "#wizard-preview").splitlines()[0] == (
            f"6 weeks, 3 sessions a week: about {work[0]} min of exercise in week 1, "
            f"rising to {work[-1]} by week 6"
        )
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [Profile(4, Activity.MEDIUM, frozenset({0, 2, 4}), 15, 6, TODAY)]


async def test_tab_reaches_days_and_space_toggles_them() -> None:
    app = WizardHost()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("2", "tab", "right", "right", "space", "tab", "tab", "space")
        await pilot.press("enter")
        await pilot.pause()
    assert len(app.results) == 1
    profile = app.results[0]
    assert isinstance(profile, Profile)
    assert profile.activity is Activity.HIGH
    assert profile.weekdays == frozenset({0, 1, 2, 4})


async def test_bad_minutes_show_a_message_and_build_nothing() -> None:
    app = WizardHost()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        app.screen.query_one("#minutes", Input).value = "90"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#minutes-message") == "Must be from 5 to 60."
        assert app.screen.query_one("#minutes-message").has_class("-error")
        assert isinstance(app.screen, PlanWizard)
    assert app.results == []


async def test_empty_pain_is_pointed_out_on_build() -> None:
    app = WizardHost()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.screen.query_one("#build").scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#build")
        await pilot.pause()
        assert shown(app, "#pain-message") == "Enter your pain now, 0 to 10."
        assert app.screen.focused is app.screen.query_one("#pain")
    assert app.results == []


async def test_pain_eight_warns_but_still_builds() -> None:
    app = WizardHost()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("8")
        assert "see a doctor soon" in shown(app, "#wizard-advice")
        assert "gentlest" in shown(app, "#wizard-advice")
        await pilot.press("enter")
        await pilot.pause()
    assert [p.pain if p else None for p in app.results] == [8]


async def test_pain_nine_disables_build_and_says_see_a_doctor() -> None:
    app = WizardHost()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("9")
        assert app.screen.query_one("#build", Button).disabled
        assert "see one first" in shown(app, "#wizard-advice")
        assert shown(app, "#wizard-preview") == ""
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanWizard)
    assert app.results == []


async def test_incomplete_answers_ask_for_the_rest_instead_of_a_preview() -> None:
    app = WizardHost()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert shown(app, "#wizard-preview") == "Fill in every field to see the size of the plan."
        await pilot.press("3")
        app.screen.query_one("#weeks", Input).value = ""
        await pilot.pause()
        assert shown(app, "#wizard-preview") == "Fill in every field to see the size of the plan."
        app.screen.query_one("#weeks", Input).value = "4"
        await pilot.pause()
        assert shown(app, "#wizard-preview").startswith("4 weeks, 3 sessions a week: about ")


async def test_escape_cancels() -> None:
    app = WizardHost()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("5", "escape")
        await pilot.pause()
    assert app.results == [None]


async def test_previous_profile_fills_the_form_but_starts_today() -> None:
    old = Profile(2, Activity.LOW, frozenset({1, 3}), 20, 4, date(2026, 10, 5))
    app = WizardHost(old)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [Profile(2, Activity.LOW, frozenset({1, 3}), 20, 4, TODAY)]


class TestWizardSnapshots:
    """How the wizard looks, at the usual size and at the smallest supported one."""

    def test_wizard_empty(self, snap_compare: Any) -> None:
        """The form as it opens, with nothing typed yet."""
        assert snap_compare(WizardHost(), terminal_size=(100, 32))

    def test_wizard_high_pain_at_80x24(self, snap_compare: Any) -> None:
        """Pain 8 shows the doctor warning, and everything still fits at 80×24."""
        assert snap_compare(WizardHost(), press=["8"], terminal_size=(80, 24))

    def test_wizard_refused_at_80x24(self, snap_compare: Any) -> None:
        """Pain 9 turns the pain field red and disables Build."""
        assert snap_compare(WizardHost(), press=["9", "enter"], terminal_size=(80, 24))


async def test_a_red_flag_from_the_welcome_refuses_a_plan_and_says_why() -> None:
    app = WizardHost(red_flags=("fever",))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanWizard)
        assert shown(app, "#wizard-advice").startswith("See a doctor before starting")
        assert app.screen.query_one("#red_flags-message").has_class("-error")
    assert app.results == []


def test_bending_forward_leaves_those_exercises_out_and_the_plan_says_so() -> None:
    profile, _ = check_answers(answers(avoid_bending=True), TODAY)
    assert profile is not None and profile.avoid_bending
    plan = generate_plan(profile, CATALOGUE)
    planned = {CATALOGUE.get(item.exercise_id) for item in plan.items}
    assert planned and not any(exercise.bends_forward for exercise in planned)
    notes = " ".join(a.text for a in plan.advice)
    assert "bending forward" in notes and "Deep squat" in notes


async def test_pain_nine_with_a_plan_in_place_asks_to_pause_it() -> None:
    old = Profile(3, Activity.MEDIUM, frozenset({0, 2, 4}), 15, 6, TODAY)
    app = WizardHost(profile=old)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.screen.query_one("#pain", Input).value = "9"
        await pilot.pause()
        assert str(app.screen.query_one("#build", Button).label) == "Pause my plan"
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [PainCheck(9)]
