"""How one exercise's dose climbs from its start dose to its target over the weeks of a plan.

The rules, and why:

* Plan weeks are seven-day blocks counted from the profile's start date, so every
  plan week holds each chosen weekday exactly once (a plan started on a Wednesday
  has no short first week).
* The ramp lasts 6 weeks for low activity, 4 for medium and 3 for high. Pain of 4
  to 6 stretches it by half again (rounded up): a sore back adapts more slowly, and
  a physiotherapist would slow the climb rather than stop it.
* Level 1 exercises start in week 1, level 2 in week 2, level 3 in week 3; pain of
  4 to 6 pushes levels 2 and 3 one week later. Pain of 7 or more keeps to level 1 at the
  start dose for the whole plan.
* Between start and target every field is interpolated and rounded to steps a
  person can follow: holds and rests to 5 s, reps and sets to whole numbers, never
  outside the start..target range. The first and last rungs are the catalogue's
  doses exactly.

``dose_ladder`` lists the distinct doses an exercise passes through (small steps,
so the plan generator can climb by less than a full week's step when the week's
total work would otherwise rise too fast); ``ramp_position`` is where the ramp
puts an exercise in a given week, and ``dose_for_day`` the dose that gives.
"""

from __future__ import annotations

import math
from datetime import date
from functools import cache

from planner.domain.models import Activity, Dose, Exercise, Profile

BASE_RAMP_WEEKS = {Activity.LOW: 6, Activity.MEDIUM: 4, Activity.HIGH: 3}
"""Weeks from start dose to target dose, by how active the user is."""

MODERATE_PAIN = 4
"""From this pain on the ramp is stretched and harder exercises come in a week later."""

GENTLE_ONLY_PAIN = 7
"""From this pain on only level 1 exercises at their start dose, with the doctor banner."""

REFUSE_PAIN = 9
"""From this pain on no plan is made at all."""

_LADDER_SAMPLES = 24
"""Points sampled between start and target; rounding merges neighbours into distinct rungs."""


def ramp_weeks(profile: Profile) -> int:
    """How many plan weeks an exercise takes to go from its start dose to its target."""
    base = BASE_RAMP_WEEKS[profile.activity]
    if profile.pain >= MODERATE_PAIN:
        return math.ceil(base * 1.5)
    return base


def entry_week(level: int, pain: int) -> int:
    """The plan week (0 = the first) from which an exercise of ``level`` may be planned."""
    if level <= 1:
        return 0
    return level - 1 + (1 if pain >= MODERATE_PAIN else 0)


def plan_week_index(profile: Profile, day: date) -> int:
    """Which seven-day block of the plan ``day`` falls in, 0 first (days before the start: 0)."""
    return max(0, (day - profile.start).days // 7)


def _round_half_up(value: float, step: int) -> int:
    return int(math.floor(value / step + 0.5)) * step


def _between(start: int, target: int, t: float, step: int) -> int:
    low, high = min(start, target), max(start, target)
    value = _round_half_up(start + (target - start) * t, step)
    return min(high, max(low, value))


def _dose_at(start: Dose, target: Dose, t: float) -> Dose:
    if t <= 0:
        return start
    if t >= 1:
        return target
    return Dose(
        hold_s=_between(start.hold_s, target.hold_s, t, 5),
        reps=_between(start.reps, target.reps, t, 1),
        sets=_between(start.sets, target.sets, t, 1),
        rest_s=_between(start.rest_s, target.rest_s, t, 5),
    )


@cache
def _ladder(start: Dose, target: Dose) -> tuple[Dose, ...]:
    rungs: list[Dose] = []
    for i in range(_LADDER_SAMPLES + 1):
        dose = _dose_at(start, target, i / _LADDER_SAMPLES)
        if not rungs or rungs[-1] != dose:
            rungs.append(dose)
    return tuple(rungs)


def dose_ladder(exercise: Exercise) -> tuple[Dose, ...]:
    """The distinct doses from the exercise's start dose (first) to its target (last)."""
    return _ladder(exercise.start, exercise.target)


def ramp_position(exercise: Exercise, profile: Profile, week: int) -> int:
    """The rung of ``dose_ladder(exercise)`` the ramp reaches in plan week ``week`` (0 first)."""
    if profile.pain >= GENTLE_ONLY_PAIN:
        return 0
    last = len(dose_ladder(exercise)) - 1
    weeks_in = week - entry_week(exercise.level, profile.pain)
    if weeks_in <= 0:
        return 0
    span = ramp_weeks(profile) - 1
    progress = 1.0 if span <= 0 else min(1.0, weeks_in / span)
    return int(math.floor(progress * last + 0.5))


def dose_for_day(exercise: Exercise, profile: Profile, day: date) -> Dose:
    """The dose the ramp gives ``exercise`` on ``day`` for this profile.

    This is the ramp's own dose. The plan generator never goes above it, but may
    stay below it in a week where the total work would otherwise rise too fast
    or the session would not fit the minutes.
    """
    week = plan_week_index(profile, day)
    return dose_ladder(exercise)[ramp_position(exercise, profile, week)]
