"""Numbers for the history screen and report: adherence per week, streak, minutes, pain.

Logs and plan items are first tallied by ISO week into ``WeekTally`` values, which add
up: the storage keeps the tallies of archived years that no longer change, so the
history of twenty years costs what the last few weeks cost.

Counting rules, the same as the feedback rules use: a week's planned sessions are the
days that have plan items; a day's session counts 1 when complete and 0.5 when only
partly done (it did load the back, but not as planned); several sessions on one day
count as one. A week is "at plan" when what was done reaches what was planned.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from planner.domain.adherence import session_credit
from planner.domain.models import PlanItem, SessionLog
from planner.domain.weeks import monday_of, week_label


@dataclass(frozen=True, slots=True)
class WeekStats:
    """One ISO week of history."""

    monday: date
    planned: int
    """Days with plan items in the week."""
    done: float
    """Session credit for the week (complete 1, partial 0.5), never above seven."""
    sessions: int
    """Sessions logged in the week, however many per day."""
    minutes: float
    pain_before: float | None
    """Average pain before sessions that week (None when none was given)."""
    pain_after: float | None

    @property
    def label(self) -> str:
        """The week as ``2026-W48``."""
        return week_label(self.monday)

    @property
    def adherence(self) -> float | None:
        """Done against planned, 0.0 to 1.0 (may pass 1.0); None when nothing was planned."""
        return self.done / self.planned if self.planned else None

    @property
    def at_plan(self) -> bool:
        """True when the week had a plan and what was done reached it."""
        return bool(self.planned) and self.done >= self.planned


@dataclass(frozen=True, slots=True)
class History:
    """Everything the history screen shows, computed once."""

    weeks: tuple[WeekStats, ...]
    """Weeks with a plan or a session, oldest first, up to today's week."""
    streak: int
    """Weeks at plan in a row, ending with the latest finished week (or this one once reached)."""
    total_sessions: int
    total_minutes: float

    @property
    def empty(self) -> bool:
        """True when there is nothing to show at all."""
        return not self.weeks


@dataclass(frozen=True, slots=True)
class WeekTally:
    """What one ISO week's records add up to, in a form that sums across record sets.

    Two tallies of the same week (say, from the archive and from the data file) merge
    into the tally of all their records: planned days join, a day's session credit is
    the best of the two, counts and pain ratings add.
    """

    monday: date
    planned_days: frozenset[date] = frozenset()
    credit: Mapping[date, float] = field(default_factory=dict)
    """Session credit by plan day, as ``session_credit`` gives it."""
    sessions: int = 0
    milliseconds: int = 0
    """Active time in whole milliseconds: whole numbers add up the same in any order."""
    pain_before_sum: int = 0
    pain_before_count: int = 0
    pain_after_sum: int = 0
    pain_after_count: int = 0
    first_session_day: date | None = None
    """The earliest day a session tallied in the week was done."""

    def merged(self, other: WeekTally) -> WeekTally:
        """The tally of this week's records and ``other``'s together."""
        credit = dict(self.credit)
        for day, value in other.credit.items():
            credit[day] = max(credit.get(day, 0.0), value)
        firsts = [d for d in (self.first_session_day, other.first_session_day) if d]
        return WeekTally(
            monday=self.monday,
            planned_days=self.planned_days | other.planned_days,
            credit=credit,
            sessions=self.sessions + other.sessions,
            milliseconds=self.milliseconds + other.milliseconds,
            pain_before_sum=self.pain_before_sum + other.pain_before_sum,
            pain_before_count=self.pain_before_count + other.pain_before_count,
            pain_after_sum=self.pain_after_sum + other.pain_after_sum,
            pain_after_count=self.pain_after_count + other.pain_after_count,
            first_session_day=min(firsts) if firsts else None,
        )

    def stats(self) -> WeekStats:
        """The week as the history shows it."""
        return WeekStats(
            monday=self.monday,
            planned=len(self.planned_days),
            done=sum(self.credit.values()),
            sessions=self.sessions,
            minutes=self.milliseconds / 60_000,
            pain_before=(
                self.pain_before_sum / self.pain_before_count if self.pain_before_count else None
            ),
            pain_after=(
                self.pain_after_sum / self.pain_after_count if self.pain_after_count else None
            ),
        )


def tally_weeks(logs: Iterable[SessionLog], items: Iterable[PlanItem]) -> list[WeekTally]:
    """Tally logs and plan items by ISO week, oldest week first."""
    planned_days: dict[date, set[date]] = {}
    for item in items:
        planned_days.setdefault(monday_of(item.day), set()).add(item.day)
    week_logs: dict[date, list[SessionLog]] = {}
    for log in logs:
        # A session counts in the week it was done, whichever plan day it was for.
        week_logs.setdefault(monday_of(log.done_day), []).append(log)
    return [
        _tally(monday, planned_days.get(monday, set()), week_logs.get(monday, []))
        for monday in sorted(planned_days.keys() | week_logs.keys())
    ]


def merge_tallies(*groups: Iterable[WeekTally]) -> list[WeekTally]:
    """One tally per week from several sets of tallies, oldest week first."""
    merged: dict[date, WeekTally] = {}
    for group in groups:
        for tally in group:
            known = merged.get(tally.monday)
            merged[tally.monday] = tally if known is None else known.merged(tally)
    return [merged[monday] for monday in sorted(merged)]


def history_from_tallies(tallies: Iterable[WeekTally], today: date) -> History:
    """The history up to ``today``'s week from weekly tallies (one per week, in order)."""
    this_monday = monday_of(today)
    weeks = tuple(tally.stats() for tally in tallies if tally.monday <= this_monday)
    return History(
        weeks=weeks,
        streak=_streak(weeks, this_monday),
        total_sessions=sum(w.sessions for w in weeks),
        total_minutes=sum(w.minutes for w in weeks),
    )


def first_session_day(tallies: Iterable[WeekTally]) -> date | None:
    """The day the first session in ``tallies`` was done (None before the first)."""
    return next((t.first_session_day for t in tallies if t.first_session_day), None)


def history_stats(logs: Iterable[SessionLog], items: Iterable[PlanItem], today: date) -> History:
    """Group logs and plan items by ISO week up to ``today``'s week and count them."""
    return history_from_tallies(tally_weeks(logs, items), today)


def recent_sessions(logs: Sequence[SessionLog], count: int) -> list[SessionLog]:
    """The ``count`` latest sessions, newest first."""
    return sorted(logs, key=lambda log: log.started_at, reverse=True)[:count]


def _tally(monday: date, planned_days: set[date], logs: list[SessionLog]) -> WeekTally:
    before = [log.pain_before for log in logs if log.pain_before is not None]
    after = [log.pain_after for log in logs if log.pain_after is not None]
    return WeekTally(
        monday=monday,
        planned_days=frozenset(planned_days),
        credit=session_credit(logs),
        sessions=sum(1 for log in logs if log.exercises),  # pain checks are not sessions
        milliseconds=sum(round(log.minutes * 60_000) for log in logs),
        pain_before_sum=sum(before),
        pain_before_count=len(before),
        pain_after_sum=sum(after),
        pain_after_count=len(after),
        first_session_day=min((log.done_day for log in logs), default=None),
    )


def _streak(weeks: Sequence[WeekStats], this_monday: date) -> int:
    """Weeks at plan in a row, counting back from the newest.

    The current week only counts once it is at plan (it is not over, so falling short
    so far breaks nothing); weeks without a plan neither count nor break the run,
    since a planned break is not a lapse.
    """
    streak = 0
    for week in reversed(weeks):
        if not week.planned:
            continue
        if week.at_plan:
            streak += 1
        elif week.monday != this_monday:
            break
    return streak
