"""Checking what a user asks the plan generator for: the weekdays, pain, minutes, weeks.

The command line and the plan wizard share these checks, so both refuse the
same things with the same one-line messages.
"""

from __future__ import annotations

from datetime import date

from planner.domain.date_limits import DateRangeError, check_day, check_window
from planner.domain.dates import WEEKDAYS
from planner.domain.errors import UserFacingError
from planner.domain.models import Activity, Profile

DAY_NAMES = tuple(name.lower() for name in WEEKDAYS)
MIN_MINUTES, MAX_MINUTES = 5, 60
MIN_WEEKS, MAX_WEEKS = 1, 12
MIN_DAYS = 2
"""Every exercise comes at least twice a week, so a plan needs two exercise days."""


class ProfileError(UserFacingError):
    """A plan input that is out of range; the message says what is allowed."""


def parse_weekdays(text: str) -> frozenset[int]:
    """Weekday numbers (Monday 0) from text like ``mon,wed,fri`` or ``Monday, Friday``.

    Raises ValueError with a message for the user when a name is not a day.
    """
    names = [part.strip().lower() for part in text.replace(" ", ",").split(",") if part.strip()]
    if not names:
        raise ValueError("no days given; list them like mon,wed,fri")
    days: set[int] = set()
    for name in names:
        # Three letters or more, so "t" or "s" never guesses between two days.
        matches = [i for i, day in enumerate(DAY_NAMES) if len(name) >= 3 and day.startswith(name)]
        if len(matches) != 1:
            raise ValueError(
                f"'{name}' is not a day of the week; use mon, tue, wed, thu, fri, sat, sun"
            )
        days.add(matches[0])
    return frozenset(days)


def parse_start(text: str) -> date:
    """A start date written ``YYYY-MM-DD``; ValueError with a message for the user otherwise."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"'{text}' is not a date; write it like 2026-11-30") from None
    return check_day(day)


def validate_profile(profile: Profile) -> None:
    """Raise ProfileError when any input is outside what the generator accepts."""
    if not 0 <= profile.pain <= 10:
        raise ProfileError(f"pain must be a whole number from 0 to 10, not {profile.pain}")
    if not isinstance(profile.activity, Activity):
        raise ProfileError("activity must be low, medium or high")
    if not profile.weekdays <= frozenset(range(7)):
        raise ProfileError("weekdays must be numbers from 0 (Monday) to 6 (Sunday)")
    if len(profile.weekdays) < MIN_DAYS:
        raise ProfileError(
            f"pick at least {MIN_DAYS} exercise days, so each exercise can come twice a week"
        )
    if not MIN_MINUTES <= profile.minutes <= MAX_MINUTES:
        raise ProfileError(
            f"minutes per session must be from {MIN_MINUTES} to {MAX_MINUTES}, "
            f"not {profile.minutes}"
        )
    if not MIN_WEEKS <= profile.weeks <= MAX_WEEKS:
        raise ProfileError(
            f"a plan lasts from {MIN_WEEKS} to {MAX_WEEKS} weeks, not {profile.weeks}"
        )
    try:
        check_window(profile.start, 7 * profile.weeks)
    except DateRangeError as error:
        raise ProfileError(str(error)) from None
