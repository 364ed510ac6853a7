"""The plan as a Markdown document, for sending to a physiotherapist.

The same structure as the text card: the advice with safety first, how to do each
exercise once (start position, numbered steps, cautions), a week grid with a row
per session day to tick and a pain column, the red-flag checklist, and
optionally the history section put together elsewhere. Here nothing is squeezed:
full names and doses, and the plan's notes too. Lines are separated by list
items, tables and blank lines, never by two trailing spaces (editors strip them).
"""

from __future__ import annotations

import re

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

# Only what changes meaning inside a line: our text never starts a line with user text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


GRID_NOTE = (
    "Tick a day when its session is done and note the pain (0 to 10) after it. "
    "Days not listed are rest days."
)


def escape(text: str) -> str:
    """``text`` with every character Markdown could read as formatting escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _how_lines(how: HowTo) -> list[str]:
    lines = ["", f"### {escape(how.name)}"]
    if how.position:
        lines += ["", f"**Start:** {escape(how.position)}"]
    if how.steps:
        lines += ["", *(f"{n}. {escape(step)}" for n, step in enumerate(how.steps, start=1))]
    if how.cautions:
        lines += ["", "**Take care:**", "", *(f"- {escape(c)}" for c in how.cautions)]
    return lines


def _row(row: CardRow) -> str:
    if row.like is not None:
        what = f"as {weekday(row.like)}"
        if row.without:
            what += f", without {escape(', '.join(row.without))}"
    else:
        what = "; ".join(
            escape(f"{e.name}: {e.dose}" if e.dose else e.name) for e in row.day.entries
        )
    return f"| [ ] | {short_date(row.day.day)} | {what} | __/10 |"


def _week_lines(week: CardWeek, weeks: int) -> list[str]:
    first = week.first
    label = week_label(first) if first.weekday() == 0 else f"from {long_date(first)}"
    heading = f"### Week {week.number} of {weeks} ({label})"
    if not week.rows:
        return ["", f"{heading}: no sessions"]
    sessions = len(week.rows)
    heading += f": {counted(sessions, 'session')}, about {week.minutes} min"
    return [
        "",
        heading,
        "",
        "| Done | Day | Exercises | Pain |",
        "| --- | --- | --- | --- |",
        *(_row(row) for row in week.rows),
    ]


def render_markdown(window: ExportWindow, catalogue: Catalogue, history: str = "") -> str:
    """The exported window as Markdown; ``history`` (already Markdown) is added at the end."""
    days = export_days(window, catalogue)
    lines = [f"# Back exercise plan: {long_date(window.start)} to {long_date(window.end)}"]
    before, after = window.advice_around_safety_note()
    lines += [
        "",
        *(f"> - {escape(text)}" for text in before),
        f"> - **Safety:** {escape(SAFETY_NOTE)}",
        *(f"> - {escape(text)}" for text in after),
    ]
    if window.profile is not None:
        p = window.profile
        lines += [
            "",
            f"Planned for pain {p.pain}/10, {p.activity.value} activity, "
            f"{p.minutes} minutes a session, over {counted(p.weeks, 'week')} "
            f"from {long_date(p.start)}.",
        ]
    if how := how_tos(days):
        lines += ["", "## How to do them"]
        for entry in how:
            lines += _how_lines(entry)
    lines += ["", "## Week by week", "", GRID_NOTE]
    for week in card_weeks(window, days):
        lines += _week_lines(week, window.weeks)
    title, *checklist = safety_footer()
    lines += ["", f"## {escape(title.rstrip(':'))}"]
    for line in checklist:
        # A heading line gets a blank line before and after it, so it never joins a list.
        lines += [f"- {escape(line[2:])}"] if line.startswith("- ") else ["", escape(line), ""]
    if history:
        lines += ["", history.rstrip("\n")]
    return "\n".join(lines) + "\n"
