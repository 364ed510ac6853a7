"""Dates in words, the same way everywhere: no leading zeros, English names, Monday-first weeks.

Every surface (calendar, dialogs, history, exports, notices) words dates through
here. The names are ours rather than ``strftime``'s, which pads the day with a zero
("Wed 02") and follows the machine's locale.
"""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""The weekday names, Monday first (``date.weekday()`` indexes them)."""

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def weekday(day: date, *, short: bool = False) -> str:
    """``Wednesday`` (or ``Wed``)."""
    name = WEEKDAYS[day.weekday()]
    return name[:3] if short else name


def month(day: date, *, short: bool = False) -> str:
    """``December`` (or ``Dec``)."""
    name = MONTHS[day.month - 1]
    return name[:3] if short else name


def long_date(day: date, *, year: bool = True) -> str:
    """``Wednesday 2 December 2026`` (or without the year)."""
    return f"{weekday(day)} {day.day} {month(day)}" + (f" {day.year}" if year else "")


def short_date(day: date, *, year: bool = False) -> str:
    """``Wed 2 Dec`` (or ``Wed 2 Dec 2026``)."""
    return f"{weekday(day, short=True)} {day.day} {month(day, short=True)}" + (
        f" {day.year}" if year else ""
    )


def day_month(day: date, *, year: bool = False) -> str:
    """``2 Dec`` (or ``2 Dec 2026``): a date where the weekday goes without saying."""
    return f"{day.day} {month(day, short=True)}" + (f" {day.year}" if year else "")


def day_heading(day: date) -> str:
    """``Wed 2``: a calendar column's heading."""
    return f"{weekday(day, short=True)} {day.day}"


def month_year(day: date) -> str:
    """``December 2026``."""
    return f"{month(day)} {day.year}"
