"""The history as the history screen and the Markdown report show it, read in one go.

Weekly tallies come from the store (archived years from their kept summaries), so
opening the history costs the same on twenty years of data as on one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.domain.history import History, first_session_day, history_from_tallies
from planner.domain.models import SessionLog
from planner.storage.store import Store


@dataclass(frozen=True)
class HistoryView:
    """The weeks up to today's, the latest sessions, and what the title says."""

    history: History
    recent: tuple[SessionLog, ...]
    first_day: date | None
    """The day the first session ever logged was done (None before the first)."""
    older_weeks_missing: bool
    """The archive of older weeks could not be read, so they are left out."""


def read_history(store: Store, today: date, recent: int) -> HistoryView:
    """Everything the history shows on ``today``, with the ``recent`` latest sessions."""
    tallies = store.week_tallies()
    return HistoryView(
        history=history_from_tallies(tallies, today),
        recent=tuple(store.recent_logs(recent)),
        first_day=first_session_day(tallies),
        older_weeks_missing=store.archive_problem is not None,
    )
