"""Property tests: every rule of the gradual plan holds for any profile hypothesis can think of."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.advice import Priority, as_lines
from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import Activity, Plan, PlanItem, Profile
from planner.domain.phases import estimate_seconds
from planner.domain.progression import (
    DOCTOR_ADVICE,
    WORK_RISE_LIMIT,
    dose_for_day,
    generate_plan,
)
from planner.domain.ramp import climb_pace, dose_ladder

CATALOGUE = load_catalogue()

# The generator adds each week's estimates in its own order; the test adds them in
# item order. Float sums may differ in the last bits, never by more than this.
FLOAT_SLACK = 1e-9


@st.composite
def profiles(draw: st.DrawFn, max_pain: int = 8) -> Profile:
    return Profile(
        pain=draw(st.integers(0, max_pain)),
        activity=draw(st.sampled_from(list(Activity))),
        weekdays=draw(st.frozensets(st.integers(0, 6), min_size=2)),
        minutes=draw(st.integers(5, 60)),
        weeks=draw(st.integers(1, 12)),
        start=draw(st.dates(date(2025, 1, 1), date(2030, 12, 31))),
    )


def by_week(plan: Plan) -> dict[int, list[PlanItem]]:
    weeks: dict[int, list[PlanItem]] = defaultdict(list)
    for item in plan.items:
        weeks[(item.day - plan.profile.start).days // 7].append(item)
    return weeks


def by_day(items: list[PlanItem]) -> dict[date, list[PlanItem]]:
    days: dict[date, list[PlanItem]] = defaultdict(list)
    for item in items:
        days[item.day].append(item)
    return days


def week_work(items: list[PlanItem], catalogue: Catalogue) -> float:
    return sum(estimate_seconds([(catalogue.get(i.exercise_id), i.dose)]) for i in items)


FAST = settings(max_examples=50, deadline=None)


@FAST
@given(profiles())
def test_items_stay_inside_the_plan_and_on_picked_days(profile: Profile) -> None:
    plan = generate_plan(profile, CATALOGUE)
    for item in plan.items:
        assert profile.start <= item.day <= plan.end
        assert item.day.weekday() in profile.weekdays
        assert item.day not in plan.rest_days


@FAST
@given(profiles())
def test_every_session_fits_the_minutes(profile: Profile) -> None:
    plan = generate_plan(profile, CATALOGUE)
    for day, items in by_day(list(plan.items)).items():
        ordered = sorted(items, key=lambda i: i.position)
        assert [i.position for i in ordered] == list(range(len(ordered)))
        pairs = [(CATALOGUE.get(i.exercise_id), i.dose) for i in ordered]
        assert estimate_seconds(pairs) <= profile.minutes * 60, day


@FAST
@given(profiles())
def test_each_exercise_comes_at_least_twice_a_week_and_once_a_day(profile: Profile) -> None:
    plan = generate_plan(profile, CATALOGUE)
    for items in by_week(plan).values():
        counts: dict[str, int] = defaultdict(int)
        for item in items:
            counts[item.exercise_id] += 1
        assert min(counts.values()) >= 2
        pairs = {(i.day, i.exercise_id) for i in items}
        assert len(pairs) == len(items)


@FAST
@given(profiles())
def test_every_week_has_a_rest_day_and_unpicked_days_are_rest(profile: Profile) -> None:
    plan = generate_plan(profile, CATALOGUE)
    busy = {item.day for item in plan.items}
    for week in range(profile.weeks):
        block = [profile.start + timedelta(days=7 * week + i) for i in range(7)]
        rest = [day for day in block if day in plan.rest_days]
        assert rest, f"week {week + 1} has no rest day"
        for day in block:
            assert (day in plan.rest_days) == (day not in busy)
    if len(profile.weekdays) == 7:
        assert "Sunday" in " ".join(as_lines(plan.advice))


@FAST
@given(profiles())
def test_total_work_never_rises_more_than_a_quarter(profile: Profile) -> None:
    plan = generate_plan(profile, CATALOGUE)
    weeks = by_week(plan)
    totals = [week_work(weeks.get(w, []), CATALOGUE) for w in range(profile.weeks)]
    for before, after in zip(totals, totals[1:], strict=False):
        assert after <= WORK_RISE_LIMIT * before + FLOAT_SLACK


def exercise_weeks(plan: Plan) -> dict[str, dict[int, list[PlanItem]]]:
    """Per exercise, per plan week, its items."""
    found: dict[str, dict[int, list[PlanItem]]] = defaultdict(lambda: defaultdict(list))
    for week, items in by_week(plan).items():
        for item in items:
            found[item.exercise_id][week].append(item)
    return found


@FAST
@given(profiles())
def test_doses_are_rungs_of_the_ladder_never_above_where_the_ramp_reaches(
    profile: Profile,
) -> None:
    plan = generate_plan(profile, CATALOGUE)
    for item in plan.items:
        exercise = CATALOGUE.get(item.exercise_id)
        assert not exercise.custom
        ladder = dose_ladder(exercise, climb_pace(profile))
        assert item.dose in ladder
        reach = dose_for_day(exercise, profile, item.day)
        assert ladder.index(item.dose) <= ladder.index(reach)


@FAST
@given(profiles())
def test_each_exercise_climbs_at_most_one_step_and_a_quarter_more_work_a_week(
    profile: Profile,
) -> None:
    plan = generate_plan(profile, CATALOGUE)
    for exercise_id, weeks in exercise_weeks(plan).items():
        exercise = CATALOGUE.get(exercise_id)
        ladder = dose_ladder(exercise, climb_pace(profile))
        first = min(weeks)
        assert {i.dose for i in weeks[first]} == {exercise.start}, "first week at start dose"
        for week in range(first + 1, profile.weeks):
            before, after = weeks.get(week - 1, []), weeks.get(week, [])
            assert len(after) == len(before), "sessions per exercise stay steady"
            rungs_before = {ladder.index(i.dose) for i in before}
            rungs_after = {ladder.index(i.dose) for i in after}
            assert len(rungs_before) == len(rungs_after) == 1
            assert 0 <= rungs_after.pop() - rungs_before.pop() <= 1
            assert (
                week_work(after, CATALOGUE)
                <= WORK_RISE_LIMIT * week_work(before, CATALOGUE) + FLOAT_SLACK
            )


@FAST
@given(profiles())
def test_a_plan_short_of_its_targets_says_so_and_how_far_it_gets(profile: Profile) -> None:
    plan = generate_plan(profile, CATALOGUE)
    last_week = by_week(plan).get(profile.weeks - 1, [])
    short = [
        CATALOGUE.get(i.exercise_id).name
        for i in last_week
        if i.dose != CATALOGUE.get(i.exercise_id).target
    ]
    notes = " ".join(as_lines(plan.advice))
    if short and profile.pain < 7:
        assert "% of the work of the full doses" in notes
        assert all(name in notes for name in short)


@FAST
@given(profiles(max_pain=8).filter(lambda p: p.pain >= 7))
def test_high_pain_keeps_to_gentle_exercises_at_start_doses(profile: Profile) -> None:
    plan = generate_plan(profile, CATALOGUE)
    assert plan.advice[0].text == DOCTOR_ADVICE
    assert plan.advice[0].priority is Priority.SAFETY
    for item in plan.items:
        exercise = CATALOGUE.get(item.exercise_id)
        assert exercise.level == 1
        assert item.dose == exercise.start


@settings(max_examples=20, deadline=None)
@given(profiles())
def test_the_same_profile_always_gives_the_same_plan(profile: Profile) -> None:
    assert generate_plan(profile, CATALOGUE) == generate_plan(profile, CATALOGUE)
