"""The pain question before a session decides whether, and how, the session runs.

- Pain of 9 or 10: no session. A plain screen says to see a doctor, and the answer
  is kept as a pain check (a log with no exercises), so the feedback rules pause and
  de-load the plan and the history shows the pain.
- Pain of 7 or 8: the session keeps to the gentle (level 1) exercises, and says so.
- Below that, or no answer: the session runs as planned.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from planner.domain.models import Dose, Exercise, SessionLog
from planner.domain.thresholds import PainBand, pain_band


def no_session_advice(pain: int) -> str:
    """What the screen says instead of a session at pain of 9 or 10."""
    return (
        f"See a doctor before exercising: pain of {pain} out of 10 is too much to exercise "
        "through. No session was started today. If the pain came with numbness around the "
        "seat or genitals, new trouble passing water or controlling the bowels, or weakness "
        "in the legs, go to an emergency department now."
    )


GENTLE_ONLY_NOTE = (
    "Pain of 7 or 8: today's session keeps to the gentle exercises. Stop if anything "
    "makes the pain sharper, and see a doctor soon."
)


def session_band(pain: int | None) -> PainBand:
    """The band a pain-before answer puts the session in (no answer: as planned)."""
    return PainBand.MILD if pain is None else pain_band(pain)


def gentle_only(pairs: Sequence[tuple[Exercise, Dose]]) -> list[tuple[Exercise, Dose]]:
    """The gentle (level 1) exercises of a session, in their order."""
    return [(exercise, dose) for exercise, dose in pairs if exercise.level <= 1]


def pain_check_log(log_id: str, day: date, now: datetime, pain: int) -> SessionLog:
    """A log of a pain answer that stopped a session before it began: no exercises."""
    return SessionLog(
        id=log_id,
        day=day,
        started_at=now,
        ended_at=now,
        exercises=(),
        pain_before=pain,
        note=f"No session: pain of {pain} out of 10 before it.",
    )
