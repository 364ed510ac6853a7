"""Domain values the storage tests save and read back."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import orjson

from planner.domain.advice import Advice
from planner.domain.models import (
    Activity,
    Dose,
    Effort,
    Exercise,
    ExerciseLog,
    Kind,
    Plan,
    PlanItem,
    Profile,
    SessionLog,
    Sides,
)
from planner.storage.archive import archive_path

MONDAY = date(2026, 11, 23)
WEDNESDAY = date(2026, 11, 25)
FRIDAY = date(2026, 11, 27)

TILT = Dose(hold_s=5, reps=10, sets=2, rest_s=30)
BRIDGE = Dose(hold_s=10, reps=8, sets=1, rest_s=20)


def profile(start: date = MONDAY) -> Profile:
    """A plan wizard answer."""
    return Profile(
        pain=4,
        activity=Activity.MEDIUM,
        weekdays=frozenset({0, 2, 4}),
        minutes=15,
        weeks=2,
        start=start,
    )


def plan(start: date, *, exercise_id: str = "pelvic_tilt", advice: tuple[Advice, ...] = ()) -> Plan:
    """A plan with one item on each Monday, Wednesday and Friday for two weeks from ``start``."""
    items = tuple(
        PlanItem(
            id=f"{exercise_id}-{offset}",
            day=date.fromordinal(start.toordinal() + offset),
            exercise_id=exercise_id,
            dose=TILT,
        )
        for offset in (0, 2, 4, 7, 9, 11)
    )
    rest = frozenset({date.fromordinal(start.toordinal() + 6)})
    return Plan(profile=profile(start), items=items, rest_days=rest, advice=advice)


def session_log(day: date = WEDNESDAY, note: str = "felt fine") -> SessionLog:
    """A finished session with pain, effort and a note."""
    return SessionLog(
        id=f"log-{day.isoformat()}",
        day=day,
        started_at=datetime(day.year, day.month, day.day, 8, 0, 0),
        ended_at=datetime(day.year, day.month, day.day, 8, 12, 30),
        exercises=(
            ExerciseLog(
                exercise_id="pelvic_tilt",
                planned=TILT,
                sets_done=2,
                reps_done=20,
                holds_done=20,
                seconds=300.5,
                completed=True,
            ),
        ),
        pain_before=4,
        pain_after=3,
        effort=Effort.ABOUT_RIGHT,
        note=note,
    )


def custom_exercise(name: str = "Wall sit [quads]") -> Exercise:
    """A user's own exercise; the name holds markup-like text on purpose."""
    return Exercise(
        id="custom-wall-sit",
        name=name,
        level=2,
        kind=Kind.HOLD,
        sides=Sides.NONE,
        position="Back against a wall",
        steps=("Slide down", "Hold", "Stand up"),
        start=Dose(hold_s=10, reps=2),
        target=Dose(hold_s=30, reps=3),
        benefits=("thighs",),
        cautions=("stop if knees hurt",),
        custom=True,
    )


def current_archives(db_path: Path, *, logs: bool = False) -> list[Path]:
    """The archive files the data file at ``db_path`` names now, oldest year first: each
    year's plan file, or with ``logs`` its logs file."""
    meta = orjson.loads(db_path.read_bytes())["meta"].values()
    parts = next(doc.get("archive_parts", {}) for doc in meta)
    return [
        archive_path(db_path, int(year), number, logs=logs)
        for year, number in sorted(parts.items())
    ]


def current_archive(db_path: Path, *, logs: bool = False) -> Path:
    """The one archive file the data file at ``db_path`` names (its history is in one year):
    the year's plan file, or with ``logs`` its logs file."""
    (only,) = current_archives(db_path, logs=logs)
    return only


def rewrite_as_version_4(db_path: Path) -> list[Path]:
    """Turn the files of the data file at ``db_path`` into data version 4's layout, as the
    app before logs files wrote them: each archived year one file holding its plan items,
    rest days and session logs, stamped 4, and the hot file stamped 4 listing no logs
    files. Returns the year files, oldest first."""
    years = current_archives(db_path)
    for plan_file, logs_file in zip(years, current_archives(db_path, logs=True), strict=True):
        tables = orjson.loads(plan_file.read_bytes())
        tables.update(
            (name, table)
            for name, table in orjson.loads(logs_file.read_bytes()).items()
            if name != "meta"
        )
        tables["meta"] = {"1": {"schema_version": 4}}
        plan_file.write_bytes(orjson.dumps(tables))
        logs_file.unlink()
    hot = orjson.loads(db_path.read_bytes())
    (stamp,) = (doc for doc in hot["meta"].values() if "schema_version" in doc)
    stamp["schema_version"] = 4
    stamp.pop("archive_logs_apart", None)
    db_path.write_bytes(orjson.dumps(hot))
    return years
