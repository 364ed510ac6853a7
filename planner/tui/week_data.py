"""One week of the plan as the calendar shows it, read from the store in one go.

Only the shown week is read (items, rest days and session logs between its Monday
and Sunday), so opening the calendar costs the same on a five-year database as on
a new one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from planner.domain.catalogue import Catalogue
from planner.domain.models import DayStatus, PlanItem, Profile, SessionLog, Settings
from planner.domain.phases import estimate_seconds
from planner.domain.status import day_status
from planner.domain.weeks import plan_week_number, week_days
from planner.storage.store import Store


@dataclass(frozen=True)
class WeekData:
    """The plan items, rest days, logs and statuses of the seven days from ``monday``."""

    monday: date
    days: tuple[date, ...]
    items: dict[date, list[PlanItem]]
    rest: frozenset[date]
    logs: tuple[SessionLog, ...]
    statuses: dict[date, DayStatus]

    @property
    def sessions_done(self) -> int:
        """Days of the week with a complete session."""
        return sum(1 for status in self.statuses.values() if status is DayStatus.DONE)

    @property
    def sessions_planned(self) -> int:
        """Days of the week with exercises on them that are not rest days."""
        return sum(1 for day in self.days if self.items[day] and day not in self.rest)


def load_week(store: Store, monday: date, today: date) -> WeekData:
    """Read the week that starts on ``monday`` and work out each day's status."""
    days = tuple(week_days(monday))
    items: dict[date, list[PlanItem]] = {day: [] for day in days}
    for item in store.items_between(days[0], days[-1]):
        items[item.day].append(item)
    rest = frozenset(store.rest_days_between(days[0], days[-1]))
    logs = tuple(store.logs_between(days[0], days[-1]))
    statuses = {
        day: day_status(day, items[day], logs, rest=day in rest, today=today) for day in days
    }
    return WeekData(monday, days, items, rest, logs, statuses)


def exercise_name(catalogue: Catalogue, exercise_id: str) -> str:
    """The name to show for an exercise id (a deleted custom exercise still gets a label)."""
    try:
        return catalogue.get(exercise_id).name
    except KeyError:
        return f"Unknown exercise ({exercise_id})"


def day_minutes(items: list[PlanItem], catalogue: Catalogue, settings: Settings) -> float:
    """How many minutes one day's session should take, by the live session's timing model."""
    pairs = []
    for item in items:
        try:
            pairs.append((catalogue.get(item.exercise_id), item.dose))
        except KeyError:
            continue  # an exercise that no longer exists cannot be run, so it takes no time
    seconds = estimate_seconds(
        pairs, get_ready_s=settings.get_ready_s, switch_sides_s=settings.switch_sides_s
    )
    return seconds / 60


def planned_minutes(week: WeekData, minutes: Mapping[date, float]) -> int:
    """Minutes of exercise planned for the week, rest days left out.

    ``minutes`` holds each day's :func:`day_minutes`, worked out once per week read.
    """
    return round(sum(minutes[day] for day in week.days if day not in week.rest))


def plan_week_text(profile: Profile | None, monday: date) -> str:
    """Where the shown week sits in the plan: ``plan week 3 of 6``, or why it is outside it."""
    if profile is None:
        return "no plan yet"
    number = plan_week_number(profile.start, monday)
    if number < 1:
        return f"plan starts {profile.start.strftime('%d %b')}"
    if number > profile.weeks:
        return f"after the {profile.weeks}-week plan"
    return f"plan week {number} of {profile.weeks}"
