"""Damaged, cut-short, wrong-type and newer data files through the real ``planner`` command.

Each is refused with one line on stderr and status 1 (a failure, not a usage error),
and the file keeps every byte; the app instead keeps the damaged file aside and starts a new one.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import orjson
import pytest

from planner.domain.catalogue import load_catalogue
from planner.storage import DamagedStoreError, NewerStoreError, open_store
from planner.storage.recovery import open_for_app
from planner.storage.schema import SCHEMA_VERSION
from planner.tui.app import PlannerApp
from planner.tui.screens.calendar import CalendarScreen
from planner.tui.screens.history import HistoryScreen
from planner.tui.widgets.title_bar import TitleBar
from tests.conftest import FakeClock
from tests.reliability.support import PLAN_START, open_file_store, toasts
from tests.unit.storage.samples import current_archive, session_log

PLANNER = Path(sys.executable).parent / "planner"
PLAN = ["plan", "--pain", "3", "--activity", "low", "--days", "mon,thu", "--minutes", "10"]
EXPORT = ["export", "--week", "2026-W48"]

ITEM = {
    "id": "a1",
    "day": "2026-11-25",
    "exercise_id": "pelvic-tilt",
    "dose": {"hold_s": 5, "reps": 10, "sets": 2, "rest_s": 30},
    "position": 0,
}
GOOD = orjson.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION}}, "plan_items": {"1": ITEM}})
NEWER = SCHEMA_VERSION + 1

DAMAGED = {
    "corrupt bytes": b"\x00\x9c\xffPK\x03\x04 not json at all",
    "truncated": GOOD[: len(GOOD) // 2],
    "a list": b"[]",
    "a number for a table": b'{"plan_items": 5}',
    "a string for a record": b'{"plan_items": {"1": "pelvic"}}',
    "a day of the wrong type": orjson.dumps({"plan_items": {"1": ITEM | {"day": 20261125}}}),
    "a newer version we cannot read": orjson.dumps(
        {"meta": {"1": {"schema_version": NEWER}}, "plan_items": {"1": {"id": "x", "when": 3}}}
    ),
}


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PLANNER), "--db", str(db), *args],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def assert_refused(result: subprocess.CompletedProcess[str], db: Path) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("planner: ")
    assert str(db) in lines[0]
    assert result.stdout == ""


@pytest.mark.parametrize("command", [PLAN, EXPORT], ids=["plan", "export"])
@pytest.mark.parametrize("content", list(DAMAGED.values()), ids=list(DAMAGED))
def test_the_command_refuses_a_damaged_file_and_keeps_its_bytes(
    tmp_path: Path, content: bytes, command: list[str]
) -> None:
    db = tmp_path / "planner.json"
    db.write_bytes(content)
    assert_refused(run(db, *command), db)
    assert db.read_bytes() == content
    # Nothing else was written beside it either (no moved copy, no half-saved file).
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".lock") == ["planner.json"]


def test_a_newer_file_is_refused_for_planning_but_still_exported(tmp_path: Path) -> None:
    db = tmp_path / "planner.json"
    newer = orjson.dumps({"meta": {"1": {"schema_version": NEWER}}, "plan_items": {"1": ITEM}})
    db.write_bytes(newer)
    refused = run(db, *PLAN)
    assert_refused(refused, db)
    assert "newer Back Planner" in refused.stderr
    shown = run(db, *EXPORT)
    assert shown.returncode == 0, shown.stderr
    assert "Pelvic tilt" in shown.stdout
    assert db.read_bytes() == newer


def test_an_empty_file_is_a_new_database(tmp_path: Path) -> None:
    # Nothing to keep: an empty file (say, made with touch) is treated as a new one.
    db = tmp_path / "planner.json"
    db.write_bytes(b"")
    made = run(db, *PLAN, "--start", "2026-11-23")
    assert made.returncode == 0, made.stderr
    with open_store(db, read_only=True) as store:
        assert store.profile() is not None


def test_every_cut_of_a_saved_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "planner.json"
    for cut in range(1, len(GOOD)):
        part = GOOD[:cut]
        db.write_bytes(part)
        with pytest.raises(DamagedStoreError):
            open_store(db).close()
        assert db.read_bytes() == part


@pytest.mark.parametrize(
    "content",
    [c for name, c in DAMAGED.items() if "newer" not in name],
    ids=[name for name in DAMAGED if "newer" not in name],
)
def test_the_app_keeps_a_damaged_file_aside_and_says_where(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "planner.json"
    db.write_bytes(content)
    opened = open_for_app(db, now=datetime(2026, 11, 25, 9, 30))
    kept = tmp_path / "planner.json.damaged-20261125-093000"
    with opened.store as store:
        assert not store.read_only
        assert store.profile() is None
    assert kept.read_bytes() == content
    assert str(kept) in opened.notice
    assert "\n" not in opened.notice


def test_the_app_opens_a_newer_file_read_only_and_leaves_it(tmp_path: Path) -> None:
    db = tmp_path / "planner.json"
    content = DAMAGED["a newer version we cannot read"]
    db.write_bytes(content)
    with pytest.raises(NewerStoreError):
        open_store(db)
    # Unreadable and newer: there is nothing the app can show, and it must not move it.
    with pytest.raises(NewerStoreError):
        open_for_app(db)
    assert db.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".lock") == ["planner.json"]


async def test_the_app_shows_recent_weeks_when_the_archive_cannot_be_read(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    db = tmp_path / "planner.json"
    catalogue = load_catalogue()
    store = open_file_store(db, catalogue)
    old_day, recent_day = PLAN_START - timedelta(weeks=20), PLAN_START + timedelta(days=1)
    store.import_logs([session_log(old_day), session_log(recent_day)])
    assert store.archive_before(PLAN_START - timedelta(weeks=8))
    store.close()
    archive = current_archive(db)
    archive.write_bytes(b"\x00 not an archive")

    with open_store(db) as store:
        app = PlannerApp(store, catalogue, fake_clock.as_clock())
        async with app.run_test(size=(100, 32), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("h")  # the history reads every session there is
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, HistoryScreen)
            shown = "\n".join(toasts(app))
            assert f"The older history in {archive} could not be read" in shown
            assert "only recent weeks can be shown." in shown
            title = str(app.screen.query_one(TitleBar).render())
            assert f"since {recent_day.day} {recent_day:%B %Y}" in title
            assert "older weeks could not be read" in title
            await pilot.press("c")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, CalendarScreen)
    assert archive.read_bytes() == b"\x00 not an archive"
