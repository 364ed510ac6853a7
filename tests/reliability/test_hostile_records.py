"""Issue 13: a data file or archive with one bad value is refused whole and kept byte for byte.

Each case is one of the values the issue found getting through (huge or negative doses,
text where a number belongs, a time-zone offset among local times, settings beyond
the dialog's limits, a 3,000-character name, escape sequences, bidi overrides, a 50 MB
note). For each: ``planner export`` and ``planner plan`` say so in one line with status
2 and leave the file as it was; the app keeps the file aside (its archive with it) and
starts a new one, saying where the old one is in one sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.storage import DamagedStoreError, open_store
from planner.storage.errors import ArchiveUnreadableError
from planner.storage.recovery import open_for_app
from tests.reliability.hostile_data import (
    NOW,
    OLD_DAY,
    START,
    TODAY,
    Tables,
    ValidFiles,
    make_valid_files,
    one_line,
    read_tables,
    set_field,
    the_archive,
    the_logs,
    write_valid,
)

ESCAPES = "\x1b]2;pwned\x07\x1b[31mred"


def first(tables: Tables, name: str) -> str:
    return next(iter(tables[name]))


# (table, field path inside the first record, value): each a failure the issue lists.
CASES: dict[str, tuple[str, tuple[str, ...], Any]] = {
    "hold_s_1e308_on_a_plan_item": ("plan_items", ("dose", "hold_s"), 1e308),
    "reps_of_a_billion": ("plan_items", ("dose", "reps"), 1_000_000_000),
    "pain_before_abc_in_a_log": ("session_logs", ("pain_before",), "abc"),
    "a_log_with_a_time_zone_offset_beside_local_ones": (
        "session_logs",
        ("started_at",),
        "2026-11-24T08:00:00+14:00",
    ),
    "a_negative_hold": ("plan_items", ("dose", "hold_s"), -30),
    "hold_s_of_1e12": ("plan_items", ("dose", "hold_s"), 10**12),
    "switch_sides_s_of_1e9_in_settings": ("settings", ("switch_sides_s",), 10**9),
    "a_3000_character_name": ("custom_exercises", ("name",), "x" * 3000),
    "escape_sequences_in_a_name": ("custom_exercises", ("name",), f"Wall {ESCAPES}"),
    "escape_sequences_in_a_step": ("custom_exercises", ("steps", "0"), ESCAPES),
    "escape_sequences_in_a_note": ("session_logs", ("note",), ESCAPES),
    "a_right_to_left_override_in_a_name": ("custom_exercises", ("name",), "\u202eWall sit"),
    "a_name_of_two_zero_width_spaces": ("custom_exercises", ("name",), "\u200b\u200b"),
    "a_date_past_9999": ("plan_items", ("day",), "9999-12-31"),
    "a_true_for_a_number": ("plan_items", ("position",), True),
}


@pytest.fixture(scope="module")
def valid(tmp_path_factory: pytest.TempPathFactory) -> ValidFiles:
    return make_valid_files(tmp_path_factory.mktemp("valid") / "planner.json")


def spoiled(valid: ValidFiles, case: str, *, in_archive: bool = False) -> bytes:
    """The data file's bytes with ``case``'s bad value, or with ``in_archive`` those of the
    archived year's file that holds its table (the logs file for a session log)."""
    table, path, value = CASES[case]
    archived = valid.logs if table == "session_logs" else valid.archive
    tables = read_tables(archived if in_archive else valid.hot)
    if table not in tables:
        pytest.skip(f"no {table} in this file")
    return set_field(tables, (table, first(tables, table), *path), value)


@pytest.fixture
def db_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    yield folder


def test_the_valid_file_itself_opens_plans_and_exports(
    db_dir: Path, valid: ValidFiles, capsys: pytest.CaptureFixture[str]
) -> None:
    db = write_valid(db_dir, valid)
    assert main(["--db", str(db), "export", "--from", OLD_DAY.isoformat(), "--weeks", "12"]) == 0
    assert "Wall sit" in capsys.readouterr().out
    with open_store(db, read_only=True) as store:
        assert [log.note for log in store.logs()] == ["old note", "felt fine"]


@pytest.mark.parametrize("case", list(CASES))
def test_export_and_plan_refuse_the_file_and_keep_its_bytes(
    case: str, db_dir: Path, valid: ValidFiles, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = spoiled(valid, case)
    db = write_valid(db_dir, valid, hot=bad)
    assert main(["--db", str(db), "export"]) == 1
    assert "is damaged" in one_line(capsys.readouterr().err)
    plan = ["plan", "--pain", "3", "--activity", "low", "--days", "mon,thu", "--minutes", "10"]
    assert main(["--db", str(db), *plan]) == 1
    assert "is damaged" in one_line(capsys.readouterr().err)
    assert db.read_bytes() == bad
    assert the_archive(db).read_bytes() == valid.archive
    assert the_logs(db).read_bytes() == valid.logs


@pytest.mark.parametrize("case", list(CASES))
def test_the_app_keeps_the_file_and_its_archive_aside_and_starts_afresh(
    case: str, db_dir: Path, valid: ValidFiles
) -> None:
    bad = spoiled(valid, case)
    db = write_valid(db_dir, valid, hot=bad)
    opened = open_for_app(db, now=NOW, today=TODAY)
    with opened.store as store:
        assert store.profile() is None and store.logs() == []
    kept = db_dir / "planner.json.damaged-20261125-093000"
    kept_archive = db_dir / f"{valid.archive_name}.damaged-20261125-093000"
    kept_logs = db_dir / f"{valid.logs_name}.damaged-20261125-093000"
    assert kept.read_bytes() == bad
    assert kept_archive.read_bytes() == valid.archive
    assert kept_logs.read_bytes() == valid.logs
    assert str(kept) in opened.notice and "archive" in opened.notice
    assert "\n" not in opened.notice and "\x1b" not in opened.notice
    assert "\u202e" not in opened.notice


@pytest.mark.parametrize(
    "case", [c for c in CASES if CASES[c][0] in ("plan_items", "session_logs")]
)
def test_a_bad_archived_record_is_refused_and_the_archive_kept(
    case: str, db_dir: Path, valid: ValidFiles, capsys: pytest.CaptureFixture[str]
) -> None:
    in_logs = CASES[case][0] == "session_logs"
    bad = spoiled(valid, case, in_archive=True)
    if in_logs:
        db = write_valid(db_dir, valid, logs=bad)
    else:
        db = write_valid(db_dir, valid, archive=bad)
    # An archived record is checked when a read reaches its day (the spoiled plan item is
    # on START, a Monday), and every day of its year when the year is first read; all the
    # logs are checked for the history.
    with open_store(db, read_only=True) as store, pytest.raises(ArchiveUnreadableError):
        if CASES[case][0] == "session_logs":
            store.logs()
        else:
            store.items_between(START, START + timedelta(days=6))
    week = ["export", "--from", START.isoformat()]
    if CASES[case][0] == "session_logs":
        week += ["--format", "markdown", "--with-history"]  # the export that reads the logs
    assert main(["--db", str(db), *week]) == 1
    assert "could not be read" in one_line(capsys.readouterr().err)
    assert (the_logs(db) if in_logs else the_archive(db)).read_bytes() == bad
    assert (the_archive(db) if in_logs else the_logs(db)).read_bytes() == (
        valid.archive if in_logs else valid.logs
    )
    assert db.read_bytes() == valid.hot


def test_a_50_mb_session_note_is_refused_by_the_length_rule(
    db_dir: Path, valid: ValidFiles
) -> None:
    tables = read_tables(valid.hot)
    bad = set_field(
        tables, ("session_logs", first(tables, "session_logs"), "note"), "n" * 50_000_000
    )
    db = write_valid(db_dir, valid, hot=bad)
    with pytest.raises(DamagedStoreError, match="at most 400 characters"):
        open_store(db, read_only=True)
    opened = open_for_app(db, now=NOW, today=TODAY)
    opened.store.close()
    assert (db_dir / "planner.json.damaged-20261125-093000").stat().st_size == len(bad)
