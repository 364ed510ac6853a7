"""Sessions on the record: save a finished one with its review, checkpoint a live one, and
recover at launch what a kill, a crash or a failed save left waiting on disk.

A log that cannot be saved (a full disk, a folder made read-only) is never kept only in a
screen: it waits in the store's side file of pending logs, and the next successful change
or the next launch saves it. A live session's checkpoint waits there too, marked
interrupted, so a launch after a kill keeps it as a partial session and says so once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.domain.catalogue import Catalogue
from planner.domain.dates import short_date
from planner.domain.errors import UserFacingError
from planner.domain.models import SessionLog
from planner.planbook.change import change, refuse_read_only
from planner.storage.errors import StoreError
from planner.storage.store import Store


def apply_review(store: Store, catalogue: Catalogue, today: date) -> str:
    """The feedback rules (``review.apply_review``), imported when first applied.

    The calendar applies them just after its first frame; importing the progression
    model they need is left until then, off the app's start-up.
    """
    from planner.planbook.review import apply_review as review

    return review(store, catalogue, today)


class SessionNotSavedError(UserFacingError):
    """A session log could not be written to the data file; the message says where it waits."""


@dataclass(frozen=True)
class Recovered:
    """What a launch found waiting, and the sentence to tell the user once ("" for nothing)."""

    logs: tuple[SessionLog, ...]
    notice: str


def record_session(store: Store, catalogue: Catalogue, log: SessionLog, today: date) -> str:
    """Save ``log`` and apply the feedback rules in one change; say what changed, or "".

    If the write fails the log waits on disk (pending) and is saved with the next change
    or launch; SessionNotSavedError says so. A read-only store refuses (ReadOnlyError).
    """
    refuse_read_only(store)
    try:
        with change(store):
            store.log_session(log)
            return apply_review(store, catalogue, today)
    except StoreError as error:
        raise SessionNotSavedError(_waiting_words(store, log, error)) from None


def waiting_sessions(store: Store) -> list[SessionLog]:
    """Finished sessions whose save failed and that wait on disk (not live checkpoints)."""
    return [entry.log for entry in store.pending_logs() if not entry.interrupted]


def settle(store: Store, catalogue: Catalogue, today: date) -> str:
    """Save the finished sessions waiting on disk and apply the feedback rules, in one change.

    The calendar runs this when it opens, when the day changes and before each edit while
    a session waits. Returns what to tell the user ("" for nothing); a read-only store is
    left as it is.
    """
    if store.read_only:
        return ""
    waiting = waiting_sessions(store)
    with change(store):
        for log in waiting:
            store.log_session(log)
        message = apply_review(store, catalogue, today)
    saved = [_saved_late(log) for log in waiting]
    return " ".join([*saved, message] if message else saved)


def _saved_late(log: SessionLog) -> str:
    return f"Your session of {short_date(log.day)}, not saved before, is saved now."


def checkpoint_session(store: Store, log: SessionLog) -> None:
    """Keep what a live session has done so far, cheaply, in case the app is killed.

    The log's id is the session's: the finished log replaces the checkpoint. Nothing is
    kept for a read-only store (its session cannot be saved anyway).
    """
    if not store.read_only:
        store.save_pending_log(log, interrupted=True)


def forget_checkpoint(store: Store, log_id: str) -> None:
    """Drop a live session's checkpoint (the session ended with nothing done)."""
    if not store.read_only:
        store.forget_pending([log_id])


def recover_sessions(store: Store) -> Recovered:
    """Save every session left waiting on disk; the sentence to tell the user once.

    An interrupted session with nothing done is forgotten. A read-only store leaves
    them waiting for the app that can write.
    """
    if store.read_only:
        return Recovered((), "")
    pending = store.pending_logs()
    if not pending:
        return Recovered((), "")
    kept = [entry for entry in pending if any_done(entry.log)]
    empty = [entry.log.id for entry in pending if not any_done(entry.log)]
    with change(store):
        for entry in kept:
            store.log_session(entry.log)
    if empty:
        store.forget_pending(empty)
    sentences = [
        f"Your session of {short_date(entry.log.day)} was interrupted; what you did is kept."
        if entry.interrupted
        else _saved_late(entry.log)
        for entry in kept
    ]
    return Recovered(tuple(entry.log for entry in kept), " ".join(sentences))


def any_done(log: SessionLog) -> bool:
    """Whether a log holds any exercise worked (a checkpoint before the first one does not)."""
    return any(entry.seconds > 0 or entry.completed for entry in log.exercises)


def _waiting_words(store: Store, log: SessionLog, error: StoreError) -> str:
    # The store keeps a log whose save failed in its pending file, when it can.
    waiting = any(entry.log.id == log.id for entry in store.pending_logs())
    if not waiting:
        return f"Your session could not be saved: {error.as_sentence()}"
    return (
        f"Your session is not saved yet: {error.as_sentence()} It waits on disk and is saved "
        "with your next change or the next launch."
    )
