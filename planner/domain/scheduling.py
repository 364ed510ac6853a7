"""Placing a week's exercises on its session days so that every session fits its minutes.

Each exercise comes a set number of times in the week, never twice on one day.
Its sessions are spread out (a day's gap between two sessions of the same
exercise when the days allow it: tissues adapt between sessions, not during
them), then balanced so no day is much longer than the others. What does not
fit on one day goes to another; when it fits nowhere the week is refused and
the generator tries something smaller.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from planner.domain.models import Dose, Exercise
from planner.domain.phases import estimate_seconds


@dataclass(frozen=True, slots=True)
class WeekEntry:
    """One exercise in a week: its dose and how many sessions it comes in."""

    exercise: Exercise
    dose: Dose
    times: int


@lru_cache(maxsize=4096)
def item_seconds(exercise: Exercise, dose: Dose) -> float:
    """Estimated seconds for one exercise at one dose, get-ready included."""
    return estimate_seconds([(exercise, dose)])


def _gap_score(day: date, taken: Sequence[date]) -> int:
    # Any gap of two days or more counts the same: beyond that, balance matters more.
    if not taken:
        return 2
    return min(2, min(abs((day - other).days) for other in taken) - 1)


def place_week(
    entries: Sequence[WeekEntry],
    days: Sequence[date],
    capacity_s: float,
    order: Mapping[str, int],
) -> dict[date, list[WeekEntry]] | None:
    """Assign each entry to ``times`` distinct days, each day within ``capacity_s``.

    Returns the entries of each day in catalogue order (``order`` maps exercise
    id to its place), or None when the week cannot be placed.
    """
    rank = {day: index for index, day in enumerate(days)}
    loads = dict.fromkeys(days, 0.0)
    placed: dict[date, list[WeekEntry]] = {day: [] for day in days}
    # Longest exercises first: they are the hardest to fit.
    ranked = sorted(
        entries,
        key=lambda e: (-item_seconds(e.exercise, e.dose), order.get(e.exercise.id, 0)),
    )
    for entry in ranked:
        cost = item_seconds(entry.exercise, entry.dose)
        taken: list[date] = []
        for _ in range(entry.times):
            options = [d for d in days if d not in taken and loads[d] + cost <= capacity_s]
            if not options:
                return None
            best = max(options, key=lambda d: (_gap_score(d, taken), -loads[d], -rank[d]))
            taken.append(best)
            loads[best] += cost
            placed[best].append(entry)
    for day_entries in placed.values():
        day_entries.sort(key=lambda e: order.get(e.exercise.id, 0))
    return placed
