"""The plan as plain text that prints cleanly at 80 columns.

A heading per day with its date and session length, each exercise with its dose
and a one-line reminder of how, rest days marked, a total per week, then the
plan's advice and the safety note.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

from planner.domain.catalogue import Catalogue
from planner.domain.dates import long_date, short_date
from planner.domain.export_model import (
    SAFETY_NOTE,
    ExportDay,
    ExportWindow,
    export_days,
    safety_footer,
)
from planner.domain.weeks import week_label

WIDTH = 80


@lru_cache(maxsize=1024)
def _wrap(text: str, indent: str = "", first: str | None = None) -> tuple[str, ...]:
    # Cached (hence a tuple): a year's plan wraps the same few lines thousands of times.
    return tuple(
        textwrap.wrap(
            text,
            WIDTH,
            initial_indent=indent if first is None else first,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )
    )


@lru_cache(maxsize=1024)
def _clip(text: str, indent: str) -> str:
    # The reminder is one line by design: cut it at a word and say so with an ellipsis.
    room = WIDTH - len(indent)
    return indent + (text if len(text) <= room else textwrap.shorten(text, room, placeholder=" …"))


def _day_lines(day: ExportDay) -> list[str]:
    if day.rest:
        return [long_date(day.day), "  Rest day"]
    if not day.entries:
        return [long_date(day.day), "  Nothing planned"]
    session = f"{len(day.entries)} exercise{'s' if len(day.entries) != 1 else ''}"
    lines = [f"{long_date(day.day)} · {session}, about {day.minutes} min"]
    for number, entry in enumerate(day.entries, start=1):
        head = f"{entry.name}: {entry.dose}" if entry.dose else entry.name
        lines += _wrap(head, "     ", first=f"  {number}. ")
        if entry.reminder:
            lines.append(_clip(entry.reminder, "     "))
        for caution in entry.cautions:
            lines += _wrap(caution, "       ", first="     Caution: ")
    return lines


def render_text(window: ExportWindow, catalogue: Catalogue) -> str:
    """The exported window as plain text, every line at most 80 characters."""
    days = export_days(window, catalogue)
    lines = [
        f"Back exercise plan: {long_date(window.start)} to {long_date(window.end)}",
        "=" * WIDTH,
    ]
    for text in window.advice_lines():
        lines += ["", *_wrap(text, "  ", first="! ")]
    for week in range(window.weeks):
        block = days[7 * week : 7 * week + 7]
        heading = f"Week {week + 1} of {window.weeks} · {week_label(block[0].day)}"
        if block[0].day.weekday() != 0:
            heading = f"Week {week + 1} of {window.weeks} · from {short_date(block[0].day)}"
        lines += ["", heading, "-" * len(heading)]
        for day in block:
            lines += ["", *_day_lines(day)]
        sessions = [d for d in block if d.entries]
        total = sum(d.minutes for d in sessions)
        rests = sum(1 for d in block if d.rest)
        lines += [
            "",
            f"Week total: about {total} min in {len(sessions)} session"
            f"{'s' if len(sessions) != 1 else ''}, {rests} rest day{'s' if rests != 1 else ''}.",
        ]
    lines += ["", *_wrap("Safety: " + SAFETY_NOTE), ""]
    for line in safety_footer():
        lines += _wrap(line, "    ") if line.startswith("- ") else _wrap(line)
    return "\n".join(lines) + "\n"
