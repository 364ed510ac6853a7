"""Each exercise's dose ladder: the small steps from its start dose to its target.

The rules, and why:

* Plan weeks are seven-day blocks counted from the profile's start date, so every
  plan week holds each chosen weekday exactly once (a plan started on a Wednesday
  has no short first week).
* A ladder's first rung is the catalogue's start dose and its last the target,
  exactly. Each rung adds at most a set share of work to the one before (by the
  live session's own timing model, ``planner.domain.phases``): 10% for low
  activity, 17.5% for medium, 25% for high (``thresholds.STEP_RISE_LIMIT``). Pain of
  4 to 6 takes the next slower ladder. Since a dose climbs at most one rung a week,
  the ladder sets the pace of the climb and caps each exercise's weekly work rise.
* A rung never lowers the sets, the total reps or the total seconds held; it may
  trade a few reps for a new set (1×10 → 2×6) or a little hold for a new rep
  (1 × 20 s → 2 × 15 s), the way a physiotherapist keeps a step small. Holds move
  in 5 s steps and reps in whole numbers, never outside the start..target range.
* Level 1 exercises start in week 1, level 2 in week 2, level 3 in week 3; pain of
  4 to 6 pushes levels 2 and 3 one week later. Pain of 7 or more keeps to level 1
  at the start dose for the whole plan.
* When no rung fits within the share (a start dose too small for the timing model
  to split further) the ladder takes the smallest step it can, and the plan
  generator, which checks each week's rise itself, holds the exercise there.

``dose_for_day`` is the furthest a ladder can reach by a given day, one rung a week
from the exercise's entry week: the plan generator never goes above it.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from planner.domain.models import Activity, Dose, Exercise, Kind, Profile
from planner.domain.phases import estimate_seconds
from planner.domain.thresholds import GENTLE_ONLY_PAIN, MODERATE_PAIN, STEP_RISE_LIMIT

_SLOWER = {
    Activity.HIGH: Activity.MEDIUM,
    Activity.MEDIUM: Activity.LOW,
    Activity.LOW: Activity.LOW,
}
_HOLD_STEP_S = 5
_REST_STEP_S = 5


def climb_pace(profile: Profile) -> Activity:
    """The activity level whose ladder this profile climbs (pain of 4 to 6 takes a slower one)."""
    if profile.pain >= MODERATE_PAIN:
        return _SLOWER[profile.activity]
    return profile.activity


def entry_week(level: int, pain: int) -> int:
    """The plan week (0 = the first) from which an exercise of ``level`` may be planned."""
    if level <= 1:
        return 0
    return level - 1 + (1 if pain >= MODERATE_PAIN else 0)


def plan_week_index(profile: Profile, day: date) -> int:
    """Which seven-day block of the plan ``day`` falls in, 0 first (days before the start: 0)."""
    return max(0, (day - profile.start).days // 7)


def work_seconds(exercise: Exercise, dose: Dose) -> float:
    """Estimated seconds of one exercise at one dose, get-ready included."""
    return estimate_seconds([(exercise, dose)])


def _rests(exercise: Exercise, sets: int, reps: int) -> list[int]:
    start, target = exercise.start, exercise.target
    if sets == 1 and (reps == 1 or exercise.kind is Kind.REPS):
        return [start.rest_s]  # no rest is taken at this dose
    # A first extra set or held rep may start with a shorter rest that grows with the
    # load: otherwise it would add the whole rest's seconds in one step.
    return sorted({*range(_REST_STEP_S, target.rest_s, _REST_STEP_S), start.rest_s, target.rest_s})


def _grid(exercise: Exercise) -> list[Dose]:
    start, target = exercise.start, exercise.target
    doses = []
    for sets in range(start.sets, target.sets + 1):
        for reps in range(start.reps, target.reps + 1):
            for rest in _rests(exercise, sets, reps):
                for hold in range(start.hold_s, target.hold_s + 1):
                    doses.append(Dose(hold_s=hold, reps=reps, sets=sets, rest_s=rest))
    return doses


def _a_step_up(later: Dose, earlier: Dose) -> bool:
    """Whether ``later`` keeps every amount of ``earlier`` and gives up a little only to add.

    Sets never drop; reps per set drop only for a new set; a hold shortens only
    for a new rep; a rest shortens only for new reps or sets. Total reps and total
    seconds held never drop.
    """
    more_sets = later.sets > earlier.sets
    more_reps = later.reps > earlier.reps or more_sets
    reps_later, reps_earlier = later.sets * later.reps, earlier.sets * earlier.reps
    return (
        later.sets >= earlier.sets
        and (later.reps >= earlier.reps or more_sets)
        and (later.hold_s >= earlier.hold_s or more_reps)
        and (later.rest_s >= earlier.rest_s or more_reps)
        and reps_later >= reps_earlier
        and reps_later * later.hold_s >= reps_earlier * earlier.hold_s
    )


@cache
def _ladder(exercise: Exercise, limit: float) -> tuple[Dose, ...]:
    start, target = exercise.start, exercise.target
    grid = [(work_seconds(exercise, dose), dose) for dose in _grid(exercise)]
    rungs = [start]
    current, current_work = start, work_seconds(exercise, start)
    while current != target:
        bigger = [
            (work, dose)
            for work, dose in grid
            if work > current_work and dose != current and _a_step_up(dose, current)
        ]
        within = [pair for pair in bigger if pair[0] <= limit * current_work]
        if within:
            # Round holds (multiples of 5 s) first, then the biggest step the limit allows.
            current_work, current = max(
                within,
                key=lambda p: (p[1].hold_s % _HOLD_STEP_S == 0, p[0], p[1].hold_s, p[1].rest_s),
            )
        else:
            current_work, current = min(bigger, key=lambda p: (p[0], -p[1].hold_s, -p[1].reps))
        rungs.append(current)
    return tuple(rungs)


def dose_ladder(exercise: Exercise, pace: Activity = Activity.HIGH) -> tuple[Dose, ...]:
    """The doses from the exercise's start dose (first) to its target (last), one step apart.

    Each step adds at most ``STEP_RISE_LIMIT[pace]`` of work where the doses allow it.
    """
    if exercise.start == exercise.target:
        return (exercise.start,)
    return _ladder(exercise, STEP_RISE_LIMIT[pace])


def ramp_position(exercise: Exercise, profile: Profile, week: int) -> int:
    """The furthest rung of the exercise's ladder reachable in plan week ``week`` (0 first)."""
    if profile.pain >= GENTLE_ONLY_PAIN:
        return 0
    last = len(dose_ladder(exercise, climb_pace(profile))) - 1
    return max(0, min(last, week - entry_week(exercise.level, profile.pain)))


def dose_for_day(exercise: Exercise, profile: Profile, day: date) -> Dose:
    """The furthest dose the ladder reaches for ``exercise`` on ``day`` for this profile.

    The plan generator never goes above it, but may stay below it in a week where the
    total work would otherwise rise too fast or the session would not fit the minutes.
    """
    week = plan_week_index(profile, day)
    return dose_ladder(exercise, climb_pace(profile))[ramp_position(exercise, profile, week)]
