"""The archive: plan items, rest days and session logs older than a cutoff, in a second file.

Five years of use make a data file of several megabytes, and parsing and checking it
all would slow every start. So the data file (the "hot" file) keeps the profile,
settings, custom exercises and everything from the archive cutoff on, while older
records live in ``<name>.archive<suffix>`` beside it. The archive is parsed and
checked only when a query reaches back before the cutoff.

Rules that keep the split invisible and crash-safe (the Store follows them):

- The hot file is the authority. An archived record counts only when its day is
  before the cutoff recorded in the hot file and no record with the same key
  (its id; a rest day's date) is in the hot file.
- The archive is never rewritten in place. Each change writes a new archive file
  with the next generation number in its name (``planner.archive-3.json``), then
  the hot file, which records that number in its ``meta`` table. The hot file's
  rename is the single moment the change happens: a kill before it leaves the
  hot file naming the old archive, which is still there; after it, the new one.
  Archive files of other generations are removed by the next writer to open the
  data file (the one just before the current one is kept until then, so a reader
  that read the hot file a moment before a change still finds its archive).
- An older layout may still hold records in both files (from before generations,
  moves were "copy, then delete"); the rule above makes the hot copy win.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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
from planner.storage.errors import ArchiveUnreadableError, DamagedStoreError, StoreError
from planner.storage.schema import SCHEMA_VERSION, check_documents, check_shape, stored_version

Doc = dict[str, Any]

KEYS = {"plan_items": "id", "rest_days": "day", "session_logs": "id"}
"""The tables that are split by day, and the field that identifies a record in each."""

HOT_WEEKS = 8
"""Whole weeks before this one kept in the hot file: the feedback rules read three."""


def archive_path(path: Path, generation: int = 0) -> Path:
    """The archive file of generation ``generation`` of the data file ``path``.

    Generation 0 is ``planner.archive.json`` (the name before generations existed),
    later ones ``planner.archive-N.json``.
    """
    stem, suffix = (path.stem, path.suffix) if path.suffix else (path.name, "")
    number = f"-{generation}" if generation else ""
    return path.with_name(f"{stem}.archive{number}{suffix}")


def archive_files(path: Path) -> dict[int, Path]:
    """Every archive file of the data file ``path`` present on disk, by generation."""
    stem, suffix = (path.stem, path.suffix) if path.suffix else (path.name, "")
    pattern = re.compile(rf"{re.escape(stem)}\.archive(?:-([1-9][0-9]*))?{re.escape(suffix)}")
    found: dict[int, Path] = {}
    if not path.parent.is_dir():
        return found
    for entry in path.parent.iterdir():
        match = pattern.fullmatch(entry.name)
        if match and entry.is_file() and not entry.is_symlink():
            found[int(match.group(1) or 0)] = entry
    return found


def remove_other_generations(path: Path, keep: int) -> None:
    """Delete the archive files of ``path`` that are not generation ``keep``, and their
    leftover temporary files. Call only while holding the data file's lock."""
    for generation, entry in archive_files(path).items():
        if generation != keep:
            entry.unlink(missing_ok=True)
    stem, suffix = (path.stem, path.suffix) if path.suffix else (path.name, "")
    temp = re.compile(
        rf"\.{re.escape(stem)}\.archive(?:-[0-9]+)?{re.escape(suffix)}\.[0-9a-f]+\.tmp"
    )
    for entry in path.parent.iterdir():
        if temp.fullmatch(entry.name):
            entry.unlink(missing_ok=True)


def archive_cutoff(today: date) -> date:
    """The first day the hot file keeps when the app starts on ``today``: a Monday."""
    return monday_of(today) - timedelta(weeks=HOT_WEEKS)


class Archive:
    """The archive files of one data file, parsed and checked on first use only.

    ``data_path`` is the data file (None: the archive lives in memory, for
    ``Store.in_memory``); ``generation`` says which archive file is current and is
    set by the Store from the hot file. A change is first staged, then written
    under the next generation by ``write_staged`` and made current by
    ``promote`` once the hot file names it. Read-only archives are never written,
    not even to make them private.
    """

    def __init__(self, data_path: Path | None, *, read_only: bool = False) -> None:
        self.data_path = data_path
        self.read_only = read_only
        self.generation = 0
        self._tables: Tables | None = None
        self._staged: Tables | None = None

    @property
    def path(self) -> Path | None:
        """The current archive file (None in memory)."""
        if self.data_path is None:
            return None
        return archive_path(self.data_path, self.generation)

    @property
    def loaded(self) -> bool:
        """Whether the file has been read yet (tests check it is not read at open)."""
        return self._tables is not None

    @property
    def staged(self) -> Tables | None:
        """The archive a transaction is about to write, if any."""
        return self._staged

    def tables(self, *, expected: bool) -> Tables:
        """The archived tables (those staged by the open transaction, if any).

        Read from disk the first time. ``expected`` says the hot file records a
        cutoff, so a missing archive means lost history and is an error rather
        than an empty archive. Raises ArchiveUnreadableError, and never changes
        the file, when it cannot be used.
        """
        if self._staged is not None:
            return self._staged
        if self._tables is None:
            self._tables = self._load(expected=expected)
        return self._tables

    def docs(self, name: str, *, expected: bool) -> Iterable[Doc]:
        """Every record of table ``name`` in the archive, as stored."""
        table: dict[str, Doc] = self.tables(expected=expected).get(name, {})
        return table.values()

    def stage(self, tables: Tables) -> None:
        """Make ``tables`` the whole archive when the open transaction commits."""
        if self.read_only:
            raise StoreError("the archive is open read-only; this change was not saved")
        self._staged = tables

    def write_staged(self, generation: int) -> None:
        """Write the staged archive as a new file of ``generation`` (0600, atomic).

        Raises StoreError when it cannot; the current archive is never touched.
        """
        path = None if self.data_path is None else archive_path(self.data_path, generation)
        if path is None or self._staged is None:
            return
        try:
            write_atomically(path, orjson.dumps(self._staged))
        except OSError as error:
            raise StoreError(
                f"could not save to {path} ({error.strerror or error}); "
                "the files still hold everything saved before this change"
            ) from error

    def drop_generation(self, generation: int) -> None:
        """Remove a generation's file that never became current (its commit failed)."""
        if self.data_path is not None and generation != self.generation:
            archive_path(self.data_path, generation).unlink(missing_ok=True)

    def promote(self, generation: int) -> None:
        """The hot file now names ``generation``: make the staged archive current.

        The file before the previous one goes: a reader may still be using the
        previous one, the older ones nobody can name any more.
        """
        previous = self.generation
        self._tables, self._staged, self.generation = self._staged, None, generation
        if self.data_path is None:
            return
        for old, entry in archive_files(self.data_path).items():
            if old not in (previous, generation):
                entry.unlink(missing_ok=True)

    def discard_staged(self) -> None:
        """Forget the staged archive (its transaction rolled back)."""
        self._staged = None

    def reset(self, generation: int) -> None:
        """Forget what was read: the data file now names ``generation``."""
        self._staged = None
        if generation != self.generation:
            self._tables = None
        self.generation = generation

    def _load(self, *, expected: bool) -> Tables:
        path = self.path
        if path is None:
            return {}
        try:
            tables = load_tables(path)
        except DamagedStoreError as error:
            raise ArchiveUnreadableError(path, error.reason) from error
        except StoreError as error:
            raise ArchiveUnreadableError(path, str(error)) from error
        if tables is None:
            if expected:
                raise ArchiveUnreadableError(path, "the file is missing or empty")
            return {}
        try:
            check_shape(path, tables)
            version = stored_version(path, tables)
            if version > SCHEMA_VERSION:
                raise DamagedStoreError(path, "a newer Back Planner saved it")
            check_documents(path, tables)
        except DamagedStoreError as error:
            raise ArchiveUnreadableError(path, error.reason) from error
        if not self.read_only:
            make_file_private(path)
        return tables


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
