"""Opening the data file: bad and newer files are refused untouched, old ones upgraded."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import orjson
import pytest

from planner.storage import (
    DamagedStoreError,
    NewerStoreError,
    ReadOnlyStoreError,
    move_aside,
    open_store,
)
from planner.storage.atomic import Tables
from planner.storage.schema import MIGRATIONS, SCHEMA_VERSION, Migration
from tests.unit.storage.samples import FRIDAY, TILT, WEDNESDAY

GOOD_ITEM = {
    "id": "a1",
    "day": "2026-11-25",
    "exercise_id": "pelvic_tilt",
    "dose": {"hold_s": 5, "reps": 10, "sets": 2, "rest_s": 30},
    "position": 0,
}


def tables_bytes(version: int | None, **tables: object) -> bytes:
    data: dict[str, object] = dict(tables)
    if version is not None:
        data["meta"] = {"1": {"schema_version": version}}
    return orjson.dumps(data)


DAMAGED = {
    "not JSON": b"planner data, honest",
    "cut short": tables_bytes(1, plan_items={"1": GOOD_ITEM})[:-9],
    "not UTF-8": b'{"meta": "\xff\xfe"}',
    "a list": b"[1, 2, 3]",
    "a table that is a list": b'{"plan_items": []}',
    "a bad entry id": tables_bytes(1, plan_items={"first": GOOD_ITEM}),
    "an entry that is a number": tables_bytes(1, plan_items={"1": 5}),
    "a day that is a number": tables_bytes(1, plan_items={"1": GOOD_ITEM | {"day": 5}}),
    "a missing field": tables_bytes(1, plan_items={"1": {"id": "a1"}}),
    "a bad date": tables_bytes(1, rest_days={"1": {"day": "yesterday"}}),
    "a version that is text": b'{"meta": {"1": {"schema_version": "one"}}}',
    "a bad effort": tables_bytes(
        1,
        session_logs={
            "1": {
                "id": "l",
                "day": "2026-11-25",
                "started_at": "2026-11-25T08:00:00",
                "ended_at": "2026-11-25T08:10:00",
                "exercises": [],
                "effort": "heroic",
            }
        },
    ),
}


def write(path: Path, data: bytes) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
@pytest.mark.parametrize("content", list(DAMAGED.values()), ids=list(DAMAGED))
def test_a_damaged_file_is_refused_and_kept_byte_for_byte(
    db_path: Path, content: bytes, read_only: bool
) -> None:
    original = write(db_path, content)
    with pytest.raises(DamagedStoreError) as caught:
        open_store(db_path, read_only=read_only)
    assert str(caught.value).startswith(f"{db_path} is damaged and was left untouched (")
    assert "\n" not in str(caught.value)
    assert db_path.read_bytes() == original
    # Nothing was left holding the lock: a healthy file opens right after.
    db_path.write_bytes(b"")
    open_store(db_path).close()


def test_an_empty_file_starts_a_new_database(db_path: Path) -> None:
    write(db_path, b"")
    with open_store(db_path) as store:
        assert store.items_on(WEDNESDAY) == []
        store.add_item(WEDNESDAY, "pelvic_tilt", TILT)
    with open_store(db_path) as store:
        assert len(store.items_on(WEDNESDAY)) == 1


NEWER = SCHEMA_VERSION + 1


def newer_file(db_path: Path) -> bytes:
    return write(db_path, tables_bytes(NEWER, plan_items={"1": GOOD_ITEM}, rockets={"1": {"x": 1}}))


def test_a_newer_file_is_refused_for_writing(db_path: Path) -> None:
    original = newer_file(db_path)
    with pytest.raises(NewerStoreError) as caught:
        open_store(db_path)
    assert "newer Back Planner" in str(caught.value)
    assert f"version {NEWER}" in str(caught.value)
    assert db_path.read_bytes() == original


def test_a_newer_file_opens_read_only_and_stays_as_it_was(db_path: Path) -> None:
    original = newer_file(db_path)
    with open_store(db_path, read_only=True) as store:
        assert [i.exercise_id for i in store.items_on(WEDNESDAY)] == ["pelvic_tilt"]
        with pytest.raises(ReadOnlyStoreError):
            store.add_item(WEDNESDAY, "bridge", TILT)
        assert [i.exercise_id for i in store.items_on(WEDNESDAY)] == ["pelvic_tilt"]
    assert db_path.read_bytes() == original


def test_a_newer_file_we_cannot_read_is_refused_even_read_only(db_path: Path) -> None:
    original = write(db_path, tables_bytes(NEWER, plan_items={"1": {"id": "a1", "when": "soon"}}))
    with pytest.raises(NewerStoreError):
        open_store(db_path, read_only=True)
    assert db_path.read_bytes() == original


def test_every_write_on_a_read_only_store_is_refused_and_the_file_unchanged(
    db_path: Path,
) -> None:
    with open_store(db_path) as store:
        item = store.add_item(WEDNESDAY, "pelvic_tilt", TILT)
    original = db_path.read_bytes()
    stamp = db_path.stat().st_mtime_ns
    with open_store(db_path, read_only=True) as store:
        writes: list[Callable[[], object]] = [
            lambda: store.add_item(FRIDAY, "bridge", TILT),
            lambda: store.remove_item(item.id),
            lambda: store.move_item(item.id, FRIDAY),
            lambda: store.set_dose(item.id, TILT),
            lambda: store.toggle_rest_day(FRIDAY),
            lambda: store.save_settings(store.settings()),
        ]
        for attempt in writes:
            with pytest.raises(ReadOnlyStoreError, match="read-only"):
                attempt()
        assert store.items_on(WEDNESDAY) == [item]
    assert db_path.read_bytes() == original
    assert db_path.stat().st_mtime_ns == stamp


def test_a_read_only_open_of_a_missing_file_creates_nothing(db_path: Path) -> None:
    with open_store(db_path, read_only=True) as store:
        assert store.items_on(WEDNESDAY) == []
    assert not db_path.parent.exists()


def test_a_file_without_a_version_stamp_is_upgraded(db_path: Path) -> None:
    write(db_path, tables_bytes(None, plan_items={"1": GOOD_ITEM}))
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [i.id for i in store.items_on(WEDNESDAY)] == ["a1"]
    saved = orjson.loads(db_path.read_bytes())
    assert saved["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert saved["plan_items"]["1"]["id"] == "a1"


def test_a_version_1_file_is_stamped_with_the_current_version_and_reads_the_same(
    db_path: Path,
) -> None:
    write(db_path, tables_bytes(1, plan_items={"1": GOOD_ITEM}))
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.archive_cutoff is None
        assert [i.id for i in store.items_on(WEDNESDAY)] == ["a1"]
    saved = orjson.loads(db_path.read_bytes())
    assert saved["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert saved["plan_items"] == {"1": GOOD_ITEM}
    assert not db_path.with_name("planner.archive.json").exists()


def rename_date_to_day(tables: Tables) -> Tables:
    """A made-up version-0 layout that called the item's day ``date``."""
    items = tables.get("plan_items", {})
    for doc in items.values():
        doc["day"] = doc.pop("date")
    return tables


def v0_file(db_path: Path) -> bytes:
    old_item = {k: v for k, v in GOOD_ITEM.items() if k != "day"} | {"date": "2026-11-25"}
    return write(db_path, tables_bytes(0, plan_items={"1": old_item}))


def test_migrations_run_on_open_and_the_result_is_saved(db_path: Path) -> None:
    v0_file(db_path)
    with open_store(db_path, migrations={**MIGRATIONS, 0: rename_date_to_day}) as store:
        assert [i.id for i in store.items_on(WEDNESDAY)] == ["a1"]
    saved = orjson.loads(db_path.read_bytes())
    assert saved["plan_items"]["1"]["day"] == "2026-11-25"
    assert "date" not in saved["plan_items"]["1"]
    assert saved["meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_a_read_only_open_upgrades_in_memory_only(db_path: Path) -> None:
    original = v0_file(db_path)
    migrations = {**MIGRATIONS, 0: rename_date_to_day}
    with open_store(db_path, read_only=True, migrations=migrations) as store:
        assert [i.id for i in store.items_on(WEDNESDAY)] == ["a1"]
    assert db_path.read_bytes() == original


@pytest.mark.parametrize(
    "migrations", [{}, {0: lambda tables: tables}], ids=["step missing", "step leaves it broken"]
)
def test_a_file_that_cannot_be_upgraded_is_left_alone(
    db_path: Path, migrations: dict[int, Migration]
) -> None:
    original = v0_file(db_path)
    with pytest.raises(DamagedStoreError):
        open_store(db_path, migrations=migrations)
    assert db_path.read_bytes() == original


def test_move_aside_keeps_the_bytes_under_a_dated_name(db_path: Path) -> None:
    at = datetime(2026, 11, 25, 9, 30, 5)
    first = write(db_path, b"first bad file")
    kept = move_aside(db_path, now=at)
    assert kept == db_path.with_name("planner.json.damaged-20261125-093005")
    assert kept.read_bytes() == first
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert not db_path.exists()

    second = write(db_path, b"second bad file")
    kept_again = move_aside(db_path, now=at)
    assert kept_again == db_path.with_name("planner.json.damaged-20261125-093005-2")
    assert kept_again.read_bytes() == second
    assert kept.read_bytes() == first


OLD_DOCTOR = (
    "Pain of 7 or more out of 10 needs a doctor's opinion: please see one before doing more. "
    "Until then this plan keeps to the gentlest exercises at their lowest doses, "
    "and any exercise that makes the pain sharper should stop at once."
)
V2_PROFILE = {
    "pain": 7,
    "activity": "low",
    "weekdays": [0, 2],
    "minutes": 10,
    "weeks": 2,
    "start": "2026-11-25",
}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("", []),
        (
            f"{OLD_DOCTOR} Sunday stays a rest day.",
            [("safety", "doctor", OLD_DOCTOR), ("note", "note", "Sunday stays a rest day.")],
        ),
        (
            "Progress is paused: you reported pain of 8 out of 10.",
            [
                (
                    "paused",
                    "feedback-paused",
                    "Progress is paused: you reported pain of 8 out of 10.",
                )
            ],
        ),
        ("Deep squat did not fit.", [("note", "note", "Deep squat did not fit.")]),
    ],
)
def test_a_version_3_advice_text_becomes_a_list_with_safety_first(
    db_path: Path, old: str, new: list[tuple[str, str, str]]
) -> None:
    write(db_path, tables_bytes(3, profile={"1": {**V2_PROFILE, "advice": old}}))
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        advice = store.plan_advice()
    assert [(a.priority.label, a.kind, a.text) for a in advice] == new
    saved = orjson.loads(db_path.read_bytes())
    assert saved["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert [entry["text"] for entry in saved["profile"]["1"]["advice"]] == [t for *_, t in new]


def test_a_version_3_advice_that_is_not_text_is_refused_and_the_file_kept(db_path: Path) -> None:
    original = tables_bytes(3, profile={"1": {**V2_PROFILE, "advice": 42}})
    write(db_path, original)
    with pytest.raises(DamagedStoreError, match="advice"):
        open_store(db_path)
    assert db_path.read_bytes() == original
