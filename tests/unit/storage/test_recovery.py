"""What the app does with each kind of trouble in its data file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from planner.storage import ReadOnlyStoreError, StoreError, open_store
from planner.storage.pending import pending_path
from planner.storage.recovery import open_for_app
from tests.unit.storage.faults import read_only_folder
from tests.unit.storage.samples import TILT, WEDNESDAY, session_log

AT = datetime(2026, 11, 25, 9, 30)


def test_a_healthy_file_opens_writable_without_a_notice(db_path: Path) -> None:
    opened = open_for_app(db_path)
    with opened.store as store:
        assert opened.notice == ""
        assert not store.read_only
        store.add_item(WEDNESDAY, "pelvic_tilt", TILT)


def test_a_damaged_file_is_kept_aside_and_a_new_one_started(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(b'{"plan_items": {"1": ')
    opened = open_for_app(db_path, now=AT)
    kept = db_path.with_name("planner.json.damaged-20261125-093000")
    with opened.store as store:
        assert store.items_on(WEDNESDAY) == []
        store.add_item(WEDNESDAY, "pelvic_tilt", TILT)
    assert kept.read_bytes() == b'{"plan_items": {"1": '
    assert str(kept) in opened.notice
    assert "not valid JSON" in opened.notice
    with open_store(db_path) as store:
        assert len(store.items_on(WEDNESDAY)) == 1


def test_a_newer_file_opens_read_only_with_a_notice(db_path: Path) -> None:
    db_path.parent.mkdir()
    original = b'{"meta": {"1": {"schema_version": 9}}}'
    db_path.write_bytes(original)
    opened = open_for_app(db_path)
    with opened.store as store:
        assert store.read_only
        assert "newer Back Planner" in opened.notice
        with pytest.raises(ReadOnlyStoreError):
            store.toggle_rest_day(WEDNESDAY)
    assert db_path.read_bytes() == original


def test_a_file_in_use_opens_read_only_and_cannot_be_written(db_path: Path) -> None:
    with open_store(db_path) as first:
        first.add_item(WEDNESDAY, "first", TILT)
        before = db_path.read_bytes()
        opened = open_for_app(db_path)
        with opened.store as second:
            assert second.read_only
            assert "Another Back Planner is already using" in opened.notice
            assert [i.exercise_id for i in second.items_on(WEDNESDAY)] == ["first"]
            with pytest.raises(ReadOnlyStoreError):
                second.add_item(WEDNESDAY, "second", TILT)
        assert db_path.read_bytes() == before


def test_a_folder_that_cannot_be_written_is_an_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.parent.mkdir()
    read_only_folder(db_path.parent, monkeypatch)
    with pytest.raises(StoreError, match="cannot save in"):
        open_for_app(db_path)


def test_a_damaged_file_of_waiting_sessions_is_kept_aside_and_checkpoints_go_on(
    db_path: Path,
) -> None:
    with open_store(db_path) as store:
        store.add_item(WEDNESDAY, "pelvic_tilt", TILT)
    pending = pending_path(db_path)
    pending.write_bytes(b'{"format": 1, "logs": [{"log": 7}]}')
    opened = open_for_app(db_path, now=datetime(2026, 11, 29, 10, 0))
    kept = pending.with_name(f"{pending.name}.damaged-20261129-100000")
    assert kept.read_bytes() == b'{"format": 1, "logs": [{"log": 7}]}'
    assert str(kept) in opened.notice
    with opened.store as store:
        assert store.pending_logs() == []
        store.save_pending_log(session_log(), interrupted=True)
        assert [entry.log for entry in store.pending_logs()] == [session_log()]
