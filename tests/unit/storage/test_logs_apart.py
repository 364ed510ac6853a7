"""Each archived year's session logs in a file of their own (data version 5).

A read of old plan days (an export of last year) parses the years' plan files only; a
read of logs (the history) their logs files only. A missing or damaged logs file costs
the reads that need logs and nothing else, and never changes a file. Data version 4's
year files, one per year with all three tables, are read as they are and written in two
by the first change that touches their year.
"""

from __future__ import annotations

import errno
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest

from planner.planbook.upkeep import move_old_weeks
from planner.storage import DamagedStoreError, Store, StoreError, open_store
from planner.storage import archive as archive_module
from planner.storage import atomic as atomic_module
from planner.storage.archive import HOT_WEEKS, archive_files
from planner.storage.errors import ArchiveUnreadableError
from planner.storage.recovery import open_for_app
from planner.storage.schema import SCHEMA_VERSION
from planner.storage.summaries import summary_path
from tests.unit.storage.samples import current_archives, rewrite_as_version_4
from tests.unit.storage.test_archive import record_loads
from tests.unit.storage.test_archive_years import CUTOFF, everything, filled, three_years

LAST_YEAR = (date(2025, 12, 8), date(2026, 12, 6))
"""52 weeks from early December: most of the archive's 2026 and the end of 2025."""


def archived(db_path: Path) -> Path:
    """Three years of history (2024-2026) archived before CUTOFF, at ``db_path``."""
    with filled(db_path) as store:
        assert store.archive_before(CUTOFF)
    return db_path


def all_bytes(folder: Path) -> dict[str, bytes]:
    return {entry.name: entry.read_bytes() for entry in sorted(folder.iterdir())}


def archive_bytes(db_path: Path) -> dict[str, bytes]:
    return {name: data for name, data in all_bytes(db_path.parent).items() if ".archive" in name}


def in_memory() -> Store:
    whole = Store.in_memory()
    plan, logs = three_years()
    whole.save_plan(plan, keep_before=date.min)
    whole.import_logs(logs)
    return whole


def test_a_year_of_plan_days_parses_plan_files_only_and_the_history_logs_files_only(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archived(db_path)
    plans, logs = current_archives(db_path), current_archives(db_path, logs=True)
    assert [p.name.split("-")[1] for p in logs] == ["2024", "2025", "2026"]
    loads = record_loads(monkeypatch)
    with open_store(db_path, read_only=True) as store:
        assert store.items_between(*LAST_YEAR)
        assert store.rest_days_between(*LAST_YEAR)
        assert loads == plans[1:]  # 2025 and 2026, no logs file
        assert store.logs() == in_memory().logs()
        assert loads == [*plans[1:], *logs]


@pytest.mark.parametrize("damage", ["missing", "garbage", "newer"])
def test_a_bad_logs_file_refuses_only_reads_that_need_logs_and_changes_no_file(
    db_path: Path, damage: str
) -> None:
    archived(db_path)
    logs_2025 = current_archives(db_path, logs=True)[1]
    if damage == "missing":
        logs_2025.unlink()
    elif damage == "garbage":
        logs_2025.write_bytes(b"\x00 not an archive")
    else:
        tables = orjson.loads(logs_2025.read_bytes())
        tables["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
        logs_2025.write_bytes(orjson.dumps(tables))
    before = all_bytes(db_path.parent)
    whole = in_memory()
    with open_store(db_path) as store:
        # Plan days of every year, and the logs of the other years, read as ever.
        assert store.items_between(*LAST_YEAR) == whole.items_between(*LAST_YEAR)
        assert store.rest_days_between(*LAST_YEAR) == whole.rest_days_between(*LAST_YEAR)
        in_2024 = (date(2024, 3, 1), date(2024, 12, 31))
        assert store.logs_between(*in_2024) == whole.logs_between(*in_2024)
        for read in (store.logs, lambda: store.logs_between(*LAST_YEAR)):
            with pytest.raises(ArchiveUnreadableError) as caught:
                read()
            message = str(caught.value)
            assert message.startswith(f"the older history in {logs_2025} could not be read (")
            assert "left untouched" in message and "\n" not in message
        # A change to that year needs all of it, so it is refused before any write.
        with pytest.raises(ArchiveUnreadableError):
            store.toggle_rest_day(date(2025, 6, 6))
    assert all_bytes(db_path.parent) == before


def test_a_version_4_archive_is_read_as_it_is_and_a_year_written_in_two_when_changed(
    db_path: Path,
) -> None:
    archived(db_path)
    old_2024, old_2025, old_2026 = rewrite_as_version_4(db_path)
    whole = in_memory()
    before = all_bytes(db_path.parent)
    # A read-only reader (`planner export`) reads it as it is and writes nothing.
    with open_store(db_path, read_only=True) as store:
        assert everything(store) == everything(whole)
    assert all_bytes(db_path.parent) == before
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert everything(store) == everything(whole)
        # Opening and reading rewrite no year file.
        assert {p.name: p.read_bytes() for p in (old_2024, old_2025, old_2026)} == {
            name: data for name, data in before.items() if ".archive-" in name
        }
        assert store.toggle_rest_day(date(2025, 6, 6))
        whole.toggle_rest_day(date(2025, 6, 6))
        assert everything(store) == everything(whole)
    hot = orjson.loads(db_path.read_bytes())
    (stamp,) = hot["meta"].values()
    assert stamp["archive_logs_apart"] == [2025]
    plans, logs = current_archives(db_path), current_archives(db_path, logs=True)
    assert plans[0] == old_2024 and plans[2] == old_2026  # untouched years stay whole
    assert old_2024.read_bytes() == before[old_2024.name]
    assert logs[1].exists() and not logs[0].exists()
    assert set(orjson.loads(plans[1].read_bytes())) == {"meta", "plan_items", "rest_days"}
    assert set(orjson.loads(logs[1].read_bytes())) == {"meta", "session_logs"}
    # The old 2025 file is kept for a reader that may still use it, until the next writer.
    assert old_2025.exists()
    with open_store(db_path) as store:
        assert everything(store) == everything(whole)
    assert not old_2025.exists()
    assert sorted(year for year, _ in archive_files(db_path)) == [2024, 2025, 2026]
    with open_store(db_path, read_only=True) as store:
        assert everything(store) == everything(whole)


def test_weeks_moved_into_a_version_4_year_write_it_in_two(db_path: Path) -> None:
    archived(db_path)
    rewrite_as_version_4(db_path)
    whole = in_memory()
    with open_store(db_path) as store:
        assert store.archive_before(CUTOFF + timedelta(weeks=4))
        assert everything(store) == everything(whole)
    (stamp,) = orjson.loads(db_path.read_bytes())["meta"].values()
    assert stamp["archive_logs_apart"] == [2026]
    assert current_archives(db_path, logs=True)[2].exists()


@pytest.mark.parametrize("apart", [[2023], ["2026"], 2026, [2026, 2026.0]])
def test_a_data_file_listing_logs_files_of_years_it_does_not_name_is_refused(
    db_path: Path, apart: object
) -> None:
    archived(db_path)
    hot = orjson.loads(db_path.read_bytes())
    (stamp,) = hot["meta"].values()
    stamp["archive_logs_apart"] = apart
    db_path.write_bytes(orjson.dumps(hot))
    before = db_path.read_bytes()
    with pytest.raises(DamagedStoreError, match="archive_logs_apart"):
        open_store(db_path, read_only=True)
    assert db_path.read_bytes() == before


def apart(db_path: Path) -> list[int]:
    (stamp,) = orjson.loads(db_path.read_bytes())["meta"].values()
    listed: list[int] = stamp.get("archive_logs_apart", [])
    return listed


def test_each_start_writes_one_version_4_year_in_two_newest_first(db_path: Path) -> None:
    archived(db_path)
    old_files = rewrite_as_version_4(db_path)
    whole = in_memory()
    # A start whose cutoff moves nothing still writes the newest whole year in two.
    nothing_to_move = CUTOFF - timedelta(weeks=4)
    expected = [[2026], [2025, 2026], [2024, 2025, 2026]]
    for listed in expected:
        with open_for_app(db_path, today=nothing_to_move).store as store:
            assert move_old_weeks(store, nothing_to_move) == ""
            assert everything(store) == everything(whole)
        assert apart(db_path) == listed
    with open_store(db_path) as store:
        assert store.write_archived_logs_apart() is False
        assert everything(store) == everything(whole)
    assert not any(path.exists() for path in old_files)  # replaced, then removed
    assert all(path.exists() for path in current_archives(db_path, logs=True))


def test_a_start_that_moves_weeks_and_writes_a_year_in_two_commits_once(db_path: Path) -> None:
    """One commit for the upkeep: a window opened read-only before the start still finds
    the files it was shown (a second commit removed the files the first replaced)."""
    archived(db_path)
    rewrite_as_version_4(db_path)
    whole = in_memory()
    today = CUTOFF + timedelta(weeks=HOT_WEEKS + 4)  # weeks move into 2026
    with open_store(db_path, read_only=True) as reader, open_store(db_path) as writer:
        revision = writer.revision  # one more with each commit
        assert move_old_weeks(writer, today) == ""
        assert writer.revision == revision + 1
        assert apart(db_path) == [2025, 2026]  # the move's year, and the newest whole one
        assert everything(reader) == everything(whole)
        assert everything(writer) == everything(whole)


def test_an_unreadable_version_4_year_is_reported_and_left_as_it_is(db_path: Path) -> None:
    """The damaged year is said and kept byte for byte; the older years still go on to
    their two files, one a start (they were held up behind it for good)."""
    archived(db_path)
    *older, newest = rewrite_as_version_4(db_path)
    newest.write_bytes(b"\x00 not an archive")
    damaged = newest.read_bytes()
    older_years = list(range(2026 - len(older), 2026))
    for start in range(1, len(older) + 2):  # one start more than there are older years
        with open_store(db_path) as store:
            problem = move_old_weeks(store, CUTOFF - timedelta(weeks=4))
        assert str(newest) in problem
        assert newest.read_bytes() == damaged
        assert apart(db_path) == older_years[-start:]  # newest first, one a start


def test_an_unreadable_year_alone_writes_nothing(db_path: Path) -> None:
    archived(db_path)
    newest = rewrite_as_version_4(db_path)[-1]
    newest.write_bytes(b"\x00 not an archive")
    before = archive_bytes(db_path)
    with open_store(db_path) as store, pytest.raises(ArchiveUnreadableError):
        store.write_archived_logs_apart()  # on its own: one transaction, rolled back
    assert archive_bytes(db_path) == before
    assert apart(db_path) == []


def test_a_failed_logs_file_write_leaves_the_year_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archived(db_path)
    before = all_bytes(db_path.parent)
    real_write = atomic_module.write_atomically

    def no_room_for_logs(path: Path, data: bytes) -> None:
        if path.name.endswith(".logs.json"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(path, data)

    monkeypatch.setattr("planner.storage.archive.write_atomically", no_room_for_logs)
    with open_store(db_path) as store, pytest.raises(StoreError, match="No space left"):
        store.toggle_rest_day(date(2025, 6, 6))
    # The plan file written just before is gone again; nothing else changed.
    assert all_bytes(db_path.parent) == before


def test_files_of_a_change_killed_before_the_data_file_named_them_go_with_the_next_writer(
    db_path: Path,
) -> None:
    archived(db_path)
    whole = in_memory()
    before = all_bytes(db_path.parent)
    # What a kill leaves after the plan file (and maybe the logs file) of a new generation.
    stray_plan = archive_module.archive_path(db_path, 2025, 77)
    stray_logs = archive_module.archive_path(db_path, 2025, 77, logs=True)
    stray_plan.write_bytes(b'{"plan_items": {}}')
    stray_logs.write_bytes(b"{")
    with open_store(db_path, read_only=True) as store:
        assert everything(store) == everything(whole)
    assert stray_plan.exists() and stray_logs.exists()  # a reader never removes a file
    with open_store(db_path) as store:
        assert everything(store) == everything(whole)
    assert all_bytes(db_path.parent) == before


def test_a_year_written_in_two_keeps_its_history_tallies(db_path: Path) -> None:
    """A start that writes an old year in two changes none of its records, so the
    history's tallies kept for it still hold: the next `h` need not tally it again (it
    did, on every start of an upgrade, until each old year was written in two)."""
    archived(db_path)
    rewrite_as_version_4(db_path)
    quiet_day = CUTOFF - timedelta(weeks=4)  # no week moves on this start
    with open_store(db_path) as store:
        store.week_tallies()  # the history, opened once
        assert store.week_tallies_kept()
        assert move_old_weeks(store, quiet_day) == ""
        assert apart(db_path) == [2026]
        assert store.week_tallies_kept()
        kept = store.week_tallies()
    with open_store(db_path) as store:  # kept on disk too
        assert store.week_tallies_kept()
        assert store.week_tallies() == kept
    summary_path(db_path).unlink()
    with open_store(db_path, read_only=True) as fresh:
        assert not fresh.week_tallies_kept()
        assert fresh.week_tallies() == kept  # the same weeks, tallied from the files


def test_a_year_the_move_also_writes_is_tallied_afresh(db_path: Path) -> None:
    """Tallies go with a year only when its records stayed the same."""
    archived(db_path)
    rewrite_as_version_4(db_path)
    today = CUTOFF + timedelta(weeks=HOT_WEEKS + 4)  # weeks move into 2026
    with open_store(db_path) as store:
        store.week_tallies()
        assert move_old_weeks(store, today) == ""
        assert apart(db_path) == [2025, 2026]
        assert not store.week_tallies_kept()  # 2026 changed: tallied again when asked
        after = store.week_tallies()
    summary_path(db_path).unlink()
    with open_store(db_path, read_only=True) as fresh:
        assert fresh.week_tallies() == after
