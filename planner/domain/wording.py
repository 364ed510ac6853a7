"""Counted nouns in plain English: ``1 minute``, ``2 minutes``, ``0.5 of 1 planned session``.

Every sentence that puts a number before a noun goes through :func:`counted`, so
"1 minutes" cannot creep back in one screen while another is fixed.
"""

from __future__ import annotations

_IRREGULAR = {"match": "matches"}
"""Plurals that are not the singular plus an ``s``, by the noun's last word."""


def plural(noun: str, count: float) -> str:
    """``noun`` as it reads after ``count``: singular for exactly one, plural otherwise.

    Only the last word changes, so ``planned session`` becomes ``planned sessions``.
    """
    if count == 1:
        return noun
    head, _, last = noun.rpartition(" ")
    many = _IRREGULAR.get(last, last + "s")
    return f"{head} {many}" if head else many


def number(value: float) -> str:
    """A count as people write it: ``3``, ``0.5``, ``2.5`` (never ``3.0``)."""
    return f"{value:g}"


def counted(count: float, noun: str) -> str:
    """``count`` and ``noun`` agreeing: ``1 day``, ``3 days``, ``0 sessions``, ``0.5 sessions``."""
    return f"{number(count)} {plural(noun, count)}"


def a_or_an(count: int) -> str:
    """The article a number takes when read aloud: ``an 8-week plan``, ``an 11-week plan``.

    Said in English, a whole number starts with a vowel sound when it starts with "eight",
    or is eleven or eighteen (or eleven/eighteen thousand, and so on).
    """
    digits = str(abs(count))
    leading = digits[: len(digits) % 3 or 3]  # the group read first: 11 of 11,000
    return "an" if digits.startswith("8") or leading in ("11", "18") else "a"


def share(part: float, whole: int, noun: str) -> str:
    """``part`` of ``whole``, the noun agreeing with the whole: ``0.5 of 1 planned session``."""
    return f"{number(part)} of {counted(whole, noun)}"
