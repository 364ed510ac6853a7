"""Made-up plans and session logs for the feedback and history tests.

``week_items`` builds a week of plan items; ``session`` builds one log;
``generate_history`` builds months of plan and logs from a seeded random generator,
so every run (and every snapshot) sees the same data.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from planner.domain.models import Dose, Effort, ExerciseLog, PlanItem, SessionLog
from planner.domain.weeks import monday_of

EXERCISES = ("pelvic-tilt", "leg-lift", "deep-squat")
"""Ids of built-in exercises, so names resolve against the real catalogue."""
WEEKDAYS = (0, 2, 4)
"""Monday, Wednesday, Friday."""


def ramp_dose(week: int) -> Dose:
    """A simple generated ramp: holds climb 5 s a week, reps one a week."""
    return Dose(hold_s=5 + 5 * week, reps=6 + week, sets=2, rest_s=20)


def week_items(
    monday: date,
    dose: Dose,
    *,
    exercises: Sequence[str] = EXERCISES,
    weekdays: Sequence[int] = WEEKDAYS,
    prefix: str = "",
) -> list[PlanItem]:
    """Every exercise on every given weekday of the week at ``monday``, at ``dose``."""
    tag = prefix or monday.isoformat()
    return [
        PlanItem(
            id=f"{tag}-{weekday}-{exercise_id}",
            day=monday + timedelta(days=weekday),
            exercise_id=exercise_id,
            dose=dose,
            position=position,
        )
        for weekday in weekdays
        for position, exercise_id in enumerate(exercises)
    ]


def session(
    day: date,
    *,
    pain_before: int | None = 3,
    pain_after: int | None = 3,
    effort: Effort | None = Effort.ABOUT_RIGHT,
    exercises: Sequence[str] = EXERCISES,
    complete: bool = True,
    note: str = "",
    minutes: float = 9.0,
) -> SessionLog:
    """One logged session on ``day`` (complete unless told otherwise)."""
    seconds = minutes * 60 / max(1, len(exercises))
    entries = tuple(
        ExerciseLog(
            exercise_id=exercise_id,
            planned=ramp_dose(1),
            sets_done=2 if complete or index == 0 else 0,
            reps_done=16 if complete or index == 0 else 0,
            seconds=seconds,
            completed=complete or index == 0,
            skipped=not complete and index > 0,
        )
        for index, exercise_id in enumerate(exercises)
    )
    start = datetime.combine(day, time(18, 0))
    return SessionLog(
        id=f"log-{day.isoformat()}-{len(note)}",
        day=day,
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        exercises=entries,
        pain_before=pain_before,
        pain_after=pain_after,
        effort=effort,
        note=note,
    )


NOTES = (
    "",
    "",
    "Stiff after a long day at the desk.",
    "Felt easy; the squat is getting smoother.",
    "Knee clicked in the lunge, no pain.",
    "[bold]not markup[/bold] and a [/stray] tag",
    "Short on time, stopped early.",
)


def generate_history(
    today: date, *, weeks: int = 52, seed: int = 2
) -> tuple[list[PlanItem], list[SessionLog]]:
    """A plan of ``weeks`` weeks ending with ``today``'s week, and the sessions a user logged.

    Most planned days get a complete session, some a partial one, some none;
    pain drifts down from about 6 to about 2 with day-to-day noise.
    """
    rng = random.Random(seed)
    first = monday_of(today) - timedelta(days=7 * (weeks - 1))
    items: list[PlanItem] = []
    logs: list[SessionLog] = []
    for week in range(weeks):
        monday = first + timedelta(days=7 * week)
        items += week_items(monday, ramp_dose(min(week, 6)))
        for weekday in WEEKDAYS:
            day = monday + timedelta(days=weekday)
            roll = rng.random()
            if day >= today or roll < 0.06:
                continue
            base = max(0, round(6 - 4 * week / weeks + rng.uniform(-1.2, 1.2)))
            logs.append(
                session(
                    day,
                    pain_before=base,
                    pain_after=max(0, min(10, base + rng.choice((-1, 0, 0, 1)))),
                    effort=rng.choice(list(Effort)),
                    complete=roll > 0.1,
                    note=rng.choice(NOTES),
                    minutes=round(rng.uniform(6, 14), 1),
                )
            )
    return items, logs
