"""The archive split: old weeks in a second file, read only when asked for, never lost."""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.models import Activity, Dose, Plan, PlanItem, Profile, SessionLog
from planner.storage import Store, StoreError, StoreLocked, open_store
from planner.storage import atomic as atomic_module
from planner.storage.archive import archive_cutoff, archive_files
from planner.storage.errors import ArchiveUnreadableError
from planner.storage.recovery import open_for_app
from tests.unit.storage.samples import BRIDGE, TILT, current_archive, session_log

TODAY = date(2026, 11, 25)
CUTOFF = archive_cutoff(TODAY)
FIRST = date(2026, 7, 6)
DAYS = 150  # from FIRST into December: well before and after the cutoff
THIS_WEEK = date(2026, 11, 23)


def day(offset: int) -> date:
    return FIRST + timedelta(days=offset)


def history(days_with_items: dict[int, int], rest: set[int], logged: set[int]) -> Plan:
    """A plan of ``count`` items on each day offset, the rest days, and (separately) logs."""
    items = tuple(
        PlanItem(f"item-{offset}-{position}", day(offset), f"ex{position}", TILT, position)
        for offset, count in sorted(days_with_items.items())
        for position in range(count)
    )
    profile = Profile(4, Activity.MEDIUM, frozenset({0, 2, 4}), 15, 12, FIRST)
    return Plan(profile, items, frozenset(day(offset) for offset in rest))


def logs_for(logged: set[int]) -> list[SessionLog]:
    return [session_log(day(offset)) for offset in sorted(logged)]


def fill(store: Store, plan: Plan, logs: list[SessionLog]) -> None:
    store.save_plan(plan, keep_before=date.min)
    store.import_logs(logs)


def same_answers(split: Store, whole: Store, ranges: list[tuple[int, int]]) -> None:
    """Every query answers the same on the split store as on the one-file store."""
    for lo, hi in [*ranges, (0, DAYS), (-5000, 5000)]:
        start, end = day(min(lo, hi)), day(max(lo, hi))
        assert split.items_between(start, end) == whole.items_between(start, end)
        assert split.rest_days_between(start, end) == whole.rest_days_between(start, end)
        assert split.logs_between(start, end) == whole.logs_between(start, end)
    assert split.logs() == whole.logs()
    for item in whole.items_between(date.min, date.max):
        assert split.item(item.id) == item


@pytest.fixture
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["remove", "move", "dose", "reorder", "rest", "log"]),
        st.integers(0, 400),
        st.integers(0, DAYS),
    ),
    max_size=8,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    days_with_items=st.dictionaries(st.integers(0, DAYS), st.integers(1, 3), max_size=40),
    rest=st.sets(st.integers(0, DAYS), max_size=15),
    logged=st.sets(st.integers(0, DAYS), max_size=15),
    edits=EDITS,
    ranges=st.lists(
        st.tuples(st.integers(-10, DAYS + 10), st.integers(-10, DAYS + 10)), max_size=5
    ),
)
def test_a_split_store_answers_like_one_file_before_and_after_edits(
    days_with_items: dict[int, int],
    rest: set[int],
    logged: set[int],
    edits: list[tuple[str, int, int]],
    ranges: list[tuple[int, int]],
) -> None:
    whole = Store.in_memory()
    plan, logs = history(days_with_items, rest, logged), logs_for(logged)
    fill(whole, plan, logs)
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "planner.json"
        split = open_store(path)
        fill(split, plan, logs)
        split.archive_before(CUTOFF)
        same_answers(split, whole, ranges)

        for number, (kind, pick, offset) in enumerate(edits):
            for store in (whole, split):
                apply_edit(store, number, kind, pick, offset)
            same_answers(split, whole, ranges)

        # Reopened from disk, archived again (edits brought old days back), still the same.
        split.close()
        with open_store(path) as split:
            same_answers(split, whole, ranges)
            split.archive_before(CUTOFF)
            same_answers(split, whole, ranges)


def apply_edit(store: Store, number: int, kind: str, pick: int, offset: int) -> None:
    items = store.items_between(date.min, date.max)
    if kind == "rest":
        store.toggle_rest_day(day(offset))
    elif kind == "log":
        log = session_log(day(offset))
        started = log.started_at + timedelta(hours=1, minutes=number)
        store.log_session(replace(log, id=f"edit-{number}", started_at=started))
    elif items:
        item = items[pick % len(items)]
        if kind == "remove":
            store.remove_item(item.id)
        elif kind == "move":
            store.move_item(item.id, day(offset))
        elif kind == "dose":
            store.set_dose(item.id, BRIDGE, held_reason="held")
        else:
            store.reorder_item(item.id, -1)


def five_months(path: Path) -> Store:
    """A store on ``path`` with an item, a rest day and a log every week, archived at CUTOFF."""
    store = open_store(path)
    weekly = {7 * week: 2 for week in range(DAYS // 7)}
    fill(
        store,
        history(weekly, {7 * week + 6 for week in range(DAYS // 7)}, set(weekly)),
        logs_for(set(weekly)),
    )
    assert store.archive_before(CUTOFF) is True
    return store


def test_old_weeks_move_to_a_private_archive_and_the_hot_file_keeps_the_rest(
    db_path: Path,
) -> None:
    with five_months(db_path) as store:
        assert store.archive_cutoff == CUTOFF
    archive = current_archive(db_path)
    assert re.fullmatch(r"planner\.archive-2026-[0-9]+\.json", archive.name)
    assert list(archive_files(db_path).values()) == [archive]
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    hot = db_path.read_text()
    assert f'"archive_cutoff":"{CUTOFF.isoformat()}"' in hot
    # Nothing before the cutoff stays hot, and nothing from it on is archived.
    assert (CUTOFF - timedelta(days=7)).isoformat() not in hot
    assert THIS_WEEK.isoformat() in hot
    assert THIS_WEEK.isoformat() not in archive.read_text()
    assert day(0).isoformat() in archive.read_text()


def record_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every data or archive file read from here on, in order (the list fills as they are)."""
    loads: list[Path] = []
    real_load = atomic_module.load_tables

    def counting_load(path: Path) -> atomic_module.Tables | None:
        loads.append(path)
        return real_load(path)

    monkeypatch.setattr(atomic_module, "load_tables", counting_load)
    monkeypatch.setattr("planner.storage.archive.load_tables", counting_load)
    return loads


def test_opening_does_not_read_the_archive_and_recent_weeks_never_need_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    five_months(db_path).close()
    loads = record_loads(monkeypatch)
    opened = open_for_app(db_path, today=TODAY)
    with opened.store as store:
        assert opened.notice == ""
        assert store.items_between(CUTOFF, TODAY + timedelta(days=30))
        store.logs_between(THIS_WEEK - timedelta(weeks=3), TODAY)
        store.add_item(TODAY, "pelvic_tilt", TILT)
        store.toggle_rest_day(TODAY)
        assert current_archive(db_path) not in loads
        assert store.items_on(day(0))  # an old week: now, and only now, the archive is read
        assert loads.count(current_archive(db_path)) == 1


def test_reading_ahead_reads_an_old_year_once_and_recent_weeks_not_at_all(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    five_months(db_path).close()
    loads = record_loads(monkeypatch)
    with open_store(db_path, read_only=True) as store:
        store.read_ahead(CUTOFF, TODAY)  # all in the hot file: nothing to read
        assert loads == []
        store.read_ahead(day(0), day(20))
        both = [current_archive(db_path), current_archive(db_path, logs=True)]
        assert loads == both
        # The week asked for later answers as before, from the files already read.
        assert [item.id for item in store.items_on(day(7))] == ["item-7-0", "item-7-1"]
        assert loads == both


def test_reading_ahead_into_an_unreadable_archive_reports_it_once(db_path: Path) -> None:
    five_months(db_path).close()
    current_archive(db_path).write_bytes(b"\x00 not an archive")
    reported: list[ArchiveUnreadableError] = []
    with open_store(db_path) as store:
        store.carry_on_without_archive(reported.append)
        store.read_ahead(day(0), day(20))
        store.read_ahead(day(0), day(20))
        assert store.items_on(day(7)) == []
        assert len(reported) == 1 and reported[0] is store.archive_problem


def test_a_garbage_archive_still_opens_and_old_weeks_raise_a_clear_error(db_path: Path) -> None:
    five_months(db_path).close()
    archive = current_archive(db_path)
    archive.write_bytes(b"\x00 not an archive")
    with open_store(db_path) as store:
        this_week = store.items_between(THIS_WEEK, TODAY)
        assert this_week
        with pytest.raises(ArchiveUnreadableError) as caught:
            store.items_on(day(0))
        message = str(caught.value)
        assert message.startswith(f"the older history in {archive} could not be read (")
        assert "left untouched" in message and "\n" not in message
        with pytest.raises(StoreError):
            store.rest_days_between(day(0), day(20))
        assert len(store.logs()) == DAYS // 7  # the logs are in a file of their own
        # The recent weeks keep working, writes included, and the archive keeps its bytes.
        store.add_item(TODAY, "bridge", BRIDGE)
        assert len(store.items_between(THIS_WEEK, TODAY)) == len(this_week) + 1
        with pytest.raises(ArchiveUnreadableError):
            store.toggle_rest_day(day(3))  # a change to an archived day needs the archive
    assert archive.read_bytes() == b"\x00 not an archive"


def test_the_app_start_says_so_when_the_archive_it_needs_is_damaged(db_path: Path) -> None:
    five_months(db_path).close()
    archive = current_archive(db_path)
    archive.write_bytes(b'{"plan_items": {"1": {"id": "x"}}}')
    with open_store(db_path) as store:
        # A late log of an old day: something to move on the next start.
        store.log_session(replace(session_log(day(1)), id="late"))
    opened = open_for_app(db_path, today=TODAY)
    with opened.store as store:
        assert not store.read_only
        assert opened.notice.startswith(f"The older history in {archive} could not be read")
        assert "missing field 'day'" in opened.notice
        assert store.items_between(THIS_WEEK, TODAY)
        store.add_item(TODAY, "pelvic_tilt", TILT)
    assert archive.read_bytes() == b'{"plan_items": {"1": {"id": "x"}}}'


def spoil_archived(db_path: Path, on: date, field: str, value: object) -> bytes:
    """Set ``field`` of the archived plan item of day ``on`` to ``value``; the file's new bytes."""
    archive = current_archive(db_path)
    tables = orjson.loads(archive.read_bytes())
    (doc,) = [doc for doc in tables["plan_items"].values() if doc["day"] == on.isoformat()][:1]
    doc[field] = value
    archive.write_bytes(orjson.dumps(tables))
    return archive.read_bytes()


def test_a_bad_archived_record_is_refused_when_a_read_reaches_its_day_only(
    db_path: Path,
) -> None:
    five_months(db_path).close()
    spoiled = spoil_archived(db_path, day(7), "position", "first")
    with open_store(db_path, read_only=True) as store:
        # Other weeks of the same year file read as before: only what is read is decoded.
        assert [item.id for item in store.items_on(day(14))] == ["item-14-0", "item-14-1"]
        assert store.rest_days_between(day(0), day(13)) == {day(6), day(13)}
        with pytest.raises(ArchiveUnreadableError, match="'position' must be a whole number"):
            store.items_between(day(7), day(13))
        with pytest.raises(ArchiveUnreadableError):  # asked again, still refused
            store.items_on(day(7))
        with pytest.raises(ArchiveUnreadableError):  # a whole-year answer checks every record
            store.item("item-14-0")
    assert current_archive(db_path).read_bytes() == spoiled


def test_a_change_to_a_year_with_a_bad_record_is_refused_before_anything_is_written(
    db_path: Path,
) -> None:
    five_months(db_path).close()
    spoiled = spoil_archived(db_path, day(7), "position", "first")
    hot = db_path.read_bytes()
    with open_store(db_path) as store:
        assert store.items_on(day(14))
        with pytest.raises(ArchiveUnreadableError):
            store.toggle_rest_day(day(15))  # rewriting the year would copy the bad record
    assert current_archive(db_path).read_bytes() == spoiled
    assert db_path.read_bytes() == hot


def test_a_record_whose_day_is_not_a_date_refuses_every_read_of_its_year(db_path: Path) -> None:
    # The window is chosen by the day, so a record without a usable one cannot be placed.
    five_months(db_path).close()
    spoil_archived(db_path, day(7), "day", "9999-12-31")
    with open_store(db_path, read_only=True) as store:
        with pytest.raises(ArchiveUnreadableError, match="outside the dates"):
            store.items_on(day(14))
        assert store.items_between(THIS_WEEK, TODAY)  # the recent weeks need no archive


@pytest.mark.parametrize("logs", [False, True])
def test_a_missing_archive_is_an_error_not_an_empty_history(db_path: Path, logs: bool) -> None:
    five_months(db_path).close()
    current_archive(db_path, logs=logs).unlink()
    with open_store(db_path) as store, pytest.raises(ArchiveUnreadableError, match="missing"):
        if logs:
            store.logs()
        else:
            store.items_on(day(0))


@pytest.mark.parametrize("damage", ["missing", "garbage"])
def test_reads_can_carry_on_without_an_unreadable_archive_and_writes_cannot(
    db_path: Path, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    five_months(db_path).close()
    archive, plan_file = current_archive(db_path, logs=True), current_archive(db_path)
    for spoilt in (archive, plan_file):
        if damage == "missing":
            spoilt.unlink()
        else:
            spoilt.write_bytes(b"\x00 not an archive")
    loads = record_loads(monkeypatch)
    reported: list[ArchiveUnreadableError] = []
    with open_store(db_path) as store:
        recent = store.logs_between(CUTOFF, TODAY)
        store.carry_on_without_archive(reported.append)
        assert reported == []  # nothing old asked for yet
        # Every read answers from the recent weeks alone, as if nothing were archived.
        assert store.logs() == recent
        assert store.logs_between(day(0), TODAY) == recent
        assert store.items_on(day(0)) == []
        assert store.rest_days_between(day(0), CUTOFF - timedelta(days=1)) == set()
        assert store.items_between(THIS_WEEK, TODAY)
        # Told once, and the broken file is tried once, not on every read.
        assert len(reported) == 1 and reported[0] is store.archive_problem
        assert str(reported[0]).startswith(f"the older history in {archive} could not be read")
        assert loads.count(archive) == 1
        # A change that needs the archive is still refused, so it is never rewritten.
        with pytest.raises(ArchiveUnreadableError):
            store.toggle_rest_day(day(3))
        store.add_item(TODAY, "bridge", BRIDGE)  # recent changes still work
    if damage == "missing":
        assert not archive.exists()
    else:
        assert archive.read_bytes() == b"\x00 not an archive"


def test_the_app_start_archives_only_when_something_is_old_enough(db_path: Path) -> None:
    with open_store(db_path) as store:
        fill(store, history({0: 1, 140: 1}, set(), {0}), logs_for({0}))
    open_for_app(db_path, today=TODAY).store.close()
    archive = current_archive(db_path)
    stamps = (db_path.stat().st_mtime_ns, archive.stat().st_mtime_ns)
    with open_for_app(db_path, today=TODAY).store as store:
        assert [i.day for i in store.items_between(date.min, date.max)] == [day(0), day(140)]
    assert (db_path.stat().st_mtime_ns, archive.stat().st_mtime_ns) == stamps


def test_a_new_user_gets_no_archive(db_path: Path) -> None:
    with open_for_app(db_path, today=TODAY).store as store:
        store.add_item(TODAY, "pelvic_tilt", TILT)
    with open_for_app(db_path, today=TODAY + timedelta(weeks=3)).store:
        pass
    assert archive_files(db_path) == {}


def fail_writes_to(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving ``target`` fails as if the process died just before; other files save normally."""
    fail_replacing(lambda destination: destination == target, monkeypatch)


def fail_writes_to_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving any archive file fails as if the process died just before."""
    fail_replacing(lambda destination: ".archive" in destination.name, monkeypatch)


def fail_replacing(fails: Callable[[Path], bool], monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace

    def guarded(source: Any, destination: Any) -> None:
        if fails(Path(destination)):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real(source, destination)

    monkeypatch.setattr(os, "replace", guarded)


def test_killed_between_the_archive_and_the_hot_write_loses_and_doubles_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(db_path)
    weekly = {7 * week: 2 for week in range(DAYS // 7)}
    plan, logs = history(weekly, {6, 13, 146}, {0, 7, 140}), logs_for({0, 7, 140})
    fill(store, plan, logs)
    whole = Store.in_memory()
    fill(whole, plan, logs)

    fail_writes_to(db_path, monkeypatch)
    with pytest.raises(StoreError):
        store.archive_before(CUTOFF)
    monkeypatch.undo()
    store.close()
    # The new archive never became current, so it is gone; the hot file kept everything.
    assert archive_files(db_path) == {}
    with open_store(db_path) as reopened:
        assert reopened.archive_cutoff is None
        same_answers(reopened, whole, [])
        assert reopened.archive_before(CUTOFF) is True
        same_answers(reopened, whole, [])


def test_killed_while_bringing_a_day_back_and_the_item_is_then_deleted_it_stays_deleted(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = five_months(db_path)
    first, second = store.items_on(day(7))
    fail_writes_to_archive(monkeypatch)
    with pytest.raises(StoreError):
        store.remove_item(first.id)  # the day went hot, the archive kept its copy
    monkeypatch.undo()
    store.close()
    with open_store(db_path) as reopened:
        assert reopened.items_on(day(7)) == [first, second]  # once each, not twice
        reopened.remove_item(first.id)
    with open_store(db_path) as reopened:
        assert reopened.items_on(day(7)) == [replace(second, position=0)]
        reopened.archive_before(CUTOFF)
    with open_store(db_path) as reopened:
        assert reopened.items_on(day(7)) == [replace(second, position=0)]


def test_an_archive_left_world_readable_is_made_private_when_read(db_path: Path) -> None:
    five_months(db_path).close()
    files = [current_archive(db_path), current_archive(db_path, logs=True)]
    for file in files:
        os.chmod(file, 0o644)
    with open_store(db_path) as store:
        store.logs()
        store.items_on(day(0))
    assert [stat.S_IMODE(file.stat().st_mode) for file in files] == [0o600, 0o600]


def test_a_second_instance_is_refused_and_a_read_only_one_reads_old_weeks(db_path: Path) -> None:
    with five_months(db_path) as first:
        old = first.items_on(day(0))
        with pytest.raises(StoreLocked):
            open_store(db_path)
        before = current_archive(db_path).read_bytes()
        with open_store(db_path, read_only=True) as second:
            assert second.items_on(day(0)) == old
            with pytest.raises(StoreError, match="read-only"):
                second.archive_before(TODAY)
        assert current_archive(db_path).read_bytes() == before


def test_a_left_over_archive_temp_file_is_cleaned_up(db_path: Path) -> None:
    five_months(db_path).close()
    leftover = db_path.with_name(".planner.archive.json.0badc0ffee00.tmp")
    leftover.write_bytes(b'{"half": ')
    open_store(db_path).close()
    assert not leftover.exists()


def test_a_custom_exercise_deleted_is_gone_from_archived_weeks_too(db_path: Path) -> None:
    with five_months(db_path) as store:
        assert [i.exercise_id for i in store.items_on(day(0))] == ["ex0", "ex1"]
        store.delete_custom_exercise("ex1")
        assert [i.exercise_id for i in store.items_on(day(0))] == ["ex0"]
    with open_store(db_path) as store:
        assert [i.exercise_id for i in store.items_between(day(0), day(DAYS))].count("ex1") == 0


def test_a_log_of_an_old_day_added_late_is_found_and_archived_next_time(db_path: Path) -> None:
    late = replace(session_log(day(2)), id="late", started_at=datetime(2026, 7, 8, 7, 0))
    with five_months(db_path) as store:
        store.log_session(late)
        assert late in store.logs_between(day(0), day(6))
        assert store.archive_before(CUTOFF) is True
    with open_store(db_path) as store:
        assert store.logs_between(day(0), day(6)).count(late) == 1
    assert b'"late"' not in db_path.read_bytes()


def test_an_unsplit_dose_change_for_this_week_does_not_touch_the_archive(db_path: Path) -> None:
    five_months(db_path).close()
    archive = current_archive(db_path)
    stamp = archive.stat().st_mtime_ns
    with open_store(db_path) as store:
        (item, *_) = store.items_between(THIS_WEEK, THIS_WEEK + timedelta(days=6))
        store.update_items([replace(item, dose=Dose(hold_s=20, reps=4))])
        assert not store.archive.loaded
    assert archive.stat().st_mtime_ns == stamp


def test_several_archived_items_changed_at_once_come_back_beside_archived_rest_days(
    db_path: Path,
) -> None:
    # The feedback rules change items in one write; rest days (no id) share those years.
    with five_months(db_path) as store:
        old = store.items_on(day(0))
        assert store.rest_days_between(day(0), day(13))
        store.update_items([replace(item, dose=BRIDGE) for item in old])
        assert [item.dose for item in store.items_on(day(0))] == [BRIDGE, BRIDGE]
    with open_store(db_path, read_only=True) as store:
        assert [item.dose for item in store.items_on(day(0))] == [BRIDGE, BRIDGE]
