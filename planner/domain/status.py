"""What a day looks like on the calendar: planned, done, partly done, missed or rest."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from planner.domain.models import DayStatus, PlanItem, SessionLog


def is_rest(rest: bool, items: Sequence[object]) -> bool:
    """Whether a day counts as rest: marked so and with nothing planned on it.

    A rest day that holds exercises is a training day on every surface (calendar,
    minutes, exports), so they never disagree about it.
    """
    return rest and not items


def day_status(
    day: date,
    items: Sequence[PlanItem],
    logs: Sequence[SessionLog],
    *,
    rest: bool,
    today: date,
) -> DayStatus:
    """The status of ``day`` given its plan items and the sessions logged for it.

    A day with a complete session is done; one with only partial sessions is
    partial; a past day with items and no session is missed. A rest day stays
    rest unless the user exercised anyway or it holds exercises (``is_rest``).
    """
    # A pain check that stopped a session before it began is not a session.
    day_logs = [log for log in logs if log.day == day and log.exercises]
    if any(log.completed for log in day_logs):
        return DayStatus.DONE
    if day_logs:
        return DayStatus.PARTIAL
    if is_rest(rest, items):
        return DayStatus.REST
    if not items:
        return DayStatus.EMPTY
    return DayStatus.MISSED if day < today else DayStatus.PLANNED
