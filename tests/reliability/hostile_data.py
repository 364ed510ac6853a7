"""A valid data file and archive holding every kind of record, for tests that then spoil one field.

``make_valid_files`` writes, through the real Store, a profile with advice, settings,
a custom exercise, plan items (one held back, with a reason), rest days and session
logs with notes, and moves the weeks before ``CUTOFF`` to the archive. Tests read the
JSON back, change one value and write it again.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from planner.domain.advice import Advice, Priority
from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import Activity, Dose, Profile, Settings
from planner.domain.progression import generate_plan
from planner.storage import open_store
from planner.storage.archive import archive_files
from tests.unit.storage.samples import custom_exercise, session_log

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 9, 30)
START = date(2026, 9, 7)
"""A Monday twelve weeks before the week of TODAY, so the plan reaches into the archive."""
CUTOFF = date(2026, 9, 28)
"""The archive cutoff the app itself would choose on TODAY (eight weeks before its Monday)."""
OLD_DAY = START + timedelta(days=2)
RECENT_DAY = TODAY - timedelta(days=1)

Tables = dict[str, dict[str, dict[str, Any]]]


class ValidFiles(NamedTuple):
    """The bytes of a valid data file and of its one archived year's two files (its plan
    and its session logs), with those files' names."""

    hot: bytes
    archive: bytes
    archive_name: str
    logs: bytes
    logs_name: str


def the_archive(path: Path) -> Path:
    """The one archived year's plan file of the data file ``path`` (the hot file names its
    generation)."""
    files = list(archive_files(path).values())
    assert len(files) == 1, files
    return files[0]


def the_logs(path: Path) -> Path:
    """The one archived year's logs file of the data file ``path``."""
    plan = the_archive(path)
    return plan.with_name(plan.name.removesuffix(".json") + ".logs.json")


def write_valid(
    folder: Path,
    valid: ValidFiles,
    *,
    hot: bytes | None = None,
    archive: bytes | None = None,
    logs: bytes | None = None,
) -> Path:
    """Write ``valid``'s three files into ``folder``, any of them replaced; the data file."""
    db = folder / "planner.json"
    db.write_bytes(valid.hot if hot is None else hot)
    (folder / valid.archive_name).write_bytes(valid.archive if archive is None else archive)
    (folder / valid.logs_name).write_bytes(valid.logs if logs is None else logs)
    return db


def make_valid_files(path: Path, catalogue: Catalogue | None = None) -> ValidFiles:
    """Write a valid data file at ``path`` and its archive; return both files' bytes."""
    catalogue = catalogue or load_catalogue()
    profile = Profile(
        pain=3,
        activity=Activity.MEDIUM,
        weekdays=frozenset({0, 2, 4}),
        minutes=15,
        weeks=12,
        start=START,
    )
    plan = generate_plan(profile, catalogue)
    with open_store(path) as store:
        store.save_settings(Settings(welcomed=True))
        store.save_plan(
            replace(plan, advice=(Advice(Priority.NOTE, "Go gently this week.", "note"),)),
            keep_before=START,
        )
        exercise = replace(custom_exercise(), dose_note="Start low.")
        store.save_custom_exercise(exercise)
        held = next(item for item in plan.items if item.day >= TODAY)
        store.set_dose(held.id, Dose(hold_s=5, reps=5), held_reason="pain rose after a session")
        store.add_item(RECENT_DAY, exercise.id, Dose(hold_s=10, reps=2))
        store.import_logs([session_log(OLD_DAY, note="old note"), session_log(RECENT_DAY)])
        assert store.archive_before(CUTOFF)
    archive, logs = the_archive(path), the_logs(path)
    assert logs.exists()
    return ValidFiles(
        path.read_bytes(), archive.read_bytes(), archive.name, logs.read_bytes(), logs.name
    )


def read_tables(data: bytes) -> Tables:
    tables: Tables = orjson.loads(data)
    return tables


def field_paths(tables: Tables) -> list[tuple[str, ...]]:
    """The path (table, record number, key, ...) of every value in ``tables``, nested ones too."""
    paths: list[tuple[str, ...]] = []

    def walk(value: Any, path: tuple[str, ...]) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, (*path, key))
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                walk(inner, (*path, str(index)))
        if len(path) >= 3:
            paths.append(path)

    for name, table in tables.items():
        for number, doc in table.items():
            walk(doc, (name, number))
    return paths


def set_field(tables: Tables, path: tuple[str, ...], value: Any) -> bytes:
    """The bytes of ``tables`` with the value at ``path`` replaced by ``value``."""
    copy: Any = orjson.loads(orjson.dumps(tables))
    target = copy
    for key in path[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = path[-1]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    # The standard library writes integers of any size, as a hand-edited file could hold.
    return json.dumps(copy).encode()


def text_paths(tables: Tables) -> list[tuple[str, ...]]:
    """Paths of every text value a user wrote or the app shows (names, steps, notes...)."""
    skip = {"id", "day", "started_at", "ended_at", "start", "exercise_id", "kind", "sides"}
    found = []
    for path in field_paths(tables):
        value: Any = tables
        for key in path:
            value = value[int(key)] if isinstance(value, list) else value[key]
        named = [part for part in path[2:] if not part.isdigit()]
        if isinstance(value, str) and named and named[-1] not in skip | {"activity", "effort"}:
            found.append(path)
    return found


def one_line(err: str) -> str:
    """The only line of ``err``, after checking it is one line and no traceback."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]
