"""The row of headline numbers at the top of the history screen."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from planner.domain.history import History
from planner.domain.weeks import monday_of
from planner.domain.wording import counted, number, plural

RECENT_WEEKS = 4
"""Adherence is shown over about a month: long enough to smooth out one bad week."""


class HistorySummary(Horizontal):
    """Streak, this week, the last few weeks and all-time totals, one card each."""

    def compose(self) -> ComposeResult:
        for name in ("streak", "this-week", "recent", "total"):
            yield Static(id=f"history-card-{name}", classes="history-card")

    def show(self, history: History, today: date) -> None:
        """Fill the cards from ``history`` as of ``today``."""
        this_monday = monday_of(today)
        current = next((w for w in history.weeks if w.monday == this_monday), None)
        finished = [w for w in history.weeks if w.monday < this_monday and w.planned]
        recent = finished[-RECENT_WEEKS:]
        planned = sum(w.planned for w in recent)
        done = sum(min(w.done, w.planned) for w in recent)
        streak = history.streak
        self._card("streak", "Streak", counted(streak, "week"), "at plan")
        if current and current.planned:
            done_now = f"{number(current.done)} of {current.planned}"
            self._card(
                "this-week", "This week", done_now, f"{plural('session', current.planned)} done"
            )
        else:
            self._card("this-week", "This week", "–", "nothing planned")
        if planned:
            self._card(
                "recent",
                f"Last {counted(len(recent), 'week')}",
                f"{done / planned:.0%}",
                f"{done:g} of {planned} done",
            )
        else:
            self._card("recent", "Earlier weeks", "–", "no finished week yet")
        hours, minutes = divmod(round(history.total_minutes), 60)
        time = f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"
        sessions = history.total_sessions
        self._card("total", "In all", time, counted(sessions, "session"))

    def _card(self, name: str, title: str, value: str, detail: str) -> None:
        card = self.query_one(f"#history-card-{name}", Static)
        card.border_title = title
        card.update(Content.assemble((value, "bold"), "\n", (detail, "dim")))
