"""The gradual plan generator: from a profile to dated plan items, week by week.

Data flows one way: each exercise's dose ladder (``planner.domain.ramp``) → this
week's dose and sessions for each exercise, within its caps (here) → placement on
the session days (``planner.domain.scheduling``).

Each plan week (a seven-day block from the start date) is built from the one before:

1. every exercise keeps its rung and its sessions a week (sessions per exercise
   stay steady: they are never traded away to make room for another);
2. an exercise whose level is due comes in at its start dose, on as many session
   days as fit (at least ``MIN_TIMES_A_WEEK``), and keeps that many;
3. each exercise that was already in the plan climbs at most one rung
   (``STEPS_PER_WEEK``), never past what its ladder reaches by that week.

A change is kept only if every session still fits the minutes asked for, the
exercise's own weekly work stays within ``WORK_RISE_LIMIT`` times its work the week
before, and the week's total work within ``WORK_RISE_LIMIT`` times the week
before's. Repeating last week unchanged always fits, so a week can stand still
but never jump.

Work is the estimated seconds of every item of the week (the same estimate the
live session runs on, ``planner.domain.phases``), get-ready included.

Safety comes first: pain of 9 or 10 gets no plan (``PlanRefused``); pain of 7 or
8 gets level 1 exercises at their start doses and see-a-doctor advice. At least
one day a week is a rest day. The advice says honestly what held the plan back:
an exercise that did not come in, or a plan that stops short of the target doses,
names the cause (session minutes, the weekly cap, or too few weeks) and how far
it gets. Nothing here is random: the same profile and catalogue give the same plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from planner.domain.advice import Advice, Priority, ordered
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
    climb_pace,
    dose_for_day,
    dose_ladder,
    entry_week,
    ramp_position,
)
from planner.domain.scheduling import WeekEntry, item_seconds, place_week
from planner.domain.thresholds import (
    GENTLE_ONLY_PAIN,
    MIN_TIMES_A_WEEK,
    NO_SESSION_PAIN,
    WORK_RISE_LIMIT,
)
from planner.domain.wording import counted

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

DOCTOR_ADVICE = (
    "See a doctor: pain of 7 or more out of 10 needs a doctor's opinion before doing more. "
    "Until then this plan keeps to the gentlest exercises at their lowest doses, "
    "and any exercise that makes the pain sharper should stop at once."
)

_MINUTES = "minutes"
_WEEK_CAP = "week cap"


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


class _Planner:
    """Grows a plan week by week and remembers what held each exercise back."""

    def __init__(self, profile: Profile, exercises: Sequence[Exercise], order: dict[str, int]):
        self.profile = profile
        self.exercises = exercises
        self.by_id = {exercise.id: exercise for exercise in exercises}
        self.order = order
        self.pace = climb_pace(profile)
        self.blocked: dict[str, str] = {}
        """Per exercise, why its last wanted change was refused (minutes or the week cap)."""

    def ladder(self, ex_id: str) -> tuple[object, ...]:
        return dose_ladder(self.by_id[ex_id], self.pace)

    def entries(self, state: _State) -> list[WeekEntry]:
        return [
            WeekEntry(self.by_id[i], dose_ladder(self.by_id[i], self.pace)[s.rung], s.times)
            for i, s in state.items()
        ]

    def work(self, state: _State) -> float:
        return sum(item_seconds(e.exercise, e.dose) * e.times for e in self.entries(state))

    def exercise_work(self, ex_id: str, slot: _Slot) -> float:
        exercise = self.by_id[ex_id]
        return item_seconds(exercise, dose_ladder(exercise, self.pace)[slot.rung]) * slot.times

    def attempt(
        self, state: _State, days: Sequence[date], budget: float, ex_id: str
    ) -> _Placement | None:
        """Place ``state`` if it keeps to the week cap and the minutes; note why not."""
        if self.work(state) > budget:
            self.blocked[ex_id] = _WEEK_CAP
            return None
        placed = place_week(self.entries(state), days, self.profile.minutes * 60, self.order)
        if placed is None:
            self.blocked[ex_id] = _MINUTES
        return placed

    def build_week(
        self, week: int, previous: _State, days: Sequence[date], budget: float
    ) -> tuple[_State, _Placement]:
        state = dict(previous)
        placed = place_week(self.entries(state), days, self.profile.minutes * 60, self.order)
        if placed is None:
            # Last week's state always fits again: the days and limits are the same.
            raise RuntimeError("the previous plan week no longer fits")
        for exercise in self.exercises:
            if exercise.id in state or entry_week(exercise.level, self.profile.pain) > week:
                continue
            for times in range(len(days), MIN_TIMES_A_WEEK - 1, -1):
                candidate = {**state, exercise.id: _Slot(0, times)}
                if (fits := self.attempt(candidate, days, budget, exercise.id)) is not None:
                    state, placed = candidate, fits
                    self.blocked.pop(exercise.id, None)
                    break
        for ex_id in previous:
            slot = state[ex_id]
            if slot.rung >= ramp_position(self.by_id[ex_id], self.profile, week):
                continue
            stepped = replace(slot, rung=slot.rung + 1)
            if self.exercise_work(ex_id, stepped) > WORK_RISE_LIMIT * self.exercise_work(
                ex_id, slot
            ):
                continue  # a ladder step the timing model cannot make small enough
            candidate = {**state, ex_id: stepped}
            if (fits := self.attempt(candidate, days, budget, ex_id)) is not None:
                state, placed = candidate, fits
                self.blocked.pop(ex_id, None)
        return state, placed


def _session_days(profile: Profile, week: int, weekdays: Sequence[int]) -> list[date]:
    block = profile.start + timedelta(days=7 * week)
    return sorted(block + timedelta(days=(wd - block.weekday()) % 7) for wd in weekdays)


def generate_plan(profile: Profile, catalogue: Catalogue) -> Plan:
    """A gradual plan for ``profile`` from the catalogue's built-in exercises.

    With ``profile.avoid_bending`` the exercises that bend the lower back forward stay
    out, and the advice says so. Raises ProfileError for inputs out of range and
    PlanRefused for pain of 9 or 10.
    """
    validate_profile(profile)
    if profile.pain >= NO_SESSION_PAIN:
        raise PlanRefused(
            f"pain of {profile.pain} out of 10 is too much to exercise through: "
            "see a doctor first; no plan was made"
        )
    gentle = profile.pain >= GENTLE_ONLY_PAIN
    exercises = [
        e
        for e in catalogue
        if not e.custom
        and (not gentle or e.level == 1)
        and not (profile.avoid_bending and e.bends_forward)
    ]
    order = {exercise.id: index for index, exercise in enumerate(catalogue)}
    advice: list[Advice] = [Advice(Priority.SAFETY, DOCTOR_ADVICE, "doctor")] if gentle else []
    bending = [e.name for e in catalogue if not e.custom and e.bends_forward]
    if profile.avoid_bending and bending:
        advice.append(
            Advice(
                Priority.NOTE,
                f"Left out because bending forward makes your pain worse or sends it down a "
                f"leg: {_names(bending)}. Tell a doctor or physiotherapist about it.",
                "bend-forward",
            )
        )
    weekdays = sorted(profile.weekdays)
    if len(weekdays) == 7:
        weekdays = weekdays[:6]
        advice.append(
            Advice(
                Priority.NOTE,
                "Sunday stays a rest day: muscles get stronger while they recover, "
                "so every week keeps at least one day off.",
                "rest-day",
            )
        )

    planner = _Planner(profile, exercises, order)
    items: list[PlanItem] = []
    state: _State = {}
    budget = float("inf")
    for week in range(profile.weeks):
        days = _session_days(profile, week, weekdays)
        state, placed = planner.build_week(week, state, days, budget)
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
        budget = WORK_RISE_LIMIT * planner.work(state)

    advice += _left_out_advice(planner, state, exercises)
    advice += _short_of_target_advice(planner, state)
    busy = {item.day for item in items}
    every_day = (profile.start + timedelta(days=offset) for offset in range(7 * profile.weeks))
    rest_days = frozenset(day for day in every_day if day not in busy)
    return Plan(profile=profile, items=tuple(items), rest_days=rest_days, advice=ordered(advice))


def _names(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _them(names: Sequence[str]) -> str:
    return "it" if len(names) == 1 else "them"


def _left_out_advice(
    planner: _Planner, state: _State, exercises: Sequence[Exercise]
) -> list[Advice]:
    """Exercises due within the plan that never came in, grouped by what kept them out."""
    profile = planner.profile
    missing = [
        e
        for e in exercises
        if e.id not in state and entry_week(e.level, profile.pain) < profile.weeks
    ]
    advice = []
    by_minutes = [e.name for e in missing if planner.blocked.get(e.id) == _MINUTES]
    by_cap = [e.name for e in missing if planner.blocked.get(e.id) != _MINUTES]
    if by_minutes:
        advice.append(
            Advice(
                Priority.NOTE,
                f"{_names(by_minutes)} did not fit in {profile.minutes}-minute sessions; "
                f"longer sessions would bring {_them(by_minutes)} in.",
                "did-not-fit",
            )
        )
    if by_cap:
        advice.append(
            Advice(
                Priority.NOTE,
                f"{_names(by_cap)} did not come in: adding {_them(by_cap)} would have raised a "
                f"week's work by more than {round((WORK_RISE_LIMIT - 1) * 100)}%; "
                f"a longer plan would let {_them(by_cap)} in.",
                "did-not-fit",
            )
        )
    return advice


def _short_of_target_advice(planner: _Planner, state: _State) -> list[Advice]:
    """Exercises that end the plan below their target dose, and how far the plan gets."""
    profile = planner.profile
    if profile.pain >= GENTLE_ONLY_PAIN or not state:
        return []
    short = {i: s for i, s in state.items() if s.rung < len(planner.ladder(i)) - 1}
    if not short:
        return []
    full = {i: replace(s, rung=len(planner.ladder(i)) - 1) for i, s in state.items()}
    share = round(100 * planner.work(state) / planner.work(full))
    causes = {
        _MINUTES: f"{profile.minutes}-minute sessions leave no room for more; longer sessions "
        "would take them further",
        _WEEK_CAP: f"each week's total work may rise by at most "
        f"{round((WORK_RISE_LIMIT - 1) * 100)}%; a longer plan would take them further",
        "": f"climbing one step a week takes longer than {counted(profile.weeks, 'week')}; "
        "a longer plan would take them further",
    }
    parts = [f"By week {profile.weeks} the plan reaches {share}% of the work of the full doses."]
    for cause, why in causes.items():
        names = [
            planner.by_id[ex_id].name for ex_id in short if planner.blocked.get(ex_id, "") == cause
        ]
        if names:
            parts.append(f"Still short of target: {_names(names)}: {why}.")
    return [Advice(Priority.NOTE, " ".join(parts), "short-of-target")]
