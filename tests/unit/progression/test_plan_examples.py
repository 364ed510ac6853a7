"""Worked examples of the plan generator: cases a user or a physiotherapist would check by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from planner.domain.advice import Priority, as_lines
from planner.domain.catalogue import load_catalogue
from planner.domain.models import (
    Activity,
    Dose,
    Exercise,
    ExerciseLog,
    Kind,
    Profile,
    SessionLog,
    Sides,
)
from planner.domain.phases import estimate_seconds
from planner.domain.progression import DOCTOR_ADVICE, PlanRefused, generate_plan
from planner.storage.store import Store

CATALOGUE = load_catalogue()
WEDNESDAY = date(2026, 11, 25)


def profile(**changes: object) -> Profile:
    base = Profile(
        pain=4,
        activity=Activity.MEDIUM,
        weekdays=frozenset({0, 2, 4, 5}),
        minutes=15,
        weeks=6,
        start=WEDNESDAY,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def work(exercise_id: str, dose: Dose) -> float:
    return estimate_seconds([(CATALOGUE.get(exercise_id), dose)])


def test_week_one_doses_are_below_week_four_for_medium_activity_and_pain_four() -> None:
    plan = generate_plan(profile(), CATALOGUE)
    week1 = {i.exercise_id: i.dose for i in plan.items if i.day < WEDNESDAY + timedelta(days=7)}
    week4_start = WEDNESDAY + timedelta(days=21)
    week4 = {
        i.exercise_id: i.dose
        for i in plan.items
        if week4_start <= i.day < week4_start + timedelta(days=7)
    }
    assert week1, "week 1 has exercises"
    for exercise_id, dose in week1.items():
        later = week4[exercise_id]
        assert later != dose
        assert later.hold_s >= dose.hold_s and later.reps >= dose.reps and later.sets >= dose.sets
        assert work(exercise_id, later) > work(exercise_id, dose)


def test_harder_exercises_come_in_later_and_later_with_more_pain() -> None:
    def first_week_of_level(pain: int, level: int) -> int:
        plan = generate_plan(profile(pain=pain, minutes=30, weeks=8), CATALOGUE)
        weeks = [
            (i.day - WEDNESDAY).days // 7 + 1
            for i in plan.items
            if CATALOGUE.get(i.exercise_id).level == level
        ]
        return min(weeks)

    assert first_week_of_level(0, 1) == 1
    assert first_week_of_level(0, 2) >= 2
    assert first_week_of_level(0, 3) >= 3
    assert first_week_of_level(5, 2) > first_week_of_level(0, 2)
    # Never earlier with more pain; the week cap can hold a level back to the same week.
    assert first_week_of_level(5, 3) >= max(4, first_week_of_level(0, 3))


def test_plan_starts_on_its_start_day_and_lasts_its_weeks() -> None:
    plan = generate_plan(profile(), CATALOGUE)
    days = sorted({item.day for item in plan.items})
    assert days[0] == WEDNESDAY
    assert days[-1] <= WEDNESDAY + timedelta(days=41)
    assert plan.end == date(2027, 1, 5)
    assert {d.weekday() for d in days} <= {0, 2, 4, 5}


def test_seven_days_keep_sunday_free_and_say_why() -> None:
    plan = generate_plan(profile(weekdays=frozenset(range(7))), CATALOGUE)
    assert all(item.day.weekday() != 6 for item in plan.items)
    assert all(day in plan.rest_days for day in (date(2026, 11, 29), date(2026, 12, 6)))
    assert "Sunday" in " ".join(as_lines(plan.advice))


@pytest.mark.parametrize("pain", [7, 8])
def test_pain_seven_or_eight_gives_gentle_plan_with_doctor_banner(pain: int) -> None:
    plan = generate_plan(profile(pain=pain), CATALOGUE)
    assert as_lines(plan.advice)[0] == DOCTOR_ADVICE
    assert plan.advice[0].priority is Priority.SAFETY
    assert plan.items
    assert {CATALOGUE.get(i.exercise_id).level for i in plan.items} == {1}


@pytest.mark.parametrize("pain", [9, 10])
def test_pain_nine_or_ten_makes_no_plan(pain: int) -> None:
    with pytest.raises(PlanRefused, match="see a doctor first"):
        generate_plan(profile(pain=pain), CATALOGUE)


def test_low_pain_plan_has_no_safety_advice() -> None:
    assert not any(a.is_safety for a in generate_plan(profile(pain=2), CATALOGUE).advice)


def test_custom_exercises_are_never_planned() -> None:
    mine = Exercise(
        id="my-stretch",
        name="My stretch",
        level=1,
        kind=Kind.HOLD,
        sides=Sides.NONE,
        position="standing",
        steps=("Stand tall.",),
        start=Dose(hold_s=10),
        target=Dose(hold_s=20),
        custom=True,
    )
    plan = generate_plan(profile(), CATALOGUE.with_custom([mine]))
    assert "my-stretch" not in {item.exercise_id for item in plan.items}


def test_short_sessions_say_what_did_not_fit() -> None:
    plan = generate_plan(profile(pain=0, minutes=5, weekdays=frozenset({0, 3})), CATALOGUE)
    for day in {item.day for item in plan.items}:
        pairs = [(CATALOGUE.get(i.exercise_id), i.dose) for i in plan.items if i.day == day]
        assert estimate_seconds(pairs) <= 300
    planned = {item.exercise_id for item in plan.items}
    missing = [e.name for e in CATALOGUE if e.id not in planned]
    if missing:
        notes = " ".join(as_lines(plan.advice))
        assert all(name in notes for name in missing)
        assert "did not fit in 5-minute sessions" in notes


def test_regenerating_keeps_the_past_and_the_log() -> None:
    store = Store.in_memory()
    first = generate_plan(profile(start=date(2026, 11, 16)), CATALOGUE)
    store.save_plan(first, keep_before=date(2026, 11, 16))
    past_items = store.items_between(date(2026, 11, 16), date(2026, 11, 24))
    log = SessionLog(
        id="s1",
        day=date(2026, 11, 16),
        started_at=datetime(2026, 11, 16, 18, 0),
        ended_at=datetime(2026, 11, 16, 18, 10),
        exercises=(ExerciseLog("leg-lift", Dose(hold_s=15), completed=True),),
    )
    store.log_session(log)

    second = generate_plan(profile(start=WEDNESDAY, pain=2, minutes=20), CATALOGUE)
    store.save_plan(second, keep_before=WEDNESDAY)

    assert store.items_between(date(2026, 11, 16), date(2026, 11, 24)) == past_items
    assert store.logs() == [log]
    future = store.items_between(WEDNESDAY, second.end)
    assert future == sorted(second.items, key=lambda i: (i.day, i.position))
