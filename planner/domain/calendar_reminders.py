"""When the .ics export puts sessions in a calendar, and how long before them it nags.

One parser for the ``--at`` and ``--remind`` options, the settings dialog and the
data file, so each accepts the same times and gives the same message.
"""

from __future__ import annotations

import re
from datetime import time

DEFAULT_AT = time(18, 0)
"""Early evening, after a day at the desk."""
DEFAULT_REMIND_MIN = 15
MAX_REMIND_MIN = 24 * 60
"""A reminder more than a day ahead is a note, not a nudge."""

_CLOCK = r"(\d{1,2}):(\d{2})"
"""Compiled on first use (re keeps it): the app reads a time only when one is typed."""


def parse_clock(text: str) -> time:
    """``07:30`` as a time of day; ValueError with a message that says what is wanted."""
    match = re.fullmatch(_CLOCK, text.strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"must be HH:MM from 00:00 to 23:59, not {text!r}")
    return time(int(match[1]), int(match[2]))


def clock_text(at: time) -> str:
    """``07:30``: a time of day as ``parse_clock`` reads it."""
    return f"{at:%H:%M}"


def parse_remind(text: str) -> int:
    """Minutes before a session, 0 to a day; ValueError with a message that says what is wanted."""
    cleaned = text.strip()
    if not cleaned.isdigit() or int(cleaned) > MAX_REMIND_MIN:
        raise ValueError(f"must be whole minutes from 0 to {MAX_REMIND_MIN}, not {text!r}")
    return int(cleaned)
