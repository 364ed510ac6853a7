"""The gradual plan generator: from a profile to dated plan items, week by week.

Each plan week (a seven-day block from the start date) is built from the one
before it by small accepted changes, tried in turns until none is accepted:

1. bring in an exercise whose level is due (see ``planner.domain.ramp``), twice
   that week;
2. move an exercise one rung up its dose ladder, never past where the ramp puts
   it that week (so never past its target);
3. add one more session day to an exercise, up to every session day.

A change is kept only if every session still fits the minutes asked for and the
week's total work stays within ``WORK_RISE_LIMIT`` times the week before. When a
new exercise or a dose step does not fit, other exercises give up a session day
(never going below two a week) to make room: that is how exercises rotate
between days when time is short. Repeating last week unchanged is always
allowed, so a week can stand still but never jump.

Total work is the estimated seconds of every item of the week (the same
estimate the live session runs on, ``planner.domain.phases``), get-ready
included: it grows with holds, reps, sets, sides, rests and sessions a week.

Safety comes first: pain of 9 or 10 gets no plan (``PlanRefused``); pain of 7 or
8 gets level 1 exercises at their start doses and a see-a-doctor banner in
``Plan.advice``. At least one day a week is a rest day. Nothing here is random:
the same profile and catalogue always give the same plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from planner.domain.catalogue import Catalogue
from planner.domain.errors import UserFacingError
from planner.domain.models import Exercise, Plan, PlanItem, Profile
from planner.domain.plan_inputs import (
    ProfileError,
    parse_start,
    parse_weekdays,
    validate_profile,
)
from planner.domain.ramp import (
    GENTLE_ONLY_PAIN,
    REFUSE_PAIN,
    dose_for_day,
    dose_ladder,
    entry_week,
    ramp_position,
)
from planner.domain.scheduling import WeekEntry, item_seconds, place_week

__all__ = [
    "DOCTOR_ADVICE",
    "MIN_TIMES_A_WEEK",
    "WORK_RISE_LIMIT",
    "PlanRefused",
    "ProfileError",
    "dose_for_day",
    "generate_plan",
    "parse_start",
    "parse_weekdays",
    "validate_profile",
    "weekly_work_seconds",
]

WORK_RISE_LIMIT = 1.25
"""A week's total work is at most this many times the week before's."""

MIN_TIMES_A_WEEK = 2
"""Every planned exercise comes in at least this many sessions a week."""

DOCTOR_ADVICE = (
    "Pain of 7 or more out of 10 needs a doctor's opinion: please see one before doing more. "
    "Until then this plan keeps to the gentlest exercises at their lowest doses, "
    "and any exercise that makes the pain sharper should stop at once."
)


class PlanRefused(UserFacingError):
    """No plan is made: the pain reported is too high to exercise without a doctor's advice."""


@dataclass(frozen=True, slots=True)
class _Slot:
    rung: int
    times: int


_State = dict[str, _Slot]
_Placement = dict[date, list[WeekEntry]]


def weekly_work_seconds(plan: Plan, catalogue: Catalogue) -> list[float]:
    """The total work of each plan week (seven-day blocks from the start), first to last.

    This is what the plan really asks for week by week, gentle start included, so
    anything that describes the size of a plan should say it from these numbers.
    """
    start, weeks = plan.profile.start, plan.profile.weeks
    per_week = [0.0] * weeks
    for item in plan.items:
        week = (item.day - start).days // 7
        if 0 <= week < weeks:
            per_week[week] += item_seconds(catalogue.get(item.exercise_id), item.dose)
    return per_week


class _WeekBuilder:
    """Grows one plan week from the week before, within the time and work limits."""

    def __init__(
        self,
        profile: Profile,
        week: int,
        exercises: Sequence[Exercise],
        days: Sequence[date],
        budget: float,
        order: dict[str, int],
    ) -> None:
        self.profile = profile
        self.week = week
        self.exercises = exercises
        self.by_id = {exercise.id: exercise for exercise in exercises}
        self.days = days
        self.budget = budget
        self.order = order

    def entries(self, state: _State) -> list[WeekEntry]:
        return [
            WeekEntry(self.by_id[ex_id], dose_ladder(self.by_id[ex_id])[slot.rung], slot.times)
            for ex_id, slot in state.items()
        ]

    def attempt(self, state: _State) -> _Placement | None:
        entries = self.entries(state)
        work = sum(item_seconds(e.exercise, e.dose) * e.times for e in entries)
        if work > self.budget:
            return None
        return place_week(entries, self.days, self.profile.minutes * 60, self.order)

    def make_room(self, state: _State, growing: str) -> tuple[_State, _Placement] | None:
        """Place ``state``, taking session days from other exercises if it does not fit."""
        candidate = dict(state)
        while (placed := self.attempt(candidate)) is None:
            others = [
                i for i, s in candidate.items() if i != growing and s.times > MIN_TIMES_A_WEEK
            ]
            if not others:
                return None
            # The exercise on most days gives one up; among equals the one listed last.
            donor = max(others, key=lambda i: (candidate[i].times, self.order[i]))
            candidate[donor] = replace(candidate[donor], times=candidate[donor].times - 1)
        return candidate, placed

    def build(self, previous: _State) -> tuple[_State, _Placement]:
        """The week's exercises, doses and session days, grown from ``previous``."""
        state = dict(previous)
        placed = self.attempt(state)
        if placed is None:
            # Last week's state always fits again: the days and limits are the same.
            raise RuntimeError("the previous plan week no longer fits")
        changed = True
        while changed:
            changed = False
            for exercise in self.exercises:
                due = entry_week(exercise.level, self.profile.pain) <= self.week
                if due and exercise.id not in state:
                    grown = self.make_room(
                        {**state, exercise.id: _Slot(0, MIN_TIMES_A_WEEK)}, exercise.id
                    )
                    if grown:
                        (state, placed), changed = grown, True
            for ex_id in list(state):
                slot = state[ex_id]  # read afresh: making room may have changed it
                if slot.rung < ramp_position(self.by_id[ex_id], self.profile, self.week):
                    grown = self.make_room(
                        {**state, ex_id: replace(slot, rung=slot.rung + 1)}, ex_id
                    )
                    if grown:
                        (state, placed), changed = grown, True
            for ex_id in list(state):
                slot = state[ex_id]
                if slot.times < len(self.days):
                    candidate = {**state, ex_id: replace(slot, times=slot.times + 1)}
                    if (more := self.attempt(candidate)) is not None:
                        state, placed, changed = candidate, more, True
        return state, placed


def _session_days(profile: Profile, week: int, weekdays: Sequence[int]) -> list[date]:
    block = profile.start + timedelta(days=7 * week)
    return sorted(block + timedelta(days=(wd - block.weekday()) % 7) for wd in weekdays)


def generate_plan(profile: Profile, catalogue: Catalogue) -> Plan:
    """A gradual plan for ``profile`` from the catalogue's built-in exercises.

    Raises ProfileError for inputs out of range and PlanRefused for pain of 9 or 10.
    """
    validate_profile(profile)
    if profile.pain >= REFUSE_PAIN:
        raise PlanRefused(
            f"pain of {profile.pain} out of 10 is too much to exercise through: "
            "see a doctor first; no plan was made"
        )
    gentle = profile.pain >= GENTLE_ONLY_PAIN
    exercises = [e for e in catalogue if not e.custom and (not gentle or e.level == 1)]
    order = {exercise.id: index for index, exercise in enumerate(catalogue)}
    advice: list[str] = [DOCTOR_ADVICE] if gentle else []
    weekdays = sorted(profile.weekdays)
    if len(weekdays) == 7:
        weekdays = weekdays[:6]
        advice.append(
            "Sunday stays a rest day: muscles get stronger while they recover, "
            "so every week keeps at least one day off."
        )

    items: list[PlanItem] = []
    state: _State = {}
    budget = float("inf")
    for week in range(profile.weeks):
        days = _session_days(profile, week, weekdays)
        builder = _WeekBuilder(profile, week, exercises, days, budget, order)
        state, placed = builder.build(state)
        for day in days:
            for position, entry in enumerate(placed[day]):
                items.append(
                    PlanItem(
                        id=f"plan-{day:%Y%m%d}-{entry.exercise.id}",
                        day=day,
                        exercise_id=entry.exercise.id,
                        dose=entry.dose,
                        position=position,
                    )
                )
        budget = WORK_RISE_LIMIT * sum(
            item_seconds(e.exercise, e.dose) * e.times for e in builder.entries(state)
        )

    left_out = [
        e.name
        for e in exercises
        if e.id not in state and entry_week(e.level, profile.pain) < profile.weeks
    ]
    if left_out:
        advice.append(
            f"{', '.join(left_out)} did not fit in {profile.minutes}-minute sessions; "
            "more minutes per session would bring them in."
        )
    busy = {item.day for item in items}
    every_day = (profile.start + timedelta(days=offset) for offset in range(7 * profile.weeks))
    rest_days = frozenset(day for day in every_day if day not in busy)
    return Plan(profile=profile, items=tuple(items), rest_days=rest_days, advice=" ".join(advice))
