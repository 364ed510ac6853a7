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
- Moving records across is always "copy, then delete": the receiving file is
  written first, then the giving one. A kill in between leaves a record in both,
  and the rule above makes the hot copy win.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson

from planner.domain.weeks import monday_of
from planner.storage.atomic import Tables, load_tables, make_file_private, write_atomically
from planner.storage.errors import ArchiveUnreadableError, DamagedStoreError, StoreError
from planner.storage.schema import SCHEMA_VERSION, check_documents, check_shape, stored_version

Doc = dict[str, Any]

KEYS = {"plan_items": "id", "rest_days": "day", "session_logs": "id"}
"""The tables that are split by day, and the field that identifies a record in each."""

HOT_WEEKS = 8
"""Whole weeks before this one kept in the hot file: the feedback rules read three."""


def archive_path(path: Path) -> Path:
    """Where the archive of the data file ``path`` lives (``planner.archive.json``)."""
    if path.suffix:
        return path.with_name(f"{path.stem}.archive{path.suffix}")
    return path.with_name(f"{path.name}.archive")


def archive_cutoff(today: date) -> date:
    """The first day the hot file keeps when the app starts on ``today``: a Monday."""
    return monday_of(today) - timedelta(weeks=HOT_WEEKS)


class Archive:
    """The archive file of one data file, parsed and checked on first use only.

    With ``path`` None it lives in memory (for ``Store.in_memory``). Read-only
    archives are never written, not even to make them private.
    """

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._tables: Tables | None = None

    @property
    def loaded(self) -> bool:
        """Whether the file has been read yet (tests check it is not read at open)."""
        return self._tables is not None

    def tables(self, *, expected: bool) -> Tables:
        """The archived tables, read from disk the first time.

        ``expected`` says the hot file records a cutoff, so a missing archive means
        lost history and is an error rather than an empty archive. Raises
        ArchiveUnreadableError, and never changes the file, when it cannot be used.
        """
        if self._tables is None:
            self._tables = self._load(expected=expected)
        return self._tables

    def docs(self, name: str, *, expected: bool) -> Iterable[Doc]:
        """Every record of table ``name`` in the archive, as stored."""
        table: dict[str, Doc] = self.tables(expected=expected).get(name, {})
        return table.values()

    def replace(self, tables: Tables) -> None:
        """Make ``tables`` the whole archive: saved atomically (0600), then kept in memory.

        Raises StoreError with the old file intact when the save fails.
        """
        if self.read_only:
            raise StoreError("the archive is open read-only; this change was not saved")
        if self.path is not None:
            try:
                write_atomically(self.path, orjson.dumps(tables))
            except OSError as error:
                raise StoreError(
                    f"could not save to {self.path} ({error.strerror or error}); "
                    "the file still holds everything saved before this change"
                ) from error
        self._tables = tables

    def _load(self, *, expected: bool) -> Tables:
        if self.path is None:
            return {}
        try:
            tables = load_tables(self.path)
        except DamagedStoreError as error:
            raise ArchiveUnreadableError(self.path, error.reason) from error
        except StoreError as error:
            raise ArchiveUnreadableError(self.path, str(error)) from error
        if tables is None:
            if expected:
                raise ArchiveUnreadableError(self.path, "the file is missing or empty")
            return {}
        try:
            check_shape(self.path, tables)
            version = stored_version(self.path, tables)
            if version > SCHEMA_VERSION:
                raise DamagedStoreError(self.path, "a newer Back Planner saved it")
            check_documents(self.path, tables)
        except DamagedStoreError as error:
            raise ArchiveUnreadableError(self.path, error.reason) from error
        if not self.read_only:
            make_file_private(self.path)
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
