"""The hot file and the archive answering as one: records split by day at a cutoff.

Plan items, rest days and session logs dated from the cutoff on live in the hot file's
tables; older ones in the archive's files by year (``archive.py`` has the rules). The
Store asks ``Split`` for records by day and hands it the changes that reach into the
archive; ``Split`` reads only the years a question or a change touches, and stages the
years it rewrites so the Store's transaction commits them with the hot file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from tinydb import Query
from tinydb.table import Document, Table

from planner.storage import codec
from planner.storage.archive import KEYS, LEGACY, Archive, Doc, Parts, build_tables, visible
from planner.storage.atomic import Tables
from planner.storage.errors import ArchiveUnreadableError
from planner.storage.schema import DECODERS
from planner.storage.summaries import SummaryCache

if TYPE_CHECKING:  # the history's classes load with the history, not at start-up
    from planner.domain.history import WeekTally

CUTOFF_FIELD = "archive_cutoff"
PARTS_FIELD = "archive_parts"
APART_FIELD = "archive_logs_apart"
_NO_CUTOFF = "\uffff"  # sorts after every ISO date: with no cutoff recorded, keep every day

T = TypeVar("T")

Hot = dict[str, dict[str, Doc]]
"""The hot file's raw tables, as the storage reads and writes them."""


class Split:
    """Where each dated record lives, and every read and change that crosses the cutoff."""

    def __init__(
        self, storage: Any, tables: Mapping[str, Table], archive: Archive, summaries: SummaryCache
    ) -> None:
        self._storage = storage
        self.archive = archive
        self.summaries = summaries
        self.problem: ArchiveUnreadableError | None = None
        """Why reads go on without the archive (see ``carry_on_without``)."""
        self._report: Callable[[ArchiveUnreadableError], object] | None = None
        self._rewritten: dict[int, tuple[int, Tables]] = {}
        """Years staged with the records they already hold (by ``write_logs_apart``): their
        generation before, and the tables staged, so a commit can keep their tallies."""
        self.reset(tables)

    def reset(self, tables: Mapping[str, Table]) -> None:
        """Read the cutoff and the archive's files from the hot tables (made afresh)."""
        self._tables = tables
        self.cutoff = self._recorded(CUTOFF_FIELD)
        """The first day (ISO) the hot file answers for alone; None when nothing was archived."""
        self.archive.reset(self._recorded_parts(), self._recorded_apart())

    def carry_on_without(self, report: Callable[[ArchiveUnreadableError], object]) -> None:
        """Let reads go on without the archive when it cannot be read (``Store`` says more)."""
        self._report = report

    def between(self, name: str, lo: str, hi: str) -> list[object]:
        """Records of table ``name`` dated from ``lo`` to ``hi`` (ISO days), hot and archived,
        decoded (``schema.DECODERS``: a plan item, a day, a session log).

        Archived records are decoded once and only in the window (``Archive.between``).
        """
        decode = DECODERS[name]
        hot = self._tables[name].search((Query().day >= lo) & (Query().day <= hi))
        values = [decode(doc) for doc in hot]
        cutoff = self.cutoff
        if cutoff is None or lo >= cutoff:
            return values
        years = self.archive.years(int(lo[:4]), int(hi[:4]))
        key, hot_keys = KEYS[name], self.hot_keys(name)
        archived = self._reading(
            lambda: [
                value
                for doc, value in self.archive.between(name, years, lo, hi)
                if doc["day"] < cutoff and doc[key] not in hot_keys
            ]
        )
        return values + archived

    def read_ahead(self, lo: str, hi: str) -> None:
        """Read the archive files holding the days from ``lo`` to ``hi`` before a query needs
        them (nothing when those days are all in the hot file)."""
        if self.cutoff is None or lo >= self.cutoff:
            return
        years = self.archive.years(int(lo[:4]), int(hi[:4]))

        def ready() -> list[None]:
            self.archive.ready(years)
            return []

        self._reading(ready)

    def everything(self, name: str) -> list[Doc]:
        """Every record of table ``name``, hot and archived."""
        return [*self._tables[name].all(), *self.for_reading(name)]

    def find(self, name: str, key: str) -> Doc | None:
        """The record of ``name`` whose identifying field is ``key``, hot first."""
        field = KEYS[name]
        found = self._tables[name].get(Query()[field] == key)
        if found is not None:
            return dict(found)
        return next((doc for doc in self.archived(name) if doc[field] == key), None)

    def hot_keys(self, name: str) -> set[str]:
        """The identifying fields of table ``name``'s records in the hot file."""
        key = KEYS[name]
        return {doc[key] for doc in self._tables[name]}

    def archived(self, name: str, years: Collection[int] | None = None) -> list[Doc]:
        """The archived records of table ``name`` that count (in ``years`` only, if given)."""
        if self.cutoff is None:
            return []
        docs = self.archive.docs(name, years=years)
        return list(visible(docs, name, self.cutoff, self.hot_keys(name)))

    def for_reading(self, name: str, years: Collection[int] | None = None) -> list[Doc]:
        """``archived`` for a read, which may go on without the archive."""
        return self._reading(lambda: self.archived(name, years))

    def _reading(self, read: Callable[[], list[T]]) -> list[T]:
        """What ``read`` reads of the archive; nothing when the reads go on without it."""
        if self._report is not None and self.problem is not None:
            return []
        try:
            return read()
        except ArchiveUnreadableError as problem:
            if self._report is None:
                raise
            self.problem = problem
            self._report(problem)
            return []

    def bring_back(
        self,
        match: Callable[[Doc], bool],
        *,
        first: date | None = None,
        last: date | None = None,
        tables: Collection[str] = ("plan_items", "rest_days"),
    ) -> None:
        """Move the archived records that ``match`` back to the hot file.

        Only the years from ``first`` to ``last`` are looked at; skipped (no file even
        read) when nothing is archived or when ``first`` is past the cutoff. Done in
        the open transaction: the hot file and the rewritten years change together.
        """
        cutoff = self.cutoff
        if cutoff is None or (first is not None and first.isoformat() >= cutoff):
            return
        years = self.archive.years(
            None if first is None else first.year, None if last is None else last.year
        )
        # Shadowed copies count too: the rewrite below drops them, so deleting the hot
        # copy later cannot bring an archived one back.
        matched = {
            name: [doc for doc in self.archive.docs(name, years=years) if match(doc)]
            for name in tables
        }
        if not any(matched.values()):
            return
        touched = {int(doc["day"][:4]) for docs in matched.values() for doc in docs}
        for name, docs in matched.items():
            back = [dict(doc) for doc in visible(docs, name, cutoff, self.hot_keys(name))]
            if back:
                self._tables[name].insert_multiple(back)
        self._restage(touched)

    def move_before(self, day: date) -> bool:
        """Move the hot records dated before ``day`` to the archive (in the open transaction).

        Returns False, changing nothing, when the hot file holds nothing that old. Only
        the years of the records that move are read and rewritten (all of them once,
        to split data version 2's single file).
        """
        cutoff, moving = self._moving_before(day)
        if not any(moving.values()):
            return False
        self._restage(_years_of(moving), extra=moving)

        def drop_moved(hot: Hot) -> None:
            for name, docs in moving.items():
                for doc in docs:
                    del hot[name][str(doc.doc_id)]
            _stamp(hot, CUTOFF_FIELD, cutoff)

        self._save_hot(drop_moved)
        self.cutoff = cutoff
        return True

    def _moving_before(self, day: date) -> tuple[str, dict[str, list[Document]]]:
        """The cutoff a move to ``day`` sets (ISO), and the hot records it moves, by table."""
        cutoff = max(day.isoformat(), self.cutoff or "")
        return cutoff, {name: [d for d in self._tables[name] if d["day"] < cutoff] for name in KEYS}

    def write_logs_apart(self, moving_before: date | None = None) -> bool:
        """Stage the newest archived year still kept in one file (data versions 3 and 4) to
        be written as its two files, in the open transaction; False when there is none.

        Years a ``move_before(moving_before)`` would write are left to it. A year that
        cannot be read is left as it is and the next older one is staged instead; the
        first such year's ArchiveUnreadableError is raised after that, so a caller that
        carries on in its transaction still writes the one staged.
        """
        archive = self.archive
        if LEGACY in archive.parts:
            return False  # the first change that touches the archive splits it whole
        # A year this transaction writes anyway is written in two by it.
        taken = set(archive.staged)
        if moving_before is not None:
            taken |= _years_of(self._moving_before(moving_before)[1])
        whole = [y for y in archive.years() if y not in archive.apart and y not in taken]
        if not whole:
            return False
        unreadable: ArchiveUnreadableError | None = None
        for year in reversed(whole):
            try:
                self._restage([year])
            except ArchiveUnreadableError as error:  # nothing of it was staged
                unreadable = unreadable or error
                continue
            self._rewritten[year] = (archive.parts.get(year, 0), archive.staged[year])
            break
        if unreadable is not None:
            raise unreadable
        return True

    def commit(self) -> None:
        """Commit the open transaction: staged years first, then the hot file naming them.

        Raises what the storage raises (nothing is current that was not committed).
        """
        if not self.archive.staged:
            self._storage.commit()
            return
        self._storage.check_unchanged()
        staged, rewritten = dict(self.archive.staged), self._rewritten
        self._rewritten = {}
        generation = int.from_bytes(os.urandom(5), "big") + 1  # 1 to 2**40
        try:
            parts = self.archive.write_staged(generation)
            named = {str(year): number for year, number in sorted(parts.items())}
            apart = sorted(self.archive.apart_after(parts))

            def name_files(hot: Hot) -> None:
                _stamp(hot, PARTS_FIELD, named)
                _stamp(hot, APART_FIELD, apart)

            self._save_hot(name_files)
            self._storage.commit()
        except BaseException:
            self.archive.drop_written(generation)
            raise
        self.archive.promote(parts)
        # A year written again with the records it held counts the same weeks: its kept
        # tallies go with it, so the history does not tally it again. Restaged since
        # (another change to the year in this transaction), it is tallied afresh.
        self.summaries.carry(
            {
                (year, before): (year, parts[year])
                for year, (before, tables) in rewritten.items()
                if staged.get(year) is tables and year in parts
            }
        )

    def tallies(self) -> list[WeekTally]:
        """Every week's tally, the archived years' from their kept summaries (see Store)."""
        from planner.domain.history import merge_tallies, tally_weeks  # not at start-up

        hot = tally_weeks(
            [codec.log_from_doc(doc) for doc in self._tables["session_logs"].all()],
            [codec.item_from_doc(doc) for doc in self._tables["plan_items"].all()],
        )
        if self.cutoff is None:
            return hot
        groups, fresh = [hot], {}
        current = {(year, self.archive.parts.get(year, 0)) for year in self.archive.years()}
        for key in sorted(current):
            known = self.summaries.get(key)
            if known is None:
                year = [key[0]]
                logs = self.for_reading("session_logs", year)
                items = self.for_reading("plan_items", year)
                if self.problem is not None:
                    return merge_tallies(*groups)  # what could be read; nothing kept
                known = tally_weeks(
                    [codec.log_from_doc(doc) for doc in logs],
                    [codec.item_from_doc(doc) for doc in items],
                )
                fresh[key] = known
            groups.append(known)
        if fresh:
            self.summaries.keep(fresh, current)
        return merge_tallies(*groups)

    def tallies_kept(self) -> bool:
        """Whether ``tallies`` can answer from kept summaries, reading no archive file."""
        if self.cutoff is None:
            return True
        years = self.archive.years()
        return all(self.summaries.get((y, self.archive.parts.get(y, 0))) is not None for y in years)

    def latest_logs(self, count: int) -> list[Doc]:
        """At least ``count`` log records if there are that many: the hot ones, then
        archived years from the newest, read only while more are needed."""
        docs: list[Doc] = list(self._tables["session_logs"].all())
        if len(docs) < count and self.cutoff is not None:
            for year in reversed(self.archive.years()):
                docs += self.for_reading("session_logs", [year])
                if len(docs) >= count:
                    break
        return docs

    def _restage(
        self, years: Collection[int], extra: Mapping[str, Sequence[Doc]] | None = None
    ) -> None:
        """Stage ``years`` of the archive as what counts in them now, plus ``extra`` records.

        What counts drops archived copies a hot record shadows. A legacy single file is
        split into years on the way (every year it holds is staged, the file dropped).
        """
        old = self.cutoff or _NO_CUTOFF
        legacy = LEGACY in self.archive.parts and LEGACY not in self.archive.staged
        chosen = set(years) | ({LEGACY} if legacy else set())
        by_year: dict[int, dict[str, list[Doc]]] = {}
        for name in KEYS:
            hot_keys = self.hot_keys(name)
            counted = visible(self.archive.docs(name, years=sorted(chosen)), name, old, hot_keys)
            for doc in [*counted, *(extra or {}).get(name, [])]:
                by_year.setdefault(int(doc["day"][:4]), {}).setdefault(name, []).append(doc)
        if legacy:
            self.archive.stage(LEGACY, {})
        for year in chosen - {LEGACY} | by_year.keys():
            self.archive.stage(year, build_tables(by_year.get(year, {})))

    def _save_hot(self, change: Callable[[Hot], None]) -> None:
        """Apply ``change`` to the hot file's raw tables in the open transaction.

        ``change`` may only remove records and edit existing ones: TinyDB keeps
        the next free record number of each table, so new records go through it.
        """
        data = self._storage.read() or {}
        try:
            change(data)
            self._storage.write(data)
        finally:
            for table in self._tables.values():
                table.clear_cache()

    def _recorded(self, field: str) -> str | None:
        for doc in self._tables["meta"].all():
            if field in doc:
                return str(doc[field])
        return None

    def _recorded_parts(self) -> Parts:
        """The archive files the hot file names (data version 2: its one file, if any)."""
        for doc in self._tables["meta"].all():
            if PARTS_FIELD in doc:
                return {int(year): int(number) for year, number in doc[PARTS_FIELD].items()}
        return {LEGACY: 0} if self._recorded(CUTOFF_FIELD) is not None else {}

    def _recorded_apart(self) -> list[int]:
        """The years whose session logs are in files of their own (data version 5 on)."""
        for doc in self._tables["meta"].all():
            if APART_FIELD in doc:
                return [int(year) for year in doc[APART_FIELD]]
        return []


def _stamp(hot: Hot, field: str, value: object) -> None:
    stamp = next(doc for doc in hot["meta"].values() if "schema_version" in doc)
    stamp[field] = value


def _years_of(records: Mapping[str, Sequence[Doc]]) -> set[int]:
    """The years the records' days fall in."""
    return {int(doc["day"][:4]) for docs in records.values() for doc in docs}
