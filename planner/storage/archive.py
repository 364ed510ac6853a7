"""The archive: plan items, rest days and session logs older than a cutoff, in files by year.

Years of use make a data file of many megabytes, and parsing and checking it all would
slow every start. So the data file (the "hot" file) keeps the profile, settings,
custom exercises and everything from the archive cutoff on, while older records live
in one archive file per calendar year beside it (``planner.archive-2025-<n>.json``). A
year's file is parsed and checked only when a query reaches back into that year, and
moving last week into the archive rewrites only the year it belongs to: closed years
are never rewritten.

Rules that keep the split invisible and crash-safe (the Store follows them):

- The hot file is the authority. An archived record counts only when its day is
  before the cutoff recorded in the hot file and no record with the same key
  (its id; a rest day's date) is in the hot file.
- Archive files are never rewritten in place. A change writes each year it touches as
  a new file with a fresh generation number in its name, then the hot file, whose
  ``meta`` table names the generation of every year. The hot file's rename is the
  single moment the change happens: a kill before it leaves the hot file naming the
  old files, which are still there; after it, the new ones. Files the hot file does
  not name are removed by the next writer to open the data file (the generation just
  replaced is kept until then, so a reader that read the hot file a moment before a
  change still finds its files).
- Data version 2 kept the whole archive in one file (``planner.archive.json``); it is
  read as it is, and split into years by the first change that touches the archive.
  It may hold records in both files (moves were "copy, then delete" then); the first
  rule makes the hot copy win.
- Since data version 5 a year is written as two files of the same generation: the
  plan (plan items and rest days, ``planner.archive-2025-<n>.json``) and the session
  logs (``planner.archive-2025-<n>.logs.json``), each parsed only when a read needs its
  tables, so an export of last year's plan never parses its logs. The hot file lists
  those years in ``meta`` (``archive_logs_apart``); a year it does not list is one file
  holding all three tables (data versions 3 and 4), read as it is and written in two
  by the first change that touches it. Both files are written before the hot file, so
  the same rename commits them together; a missing or damaged logs file refuses only
  the reads that need logs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson

from planner.domain.weeks import monday_of
from planner.storage.atomic import (
    Tables,
    load_tables,
    make_file_private,
    write_atomically,
)
from planner.storage.codec import dated_between
from planner.storage.errors import ArchiveUnreadableError, DamagedStoreError, StoreError
from planner.storage.paths import companion_path
from planner.storage.schema import (
    DECODERS,
    SCHEMA_VERSION,
    check_documents,
    check_shape,
    decode_records,
    stored_version,
)

Doc = dict[str, Any]

KEYS = {"plan_items": "id", "rest_days": "day", "session_logs": "id"}
"""The tables that are split by day, and the field that identifies a record in each."""

HOT_WEEKS = 8
"""Whole weeks before this one kept in the hot file: the feedback rules read three."""

LEGACY = 0
"""The 'year' of data version 2's single archive file, which holds every year."""

LOGS = "session_logs"
"""The table a year keeps in a file of its own once written by data version 5."""

Parts = dict[int, int]
"""The archive files the hot file names: year (or LEGACY) -> generation."""


def _stem_and_suffix(path: Path) -> tuple[str, str]:
    return (path.stem, path.suffix) if path.suffix else (path.name, "")


def archive_path(
    path: Path, year: int = LEGACY, generation: int = 0, *, logs: bool = False
) -> Path:
    """The archive file of ``year`` (generation ``generation``) of the data file ``path``;
    with ``logs``, the file of that year's session logs (data version 5 on).

    ``LEGACY`` is data version 2's single file, ``planner.archive.json``.
    """
    tag = "archive" if year == LEGACY else f"archive-{year}-{generation}"
    return companion_path(path, f"{tag}.logs" if logs else tag)


def _archive_pattern(path: Path) -> re.Pattern[str]:
    stem, suffix = _stem_and_suffix(path)
    return re.compile(
        rf"{re.escape(stem)}\.archive(?:-([0-9]{{4}})-([1-9][0-9]*))?(\.logs)?{re.escape(suffix)}"
    )


def _every_archive_file(path: Path) -> Iterator[tuple[int, int, bool, Path]]:
    """(year, generation, whether it is a logs file, path) of each archive file on disk."""
    if not path.parent.is_dir():
        return
    pattern = _archive_pattern(path)
    for entry in path.parent.iterdir():
        match = pattern.fullmatch(entry.name)
        if match and entry.is_file() and not entry.is_symlink():
            year, generation = int(match.group(1) or LEGACY), int(match.group(2) or 0)
            yield year, generation, match.group(3) is not None, entry


def archive_files(path: Path) -> dict[tuple[int, int], Path]:
    """Every year file of the data file ``path`` on disk (not the logs files), by
    (year, generation)."""
    return {(y, g): entry for y, g, logs, entry in _every_archive_file(path) if not logs}


def all_archive_files(path: Path) -> list[Path]:
    """Every archive file of the data file ``path`` on disk, logs files included."""
    return sorted(entry for _, _, _, entry in _every_archive_file(path))


def remove_unnamed_files(path: Path, named: Mapping[int, int]) -> None:
    """Delete the archive files of ``path`` the hot file does not name, and leftover
    temporary files of any archive file. Call only while holding the data file's lock."""
    for year, generation, _, entry in list(_every_archive_file(path)):
        if named.get(year) != generation and not (year == LEGACY and LEGACY in named):
            entry.unlink(missing_ok=True)
    stem, suffix = _stem_and_suffix(path)
    temp = re.compile(
        rf"\.{re.escape(stem)}\.archive(?:-[0-9]+-[0-9]+)?(?:\.logs)?{re.escape(suffix)}"
        r"\.[0-9a-f]+\.tmp"
    )
    for entry in path.parent.iterdir():
        if temp.fullmatch(entry.name):
            entry.unlink(missing_ok=True)


def archive_cutoff(today: date) -> date:
    """The first day the hot file keeps when the app starts on ``today``: a Monday."""
    return monday_of(today) - timedelta(weeks=HOT_WEEKS)


def _has_records(tables: Tables) -> bool:
    return any(tables.get(name) for name in KEYS)


class Archive:
    """The archive files of one data file, each parsed and checked on first use only.

    ``data_path`` is the data file (None: the archive lives in memory, for
    ``Store.in_memory``); ``parts`` says which generation holds each year and
    ``apart`` which years keep their session logs in a file of their own; the Store
    sets both from the hot file. A change is first staged year by year, then written
    under a new generation by ``write_staged`` and made current by ``promote`` once
    the hot file names it. Read-only archives are never written, not even to make
    them private.
    """

    def __init__(self, data_path: Path | None, *, read_only: bool = False) -> None:
        self.data_path = data_path
        self.read_only = read_only
        self.parts: Parts = {}
        self.apart: set[int] = set()
        self._loaded: dict[tuple[int, bool], Tables] = {}
        self._checked: set[tuple[int, str]] = set()
        self._days_checked: set[tuple[int, str]] = set()
        self._values: dict[tuple[int, str], dict[str, object]] = {}
        self._staged: dict[int, Tables] = {}

    @property
    def paths(self) -> list[Path]:
        """The current archive files, oldest year first, logs files included (none in memory)."""
        if self.data_path is None:
            return []
        return [
            archive_path(self.data_path, year, generation, logs=logs)
            for year, generation in sorted(self.parts.items())
            for logs in ((False, True) if year in self.apart else (False,))
        ]

    @property
    def loaded(self) -> bool:
        """Whether any file has been read yet (tests check none is read at open)."""
        return bool(self._loaded)

    def loaded_files(self) -> list[Path]:
        """The files read so far (tests check which)."""
        return sorted(self._path(year, LOGS if logs else "") for year, logs in self._loaded)

    @property
    def staged(self) -> dict[int, Tables]:
        """The years a transaction is about to write (empty tables: the file goes)."""
        return self._staged

    def years(self, first: int | None = None, last: int | None = None) -> list[int]:
        """The years in the archive from ``first`` to ``last``, the legacy file always."""
        known = sorted(self.parts.keys() | self._staged.keys())
        return [
            year
            for year in known
            if year == LEGACY
            or ((first is None or year >= first) and (last is None or year <= last))
        ]

    def docs(self, name: str, years: Iterable[int] | None = None) -> Iterator[Doc]:
        """Every record of table ``name`` in the archive (in ``years`` only, if given).

        Raises ArchiveUnreadableError, and never changes a file, when one cannot be used.
        """
        for year in self.years() if years is None else years:
            table: dict[str, Doc] = self._tables(year, name).get(name, {})
            if (year, name) not in self._checked and year not in self._staged:
                # Each table is checked when first read: the history's logs need not be
                # decoded for a look at last year's plan.
                self._check(year, name, table)
            yield from table.values()

    def between(
        self, name: str, years: Iterable[int], lo: str, hi: str
    ) -> Iterator[tuple[Doc, object]]:
        """The records of table ``name`` in ``years`` dated from ``lo`` to ``hi`` (ISO days),
        each with its value decoded (``schema.DECODERS``).

        Only what is asked for is decoded, and decoding is the check: a look at one
        archived week or a year's export need not check the whole year. Each value is
        kept, so a record is decoded once however often it is read. The day of every
        record in those years is checked, since the window is chosen by it. Raises
        ArchiveUnreadableError, and never changes a file, when one cannot be used.
        """
        for year in years:
            table: dict[str, Doc] = self._tables(year, name).get(name, {})
            if year in self._staged:  # staged records came from checked ones
                decode = DECODERS[name]
                yield from ((doc, decode(doc)) for doc in table.values() if lo <= doc["day"] <= hi)
                continue
            if (year, name) in self._checked or (year, name) in self._days_checked:
                wanted = {key: doc for key, doc in table.items() if lo <= doc["day"] <= hi}
            else:  # the days are checked on the way
                wanted = self._check_days(year, name, table, lo, hi)
            values = self._values.setdefault((year, name), {})
            new = {key: doc for key, doc in wanted.items() if key not in values}
            if new:
                values.update(self._decode(year, name, new))
            yield from ((doc, values[key]) for key, doc in wanted.items())

    def ready(self, years: Iterable[int], names: Iterable[str] = KEYS) -> None:
        """Read ``years``' files and check the days of their records (of tables ``names``)
        now, so a later ``between`` into them only decodes what it returns. Raises as
        ``between`` does."""
        for year in years:
            if year in self._staged:
                continue
            for name in names:
                if (year, name) not in self._checked and (year, name) not in self._days_checked:
                    self._check_days(year, name, self._tables(year, name).get(name, {}))

    def stage(self, year: int, tables: Tables) -> None:
        """Make ``tables`` the whole of ``year`` when the open transaction commits."""
        if self.read_only:
            raise StoreError("the archive is open read-only; this change was not saved")
        self._staged[year] = tables

    def write_staged(self, generation: int) -> Parts:
        """Write each staged year as new files of ``generation`` (its plan, then its logs);
        return the parts after.

        Raises StoreError when it cannot; the current files are never touched.
        """
        parts = dict(self.parts)
        for year, tables in sorted(self._staged.items()):
            if not _has_records(tables):
                parts.pop(year, None)
                continue
            parts[year] = generation
            if self.data_path is None:
                continue
            for logs in (False, True):
                path = archive_path(self.data_path, year, generation, logs=logs)
                try:
                    write_atomically(path, orjson.dumps(_file_tables(tables, logs=logs)))
                except OSError as error:
                    raise StoreError(
                        f"could not save to {path} ({error.strerror or error}); "
                        "the files still hold everything saved before this change"
                    ) from error
        return parts

    def apart_after(self, parts: Parts) -> set[int]:
        """The years of ``parts`` whose logs are in files of their own once the staged
        years are written: every year written since data version 5."""
        return {year for year in parts if year in self._staged or year in self.apart}

    def drop_written(self, generation: int) -> None:
        """Remove the files ``write_staged`` made for a commit that then failed."""
        if self.data_path is not None:
            for year in self._staged:
                if year != LEGACY and self.parts.get(year) != generation:
                    for logs in (False, True):
                        path = archive_path(self.data_path, year, generation, logs=logs)
                        path.unlink(missing_ok=True)

    def promote(self, parts: Parts) -> None:
        """The hot file now names ``parts``: the staged years become current.

        Files named neither now nor just before go: a reader may still be using the
        previous generation, the older ones nobody can name any more.
        """
        previous = self.parts
        self.apart = self.apart_after(parts)
        for year, tables in self._staged.items():
            self._forget(year)
            if year in parts:
                self._loaded[(year, False)] = self._loaded[(year, True)] = tables
                # What we wrote came from checked records and from the hot file's own.
                self._checked.update((year, name) for name in KEYS)
        self._staged = {}
        self.parts = parts
        if self.data_path is None:
            return
        for year, generation, _, entry in list(_every_archive_file(self.data_path)):
            if generation not in (parts.get(year), previous.get(year)):
                entry.unlink(missing_ok=True)

    def discard_staged(self) -> None:
        """Forget the staged years (their transaction rolled back)."""
        self._staged = {}

    def reset(self, parts: Parts, apart: Iterable[int] = ()) -> None:
        """The hot file now names ``parts``, ``apart`` its years with logs files: forget
        what was read of other files."""
        self._staged = {}
        apart = set(apart) & parts.keys()
        for year, _ in list(self._loaded):
            if parts.get(year) != self.parts.get(year) or (year in apart) != (year in self.apart):
                self._forget(year)
        self.parts = dict(parts)
        self.apart = apart

    def _forget(self, year: int) -> None:
        """Drop what was read and checked of ``year``'s files (other files or tables now)."""
        for logs in (False, True):
            self._loaded.pop((year, logs), None)
        for name in KEYS:
            self._checked.discard((year, name))
            self._days_checked.discard((year, name))
            self._values.pop((year, name), None)

    def _path(self, year: int, name: str) -> Path:
        """The file that holds table ``name`` of ``year`` (only with a data path)."""
        assert self.data_path is not None
        logs = name == LOGS and year in self.apart
        return archive_path(self.data_path, year, self.parts.get(year, 0), logs=logs)

    def _check_days(
        self, year: int, name: str, table: dict[str, Doc], lo: str = "", hi: str = ""
    ) -> dict[str, Doc]:
        """Check the day of every record of ``table``; return those from ``lo`` to ``hi``."""
        wanted, undated = dated_between(table, lo, hi)
        if undated is not None and self.data_path is not None:
            key, error = undated
            reason = f"table {name!r}, entry {key}: {error}"
            raise ArchiveUnreadableError(self._path(year, name), reason)
        self._days_checked.add((year, name))
        return wanted

    def _decode(self, year: int, name: str, docs: dict[str, Doc]) -> dict[str, object]:
        if self.data_path is None:
            return {key: DECODERS[name](doc) for key, doc in docs.items()}
        path = self._path(year, name)
        try:
            return decode_records(path, name, docs)
        except DamagedStoreError as error:
            raise ArchiveUnreadableError(path, error.reason) from error

    def _check(self, year: int, name: str, table: dict[str, Doc]) -> None:
        if self.data_path is not None:  # in memory, every record came from this store
            path = self._path(year, name)
            try:
                check_documents(path, {name: table})
            except DamagedStoreError as error:
                raise ArchiveUnreadableError(path, error.reason) from error
        self._checked.add((year, name))

    def _tables(self, year: int, name: str) -> Tables:
        """The tables of the file of ``year`` that holds table ``name``."""
        if year in self._staged:
            return self._staged[year]
        key = (year, name == LOGS and year in self.apart)
        if key not in self._loaded:
            self._loaded[key] = self._load(year, name)
        return self._loaded[key]

    def _load(self, year: int, name: str) -> Tables:
        if self.data_path is None or year not in self.parts:
            return {}
        path = self._path(year, name)
        try:
            tables = load_tables(path)
        except DamagedStoreError as error:
            raise ArchiveUnreadableError(path, error.reason) from error
        except StoreError as error:
            raise ArchiveUnreadableError(path, str(error)) from error
        if tables is None:
            raise ArchiveUnreadableError(path, "the file is missing or empty")
        try:
            check_shape(path, tables)
            version = stored_version(path, tables)
            if version > SCHEMA_VERSION:
                raise DamagedStoreError(path, "a newer Back Planner saved it")
        except DamagedStoreError as error:
            raise ArchiveUnreadableError(path, error.reason) from error
        if not self.read_only:
            make_file_private(path)
        return tables


def _file_tables(tables: Tables, *, logs: bool) -> Tables:
    """What one of a year's two files holds of its ``tables``: the logs, or all the rest."""
    return {
        name: table for name, table in tables.items() if name == "meta" or (name == LOGS) == logs
    }


def build_tables(records: dict[str, list[Doc]]) -> Tables:
    """Archive tables holding ``records`` (by table name), numbered afresh, with a version stamp."""
    tables: Tables = {"meta": {"1": {"schema_version": SCHEMA_VERSION}}}
    for name, docs in records.items():
        tables[name] = {str(number): dict(doc) for number, doc in enumerate(docs, start=1)}
    return tables


def visible(docs: Iterable[Doc], name: str, cutoff: str, hot_keys: set[str]) -> Iterator[Doc]:
    """The archived records that count: dated before ``cutoff`` and not shadowed by a hot copy."""
    key = KEYS[name]
    for doc in docs:
        if doc["day"] < cutoff and doc[key] not in hot_keys:
            yield doc
