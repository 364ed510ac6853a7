"""The days Back Planner works with: far enough from Python's last date that no sum overflows.

Python's dates end on 9999-12-31, and a plan, an export window or the archive cutoff
adds and subtracts weeks. Keeping every day the user gives, and every day read from
the data file, within ``FIRST_DAY`` .. ``LAST_DAY`` means that arithmetic always fits.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(9998, 12, 31)


class DateRangeError(ValueError):
    """A day or a window of days outside FIRST_DAY .. LAST_DAY; the message says so."""


def _range() -> str:
    return f"from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"


def check_day(day: date) -> date:
    """``day`` itself; DateRangeError when it is outside the supported days."""
    if isinstance(day, datetime):
        day = day.date()
    if not FIRST_DAY <= day <= LAST_DAY:
        raise DateRangeError(f"{day.isoformat()} is outside the dates planner handles ({_range()})")
    return day


def check_window(start: date, days: int) -> date:
    """The last day of ``days`` days from ``start``; DateRangeError when any is unsupported."""
    check_day(start)
    if (LAST_DAY - start).days < days - 1:
        raise DateRangeError(
            f"{days} days from {start.isoformat()} run past the dates planner handles ({_range()})"
        )
    return start + timedelta(days=days - 1)
