"""One week of the plan as the calendar shows it, read from the store in one go.

Only the shown week is read (items, rest days and session logs between its Monday
and Sunday), so opening the calendar costs the same on a five-year database as on
a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from planner.domain.advice import as_lines
from planner.domain.catalogue import Catalogue
from planner.domain.dates import short_date
from planner.domain.models import DayStatus, PlanItem, Profile, SessionLog, Settings
from planner.domain.phases import estimate_seconds
from planner.domain.status import day_status, is_rest
from planner.domain.text_rules import terminal_safe
from planner.domain.weeks import plan_week_number, week_days
from planner.storage.store import Store


@dataclass(frozen=True)
class Week:
    """The seven days from ``monday``: items, rest days, logs, statuses, minutes and advice."""

    monday: date
    days: tuple[date, ...]
    items: dict[date, list[PlanItem]]
    rest: frozenset[date]
    logs: tuple[SessionLog, ...]
    statuses: dict[date, DayStatus]
    minutes: dict[date, float]
    """Each day's session length in minutes, by the live session's timing model."""
    profile: Profile | None
    advice: str
    settings: Settings

    def is_rest(self, day: date) -> bool:
        """Whether ``day`` counts as a rest day (marked so, with nothing planned on it)."""
        return is_rest(day in self.rest, self.items[day])

    @property
    def sessions_done(self) -> int:
        """Days of the week with a complete session."""
        return sum(1 for status in self.statuses.values() if status is DayStatus.DONE)

    @property
    def sessions_planned(self) -> int:
        """Days of the week with exercises on them (a rest day with exercises is a training day)."""
        return sum(1 for day in self.days if self.items[day])

    @property
    def planned_minutes(self) -> int:
        """Minutes of exercise planned for the week."""
        return round(sum(self.minutes[day] for day in self.days if not self.is_rest(day)))

    @property
    def plan_text(self) -> str:
        """Where the week sits in the plan: ``plan week 3 of 6``, or why it is outside it."""
        return plan_weeks_text(self.profile, self.monday)


def read_week(store: Store, catalogue: Catalogue, monday: date, today: date) -> Week:
    """Read the week that starts on ``monday`` and work out each day's status and length."""
    days = tuple(week_days(monday))
    items: dict[date, list[PlanItem]] = {day: [] for day in days}
    for item in store.items_between(days[0], days[-1]):
        items[item.day].append(item)
    rest = frozenset(store.rest_days_between(days[0], days[-1]))
    logs = tuple(store.logs_between(days[0], days[-1]))
    statuses = {
        day: day_status(day, items[day], logs, rest=day in rest, today=today) for day in days
    }
    settings = store.settings()
    minutes = {day: day_minutes(items[day], catalogue, settings) for day in days}
    return Week(
        monday,
        days,
        items,
        rest,
        logs,
        statuses,
        minutes,
        store.profile(),
        "\n".join(as_lines(store.plan_advice())),  # safety first, one line each
        settings,
    )


class WeekCache:
    """Weeks read at the store's current revision, so going back and forth between weeks
    reads and decodes each one once.

    Any commit or reload of the store (every edit, a session saved, another program's
    change taken in) moves its revision on and empties the cache; a read while a
    transaction is open is never kept, since that transaction may still roll back.
    """

    def __init__(self, store: Store, size: int = 8) -> None:
        self.store = store
        self.size = size
        self._revision = -1
        self._weeks: dict[tuple[int, date, date], tuple[Catalogue, Week]] = {}

    def read(self, catalogue: Catalogue, monday: date, today: date) -> Week:
        """``read_week`` for these arguments, from the cache when nothing has changed."""
        store = self.store
        if store.in_transaction:
            return read_week(store, catalogue, monday, today)
        if store.revision != self._revision:
            self._weeks.clear()
            self._revision = store.revision
        key = (id(catalogue), monday, today)
        kept = self._weeks.pop(key, None)
        # The catalogue is kept with its week, so its id cannot be another's meanwhile.
        if kept is None or kept[0] is not catalogue:
            kept = (catalogue, read_week(store, catalogue, monday, today))
            if len(self._weeks) >= self.size:
                del self._weeks[next(iter(self._weeks))]  # the least recently used
        self._weeks[key] = kept  # most recently used last
        return kept[1]


READ_AHEAD_WEEKS = 8
"""Weeks before the shown one whose archive file is read ahead (when they are archived)."""


def read_ahead(store: Store, monday: date) -> None:
    """Read the archive of the weeks just before ``monday`` in an idle moment.

    Going back through old weeks, the next year's file is then read while the user
    looks at this week, not on the key that reaches it. Nothing to do in recent weeks.
    """
    store.read_ahead(monday - timedelta(weeks=READ_AHEAD_WEEKS), monday - timedelta(days=1))


def exercise_name(catalogue: Catalogue, exercise_id: str) -> str:
    """The name to show for an exercise id (a deleted custom exercise still gets a label)."""
    try:
        return terminal_safe(catalogue.get(exercise_id).name)
    except KeyError:
        return f"Unknown exercise ({terminal_safe(exercise_id)})"


def day_minutes(items: list[PlanItem], catalogue: Catalogue, settings: Settings) -> float:
    """How many minutes one day's session should take, by the live session's timing model."""
    pairs = []
    for item in items:
        if item.left_out:
            continue  # left out for now by the feedback rules: the session skips it
        try:
            pairs.append((catalogue.get(item.exercise_id), item.dose))
        except KeyError:
            continue  # an exercise that no longer exists cannot be run, so it takes no time
    seconds = estimate_seconds(
        pairs, get_ready_s=settings.get_ready_s, switch_sides_s=settings.switch_sides_s
    )
    return seconds / 60


def plan_weeks_text(profile: Profile | None, monday: date) -> str:
    """The plan weeks the calendar week of ``monday`` shows: ``plan week 3 of 6``,
    ``plan weeks 1–2 of 6`` when it straddles two, or why it is outside the plan.

    Plan weeks are seven-day blocks from the plan's first day.
    """
    if profile is None:
        return "no plan yet"
    sunday = monday + timedelta(days=6)
    end = profile.start + timedelta(days=7 * profile.weeks - 1)
    if sunday < profile.start:
        return f"plan starts {short_date(profile.start)}"
    if monday > end:
        return f"after the {profile.weeks}-week plan"
    first = plan_week_number(profile.start, max(monday, profile.start))
    last = plan_week_number(profile.start, min(sunday, end))
    if first == last:
        return f"plan week {first} of {profile.weeks}"
    return f"plan weeks {first}–{last} of {profile.weeks}"
