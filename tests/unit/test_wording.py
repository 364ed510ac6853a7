"""Counted nouns agree with their number, and a plan's weekly minutes are told truthfully."""

from __future__ import annotations

import pytest

from planner.domain.plan_size import minutes_trend
from planner.domain.wording import a_or_an, counted, number, plural, share


@pytest.mark.parametrize(
    ("count", "noun", "words"),
    [
        (1, "minute", "1 minute"),
        (0, "minute", "0 minutes"),
        (2, "minute", "2 minutes"),
        (1, "session", "1 session"),
        (36, "session", "36 sessions"),
        (1, "rest day", "1 rest day"),
        (6, "rest day", "6 rest days"),
        (1, "plan day", "1 plan day"),
        (0.5, "session", "0.5 sessions"),
        (1.0, "week", "1 week"),
        (2, "match", "2 matches"),
    ],
)
def test_counted(count: float, noun: str, words: str) -> None:
    assert counted(count, noun) == words


def test_plural_changes_only_the_last_word() -> None:
    assert plural("planned session", 3) == "planned sessions"
    assert plural("planned session", 1) == "planned session"


def test_a_share_agrees_with_the_whole() -> None:
    assert share(0.5, 1, "planned session") == "0.5 of 1 planned session"
    assert share(1.5, 3, "planned session") == "1.5 of 3 planned sessions"
    assert share(0, 1, "planned session") == "0 of 1 planned session"


@pytest.mark.parametrize(
    ("count", "article"),
    [(1, "a"), (6, "a"), (8, "an"), (11, "an"), (12, "a"), (18, "an"), (80, "an"), (110, "a")]
    + [(11_000, "an"), (1_100, "a"), (18_500, "an"), (800, "an")],
)
def test_the_article_a_number_takes(count: int, article: str) -> None:
    assert a_or_an(count) == article


def test_numbers_never_show_a_trailing_zero() -> None:
    assert (number(3.0), number(0.5), number(2)) == ("3", "0.5", "2")


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        ([9], ""),
        ([9, 9, 9, 9, 9, 9], ", staying there to week 6"),
        ([6, 8, 10, 12, 15, 18], ", rising to 18 by week 6"),
        # Tops out early: it does not claim to climb to the end.
        ([8, 9, 9, 9, 9, 9], ", rising to 9 by week 2 and staying there to week 6"),
        ([6, 8, 9, 9], ", rising to 9 by week 3 and staying there to week 4"),
        ([6, 12, 10, 9], ", at most 12 (week 2) and 9 in week 4"),
    ],
)
def test_minutes_trend(minutes: list[int], words: str) -> None:
    assert minutes_trend(minutes) == words
