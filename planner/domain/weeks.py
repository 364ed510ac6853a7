"""ISO-week arithmetic: Mondays, week labels like ``2026-W48``, and ranges of days.

Weeks start on Monday, as ISO 8601 has it; week 53 and year ends are handled by
``date.fromisocalendar`` rather than by hand.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEK_LABEL = r"^(\d{4})-W(\d{2})$"
"""Compiled on first use (re keeps it): most runs never read a week label."""


def monday_of(day: date) -> date:
    """The Monday of the ISO week that holds ``day``."""
    return day - timedelta(days=day.weekday())


def week_days(monday: date) -> list[date]:
    """The seven days of the week that starts on ``monday``."""
    return [monday + timedelta(days=i) for i in range(7)]


def week_label(day: date) -> str:
    """The ISO week of ``day`` as ``YYYY-Www``; the ISO year can differ from the calendar year."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week_label(text: str) -> date:
    """The Monday of an ISO week written ``YYYY-Www``.

    Raises ValueError with a message fit for a user when the text is not a real week.
    """
    match = re.match(_WEEK_LABEL, text.strip())
    if not match:
        raise ValueError(f"'{text}' is not an ISO week; write it like 2026-W48")
    year, week = int(match[1]), int(match[2])
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValueError(f"{year} has no week {week}") from None


def plan_week_number(plan_start: date, day: date) -> int:
    """Which week of a plan ``day`` falls in, counting from 1 (0 or less is before the plan).

    Plan weeks are seven-day blocks from the plan's first day, as the plan generator
    builds them, whatever weekday that is.
    """
    return (day - plan_start).days // 7 + 1
