"""Check that parsed data is a database this version can read, and upgrade older ones.

Run once when the file is opened, so a damaged file is caught before the app
shows anything, instead of failing later in the middle of a screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from planner.storage import codec
from planner.storage.atomic import Tables
from planner.storage.errors import DamagedStoreError, NewerStoreError

SCHEMA_VERSION = 5
"""Version 2 moved old weeks into an archive file beside the data file; version 3 splits it
into one file per year, each named by the data file with its generation (see archive.py);
version 4 stores the plan's advice as a list with priorities instead of one text; version 5
writes each archived year's session logs to a file of their own, beside its plan."""

Migration = Callable[[Tables], Tables]
"""Turns the tables of data version N into those of version N + 1."""


def _from_unversioned(tables: Tables) -> Tables:
    # Version 0 is a file saved before the version stamp existed; its tables
    # already have the version-1 shape, so the stamp added by `upgrade` is all it needs.
    return tables


def _to_split_files(tables: Tables) -> Tables:
    # Version 2 may keep old weeks in an archive file. A version-1 file has none yet and
    # reads the same: the stamp is all it needs, and the store archives on its next
    # start with a date. The stamp still matters: it stops a version-1 app, which knows
    # nothing of the archive, from writing to the file.
    return tables


def _to_archive_years(tables: Tables) -> Tables:
    # Version 3 names its archive files by year in the meta table. A version-2 file names
    # none, so its single archive file is read as it is and split into years by the first
    # change that touches the archive. The stamp stops a version-2 app, which would look
    # for the single file only, from writing.
    return tables


_OLD_PAUSE_PREFIX = "Progress is paused"
"""How version 3's feedback banner began: the rules owned the advice text when it did."""
_OLD_DOCTOR_ADVICE = (
    "Pain of 7 or more out of 10 needs a doctor's opinion: please see one before doing more. "
    "Until then this plan keeps to the gentlest exercises at their lowest doses, "
    "and any exercise that makes the pain sharper should stop at once."
)
"""Version 3's see-a-doctor advice, which began a gentle plan's advice text."""


def _split_old_advice(text: str) -> list[dict[str, str]]:
    """Version 3's one advice text as a list of version 4 advice records, safety first."""
    text = text.strip()
    if not text:
        return []
    if text.startswith(_OLD_PAUSE_PREFIX):
        return [{"priority": "paused", "kind": "feedback-paused", "text": text}]
    entries = []
    if text.startswith(_OLD_DOCTOR_ADVICE):
        entries.append({"priority": "safety", "kind": "doctor", "text": _OLD_DOCTOR_ADVICE})
        text = text[len(_OLD_DOCTOR_ADVICE) :].strip()
    if text:
        entries.append({"priority": "note", "kind": "note", "text": text})
    return entries


def _to_advice_list(tables: Tables) -> Tables:
    # Version 4 keeps a list of advice records with priorities in the profile record.
    # A value that is not text is left for check_documents to report, never guessed at.
    for doc in tables.get("profile", {}).values():
        advice = doc.get("advice", "") if isinstance(doc, dict) else None
        if isinstance(advice, str):
            doc["advice"] = _split_old_advice(advice)
    return tables


def _to_logs_apart(tables: Tables) -> Tables:
    # Version 5 lists the archived years whose logs are in files of their own. A version-4
    # file lists none, so each of its year files is read as it is (all three tables) and
    # written in two by the first change that touches its year. The stamp stops a
    # version-4 app, which would find no logs in a year's plan file, from reading on.
    return tables


MIGRATIONS: Mapping[int, Migration] = {
    0: _from_unversioned,
    1: _to_split_files,
    2: _to_archive_years,
    3: _to_advice_list,
    4: _to_logs_apart,
}
"""The upgrade step from each old data version to the next."""


def _check_rest_day(doc: codec.Doc) -> object:
    return codec.rest_day_from_doc(doc)


def _check_meta(doc: codec.Doc) -> object:
    parts = doc.get("archive_parts", {})
    if not isinstance(parts, dict) or not all(
        isinstance(year, str)
        and year.isdigit()
        and 1 <= int(year) <= 9999
        and type(number) is int
        and number > 0
        for year, number in parts.items()
    ):
        raise ValueError("archive_parts does not name archive files by year")
    apart = doc.get("archive_logs_apart", [])
    if not isinstance(apart, list) or not all(
        type(year) is int and str(year) in parts for year in apart
    ):
        raise ValueError("archive_logs_apart does not list archived years")
    return codec.archive_cutoff_from_doc(doc)


DECODERS: Mapping[str, Callable[[codec.Doc], object]] = {
    "plan_items": codec.item_from_doc,
    "rest_days": _check_rest_day,
    "session_logs": codec.log_from_doc,
    "profile": codec.profile_from_doc,
    "settings": codec.settings_from_doc,
    "custom_exercises": codec.exercise_from_doc,
    "meta": _check_meta,
}
"""How each table's records are read: decoding a record is checking it."""


def check_shape(path: Path, tables: Tables) -> None:
    """Raise DamagedStoreError unless ``tables`` looks like a TinyDB database."""
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise DamagedStoreError(path, f"table {name!r} is not a table")
        for doc_id, doc in table.items():
            if not doc_id.isdigit():
                raise DamagedStoreError(path, f"table {name!r} has a bad entry id {doc_id!r}")
            if not isinstance(doc, dict):
                raise DamagedStoreError(path, f"table {name!r}, entry {doc_id} is not a record")


def check_documents(path: Path, tables: Tables) -> None:
    """Raise DamagedStoreError unless every record we know how to read can be read."""
    for name in DECODERS:
        decode_records(path, name, tables.get(name, {}))


_REFUSALS = (KeyError, TypeError, ValueError, AttributeError)
"""What a decoder raises for a record it cannot read."""


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing field {error.args[0]!r}"
    return str(error) or type(error).__name__


def refusal(name: str, doc: codec.Doc) -> str | None:
    """Why ``doc`` would be refused as a record of table ``name`` when the file is read
    (``DECODERS``); None when it would be read."""
    try:
        DECODERS[name](doc)
    except _REFUSALS as error:
        return _reason(error)
    return None


def decode_records(path: Path, name: str, table: Mapping[str, codec.Doc]) -> dict[str, object]:
    """The records of table ``name`` decoded (``DECODERS``), by entry id.

    Raises DamagedStoreError naming the first record that cannot be read.
    """
    decode = DECODERS[name]
    values: dict[str, object] = {}
    for doc_id, doc in table.items():
        try:
            values[doc_id] = decode(doc)
        except _REFUSALS as error:
            reason = _reason(error)
        else:
            continue
        raise DamagedStoreError(path, f"table {name!r}, entry {doc_id}: {reason}")
    return values


def stored_version(path: Path, tables: Tables) -> int:
    """The data version recorded in ``tables``.

    A database with no records at all is new and counts as current; records
    without a version stamp are version 0.
    """
    for doc in tables.get("meta", {}).values():
        if "schema_version" in doc:
            version = doc["schema_version"]
            if type(version) is not int or version < 0:
                raise DamagedStoreError(path, f"the data version {version!r} is not a number")
            return version
    return 0 if any(tables.values()) else SCHEMA_VERSION


def _stamp(tables: Tables, version: int) -> None:
    meta: dict[str, Any] = tables.setdefault("meta", {})
    for doc in meta.values():
        if "schema_version" in doc:
            doc["schema_version"] = version
            return
    next_id = max((int(doc_id) for doc_id in meta), default=0) + 1
    meta[str(next_id)] = {"schema_version": version}


def upgrade(
    path: Path,
    tables: Tables,
    migrations: Mapping[int, Migration] = MIGRATIONS,
    target: int = SCHEMA_VERSION,
) -> tuple[Tables, bool]:
    """Bring ``tables`` up to data version ``target``; also says whether anything changed.

    Raises NewerStoreError for a file from a newer version, and DamagedStoreError
    when an upgrade step is missing or cannot make sense of the data.
    """
    version = stored_version(path, tables)
    if version > target:
        raise NewerStoreError(path, version, target)
    changed = False
    while version < target:
        step = migrations.get(version)
        if step is None:
            raise DamagedStoreError(path, f"no way to upgrade data version {version}")
        try:
            tables = step(tables)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise DamagedStoreError(
                path, f"upgrading from data version {version} failed: {error!r}"
            ) from error
        version += 1
        _stamp(tables, version)
        changed = True
    return tables, changed
