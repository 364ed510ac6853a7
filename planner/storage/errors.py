"""What can go wrong with the data file, each worded so the user can act on it.

Every class here is a ``UserFacingError``: ``planner`` prints the message as one
line and exits with status 2, and the app shows it without a traceback.
"""

from __future__ import annotations

from pathlib import Path

from planner.domain.errors import UserFacingError


class StoreError(UserFacingError):
    """A problem with the saved data, worded for the user."""


class ReadOnlyStoreError(StoreError):
    """A write was attempted on a store opened read-only."""


class StoreLocked(StoreError):
    """Another running Back Planner holds the data file."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"another Back Planner is using {path}; close it first")
        self.path = path


class DamagedStoreError(StoreError):
    """The data file cannot be read as ours: bad JSON, wrong shape or wrong types.

    The file is left exactly as it is; ``move_aside`` keeps it under a new name.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} is damaged and was left untouched ({reason})")
        self.path = path
        self.reason = reason


class NewerStoreError(StoreError):
    """The data file was written by a newer Back Planner than this one."""

    def __init__(self, path: Path, version: int, supported: int) -> None:
        super().__init__(
            f"{path} was saved by a newer Back Planner (data version {version}, this one "
            f"knows up to {supported}); it was left untouched, please update planner"
        )
        self.path = path
        self.version = version


class ArchiveUnreadableError(StoreError):
    """The archive of older weeks cannot be used: missing, damaged or from a newer version.

    The archive is left exactly as it is; the recent weeks in the data file still work.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"the older history in {path} could not be read ({reason}); the file was left "
            "untouched and only recent weeks can be shown"
        )
        self.path = path
        self.reason = reason


class StoreChangedError(StoreError):
    """Another program replaced the data file since this app read it; nothing was written.

    The store has let go of what it had in memory, so the next read shows the file
    as the other program left it.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} was changed by another program since it was opened; this change was "
            "not saved, and what is shown now is the file as it is on disk"
        )
        self.path = path
