"""Open the data file for the app, turning each problem into a safe start and a notice.

The app would rather start than refuse: a damaged file is kept aside and a new
one begun, a newer file or one held by another running app is shown read-only.
The notice tells the user which of these happened.

Given today's date, it also moves weeks older than the archive cutoff out of the
data file (only when there are any, so most starts write nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from planner.domain.text_rules import terminal_safe
from planner.storage.archive import all_archive_files, archive_cutoff
from planner.storage.errors import DamagedStoreError, NewerStoreError, StoreError, StoreLocked
from planner.storage.opening import checked_data_path, move_aside, open_store
from planner.storage.store import Store

_WITH_ARCHIVE = " (its archive of older weeks beside it, under the same date)"


@dataclass(frozen=True)
class OpenedStore:
    """A store ready for the app, and what to tell the user about how it was opened."""

    store: Store
    notice: str = ""


def open_for_app(
    path: Path, *, now: datetime | None = None, today: date | None = None
) -> OpenedStore:
    """Open ``path`` for the app, recovering from what can be recovered from.

    With ``today``, a writable store also archives the weeks before the cutoff.
    Raises StoreError (a UserFacingError) only when nothing sensible can be
    opened: the folder cannot be written, or a file held by another app is
    itself unreadable.
    """
    path = checked_data_path(path)
    opened = _open(path, now=now)
    if not opened.store.read_only:
        opened = _set_damaged_pending_aside(opened, now=now)
    if today is None or opened.store.read_only:
        return opened
    try:
        opened.store.archive_before(archive_cutoff(today))
    except StoreError as error:
        # The recent weeks still work; the user hears why older ones may not.
        notice = " ".join(part for part in (opened.notice, error.as_sentence()) if part)
        return replace(opened, notice=notice)
    return opened


def _set_damaged_pending_aside(opened: OpenedStore, *, now: datetime | None) -> OpenedStore:
    """Keep an unreadable file of waiting sessions aside, so new checkpoints can be saved."""
    pending = opened.store.pending
    pending.all()
    if pending.problem is None or pending.path is None:
        return opened
    try:
        kept = move_aside(pending.path, now=now)
    except (FileNotFoundError, StoreError):
        return opened
    pending.start_afresh()
    notice = (
        f"The file of sessions waiting to be saved could not be read; it is kept "
        f"unchanged as {kept}."
    )
    return replace(opened, notice=" ".join(part for part in (opened.notice, notice) if part))


def _open(path: Path, *, now: datetime | None) -> OpenedStore:
    try:
        return OpenedStore(open_store(path))
    except StoreLocked:
        return OpenedStore(
            open_store(path, read_only=True),
            f"Another Back Planner is already using {path}. This window is read-only: "
            "nothing you change here will be saved.",
        )
    except NewerStoreError:
        return OpenedStore(
            open_store(path, read_only=True),
            f"{path} comes from a newer Back Planner, so it is open read-only and stays "
            "as it is. Update planner to make changes.",
        )
    except DamagedStoreError as error:
        had_archive = bool(all_archive_files(path))
        try:
            kept = move_aside(path, now=now)
        except FileNotFoundError:
            # Another app moved it aside between our attempts; its copy is kept.
            return OpenedStore(open_store(path), "")
        return OpenedStore(
            open_store(path),
            f"Your data file could not be read ({terminal_safe(error.reason)}). It is kept "
            f"unchanged as {kept}{_WITH_ARCHIVE if had_archive else ''}, and a new, empty one "
            "was started.",
        )
