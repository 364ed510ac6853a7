"""The archive in files by year: closed years are never rewritten, a week reads only its year."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest

from planner.domain.models import Activity, Plan, PlanItem, Profile, SessionLog
from planner.storage import Store, open_store
from planner.storage import archive as archive_module
from planner.storage import atomic as atomic_module
from planner.storage.archive import archive_files, archive_path
from planner.storage.schema import SCHEMA_VERSION
from tests.unit.storage.samples import TILT, current_archives, session_log

FIRST = date(2024, 3, 4)
LAST = date(2026, 12, 20)
CUTOFF = date(2026, 9, 28)


def three_years() -> tuple[Plan, list[SessionLog]]:
    days = [FIRST + timedelta(days=n) for n in range(0, (LAST - FIRST).days, 3)]
    items = tuple(PlanItem(f"i{d.isoformat()}", d, "pelvic_tilt", TILT, 0) for d in days)
    profile = Profile(3, Activity.MEDIUM, frozenset({0, 2, 4}), 15, 12, FIRST)
    rest = frozenset(d + timedelta(days=1) for d in days[::5])
    logs = [session_log(d) for d in days[::4]]
    return Plan(profile, items, rest), logs


def filled(path: Path) -> Store:
    store = open_store(path)
    plan, logs = three_years()
    store.save_plan(plan, keep_before=date.min)
    store.import_logs(logs)
    return store


def everything(store: Store) -> tuple[object, ...]:
    return (
        store.items_between(date.min, date.max),
        store.rest_days_between(date.min, date.max),
        store.logs(),
    )


def test_each_year_has_a_file_and_moving_a_week_rewrites_only_its_year(db_path: Path) -> None:
    whole = Store.in_memory()
    plan, logs = three_years()
    whole.save_plan(plan, keep_before=date.min)
    whole.import_logs(logs)
    with filled(db_path) as store:
        assert store.archive_before(CUTOFF)
        assert everything(store) == everything(whole)
    first = current_archives(db_path)
    assert [p.name.split("-")[1] for p in first] == ["2024", "2025", "2026"]
    closed = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in first[:2]}

    with open_store(db_path) as store:
        assert store.archive_before(CUTOFF + timedelta(weeks=3))
        assert everything(store) == everything(whole)
    after = current_archives(db_path)
    assert after[:2] == first[:2]  # 2024 and 2025: the same files, untouched
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in after[:2]} == closed
    assert after[2] != first[2]  # 2026 was written anew


def test_an_archived_week_reads_only_its_year(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with filled(db_path) as store:
        store.archive_before(CUTOFF)
    loads: list[Path] = []
    real = atomic_module.load_tables

    def counting(path: Path) -> object:
        loads.append(path)
        return real(path)

    monkeypatch.setattr(archive_module, "load_tables", counting)
    with open_store(db_path) as store:
        week = date(2025, 3, 3)
        assert store.items_between(week, week + timedelta(days=6))
        assert [p.name.split("-")[1] for p in loads] == ["2025"]
        store.items_between(week, week + timedelta(days=6))
        assert len(loads) == 1  # read once, kept


def test_a_version_2_single_archive_is_read_and_split_by_the_first_change(
    db_path: Path,
) -> None:
    whole = Store.in_memory()
    plan, logs = three_years()
    whole.save_plan(plan, keep_before=date.min)
    whole.import_logs(logs)
    with filled(db_path) as store:
        store.archive_before(CUTOFF)
    # Rewrite the files as data version 2 kept them: one archive file, no parts named.
    merged: dict[str, dict[str, object]] = {"meta": {"1": {"schema_version": 2}}}
    number = 0
    for part in [*current_archives(db_path), *current_archives(db_path, logs=True)]:
        for name, table in orjson.loads(part.read_bytes()).items():
            if name != "meta":
                for doc in table.values():
                    number += 1
                    merged.setdefault(name, {})[str(number)] = doc
        part.unlink()
    archive_path(db_path).write_bytes(orjson.dumps(merged))
    hot = orjson.loads(db_path.read_bytes())
    (stamp,) = hot["meta"].values()
    del stamp["archive_parts"], stamp["archive_logs_apart"]
    stamp["schema_version"] = 2
    db_path.write_bytes(orjson.dumps(hot))

    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert everything(store) == everything(whole)
        assert archive_path(db_path).exists()  # read as it is, not rewritten on open
        store.archive_before(CUTOFF + timedelta(weeks=3))
        assert everything(store) == everything(whole)
    # Kept for a reader that may still be using it, until the next writer opens the file.
    assert archive_path(db_path).exists()
    with open_store(db_path) as store:
        assert everything(store) == everything(whole)
    assert not archive_path(db_path).exists()
    assert sorted(year for year, _ in archive_files(db_path)) == [2024, 2025, 2026]
    assert all(logs.exists() for logs in current_archives(db_path, logs=True))
