"""The history section of a Markdown export: what a physiotherapist wants to see at a glance.

Adherence week by week as a table, then the pain trend in words and numbers. The
export command adds it when asked with ``--with-history``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from planner.domain.history import History, WeekStats, history_stats
from planner.domain.models import PlanItem, SessionLog
from planner.domain.wording import counted

REPORT_WEEKS = 12
"""Weeks in the table: about a block of rehabilitation, enough to see a trend."""
STEADY = 0.5
"""A change in average pain smaller than this is reported as steady."""


def history_markdown(logs: Sequence[SessionLog], items: Sequence[PlanItem], today: date) -> str:
    """A Markdown section with adherence per week and the pain trend up to ``today``."""
    return history_section(history_stats(logs, items, today))


def history_section(history: History) -> str:
    """The Markdown section for a history already counted (see ``history_markdown``)."""
    lines = ["## History", ""]
    if history.empty:
        lines.append("No sessions planned or logged yet.")
        return "\n".join(lines) + "\n"

    weeks = history.weeks[-REPORT_WEEKS:]
    lines += [
        f"{counted(history.total_sessions, 'session')} logged, "
        f"{counted(round(history.total_minutes), 'minute')} of exercise in all; "
        f"{counted(history.streak, 'week')} in a row at or above plan.",
        "",
        f"### Adherence, last {counted(len(weeks), 'week')}",
        "",
        "| Week | Planned | Done | Adherence | Minutes | Pain before | Pain after |",
        "|------|--------:|-----:|----------:|--------:|------------:|-----------:|",
    ]
    lines += [_row(week) for week in reversed(weeks)]
    lines += [
        "",
        "Done counts a complete session as 1 and a partly done one as 0.5.",
        "",
        "### Pain trend",
        "",
        _trend("before sessions", [w.pain_before for w in history.weeks]),
        _trend("after sessions", [w.pain_after for w in history.weeks]),
    ]
    return "\n".join(lines) + "\n"


def _row(week: WeekStats) -> str:
    adherence = "–" if week.adherence is None else f"{week.adherence:.0%}"
    return (
        f"| {week.label} | {week.planned} | {week.done:g} | {adherence} | {week.minutes:.0f} "
        f"| {_pain(week.pain_before)} | {_pain(week.pain_after)} |"
    )


def _pain(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _trend(when: str, series: Sequence[float | None]) -> str:
    """One bullet comparing the first and the latest week with a pain rating."""
    values = [v for v in series if v is not None]
    if not values:
        return f"- Pain {when}: not rated yet."
    first, latest = values[0], values[-1]
    if len(values) == 1:
        return f"- Pain {when}: {latest:.1f}/10, a single week rated so far."
    change = latest - first
    if abs(change) < STEADY:
        words = "about the same"
    elif change < 0:
        words = f"down {-change:.1f} points"
    else:
        words = f"up {change:.1f} points"
    return (
        f"- Pain {when}: {words}, from an average of {first:.1f}/10 in the first rated week "
        f"to {latest:.1f}/10 in the latest ({len(values)} weeks rated)."
    )
