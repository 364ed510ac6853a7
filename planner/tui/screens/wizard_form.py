"""The plan wizard's rules, apart from its widgets: read the answers, say what is wrong.

Kept free of Textual so the checks can be tested directly and read in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from planner.domain.catalogue import Catalogue
from planner.domain.dates import WEEKDAYS
from planner.domain.errors import UserFacingError
from planner.domain.models import Activity, Profile
from planner.domain.plan_inputs import MAX_MINUTES, MAX_WEEKS, MIN_DAYS, MIN_MINUTES, MIN_WEEKS
from planner.domain.plan_size import minutes_trend
from planner.domain.progression import generate_plan, weekly_work_seconds
from planner.domain.red_flags import red_flag_advice
from planner.domain.thresholds import PAIN_MAX, PainBand, pain_band
from planner.domain.wording import counted

MINUTES_RANGE = (MIN_MINUTES, MAX_MINUTES)
WEEKS_RANGE = (MIN_WEEKS, MAX_WEEKS)
MAX_START_AHEAD = timedelta(days=365)
DAY_NAMES = tuple(name[:3] for name in WEEKDAYS)


@dataclass(frozen=True)
class WizardAnswers:
    """What the form holds, as typed: text fields stay text until they are checked."""

    pain: str
    activity: Activity
    weekdays: frozenset[int]
    minutes: str
    weeks: str
    start: str
    avoid_bending: bool = False
    """Bending forward makes the pain worse or sends it down a leg."""
    red_flags: tuple[str, ...] = ()
    """The red-flag questions ticked."""


@dataclass(frozen=True)
class PainCheck:
    """What the wizard returns when pain of 9 or 10 refuses a new plan while one exists:
    the pain, so the existing plan can pause on it."""

    pain: int


def _whole_number(text: str, low: int, high: int, what: str) -> tuple[int | None, str]:
    text = text.strip()
    if not text:
        return None, f"Enter {what}, {low} to {high}."
    if not text.isdigit():
        return None, f"Use a whole number from {low} to {high}."
    value = int(text)
    if not low <= value <= high:
        return None, f"Must be from {low} to {high}."
    return value, ""


def _start_date(text: str, today: date) -> tuple[date | None, str]:
    try:
        start = date.fromisoformat(text.strip())
    except ValueError:
        return None, "Use a date like 2026-12-01 (year-month-day)."
    if start < today:
        return None, "The plan cannot start in the past."
    if start > today + MAX_START_AHEAD:
        return None, "Pick a start within the next year."
    return start, ""


def check_answers(answers: WizardAnswers, today: date) -> tuple[Profile | None, dict[str, str]]:
    """The profile the answers describe, or None and a message per field that is wrong.

    Pain high enough to refuse a plan is an error on the pain field, so a profile
    is only ever returned when a plan may be built from it.
    """
    errors: dict[str, str] = {}
    pain, errors["pain"] = _whole_number(answers.pain, 0, PAIN_MAX, "your pain now")
    minutes, errors["minutes"] = _whole_number(answers.minutes, *MINUTES_RANGE, "minutes")
    weeks, errors["weeks"] = _whole_number(answers.weeks, *WEEKS_RANGE, "how many weeks")
    start, errors["start"] = _start_date(answers.start, today)
    if len(answers.weekdays) < MIN_DAYS:
        # The same limit as ``planner plan``: each exercise comes at least twice a week.
        errors["weekdays"] = f"Pick at least {MIN_DAYS} days, so each exercise comes twice a week."
    if pain is not None and pain_band(pain) is PainBand.NO_SESSION:
        errors["pain"] = "Too much pain for a plan: see a doctor first."
    if answers.red_flags:
        errors["red_flags"] = "A doctor comes first: no plan (see above)."
    errors = {field: message for field, message in errors.items() if message}
    if errors or pain is None or minutes is None or weeks is None or start is None:
        return None, errors
    profile = Profile(
        pain=pain,
        activity=answers.activity,
        weekdays=answers.weekdays,
        minutes=minutes,
        weeks=weeks,
        start=start,
        avoid_bending=answers.avoid_bending,
    )
    return profile, {}


def safety_advice(answers: WizardAnswers) -> list[str]:
    """What the wizard must say first about these answers: red flags, then pain."""
    lines = []
    flagged = red_flag_advice(answers.red_flags)
    if flagged is not None:
        lines.append(flagged.text)
    if pain := pain_advice(answers.pain):
        lines.append(pain)
    return lines


def pain_advice(pain_text: str) -> str:
    """What the wizard says about the pain typed so far (empty when there is nothing to say)."""
    text = pain_text.strip()
    if not text.isdigit():
        return ""
    pain = int(text)
    if pain > PAIN_MAX:
        return ""
    if pain_band(pain) is PainBand.NO_SESSION:
        return (
            "Pain this strong needs a doctor's look before any exercise plan. "
            "Please see one first; no plan will be built."
        )
    if pain_band(pain) is PainBand.GENTLE_ONLY:
        return (
            "That is a lot of pain: please see a doctor soon. Until then the plan keeps to "
            "the gentlest exercises at their lowest doses."
        )
    return ""


def preview(profile: Profile, catalogue: Catalogue) -> str:
    """One line on the plan these answers really build: its length, and its work at each end.

    The plan is generated here, so the line shows its gentle first week and its last
    week rather than the minutes asked for, which the plan only grows into.
    """
    try:
        plan = generate_plan(profile, catalogue)
    except UserFacingError as error:
        return f"No plan from these answers: {error}"
    work = [round(seconds / 60) for seconds in weekly_work_seconds(plan, catalogue)]
    first_week_end = profile.start + timedelta(days=7)
    sessions = len({item.day for item in plan.items if item.day < first_week_end})
    weeks = counted(profile.weeks, "week")
    per_week = f"{counted(sessions, 'session')} a week"
    size = f"about {work[0]} min of exercise in week 1{minutes_trend(work)}"
    # The safety advice is shown above the form's preview already (``safety_advice``).
    notes = [a.text for a in plan.advice if not a.is_safety]
    return "\n".join([f"{weeks}, {per_week}: {size}", *notes])
