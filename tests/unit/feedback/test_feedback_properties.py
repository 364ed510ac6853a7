"""Property tests: the feedback rules over random plans and random session histories.

A plan is generated for a random profile, then lived week by week: random sessions
(pain before and after, effort, some missed, some partial) are logged on its days,
each week is reviewed as the app does, and the reviewed changes are applied before
the next week. Whatever happens, each exercise climbs at most one step and 25% more
work a week, a pause brings in nothing new and climbs nothing, pain of 7 or more
de-loads, and safety advice comes first.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.advice import Advice, Priority, ordered, replace_feedback
from planner.domain.catalogue import load_catalogue
from planner.domain.feedback import Review, review_week
from planner.domain.models import (
    Activity,
    Effort,
    ExerciseLog,
    PlanItem,
    Profile,
    SessionLog,
)
from planner.domain.pain_gate import session_band
from planner.domain.progression import generate_plan
from planner.domain.ramp import climb_pace, work_seconds
from planner.domain.thresholds import GENTLE_ONLY_PAIN, WORK_RISE_LIMIT, PainBand

CATALOGUE = load_catalogue()
MONDAY = date(2026, 11, 23)
SLACK = 1e-9


@st.composite
def lived_plans(draw: st.DrawFn) -> tuple[Profile, list[list[object]]]:
    """A profile and, per plan week, what happened on each planned day (None: missed)."""
    profile = Profile(
        pain=draw(st.integers(0, 6)),
        activity=draw(st.sampled_from(list(Activity))),
        weekdays=draw(st.frozensets(st.integers(0, 6), min_size=2)),
        minutes=draw(st.integers(5, 45)),
        weeks=draw(st.integers(3, 8)),
        start=MONDAY,
    )
    weeks: list[list[object]] = []
    for _ in range(profile.weeks):
        # Most weeks are calm (pain 0 to 3); a flare week may bring any pain.
        top = 10 if draw(st.booleans()) else 3
        pain = st.one_of(st.none(), st.integers(0, top))
        session = st.tuples(pain, pain, st.sampled_from([None, *Effort]), st.booleans())
        weeks.append(draw(st.lists(st.one_of(st.none(), session), min_size=7, max_size=7)))
    return profile, weeks


def _log(day: date, items: list[PlanItem], lived: tuple[object, ...]) -> SessionLog:
    before, after, effort, complete = lived
    entries = tuple(
        ExerciseLog(i.exercise_id, i.dose, completed=bool(complete) or n == 0, seconds=30.0)
        for n, i in enumerate(items)
    )
    start = datetime.combine(day, time(18, 0))
    return SessionLog(
        id=f"log-{day}",
        day=day,
        started_at=start,
        ended_at=start + timedelta(minutes=10),
        exercises=entries,
        pain_before=before,  # type: ignore[arg-type]
        pain_after=after,  # type: ignore[arg-type]
        effort=effort,  # type: ignore[arg-type]
    )


def live(
    profile: Profile, weeks: list[list[object]]
) -> list[tuple[list[PlanItem], Review, list[SessionLog]]]:
    """Each week's items as they were run, the review that decided the week after, the logs."""
    plan = generate_plan(profile, CATALOGUE)
    by_week: dict[int, list[PlanItem]] = defaultdict(list)
    for item in plan.items:
        by_week[(item.day - profile.start).days // 7].append(item)
    logs: list[SessionLog] = []
    history = []
    current = by_week[0]
    for week in range(profile.weeks - 1):
        monday = profile.start + timedelta(weeks=week)
        for offset, lived in enumerate(weeks[week]):
            day = monday + timedelta(days=offset)
            todays = [i for i in current if i.day == day and not i.left_out]
            if todays and lived is not None:
                logs.append(_log(day, todays, lived))  # type: ignore[arg-type]
        review = review_week(
            monday,
            current,
            by_week[week + 1],
            logs,
            monday + timedelta(days=7),
            catalogue=CATALOGUE,
            pace=climb_pace(profile),
        )
        history.append((current, review, [log for log in logs if log.day >= monday]))
        changed = {item.id: item for item in review.changed}
        current = [changed.get(item.id, item) for item in by_week[week + 1]]
    history.append((current, Review((), None), []))
    return history


def per_exercise(items: list[PlanItem]) -> dict[str, list[PlanItem]]:
    found: dict[str, list[PlanItem]] = defaultdict(list)
    for item in items:
        if not item.left_out:
            found[item.exercise_id].append(item)
    return found


def work(items: list[PlanItem]) -> float:
    return sum(work_seconds(CATALOGUE.get(i.exercise_id), i.dose) for i in items)


FAST = settings(max_examples=40, deadline=None)


@FAST
@given(lived_plans())
def test_each_exercise_climbs_at_most_a_quarter_more_work_a_week_whatever_happens(
    lived: tuple[Profile, list[list[object]]],
) -> None:
    history = live(*lived)
    for (before, _, _), (after, _, _) in zip(history, history[1:], strict=False):
        old, new = per_exercise(before), per_exercise(after)
        for exercise_id in old.keys() & new.keys():
            exercise = CATALOGUE.get(exercise_id)
            per_session_before = max(work_seconds(exercise, i.dose) for i in old[exercise_id])
            per_session_after = max(work_seconds(exercise, i.dose) for i in new[exercise_id])
            assert per_session_after <= WORK_RISE_LIMIT * per_session_before + SLACK
            assert work(new[exercise_id]) <= WORK_RISE_LIMIT * work(old[exercise_id]) + SLACK


@FAST
@given(lived_plans())
def test_a_pause_brings_in_nothing_new_climbs_nothing_and_keeps_to_the_gentle_ones(
    lived: tuple[Profile, list[list[object]]],
) -> None:
    history = live(*lived)
    for (before, review, _), (after, _, _) in zip(history, history[1:], strict=False):
        if review.pause is None:
            continue
        old, new = per_exercise(before), per_exercise(after)
        assert set(new) <= set(old), "nothing new during a pause"
        for exercise_id, items in new.items():
            exercise = CATALOGUE.get(exercise_id)
            assert exercise.level == 1, "gentle exercises only"
            for item in items:
                previous = max(work_seconds(exercise, i.dose) for i in old[exercise_id])
                assert work_seconds(exercise, item.dose) <= previous + SLACK


@FAST
@given(lived_plans())
def test_pain_of_seven_or_more_de_loads_the_next_week(
    lived: tuple[Profile, list[list[object]]],
) -> None:
    history = live(*lived)
    for (before, review, logs), (after, _, _) in zip(history, history[1:], strict=False):
        pains = [p for log in logs for p in (log.pain_before, log.pain_after) if p is not None]
        if not pains or max(pains) < GENTLE_ONLY_PAIN:
            continue
        assert review.pause is not None and review.pause.deload
        assert review.pause.advice[0].priority is Priority.SAFETY
        old, new = per_exercise(before), per_exercise(after)
        for exercise_id, items in new.items():
            exercise = CATALOGUE.get(exercise_id)
            previous = max(work_seconds(exercise, i.dose) for i in old[exercise_id])
            for item in items:
                now = work_seconds(exercise, item.dose)
                # One step down, unless already at (or below) the start dose.
                assert now < previous or now <= work_seconds(exercise, exercise.start) + SLACK


@FAST
@given(lived_plans())
def test_after_a_hold_or_pause_the_climb_back_is_one_step_at_a_time(
    lived: tuple[Profile, list[list[object]]],
) -> None:
    history = live(*lived)
    for (before, review, _), (after, _, _) in zip(history, history[1:], strict=False):
        if review.pause is not None:
            continue
        old, new = per_exercise(before), per_exercise(after)
        for exercise_id in old.keys() & new.keys():
            was_held = any(i.held_reason for i in old[exercise_id])
            if not was_held:
                continue
            exercise = CATALOGUE.get(exercise_id)
            previous = max(work_seconds(exercise, i.dose) for i in old[exercise_id])
            for item in new[exercise_id]:
                assert work_seconds(exercise, item.dose) <= WORK_RISE_LIMIT * previous + SLACK


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.builds(
            Advice,
            st.sampled_from(list(Priority)),
            st.text(min_size=1, max_size=20),
            st.sampled_from(["doctor", "note", "feedback-doctor", "feedback-paused", "rest-day"]),
        ),
        max_size=8,
    ),
    st.lists(
        st.builds(
            Advice,
            st.sampled_from([Priority.SAFETY, Priority.PAUSED]),
            st.text(min_size=1, max_size=20),
            st.just("feedback-doctor"),
        ),
        max_size=2,
    ),
)
def test_safety_advice_always_comes_first(stored: list[Advice], pause: list[Advice]) -> None:
    for shown in (ordered(stored), replace_feedback(stored, pause)):
        priorities = [a.priority for a in shown]
        assert priorities == sorted(priorities)
        if any(a.is_safety for a in shown):
            assert shown[0].is_safety


@given(st.integers(0, 10))
def test_pain_of_nine_or_ten_before_a_session_gives_no_session(pain: int) -> None:
    band = session_band(pain)
    assert (band is PainBand.NO_SESSION) == (pain >= 9)
    assert (band is PainBand.GENTLE_ONLY) == (pain in (7, 8))
