"""Session logs waiting beside the data file: live-session checkpoints and failed saves.

A live session is checkpointed often (at each exercise boundary and on pause), so a
checkpoint must be cheap: it goes to a small file of its own (``planner.pending.json``)
instead of the data file. A log whose save failed (a full disk) waits there too, so
it survives the app closing. Each entry is a whole log; saving one with the same id
replaces it. The file is written atomically like the data file; a damaged one is
reported by ``PendingLogs.problem`` and never written over.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from planner.domain.models import SessionLog
from planner.storage import codec
from planner.storage.atomic import load_tables, write_atomically
from planner.storage.errors import DamagedStoreError, ReadOnlyStoreError, StoreError
from planner.storage.paths import companion_path

_FORMAT = 1


def pending_path(path: Path) -> Path:
    """Where the pending logs of the data file ``path`` live (``planner.pending.json``)."""
    return companion_path(path, "pending")


@dataclass(frozen=True)
class PendingLog:
    """A log not yet in the session log; ``interrupted`` when it is a live session's checkpoint."""

    log: SessionLog
    interrupted: bool


class PendingLogs:
    """The pending logs of one data file (in memory when ``path`` is None)."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._entries: dict[str, PendingLog] | None = None
        self.problem: StoreError | None = None
        """Why the file could not be read; it is then left as it is and never written."""

    def all(self) -> list[PendingLog]:
        """Every pending log, in the order they were first saved."""
        return list(self._load().values())

    def save(self, log: SessionLog, *, interrupted: bool) -> None:
        """Keep ``log`` (replacing a pending log with the same id). Raises StoreError."""
        entries = dict(self._load())
        entries[log.id] = PendingLog(log, interrupted)
        self._write(entries)

    def forget(self, ids: Iterable[str]) -> None:
        """Drop the pending logs with these ids (nothing written when none is pending)."""
        current = self._load()
        gone = set(ids) & current.keys()
        if not gone:
            return
        self._write({key: entry for key, entry in current.items() if key not in gone})

    def start_afresh(self) -> None:
        """Begin an empty list after the damaged file was moved aside by the caller."""
        self.problem = None
        self._entries = {}

    def _load(self) -> dict[str, PendingLog]:
        if self._entries is None:
            self._entries = {}
            if self.path is not None:
                try:
                    self._entries = _decode(self.path)
                except StoreError as error:
                    self.problem = error
        return self._entries

    def _write(self, entries: dict[str, PendingLog]) -> None:
        if self.read_only:
            raise ReadOnlyStoreError("The data file is open read-only; this change was not saved.")
        if self.problem is not None:
            raise self.problem
        if self.path is not None:
            if entries:
                payload = {
                    "format": _FORMAT,
                    "logs": [
                        {"interrupted": entry.interrupted, "log": codec.log_to_doc(entry.log)}
                        for entry in entries.values()
                    ],
                }
                try:
                    write_atomically(self.path, orjson.dumps(payload))
                except OSError as error:
                    raise StoreError(
                        f"could not save to {self.path} ({error.strerror or error})"
                    ) from error
            else:
                try:
                    self.path.unlink(missing_ok=True)
                except OSError as error:
                    raise StoreError(
                        f"could not remove {self.path} ({error.strerror or error})"
                    ) from error
        self._entries = entries


def _decode(path: Path) -> dict[str, PendingLog]:
    data: Any = load_tables(path)
    if data is None:
        return {}
    try:
        if data.get("format") != _FORMAT or not isinstance(data.get("logs"), list):
            raise ValueError("it is not a list of pending sessions")
        entries: dict[str, PendingLog] = {}
        for item in data["logs"]:
            log = codec.log_from_doc(item["log"])
            interrupted = item["interrupted"]
            if not isinstance(interrupted, bool):
                raise ValueError("interrupted is not true or false")
            entries[log.id] = PendingLog(log, interrupted)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DamagedStoreError(path, f"a pending session cannot be read: {error}") from error
    return entries
