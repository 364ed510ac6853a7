"""The rules of the user's record, one test each, through the plan book on an in-memory store."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.dates import short_date
from planner.domain.export import render_text
from planner.domain.history import history_stats
from planner.domain.history_report import history_markdown
from planner.domain.models import (
    Activity,
    DayStatus,
    Dose,
    Exercise,
    ExerciseLog,
    Kind,
    Profile,
    SessionLog,
    Sides,
)
from planner.planbook import custom, edits
from planner.planbook.exports import export_window
from planner.planbook.journal import record_session
from planner.planbook.plans import draft_plan, new_plan, rebuild_question, save_plan, summary
from planner.planbook.week import plan_weeks_text, read_week
from planner.storage.store import Store

SUNDAY = date(2026, 11, 29)
"""Today in these tests: a Sunday, the day the issue was tried."""
MONDAY = SUNDAY + timedelta(days=1)


@pytest.fixture
def catalogue() -> Catalogue:
    return load_catalogue()


def profile(start: date, weekdays: frozenset[int] = frozenset({0, 2, 4})) -> Profile:
    return Profile(
        pain=3, activity=Activity.MEDIUM, weekdays=weekdays, minutes=15, weeks=6, start=start
    )


def planned_store(catalogue: Catalogue, start: date = SUNDAY) -> Store:
    store = Store.in_memory()
    fresh = new_plan(profile(start), catalogue, start)
    save_plan(store, draft_plan(store, catalogue, fresh, start))
    return store


def done_log(store: Store, day: date, done_on: date, *, log_id: str = "log") -> SessionLog:
    items = store.items_on(day)
    started = datetime.combine(done_on, datetime.min.time()).replace(hour=18)
    return SessionLog(
        id=log_id,
        day=day,
        done_on=done_on,
        started_at=started,
        ended_at=started + timedelta(minutes=10),
        exercises=tuple(
            ExerciseLog(item.exercise_id, item.dose, completed=True, seconds=60, name="x")
            for item in items
        ),
    )


def test_a_session_done_early_shows_on_its_planned_day_and_counts_on_the_day_done(
    catalogue: Catalogue,
) -> None:
    store = planned_store(catalogue)
    record_session(store, catalogue, done_log(store, MONDAY, SUNDAY), SUNDAY)
    [log] = store.logs()
    assert (log.day, log.done_day) == (MONDAY, SUNDAY)
    # The calendar: Monday, the planned day, shows done.
    week = read_week(store, catalogue, MONDAY, SUNDAY)
    assert week.statuses[MONDAY] is DayStatus.DONE
    # History and its streak count Sunday, the day it was done (so not "no history yet").
    history = history_stats(store.logs(), store.items_between(date.min, SUNDAY), SUNDAY)
    assert [(w.monday, w.sessions) for w in history.weeks] == [(SUNDAY - timedelta(days=6), 1)]


def test_a_session_viewed_in_another_time_zone_still_counts(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log holds local dates and times; a change of zone (travel) moves nothing."""
    store = planned_store(catalogue)
    just_after_midnight = datetime.combine(MONDAY, datetime.min.time()).replace(minute=20)
    log = replace(
        done_log(store, MONDAY, MONDAY),
        started_at=just_after_midnight,
        ended_at=just_after_midnight + timedelta(minutes=10),
    )
    record_session(store, catalogue, log, MONDAY)
    for zone in ("UTC", "America/Los_Angeles", "Pacific/Auckland"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        [saved] = store.logs()
        assert saved.done_day == MONDAY
        history = history_stats(store.logs(), store.items_between(date.min, MONDAY), MONDAY)
        assert [(w.monday, w.sessions) for w in history.weeks if w.sessions] == [(MONDAY, 1)]
        report = history_markdown(store.logs(), store.items_between(date.min, MONDAY), MONDAY)
        assert "1 session logged" in report
        assert read_week(store, catalogue, MONDAY, MONDAY).statuses[MONDAY] is DayStatus.DONE
    monkeypatch.delenv("TZ")
    time.tzset()


def test_plan_weeks_count_from_a_sunday_start(catalogue: Catalogue) -> None:
    start_profile = profile(SUNDAY)
    iso_week_48 = SUNDAY - timedelta(days=6)
    assert plan_weeks_text(start_profile, iso_week_48) == "plan week 1 of 6"
    assert plan_weeks_text(start_profile, MONDAY) == "plan weeks 1–2 of 6"
    # 2027-W01 holds the plan's last days: it is inside the plan, not after it.
    assert plan_weeks_text(start_profile, date(2027, 1, 4)) == "plan week 6 of 6"
    assert plan_weeks_text(start_profile, date(2027, 1, 11)) == "after the 6-week plan"
    # The first calendar week after a Sunday start holds plan week 1's sessions and minutes.
    store = planned_store(catalogue)
    week = read_week(store, catalogue, MONDAY, SUNDAY)
    assert week.sessions_planned == 3 and week.planned_minutes > 0


def test_a_start_in_the_past_becomes_today_and_the_summary_says_so(catalogue: Catalogue) -> None:
    store = Store.in_memory()
    asked = SUNDAY - timedelta(days=20)
    fresh = new_plan(profile(asked), catalogue, SUNDAY)
    draft = draft_plan(store, catalogue, fresh, asked)
    save_plan(store, draft)
    assert draft.plan.profile.start == SUNDAY and draft.start_moved
    text = summary(draft, catalogue)
    assert "is in the past, so the plan starts today" in text
    sessions = len({item.day for item in store.items_between(SUNDAY, date.max)})
    assert sessions == 18 and f"{sessions} sessions" in text


def test_a_rebuild_keeps_a_done_day_and_asks_before_replacing_hand_edits(
    catalogue: Catalogue,
) -> None:
    store = planned_store(catalogue, MONDAY)
    record_session(store, catalogue, done_log(store, MONDAY, MONDAY), MONDAY)
    done_items = store.items_on(MONDAY)
    wednesday = MONDAY + timedelta(days=2)
    first = store.items_on(wednesday)[0]
    edits.set_dose(store, first.id, replace(first.dose, reps=first.dose.reps + 1))
    edits.add_exercise(store, catalogue, MONDAY + timedelta(days=3), "deep-squat")

    fresh = new_plan(replace(profile(MONDAY), pain=2), catalogue, MONDAY)
    draft = draft_plan(store, catalogue, fresh, MONDAY)
    assert draft.hand_edits == 2
    assert rebuild_question(draft) == (
        "You changed 2 days of the plan by hand from Mon 30 Nov on. The new plan replaces them."
    )
    save_plan(store, draft)
    assert store.items_on(MONDAY) == done_items  # the done day kept what was done
    week = read_week(store, catalogue, MONDAY, MONDAY)
    assert week.statuses[MONDAY] is DayStatus.DONE
    assert week.sessions_done == 1


def test_a_fresh_plan_rebuilt_asks_nothing(catalogue: Catalogue) -> None:
    store = planned_store(catalogue, MONDAY)
    fresh = new_plan(replace(profile(MONDAY), pain=2), catalogue, MONDAY)
    assert rebuild_question(draft_plan(store, catalogue, fresh, MONDAY)) == ""


def test_an_exercise_on_a_rest_day_asks_and_makes_it_a_training_day(catalogue: Catalogue) -> None:
    store = planned_store(catalogue, MONDAY)
    sunday = MONDAY + timedelta(days=6)
    assert sunday in store.rest_days_between(sunday, sunday)
    question = edits.place_question(store, catalogue, sunday, "deep-squat")
    assert question == "Sunday 6 December is a rest day. Make it a training day for Deep squat?"
    edits.add_exercise(store, catalogue, sunday, "deep-squat")
    assert store.rest_days_between(sunday, sunday) == set()
    week = read_week(store, catalogue, MONDAY, MONDAY)
    assert week.statuses[sunday] is DayStatus.PLANNED and week.minutes[sunday] > 0
    card = render_text(export_window(store, sunday, 1), catalogue)
    assert f"[ ] {short_date(sunday)} " in card  # a session row to tick, not a rest day


def test_a_rest_mark_on_a_day_with_exercises_is_a_training_day_everywhere(
    catalogue: Catalogue,
) -> None:
    """Old files can hold both; the calendar, its minutes and the exports agree."""
    store = planned_store(catalogue, MONDAY)
    store.toggle_rest_day(MONDAY)  # straight to storage, past the plan book's question
    week = read_week(store, catalogue, MONDAY, MONDAY)
    assert week.statuses[MONDAY] is DayStatus.PLANNED
    assert week.sessions_planned == 3
    assert week.planned_minutes == round(sum(week.minutes.values()))
    text = render_text(export_window(store, MONDAY, 1), catalogue)
    assert "3 sessions" in text and f"[ ] {short_date(MONDAY)} " in text


def test_deleting_a_custom_exercise_keeps_the_past(catalogue: Catalogue) -> None:
    store = planned_store(catalogue, MONDAY - timedelta(days=7))
    own = Exercise(
        id="custom-wall-sit",
        name="Wall sit",
        level=1,
        kind=Kind.HOLD,
        sides=Sides.NONE,
        position="Back against a wall",
        steps=("Slide down", "Hold"),
        start=Dose(hold_s=10),
        target=Dose(hold_s=30),
        custom=True,
    )
    custom.save_exercise(store, catalogue, own)
    last_week = MONDAY - timedelta(days=7)
    for offset in (0, 2, 4):
        edits.add_exercise(store, catalogue, last_week + timedelta(days=offset), own.id)
        day = last_week + timedelta(days=offset)
        log = done_log(store, day, day, log_id=f"done-{offset}")
        record_session(store, catalogue, log, day)
    edits.add_exercise(store, catalogue, MONDAY + timedelta(days=2), own.id)
    today = MONDAY + timedelta(days=1)
    before = history_stats(store.logs(), store.items_between(date.min, today), today)

    removed = custom.delete_exercise(store, catalogue, own.id, today)

    assert removed == 1  # Wednesday's, the only day from today on
    after = history_stats(store.logs(), store.items_between(date.min, today), today)
    assert (after.streak, after.weeks) == (before.streak, before.weeks)
    assert any(item.exercise_id == own.id for item in store.items_on(last_week))
    assert own.id not in catalogue
    names = {entry.name for log in store.logs() for entry in log.exercises}
    assert names == {"x"}  # the logs keep the names they were saved with


def test_the_session_log_keeps_each_exercises_name(catalogue: Catalogue) -> None:
    from planner.domain.phases import build_phases
    from planner.domain.session import SessionEngine

    pairs = [(catalogue.get("deep-squat"), Dose(reps=1))]
    engine = SessionEngine(build_phases(pairs), lambda: 0.0)
    [entry] = engine.exercise_logs(pairs)
    assert entry.name == "Deep squat"


def test_adding_an_exercise_a_day_already_has_asks(catalogue: Catalogue) -> None:
    store = planned_store(catalogue, MONDAY)
    existing = store.items_on(MONDAY)[0]
    name = catalogue.get(existing.exercise_id).name
    question = edits.place_question(store, catalogue, MONDAY, existing.exercise_id)
    assert question == f"Monday 30 November already has {name}. Add it a second time?"
    assert edits.place_question(store, catalogue, MONDAY, "no-such-twin") == ""
