"""Every kind of change the app makes survives closing and reopening the data file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from planner.domain.advice import Advice, Priority
from planner.domain.models import Dose, SessionLog, Settings
from planner.storage import Store, StoreError, open_store
from planner.storage.schema import SCHEMA_VERSION
from tests.unit.storage.samples import (
    BRIDGE,
    FRIDAY,
    MONDAY,
    TILT,
    WEDNESDAY,
    custom_exercise,
    plan,
    session_log,
)

DOCTOR = Advice(Priority.SAFETY, "See a doctor", "doctor")
PAUSED = Advice(Priority.PAUSED, "Progress is paused: please see a doctor", "feedback-paused")
NOTE = Advice(Priority.NOTE, "Sunday stays a rest day", "rest-day")


def reopen(store: Store, path: Path) -> Store:
    store.close()
    return open_store(path)


def test_added_items_come_back_in_order(db_path: Path) -> None:
    store = open_store(db_path)
    first = store.add_item(WEDNESDAY, "pelvic_tilt", TILT)
    second = store.add_item(WEDNESDAY, "bridge", BRIDGE)
    store = reopen(store, db_path)
    try:
        assert store.items_on(WEDNESDAY) == [first, replace(second, position=1)]
    finally:
        store.close()


def test_remove_move_reorder_and_dose_survive_reopening(db_path: Path) -> None:
    store = open_store(db_path)
    a = store.add_item(WEDNESDAY, "a", TILT)
    b = store.add_item(WEDNESDAY, "b", TILT)
    c = store.add_item(WEDNESDAY, "c", TILT)
    d = store.add_item(WEDNESDAY, "d", TILT)
    store.remove_item(a.id)
    store.move_item(b.id, FRIDAY)
    store.reorder_item(d.id, -1)
    store.set_dose(c.id, Dose(hold_s=15, reps=3), held_reason="pain rose last week")
    store = reopen(store, db_path)
    try:
        assert [i.exercise_id for i in store.items_on(WEDNESDAY)] == ["d", "c"]
        assert [i.position for i in store.items_on(WEDNESDAY)] == [0, 1]
        assert [i.exercise_id for i in store.items_on(FRIDAY)] == ["b"]
        held = store.item(c.id)
        assert held.dose == Dose(hold_s=15, reps=3)
        assert held.held_reason == "pain rose last week"
    finally:
        store.close()


def test_rest_day_toggles_on_and_off_across_reopening(db_path: Path) -> None:
    store = open_store(db_path)
    assert store.toggle_rest_day(FRIDAY) is True
    store = reopen(store, db_path)
    assert store.rest_days_between(MONDAY, FRIDAY) == {FRIDAY}
    assert store.toggle_rest_day(FRIDAY) is False
    store = reopen(store, db_path)
    try:
        assert store.rest_days_between(MONDAY, FRIDAY) == set()
    finally:
        store.close()


def test_saving_a_new_plan_keeps_the_past(db_path: Path) -> None:
    store = open_store(db_path)
    store.save_plan(plan(MONDAY, exercise_id="old"), keep_before=MONDAY)
    store.log_session(session_log(MONDAY))
    store.save_plan(plan(WEDNESDAY, exercise_id="new", advice=(DOCTOR,)), keep_before=WEDNESDAY)
    store = reopen(store, db_path)
    try:
        assert [i.exercise_id for i in store.items_on(MONDAY)] == ["old"]
        assert [i.exercise_id for i in store.items_on(WEDNESDAY)] == ["new"]
        # The old plan's Friday was replaced, not kept beside the new one.
        assert [i.exercise_id for i in store.items_on(FRIDAY)] == ["new"]
        profile = store.profile()
        assert profile is not None and profile.start == WEDNESDAY
        assert store.plan_advice() == (DOCTOR,)
        assert [log.day for log in store.logs()] == [MONDAY]
    finally:
        store.close()


def test_session_logs_come_back_equal(db_path: Path) -> None:
    store = open_store(db_path)
    logs = [session_log(MONDAY, note="a [b] c"), session_log(WEDNESDAY)]
    for log in logs:
        store.log_session(log)
    store = reopen(store, db_path)
    try:
        assert store.logs() == logs
        assert store.logs_between(WEDNESDAY, FRIDAY) == logs[1:]
    finally:
        store.close()


def test_saving_the_same_session_again_keeps_one(db_path: Path) -> None:
    """A retried save (the app retries after a failed write) never counts a session twice."""
    store = open_store(db_path)
    log = session_log(MONDAY)
    store.log_session(log)
    store.log_session(replace(log, note="rated after all"))
    store = reopen(store, db_path)
    try:
        assert store.logs() == [replace(log, note="rated after all")]
    finally:
        store.close()


def test_custom_exercises_save_replace_and_delete(db_path: Path) -> None:
    store = open_store(db_path)
    store.save_custom_exercise(custom_exercise())
    renamed = custom_exercise("Wall sit, longer")
    store.save_custom_exercise(renamed)
    store.add_item(FRIDAY, renamed.id, renamed.start)
    store = reopen(store, db_path)
    assert store.custom_exercises() == [renamed]
    store.delete_custom_exercise(renamed.id)
    store = reopen(store, db_path)
    try:
        assert store.custom_exercises() == []
        assert store.items_on(FRIDAY) == []
    finally:
        store.close()


def test_a_custom_short_name_is_kept_and_can_be_cleared(db_path: Path) -> None:
    store = open_store(db_path)
    named = replace(custom_exercise(), short_name="Wall sit")
    store.save_custom_exercise(named)
    store = reopen(store, db_path)
    assert store.custom_exercises() == [named]
    # Saving it again without one clears it (a merge of the old record must not bring it back).
    store.save_custom_exercise(replace(named, short_name=""))
    store = reopen(store, db_path)
    try:
        assert [e.short_name for e in store.custom_exercises()] == [""]
    finally:
        store.close()


def test_settings_survive_reopening(db_path: Path) -> None:
    store = open_store(db_path)
    assert store.settings() == Settings()
    chosen = Settings(bell=False, countdown_beeps=False, welcomed=True, get_ready_s=3)
    store.save_settings(chosen)
    store = reopen(store, db_path)
    try:
        assert store.settings() == chosen
    finally:
        store.close()


def test_a_new_file_records_the_schema_version(db_path: Path) -> None:
    store = open_store(db_path)
    store = reopen(store, db_path)
    try:
        assert store.schema_version == SCHEMA_VERSION == 5
        assert b'"schema_version":5' in db_path.read_bytes()
    finally:
        store.close()


def test_feedback_changes_to_several_items_and_the_advice_survive_reopening(
    db_path: Path,
) -> None:
    store = open_store(db_path)
    store.save_plan(plan(MONDAY), keep_before=MONDAY)
    held = [
        replace(item, dose=BRIDGE, held_reason="pain went up", unheld_dose=TILT)
        for item in store.items_between(MONDAY, FRIDAY)
    ]
    store.update_items(held)
    store.set_plan_advice([NOTE, PAUSED])
    store = reopen(store, db_path)
    try:
        assert store.items_between(MONDAY, FRIDAY) == held
        assert store.plan_advice() == (PAUSED, NOTE)  # safety first, whatever the saved order
    finally:
        store.close()


def test_a_record_the_file_could_not_be_read_with_is_never_saved(db_path: Path) -> None:
    """The last guard behind the screens' own checks: a note with an escape code, saved
    by a mistake, made the whole file unreadable at the next start (moved aside)."""
    started = datetime(2026, 11, 25, 18, 0)
    bad = SessionLog(
        "s1", date(2026, 11, 25), started, started + timedelta(minutes=10), (), note="a\x1b[2Jb"
    )
    with open_store(db_path) as store:
        store.add_item(date(2026, 11, 25), "pelvic_tilt", Dose(reps=10))
        before = db_path.read_bytes()
        with pytest.raises(StoreError, match=r"not saved \(session_logs: field 'note'"):
            store.log_session(bad)
        assert db_path.read_bytes() == before
        assert store.logs() == []
    with open_store(db_path) as store:  # opens as it was: nothing moved aside
        assert len(store.items_on(date(2026, 11, 25))) == 1
    assert [p.name for p in db_path.parent.iterdir() if "damaged" in p.name] == []
