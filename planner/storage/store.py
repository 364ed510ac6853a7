"""The Store: the app's one door to its saved data, speaking domain types in and out.

Nothing outside ``planner.storage`` knows TinyDB exists. Every method takes and
returns values from ``planner.domain.models``; every write lands on disk before
the method returns (through the crash-safe storage in ``atomic.py``).

One user action is one change on disk: ``with store.transaction():`` gathers every
edit made inside it (any number of tables, the archive too) and commits them with
one encode and one atomic replacement of the data file, or writes nothing at all
when the block raises. Each changing method is a transaction of its own when it is
called outside one.

Weeks older than the archive cutoff live in archive files by year; ``split.py`` answers
every query across the two as if all were in one file, reading a year's archive file
only when the query reaches back into that year (``archive.py`` has the rules).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar, cast

from tinydb import Query, TinyDB
from tinydb.table import Table

from planner.domain.advice import Advice, ordered
from planner.domain.models import Dose, Exercise, Plan, PlanItem, Profile, SessionLog, Settings
from planner.storage import codec
from planner.storage.archive import Archive
from planner.storage.atomic import MemoryJSONStorage
from planner.storage.errors import ArchiveUnreadableError
from planner.storage.errors import ReadOnlyStoreError as ReadOnlyStoreError
from planner.storage.errors import StoreError as StoreError
from planner.storage.pending import PendingLog, PendingLogs
from planner.storage.schema import SCHEMA_VERSION as SCHEMA_VERSION
from planner.storage.schema import refusal
from planner.storage.split import Split
from planner.storage.summaries import SummaryCache

if TYPE_CHECKING:  # the history's classes load with the history, not at start-up
    from planner.domain.history import WeekTally

_TABLES = (
    "plan_items",
    "rest_days",
    "session_logs",
    "profile",
    "settings",
    "custom_exercises",
    "meta",
)


P = ParamSpec("P")
R = TypeVar("R")


def _saving(name: str, doc: codec.Doc) -> codec.Doc:
    """``doc``, to be saved in table ``name``, once the rules the file is read with accept it.

    What people type is checked by those rules where they type it; this is the last
    guard, so that no mistake can save a record that makes the whole file unreadable at
    the next start. Raises StoreError, and the change saves nothing.
    """
    problem = refusal(name, doc)
    if problem is not None:
        raise StoreError(f"this change was not saved ({name}: {problem})")
    return doc


def _one_change(method: Callable[Concatenate[Store, P], R]) -> Callable[Concatenate[Store, P], R]:
    """Refuse on a read-only store, and run ``method`` as one transaction (or in the open one)."""

    def change(self: Store, /, *args: P.args, **kwargs: P.kwargs) -> R:
        self._check_writable()
        with self.transaction():
            return method(self, *args, **kwargs)

    change.__name__ = method.__name__
    change.__doc__ = method.__doc__
    return change


class Store:
    """Plan, session log, profile, settings and custom exercises in one TinyDB database.

    Build one with :meth:`in_memory` for tests, or with ``planner.storage.open_store``
    for a file on disk (which adds the lock, the crash-safe writes and the checks
    on a damaged or newer file).
    """

    def __init__(
        self,
        db: TinyDB,
        *,
        path: Path | None = None,
        read_only: bool = False,
        archive: Archive | None = None,
        pending: PendingLogs | None = None,
        summaries: SummaryCache | None = None,
    ) -> None:
        self._db = db
        self.path = path
        self.read_only = read_only
        self._depth = 0
        self.revision = 0
        """Goes up with every commit and reload: a view drawn at the same revision is current."""
        self._after_commit: list[Callable[[], object]] = []
        self._after_rollback: list[Callable[[], object]] = []
        self._make_tables()
        self._on_close: list[Callable[[], object]] = []
        self.archive = archive or Archive(None, read_only=read_only)
        self.pending = pending or PendingLogs(None, read_only=read_only)
        self.summaries = summaries or SummaryCache(None, read_only=read_only)
        self._split = Split(db.storage, self._tables, self.archive, self.summaries)

    def _make_tables(self) -> None:
        # Table objects of our own (not TinyDB's cached ones): after a reload they are
        # made afresh, so no table keeps a next record number from a file that changed.
        tables = {name: Table(self._db.storage, name) for name in _TABLES}
        self._tables = tables
        self._items = tables["plan_items"]
        self._rest = tables["rest_days"]
        self._logs = tables["session_logs"]
        self._profile = tables["profile"]
        self._settings = tables["settings"]
        self._custom = tables["custom_exercises"]
        self._meta = tables["meta"]

    @classmethod
    def in_memory(cls) -> Store:
        """A store that lives only as long as the object: for tests and previews."""
        store = cls(TinyDB(storage=MemoryJSONStorage))
        store.ensure_schema()
        return store

    def ensure_schema(self) -> None:
        """Stamp a new database with the current schema version."""
        if not self._meta.all() and not self.read_only:
            with self.transaction():
                self._meta.insert({"schema_version": SCHEMA_VERSION})

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open: what is read now may still be rolled back."""
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Gather every change made inside the block into one atomic commit.

        The commit writes the archive (when it changed) under a new generation,
        then the data file naming it, in one atomic replacement: a kill at any
        point leaves the state before the block or the state after it. When the
        block raises, nothing is written and the store forgets the changes. Nested
        blocks join the outermost one. Raises StoreChangedError (nothing written,
        the store reloaded) when another program replaced the data file since it
        was read, and StoreError with the old state kept when the disk refuses.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._storage.begin()
        self._depth = 1
        try:
            yield
            self._include_unsaved_logs()
            self._commit()
        except BaseException:
            self._rollback()
            self._run_hooks(self._after_rollback)
            raise
        finally:
            self._depth = 0
        self.revision += 1
        self._run_hooks(self._after_commit)

    def _include_unsaved_logs(self) -> None:
        """Save logs whose own save failed earlier with this change, if it changes anything."""
        if not (self._storage.dirty or self.archive.staged):
            return
        waiting = [entry.log for entry in self.pending_logs() if not entry.interrupted]
        for log in waiting:
            self._logs.upsert(_saving("session_logs", codec.log_to_doc(log)), Query().id == log.id)
        if waiting:
            ids = [log.id for log in waiting]
            self._after_commit.append(lambda: self.pending.forget(ids))

    def _run_hooks(self, hooks: list[Callable[[], object]]) -> None:
        chosen = list(hooks)
        self._after_commit.clear()
        self._after_rollback.clear()
        for hook in chosen:
            # After a commit the change is on disk whatever a hook meets (a pending copy
            # left behind is ignored once its log is saved); after a rollback the hooks
            # only try to keep a log.
            with contextlib.suppress(StoreError):
                hook()

    @property
    def _storage(self) -> Any:
        return self._db.storage

    def _commit(self) -> None:
        self._split.commit()

    def _rollback(self) -> None:
        self._storage.rollback()
        self.reload()

    def reload(self) -> None:
        """Forget what was read and read the files again on the next query.

        After StoreChangedError this has already happened; the app calls it to show
        the file as another program left it.
        """
        self.revision += 1
        if self._depth == 0:
            self._storage.reload()
        self._make_tables()
        self._split.reset(self._tables)

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the file (the current one for a new file)."""
        docs = self._meta.all()
        return int(docs[0]["schema_version"]) if docs else SCHEMA_VERSION

    @property
    def archive_cutoff(self) -> date | None:
        """The first day the hot file answers for alone; None when nothing was archived."""
        cutoff = self._split.cutoff
        return date.fromisoformat(cutoff) if cutoff else None

    @property
    def archive_problem(self) -> ArchiveUnreadableError | None:
        """Why reads go on without the archive (see carry_on_without_archive)."""
        return self._split.problem

    def close(self) -> None:
        """Close the database and release anything held for it (the lock)."""
        self._db.close()
        for release in self._on_close:
            release()
        self._on_close.clear()

    def call_on_close(self, release: Callable[[], object]) -> None:
        """Run ``release`` when the store is closed (``open_store`` lets its lock go this way)."""
        self._on_close.append(release)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def carry_on_without_archive(self, report: Callable[[ArchiveUnreadableError], object]) -> None:
        """Let reads answer from the recent weeks alone when the archive cannot be read.

        By default a read that reaches back into an unreadable archive raises. After
        this call the first such read calls ``report`` with the problem and answers
        without the archive, and later reads skip it without trying the file again.
        Changes that need the archive still raise, so it is never rewritten while it
        cannot be read.
        """
        self._split.carry_on_without(report)

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStoreError("The data file is open read-only; this change was not saved.")

    def profile(self) -> Profile | None:
        """The profile the current plan was built from, or None before the first plan."""
        docs = self._profile.all()
        return codec.profile_from_doc(docs[0]) if docs else None

    def plan_advice(self) -> tuple[Advice, ...]:
        """The advice saved with the current plan, safety first (empty when there is none)."""
        docs = self._profile.all()
        return ordered(codec.advice_list_from_doc(docs[0])) if docs else ()

    @_one_change
    def set_plan_advice(self, advice: Iterable[Advice]) -> None:
        """Replace the advice shown with the plan (the feedback rules set and clear theirs)."""
        if self._profile.all():
            self._profile.update({"advice": [codec.advice_to_doc(a) for a in ordered(advice)]})

    @_one_change
    def save_plan(self, plan: Plan, *, keep_before: date) -> None:
        """Replace the plan from ``keep_before`` on with ``plan``'s items and rest days.

        Days before ``keep_before`` are history and stay as they were, so are
        the session logs.
        """
        cutoff = keep_before.isoformat()
        self._split.bring_back(lambda doc: doc["day"] >= cutoff, first=keep_before)
        doc = codec.profile_to_doc(plan.profile) | {
            "advice": [codec.advice_to_doc(a) for a in ordered(plan.advice)]
        }
        _saving("profile", doc)
        self._profile.truncate()
        self._profile.insert(doc)
        self._items.remove(Query().day >= cutoff)
        self._rest.remove(Query().day >= cutoff)
        self._items.insert_multiple(
            _saving("plan_items", codec.item_to_doc(item))
            for item in plan.items
            if item.day >= keep_before
        )
        self._rest.insert_multiple(
            {"day": day.isoformat()} for day in sorted(plan.rest_days) if day >= keep_before
        )

    @_one_change
    def restore_profile(self, profile: Profile | None, advice: Iterable[Advice]) -> None:
        """Put back the plan's profile and advice as they were (None: no plan yet)."""
        self._profile.truncate()
        if profile is not None:
            advice_docs = [codec.advice_to_doc(a) for a in ordered(advice)]
            self._profile.insert(
                _saving("profile", codec.profile_to_doc(profile) | {"advice": advice_docs})
            )

    def items_between(self, start: date, end: date) -> list[PlanItem]:
        """Every plan item from ``start`` to ``end`` (both included), by day then position."""
        lo, hi = start.isoformat(), end.isoformat()
        items = cast("list[PlanItem]", self._split.between("plan_items", lo, hi))
        return sorted(items, key=lambda item: (item.day, item.position))

    def read_ahead(self, start: date, end: date) -> None:
        """Read the archived years holding ``start`` to ``end`` now, ahead of a query for them.

        For idle moments: a later query of those days then only decodes what it returns.
        An unreadable archive is reported as reads report it (``carry_on_without_archive``).
        """
        self._split.read_ahead(start.isoformat(), end.isoformat())

    def items_on(self, day: date) -> list[PlanItem]:
        """The plan items of one day, in order."""
        return self.items_between(day, day)

    def item(self, item_id: str) -> PlanItem:
        """One plan item by id; KeyError if it is gone."""
        found = self._split.find("plan_items", item_id)
        if found is None:
            raise KeyError(item_id)
        return codec.item_from_doc(found)

    @_one_change
    def add_item(self, day: date, exercise_id: str, dose: Dose) -> PlanItem:
        """Schedule an exercise at the end of a day."""
        item = PlanItem(
            id=uuid.uuid4().hex,
            day=day,
            exercise_id=exercise_id,
            dose=dose,
            position=len(self.items_on(day)),
        )
        self._items.insert(_saving("plan_items", codec.item_to_doc(item)))
        return item

    @_one_change
    def remove_item(self, item_id: str) -> None:
        """Take an item off the plan and close the gap it leaves in its day."""
        item = self._bring_back(item_id)
        self._items.remove(Query().id == item_id)
        self._renumber(item.day)

    @_one_change
    def move_item(self, item_id: str, day: date) -> PlanItem:
        """Move an item to the end of another day."""
        item = self.item(item_id)
        if item.day == day:
            return item
        self._bring_back(item_id)
        moved = replace(item, day=day, position=len(self.items_on(day)))
        self._items.update(_saving("plan_items", codec.item_to_doc(moved)), Query().id == item_id)
        self._renumber(item.day)
        return moved

    @_one_change
    def reorder_item(self, item_id: str, offset: int) -> PlanItem:
        """Move an item ``offset`` places up (negative) or down (positive) within its day."""
        item = self._bring_back(item_id)
        day_items = self.items_on(item.day)
        index = next(i for i, other in enumerate(day_items) if other.id == item_id)
        new_index = max(0, min(len(day_items) - 1, index + offset))
        day_items.insert(new_index, day_items.pop(index))
        self._write_positions(day_items)
        return self.item(item_id)

    @_one_change
    def set_dose(self, item_id: str, dose: Dose, *, held_reason: str = "") -> PlanItem:
        """Change the dose of one item."""
        item = replace(self._bring_back(item_id), dose=dose, held_reason=held_reason)
        self._items.update(_saving("plan_items", codec.item_to_doc(item)), Query().id == item_id)
        return item

    @_one_change
    def update_items(self, items: Iterable[PlanItem]) -> None:
        """Save several changed items in one write (the feedback rules use this)."""
        changed = {item.id: item for item in items}
        if not changed:
            return
        if self._split.cutoff is not None:
            hot_ids = self._split.hot_keys("plan_items")
            if not hot_ids.issuperset(changed):
                self._split.bring_back(lambda doc: doc["id"] in changed, tables=("plan_items",))
        docs = [
            (_saving("plan_items", codec.item_to_doc(i)), Query().id == i.id)
            for i in changed.values()
        ]
        self._items.update_multiple(docs)

    def _renumber(self, day: date) -> None:
        self._write_positions(self.items_on(day))

    def _write_positions(self, ordered: list[PlanItem]) -> None:
        updates = [
            ({"position": index}, Query().id == item.id)
            for index, item in enumerate(ordered)
            if item.position != index
        ]
        if updates:
            self._items.update_multiple(updates)

    def rest_days_between(self, start: date, end: date) -> set[date]:
        """The days marked as rest from ``start`` to ``end``."""
        lo, hi = start.isoformat(), end.isoformat()
        return set(cast("list[date]", self._split.between("rest_days", lo, hi)))

    @_one_change
    def toggle_rest_day(self, day: date) -> bool:
        """Mark a day as rest, or unmark it; returns True when it is now a rest day."""
        key = day.isoformat()
        self._split.bring_back(lambda doc: doc["day"] == key, first=day, last=day)
        if self._rest.remove(Query().day == key):
            return False
        self._rest.insert({"day": key})
        return True

    @_one_change
    def restore_day(self, day: date, items: Iterable[PlanItem], *, rest: bool) -> None:
        """Make ``day`` hold exactly ``items`` (ids and positions as given) and rest or not.

        Undo and redo put days back this way, as they were before or after an edit.
        """
        key = day.isoformat()
        self._split.bring_back(lambda doc: doc["day"] == key, first=day, last=day)
        self._items.remove(Query().day == key)
        self._items.insert_multiple(_saving("plan_items", codec.item_to_doc(i)) for i in items)
        self._rest.remove(Query().day == key)
        if rest:
            self._rest.insert({"day": key})

    @_one_change
    def log_session(self, log: SessionLog) -> None:
        """Save a finished (or ended early) session.

        Saving the same log (same id) again replaces it, so a caller may retry a save
        that failed part-way without ever counting a session twice. Once the
        transaction commits, a pending copy of the log (a checkpoint) is forgotten;
        when it fails, the log is kept on disk as pending instead (see
        ``save_pending_log``), to be saved with the next change that succeeds.
        """
        self._logs.upsert(_saving("session_logs", codec.log_to_doc(log)), Query().id == log.id)
        self._after_commit.append(lambda: self.pending.forget([log.id]))
        self._after_rollback.append(lambda: self._keep_unsaved(log))

    def _keep_unsaved(self, log: SessionLog) -> None:
        with contextlib.suppress(StoreError):
            self.pending.save(log, interrupted=False)

    def save_pending_log(self, log: SessionLog, *, interrupted: bool) -> None:
        """Keep ``log`` on disk beside the data file, replacing a pending log with its id.

        For a live session's checkpoints (``interrupted=True``: found at the next
        launch, it means the session was cut short) and for a log whose save failed
        (``interrupted=False``). Cheap: a small file of its own, written atomically.
        Raises StoreError when it cannot be written.
        """
        self._check_writable()
        self.pending.save(log, interrupted=interrupted)

    def pending_logs(self) -> list[PendingLog]:
        """The logs waiting beside the data file that are not in the session log yet.

        A pending log whose id is already logged is left out: the saved log is the
        later one (checkpoints never reach the log table).
        """
        entries = self.pending.all()
        if not entries:
            return []
        logged = {doc["id"] for doc in self._logs.all()}
        return [entry for entry in entries if entry.log.id not in logged]

    def forget_pending(self, ids: Iterable[str]) -> None:
        """Drop pending logs by id (once they are saved, or given up)."""
        self._check_writable()
        self.pending.forget(list(ids))

    @_one_change
    def import_logs(self, logs: Iterable[SessionLog]) -> None:
        """Save many past sessions in one write (restoring a backup, generating benchmark data)."""
        self._logs.insert_multiple(_saving("session_logs", codec.log_to_doc(log)) for log in logs)

    def logs(self) -> list[SessionLog]:
        """Every session ever logged, oldest first."""
        logs = [codec.log_from_doc(doc) for doc in self._split.everything("session_logs")]
        return sorted(logs, key=lambda log: log.started_at)

    def week_tallies(self) -> list[WeekTally]:
        """Every week's tally of plan items and sessions (``domain.history``), oldest first.

        Each archived year is tallied once per archive file and the tallies are kept on
        disk (``summaries.py``); after that only the hot file's records are decoded, so
        the history of twenty years costs what a few weeks cost.
        """
        return self._split.tallies()

    def week_tallies_kept(self) -> bool:
        """Whether ``week_tallies`` is cheap now: every archived year's tallies are kept.

        False before the first history ever read on a data file, and after a change to
        an archived year, until ``week_tallies`` has tallied those years again.
        """
        return self._split.tallies_kept()

    def recent_logs(self, count: int) -> list[SessionLog]:
        """The ``count`` sessions started last, newest first.

        The hot file holds the last weeks' sessions; older years are read, newest
        first, only when it holds fewer than ``count``.
        """
        docs = self._split.latest_logs(count)
        logs = sorted((codec.log_from_doc(doc) for doc in docs), key=lambda log: log.started_at)
        return logs[::-1][:count]

    def logs_between(self, start: date, end: date) -> list[SessionLog]:
        """Sessions logged for the days from ``start`` to ``end``, oldest first."""
        lo, hi = start.isoformat(), end.isoformat()
        logs = cast("list[SessionLog]", self._split.between("session_logs", lo, hi))
        return sorted(logs, key=lambda log: log.started_at)

    def custom_exercises(self) -> list[Exercise]:
        """The user's own exercises."""
        return [codec.exercise_from_doc(doc) for doc in self._custom.all()]

    @_one_change
    def save_custom_exercise(self, exercise: Exercise) -> None:
        """Create a custom exercise, or replace the one with the same id."""
        self._custom.upsert(
            _saving("custom_exercises", codec.exercise_to_doc(exercise)), Query().id == exercise.id
        )

    @_one_change
    def delete_custom_exercise(self, exercise_id: str, *, from_day: date = date.min) -> None:
        """Delete a custom exercise and take it off the plan from ``from_day`` on."""
        key = from_day.isoformat()
        self._split.bring_back(
            lambda doc: doc["exercise_id"] == exercise_id and doc["day"] >= key,
            first=from_day,
            tables=("plan_items",),
        )
        self._custom.remove(Query().id == exercise_id)
        self._items.remove((Query().exercise_id == exercise_id) & (Query().day >= key))

    def settings(self) -> Settings:
        """The user's settings (defaults until something is saved)."""
        docs = self._settings.all()
        return codec.settings_from_doc(docs[0]) if docs else Settings()

    @_one_change
    def save_settings(self, settings: Settings) -> None:
        """Save the user's settings."""
        self._settings.truncate()
        self._settings.insert(_saving("settings", codec.settings_to_doc(settings)))

    @_one_change
    def archive_before(self, day: date) -> bool:
        """Move plan items, rest days and session logs dated before ``day`` to the archive.

        Returns False, writing nothing, when the hot file holds nothing that old. Only
        the years of the records that move are read and rewritten (all of them once,
        to split data version 2's single file). Raises ArchiveUnreadableError (nothing
        written) when a file that must be rewritten cannot be read.
        """
        return self._split.move_before(day)

    @_one_change
    def write_archived_logs_apart(self, moving_before: date | None = None) -> bool:
        """Write the newest archived year still in one file (data versions 3 and 4) as its
        plan file and its logs file, so reads of its plan days no longer parse its logs.
        Years that ``archive_before(moving_before)`` would rewrite are left to it.

        Returns False, writing nothing, when every year is written so already. Raises
        ArchiveUnreadableError when that year's file cannot be read, having staged the
        next older year instead: called on its own, nothing is written; inside a
        transaction that carries on, the older year is (the start's upkeep does so).
        """
        return self._split.write_logs_apart(moving_before)

    def _bring_back(self, item_id: str) -> PlanItem:
        """The item ``item_id``, with its day back in the hot file when it was archived.

        A change to an archived day is made in the hot file: moving the whole day
        keeps its positions in one place, and the next ``archive_before`` takes
        it back once the change is saved.
        """
        item = self.item(item_id)
        key = item.day.isoformat()
        self._split.bring_back(lambda doc: doc["day"] == key, first=item.day, last=item.day)
        return item
