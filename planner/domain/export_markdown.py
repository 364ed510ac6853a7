"""The plan as a Markdown document, for sending to a physiotherapist.

The same content as the text export: a section per week, a heading per day,
a list of exercises with dose and reminder, rest days marked, the advice, the
safety note, and optionally the history section put together elsewhere.
"""

from __future__ import annotations

import re

from planner.domain.catalogue import Catalogue
from planner.domain.dates import long_date
from planner.domain.export_model import (
    SAFETY_NOTE,
    ExportDay,
    ExportWindow,
    export_days,
    safety_footer,
)
from planner.domain.weeks import week_label

# Only what changes meaning inside a line: our text never starts a line with user text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape(text: str) -> str:
    """``text`` with every character Markdown could read as formatting escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _day_lines(day: ExportDay) -> list[str]:
    heading = f"### {long_date(day.day)}"
    if day.rest:
        return [heading, "", "*Rest day.*"]
    if not day.entries:
        return [heading, "", "*Nothing planned.*"]
    lines = [heading, "", f"About {day.minutes} min.", ""]
    for number, entry in enumerate(day.entries, start=1):
        line = f"{number}. **{escape(entry.name)}**"
        if entry.dose:
            line += f": {escape(entry.dose)}"
        if entry.reminder:
            line += f"  \n   {escape(entry.reminder)}"
        for caution in entry.cautions:
            line += f"  \n   *Caution:* {escape(caution)}"
        lines.append(line)
    return lines


def render_markdown(window: ExportWindow, catalogue: Catalogue, history: str = "") -> str:
    """The exported window as Markdown; ``history`` (already Markdown) is added at the end."""
    days = export_days(window, catalogue)
    lines = [f"# Back exercise plan: {long_date(window.start)} to {long_date(window.end)}"]
    if window.profile is not None:
        p = window.profile
        lines += [
            "",
            f"Planned for pain {p.pain}/10, {p.activity.value} activity, "
            f"{p.minutes} minutes a session, over {p.weeks} week{'s' if p.weeks != 1 else ''} "
            f"from {long_date(p.start)}.",
        ]
    if advice := window.advice_lines():
        lines += ["", "> **Advice:**", ">", *(f"> - {escape(text)}" for text in advice)]
    for week in range(window.weeks):
        block = days[7 * week : 7 * week + 7]
        first = block[0].day
        label = week_label(first) if first.weekday() == 0 else f"from {long_date(first)}"
        lines += ["", f"## Week {week + 1} of {window.weeks} ({label})"]
        for day in block:
            lines += ["", *_day_lines(day)]
        sessions = [d for d in block if d.entries]
        lines += [
            "",
            f"**Week total:** about {sum(d.minutes for d in sessions)} min in "
            f"{len(sessions)} session{'s' if len(sessions) != 1 else ''}.",
        ]
    lines += ["", f"> **Safety:** {escape(SAFETY_NOTE)}", ""]
    title, *checklist = safety_footer()
    lines += [f"**{escape(title)}**"]
    for line in checklist:
        # A heading line gets a blank line before it, so it never joins the list above.
        lines += [f"- {escape(line[2:])}"] if line.startswith("- ") else ["", escape(line), ""]
    if history:
        lines += ["", history.rstrip("\n")]
    return "\n".join(lines) + "\n"
