"""Dates in words: no zero padding, year only when asked."""

from __future__ import annotations

from datetime import date

from planner.domain.dates import long_date, short_date


def test_short_date_has_no_leading_zero() -> None:
    assert short_date(date(2026, 12, 2)) == "Wed 2 Dec"
    assert short_date(date(2027, 1, 5), year=True) == "Tue 5 Jan 2027"


def test_long_date() -> None:
    assert long_date(date(2026, 12, 2)) == "Wednesday 2 December 2026"
    assert long_date(date(2026, 11, 25), year=False) == "Wednesday 25 November"
