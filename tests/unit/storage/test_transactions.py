"""One user action, one change on disk: Store.transaction, the stale-file check, pending logs."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from planner.domain.advice import Advice, Priority
from planner.domain.models import Settings
from planner.storage import Store, StoreError, open_store
from planner.storage.errors import StoreChangedError
from planner.storage.opening import lock_path
from planner.storage.pending import pending_path
from tests.unit.storage.samples import MONDAY, TILT, WEDNESDAY, plan, session_log

NEW = Advice(Priority.NOTE, "new", "note")
THEIRS = Advice(Priority.NOTE, "theirs", "note")


@contextmanager
def counted_renames(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """Every file an os.replace put in place while the block ran."""
    real = os.replace
    renamed: list[Path] = []

    def counting(source: Any, destination: Any) -> None:
        real(source, destination)
        renamed.append(Path(destination))

    monkeypatch.setattr(os, "replace", counting)
    yield renamed
    monkeypatch.setattr(os, "replace", real)


def test_replacing_a_plan_is_one_rename_of_the_data_file(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_plan(plan(MONDAY), keep_before=MONDAY)
    with counted_renames(monkeypatch) as renamed:
        store.save_plan(plan(MONDAY, exercise_id="bridge", advice=(NEW,)), keep_before=MONDAY)
    assert renamed == [db_path]


def test_saving_settings_is_one_rename(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_settings(Settings(bell=False))
    with counted_renames(monkeypatch) as renamed:
        store.save_settings(Settings(bell=True, countdown_beeps=False))
    assert renamed == [db_path]
    store.close()
    with open_store(db_path) as reopened:
        assert reopened.settings() == Settings(bell=True, countdown_beeps=False)


def test_every_edit_in_a_transaction_lands_in_one_rename(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_plan(plan(MONDAY), keep_before=MONDAY)
    with counted_renames(monkeypatch) as renamed, store.transaction():
        item = store.add_item(MONDAY, "bridge", TILT)
        store.toggle_rest_day(MONDAY + timedelta(days=5))
        store.set_dose(item.id, replace(TILT, reps=12))
        store.log_session(session_log())
        store.save_settings(Settings(bell=False))
        assert renamed == []  # nothing on disk until the block ends
    assert renamed == [db_path]
    store.close()
    with open_store(db_path) as reopened:
        assert reopened.item(item.id).dose.reps == 12
        assert reopened.logs() == [session_log()]
        assert reopened.settings() == Settings(bell=False)


def test_an_exception_inside_writes_nothing_and_memory_forgets_it(
    store: Store, db_path: Path
) -> None:
    store.save_plan(plan(MONDAY), keep_before=MONDAY)
    before = db_path.read_bytes()
    items_before = store.items_between(MONDAY, MONDAY + timedelta(days=13))
    with pytest.raises(RuntimeError), store.transaction():
        store.save_plan(plan(MONDAY, exercise_id="bridge"), keep_before=MONDAY)
        store.save_settings(Settings(bell=False))
        raise RuntimeError("the feedback rules broke half-way")
    assert db_path.read_bytes() == before
    assert store.items_between(MONDAY, MONDAY + timedelta(days=13)) == items_before
    assert store.settings() == Settings()
    # The store still works after the rollback, new records included.
    added = store.add_item(MONDAY, "bridge", TILT)
    assert store.item(added.id) == added


def test_the_same_holds_in_memory() -> None:
    store = Store.in_memory()
    store.save_plan(plan(MONDAY), keep_before=MONDAY)
    with pytest.raises(RuntimeError), store.transaction():
        store.save_plan(plan(MONDAY, exercise_id="bridge"), keep_before=MONDAY)
        raise RuntimeError
    assert {item.exercise_id for item in store.items_between(MONDAY, MONDAY + timedelta(13))} == {
        "pelvic_tilt"
    }


def test_nested_transactions_join_the_outer_one(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with counted_renames(monkeypatch) as renamed, store.transaction():
        with store.transaction():
            store.save_plan(plan(MONDAY), keep_before=MONDAY)
        assert renamed == []
        store.save_settings(Settings(bell=False))
    assert renamed == [db_path]


@pytest.mark.parametrize("failing_call", range(1, 5))
def test_a_full_disk_at_any_write_of_a_plan_save_keeps_the_old_plan_and_says_so(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    store.save_plan(plan(MONDAY), keep_before=MONDAY)
    before = db_path.read_bytes()
    calls = {"write": 0, "fsync": 0}
    real_write, real_fsync = os.write, os.fsync

    def full_write(fd: int, data: Any) -> int:
        calls["write"] += 1
        if calls["write"] + calls["fsync"] == failing_call:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    def full_fsync(fd: int) -> None:
        calls["fsync"] += 1
        if calls["write"] + calls["fsync"] == failing_call:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "write", full_write)
    monkeypatch.setattr(os, "fsync", full_fsync)
    new_plan = plan(MONDAY, exercise_id="bridge", advice=(NEW,))
    if failing_call > 2:  # the file's one write and fsync; the folder's fsync follows the rename
        store.save_plan(new_plan, keep_before=MONDAY)
        return
    with pytest.raises(StoreError, match="still holds everything saved before"):
        store.save_plan(new_plan, keep_before=MONDAY)
    monkeypatch.undo()
    assert db_path.read_bytes() == before
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")] == []
    store.close()
    with open_store(db_path) as reopened:
        assert reopened.plan_advice() == ()
        assert {i.exercise_id for i in reopened.items_between(MONDAY, MONDAY + timedelta(13))} == {
            "pelvic_tilt"
        }
        assert reopened.rest_days_between(MONDAY, MONDAY + timedelta(13)) == set(
            plan(MONDAY).rest_days
        )


def test_another_writer_s_change_is_never_written_over(db_path: Path) -> None:
    first = open_store(db_path)
    first.save_plan(plan(MONDAY), keep_before=MONDAY)
    first.items_between(MONDAY, MONDAY + timedelta(days=13))  # what the app shows
    # Someone deletes the lock file, so a second writer gets in and saves its plan.
    lock_path(db_path).unlink()
    with open_store(db_path) as second:
        second.save_plan(plan(MONDAY, exercise_id="bridge", advice=(THEIRS,)), keep_before=MONDAY)
    theirs = db_path.read_bytes()
    with pytest.raises(StoreChangedError, match="changed by another program"):
        first.add_item(MONDAY, "pelvic_tilt", TILT)
    assert db_path.read_bytes() == theirs
    # The first store now shows the file as the other writer left it, and can go on.
    assert first.plan_advice() == (THEIRS,)
    first.add_item(WEDNESDAY, "pelvic_tilt", TILT)
    first.close()
    with open_store(db_path) as reopened:
        days = reopened.items_between(MONDAY, MONDAY + timedelta(days=13))
        assert {i.exercise_id for i in days} == {"bridge", "pelvic_tilt"}
        assert reopened.plan_advice() == (THEIRS,)


def test_a_read_only_reader_sees_whole_states(db_path: Path) -> None:
    with open_store(db_path) as writer:
        writer.save_plan(plan(MONDAY), keep_before=MONDAY)
        reader = open_store(db_path, read_only=True)
        writer.save_plan(plan(MONDAY, exercise_id="bridge", advice=(NEW,)), keep_before=MONDAY)
        # The reader parsed the file once, whole: the old plan, all of it.
        assert reader.plan_advice() == ()
        span = (MONDAY, MONDAY + timedelta(days=13))
        assert {i.exercise_id for i in reader.items_between(*span)} == {"pelvic_tilt"}
        reader.close()


def test_a_checkpoint_waits_beside_the_data_file_and_goes_when_the_log_is_saved(
    store: Store, db_path: Path
) -> None:
    partial = replace(session_log(), pain_after=None, effort=None, note="")
    data_before = db_path.read_bytes() if db_path.exists() else b""
    store.save_pending_log(partial, interrupted=True)
    assert pending_path(db_path).exists()
    assert (db_path.read_bytes() if db_path.exists() else b"") == data_before
    [waiting] = store.pending_logs()
    assert waiting.log == partial and waiting.interrupted
    store.log_session(session_log())
    assert store.pending_logs() == []
    assert not pending_path(db_path).exists()


def test_a_checkpoint_survives_the_process_and_a_logged_one_is_not_pending(db_path: Path) -> None:
    partial = replace(session_log(), pain_after=None, effort=None, note="")
    with open_store(db_path) as store:
        store.save_pending_log(partial, interrupted=True)
    with open_store(db_path) as store:
        assert [entry.log for entry in store.pending_logs()] == [partial]
        store.log_session(partial)
        store.save_pending_log(partial, interrupted=True)  # a late checkpoint
        assert store.pending_logs() == []  # the saved log wins


def test_a_log_whose_save_failed_waits_on_disk_and_is_saved_with_the_next_change(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace

    def full_disk_for_the_data_file(source: Any, destination: Any) -> None:
        if Path(destination) == db_path:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, destination)

    with open_store(db_path) as store:
        store.save_plan(plan(MONDAY), keep_before=MONDAY)
        monkeypatch.setattr(os, "replace", full_disk_for_the_data_file)
        with pytest.raises(StoreError):
            store.log_session(session_log())
        monkeypatch.undo()
        assert store.logs() == []
    # The app was closed: the log is still on disk, waiting.
    with open_store(db_path) as store:
        [waiting] = store.pending_logs()
        assert waiting.log == session_log() and not waiting.interrupted
        store.toggle_rest_day(WEDNESDAY)  # any change that succeeds brings it in
        assert store.logs() == [session_log()]
        assert store.pending_logs() == []
    with open_store(db_path) as store:
        assert store.logs() == [session_log()]
