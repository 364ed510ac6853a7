"""Dates in words, the same way everywhere: no leading zeros, English names, Monday-first weeks.

``%d`` pads with a zero ("Wed 02 Dec") and ``%-d`` is not portable, so the day
number is formatted by hand.
"""

from __future__ import annotations

from datetime import date


def long_date(day: date, *, year: bool = True) -> str:
    """``Wednesday 2 December 2026`` (or without the year)."""
    return f"{day:%A} {day.day} {day:%B}" + (f" {day.year}" if year else "")


def short_date(day: date, *, year: bool = False) -> str:
    """``Wed 2 Dec`` (or ``Wed 2 Dec 2026``)."""
    return f"{day:%a} {day.day} {day:%b}" + (f" {day.year}" if year else "")
