"""What the pain ratings of recent sessions say about the back: the signals the feedback uses.

Each function reads session logs and answers one question; ``planner.domain.feedback``
turns the answers into next week's doses. The numbers live in ``thresholds``.

- Severe pain: any rating (before or after a session) of 7 or more.
- Not easing: the week's average pain is 4 or more and no lower than two weeks
  earlier.
- Creeping up: pain before a session rising over three sessions in a row
  (2 → 3 → 4), or pain before a session above the pain after the session before it
  (the back did not settle between sessions).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from itertools import pairwise
from statistics import fmean

from planner.domain.models import SessionLog
from planner.domain.thresholds import GENTLE_ONLY_PAIN, STUCK_PAIN_FLOOR, TREND_SESSIONS


def pains(log: SessionLog) -> list[int]:
    """The pain ratings of one session, before then after (either may be missing)."""
    return [p for p in (log.pain_before, log.pain_after) if p is not None]


def reported_on(log: SessionLog) -> date:
    """The day the pain of a session was reported: when it was done, whatever day it was
    planned for (a session run ahead of its day still tells about the back today)."""
    return log.started_at.date()


def worst_pain(logs: Iterable[SessionLog], first: date, last: date) -> int | None:
    """The highest pain reported from ``first`` to ``last`` (both included), or None."""
    return max(
        (p for log in logs if first <= reported_on(log) <= last for p in pains(log)), default=None
    )


def is_severe(pain: int | None) -> bool:
    """Whether a pain rating calls for a doctor and a de-load."""
    return pain is not None and pain >= GENTLE_ONLY_PAIN


def week_mean_pain(logs: Iterable[SessionLog], monday: date) -> float | None:
    """The average of every pain rating given in the week at ``monday`` (None without any)."""
    week_end = monday + timedelta(days=6)
    values = [p for log in logs if monday <= reported_on(log) <= week_end for p in pains(log)]
    return fmean(values) if values else None


def not_easing(logs: Sequence[SessionLog], monday: date) -> float | None:
    """The week's average pain when it is 4+ and no lower than two weeks before, else None."""
    now = week_mean_pain(logs, monday)
    before = week_mean_pain(logs, monday - timedelta(days=14))
    if now is not None and before is not None and now >= STUCK_PAIN_FLOOR and now >= before:
        return now
    return None


def creeping_up(logs: Sequence[SessionLog], last_day: date) -> str:
    """Why pain is creeping up in the sessions up to ``last_day``, or "" when it is not.

    Only the latest sessions count: a trend that has since turned is over.
    """
    rated = sorted(
        (log for log in logs if log.day <= last_day and log.pain_before is not None),
        key=lambda log: log.started_at,
    )
    befores = [log.pain_before or 0 for log in rated[-TREND_SESSIONS:]]
    if len(befores) == TREND_SESSIONS and all(a < b for a, b in pairwise(befores)):
        shown = " → ".join(str(p) for p in befores)
        return f"pain before a session rose over {TREND_SESSIONS} sessions ({shown})"
    if len(rated) >= 2:
        earlier, latest = rated[-2], rated[-1]
        if (
            earlier.pain_after is not None
            and latest.pain_before is not None
            and latest.pain_before > earlier.pain_after
        ):
            return (
                f"pain before the last session ({latest.pain_before}) was above the pain "
                f"after the one before it ({earlier.pain_after})"
            )
    return ""
