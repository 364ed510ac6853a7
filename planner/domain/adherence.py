"""How much of a planned day's session was done: the one counting rule that the
feedback rules (did enough sessions happen to climb?) and the history (how did the
weeks go?) share.

Kept apart from ``feedback`` so the history, which the app reads at start-up, does
not import the whole progression model with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from planner.domain.models import SessionLog


def session_credit(logs: Iterable[SessionLog]) -> dict[date, float]:
    """Per day, how much of a session was done: 1 for a complete one, 0.5 for a partial one.

    Several sessions on one day still count as one day's session: adherence is about
    turning up on the planned days, not doing extra.
    """
    credit: dict[date, float] = {}
    for log in logs:
        if not log.exercises:
            continue  # a pain check that stopped a session before it began
        value = 1.0 if log.completed else 0.5
        credit[log.day] = max(credit.get(log.day, 0.0), value)
    return credit
