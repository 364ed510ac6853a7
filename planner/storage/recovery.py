"""Open the data file for the app, turning each problem into a safe start and a notice.

The app would rather start than refuse: a damaged file is kept aside and a new
one begun, a newer file or one held by another running app is shown read-only.
The notice tells the user which of these happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from planner.storage.errors import DamagedStoreError, NewerStoreError, StoreLocked
from planner.storage.opening import move_aside, open_store
from planner.storage.store import Store


@dataclass(frozen=True)
class OpenedStore:
    """A store ready for the app, and what to tell the user about how it was opened."""

    store: Store
    notice: str = ""


def open_for_app(path: Path, *, now: datetime | None = None) -> OpenedStore:
    """Open ``path`` for the app, recovering from what can be recovered from.

    Raises StoreError (a UserFacingError) only when nothing sensible can be
    opened: the folder cannot be written, or a file held by another app is
    itself unreadable.
    """
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
        try:
            kept = move_aside(path, now=now)
        except FileNotFoundError:
            # Another app moved it aside between our attempts; its copy is kept.
            return OpenedStore(open_store(path), "")
        return OpenedStore(
            open_store(path),
            f"Your data file could not be read ({error.reason}). It is kept unchanged as "
            f"{kept}, and a new, empty one was started.",
        )
