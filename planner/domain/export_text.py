"""The plan as a card to print and put on the fridge: at most 80 columns, short enough to read.

First the plan's advice and the safety note, then how to do each exercise once
(its start position, every step on a line of its own, its cautions), then a
compact week grid with a row per session day to tick, a pain column to fill in,
and the red-flag checklist. What is the same every day is said once: the
how-to is not repeated per day, and a day that repeats an earlier day of its
week says so instead of listing it all again. Long lines wrap at word
boundaries, never cut.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

from planner.domain.catalogue import Catalogue
from planner.domain.dates import long_date, short_date, weekday
from planner.domain.export_model import (
    SAFETY_NOTE,
    CardRow,
    CardWeek,
    ExportWindow,
    HowTo,
    card_weeks,
    export_days,
    how_tos,
    safety_footer,
)
from planner.domain.weeks import week_label
from planner.domain.wording import counted

WIDTH = 80

PAIN_BOX = "pain __/10"
"""The pain column of a grid row, filled in by hand after the session."""

ROW_HEAD = len("[ ] Wed 30 Dec  ")
"""The tick box and date that start a grid row; what the day holds is aligned after them."""

GRID_HEADING = "Week by week: tick each day done, note your pain 0-10, other days rest"


@lru_cache(maxsize=1024)
def _wrap(text: str, indent: str = "", first: str | None = None) -> tuple[str, ...]:
    # Cached (hence a tuple): a year's plan wraps the same few lines many times.
    return tuple(
        textwrap.wrap(
            text,
            WIDTH,
            initial_indent=indent if first is None else first,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )
    )


def _how_lines(how: HowTo) -> list[str]:
    # The name and the start position share a line: seven exercises must leave room for the grid.
    name = f"{how.name} [{how.grid_name}]" if how.grid_name else how.name
    head = f"{name} · Start: {how.position}" if how.position else name
    lines = list(_wrap(head, "    ", first=""))
    for number, step in enumerate(how.steps, start=1):
        lines += _wrap(step, "     ", first=f"  {number}. ".ljust(5))
    if how.cautions:
        lines += _wrap(" ".join(how.cautions), "    ", first="  Take care: ")
    return lines


def _pack(items: list[str], first_room: int, room: int) -> list[str]:
    """``items`` joined with "; " into lines of at most ``first_room`` then ``room`` characters.

    An item moves whole to the next line when it does not fit; one longer than a line
    is wrapped at its spaces.
    """
    lines: list[str] = []
    line = ""
    for index, item in enumerate(items):
        text = item + (";" if index < len(items) - 1 else "")
        width = first_room if not lines else room
        candidate = f"{line} {text}" if line else text
        if len(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
            width = room
        pieces = textwrap.wrap(text, width, break_on_hyphens=False) or [text]
        lines += pieces[:-1]
        line = pieces[-1]
    lines.append(line)
    return lines


def _row_lines(row: CardRow) -> list[str]:
    head = f"[ ] {short_date(row.day.day)}".ljust(ROW_HEAD)
    if row.like is not None:
        items = [f"as {weekday(row.like)}"]
        if row.without:
            items[0] += f", without {_names(row.without)}"
    else:
        items = [f"{e.grid_name} {e.grid_dose}" for e in row.day.entries]
    first_room = WIDTH - ROW_HEAD - len(PAIN_BOX) - 2
    first, *rest = _pack(items, first_room, WIDTH - ROW_HEAD)
    return [
        f"{head}{first.ljust(first_room)}  {PAIN_BOX}",
        *(" " * ROW_HEAD + line for line in rest),
    ]


def _names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _week_lines(week: CardWeek, weeks: int) -> list[str]:
    first = week.first
    label = week_label(first) if first.weekday() == 0 else f"from {short_date(first)}"
    sessions = len(week.rows)
    heading = f"Week {week.number} of {weeks} · {label}"
    if not sessions:
        return [f"{heading} · no sessions"]
    heading += f" · {counted(sessions, 'session')}, about {week.minutes} min"
    lines = [heading]
    for row in week.rows:
        lines += _row_lines(row)
    return lines


def _heading(title: str) -> str:
    return f"── {title} ".ljust(WIDTH, "─")


def _checklist_lines() -> list[str]:
    # Each group as one paragraph: a list of ten short lines would cost the grid its room.
    title, *lines = safety_footer()
    groups: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith("- "):
            groups[-1][1].append(line[2].lower() + line[3:])
        else:
            groups.append((line, []))
    out = [title]
    for heading, items in groups:
        out += _wrap(f"{heading} {'; '.join(items)}.", "  ")
    return out


def render_text(window: ExportWindow, catalogue: Catalogue) -> str:
    """The exported window as a printable card, every line at most 80 characters."""
    days = export_days(window, catalogue)
    lines = [f"Back exercise plan: {long_date(window.start)} to {long_date(window.end)}"]
    # Safety first; the plan's notes on how it was made are left to the other exports.
    before, after = window.advice_around_safety_note(notes=False)
    for text in [*before, f"Safety: {SAFETY_NOTE}", *after]:
        lines += _wrap(text, "  ", first="! ")
    if how := how_tos(days):
        lines.append(_heading("How to do them"))
        for entry in how:
            lines += _how_lines(entry)
    lines.append(_heading(GRID_HEADING))
    for week in card_weeks(window, days):
        lines += _week_lines(week, window.weeks)
    lines += [_heading("Red flags"), *_checklist_lines()]
    return "\n".join(lines) + "\n"
