"""Weekly tallies of archived years, kept on disk so the history never re-reads closed years.

An archive file never changes once written (a change writes a new generation), so the
tallies of its weeks, computed once, stay true for as long as the hot file names that
generation. They are kept in ``planner.summary.json`` beside the data file, keyed by
year and generation. The file is a cache, never the authority: a missing, damaged or
out-of-date one is simply rebuilt from the archive, and a failed write only costs the
next history a little time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from planner.storage.atomic import write_atomically
from planner.storage.paths import companion_path

if TYPE_CHECKING:  # the history's classes load with the history, not at start-up
    from planner.domain.history import WeekTally

_FORMAT = 1

Key = tuple[int, int]
"""An archive file: (year, generation)."""


def summary_path(path: Path) -> Path:
    """Where the tallies of the data file ``path``'s archive live (``planner.summary.json``)."""
    return companion_path(path, "summary")


class SummaryCache:
    """Tallies by archive file, read from disk once and written back when they grow."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._entries: dict[Key, list[WeekTally]] | None = None

    def get(self, key: Key) -> list[WeekTally] | None:
        """The tallies of one archive file, if known."""
        return self._load().get(key)

    def keep(self, fresh: Mapping[Key, Sequence[WeekTally]], current: set[Key]) -> None:
        """Add ``fresh`` tallies, drop those of files no longer ``current``, save if possible."""
        entries = {key: value for key, value in self._load().items() if key in current}
        entries.update({key: list(value) for key, value in fresh.items()})
        self._entries = entries
        if self.path is None or self.read_only:
            return
        payload = {
            "format": _FORMAT,
            "parts": [
                {"year": year, "generation": gen, "weeks": [_encode(t) for t in tallies]}
                for (year, gen), tallies in sorted(entries.items())
            ],
        }
        # A cache: when it cannot be saved, the history only rebuilds it next time.
        with contextlib.suppress(OSError):
            write_atomically(self.path, orjson.dumps(payload))

    def carry(self, moves: Mapping[Key, Key]) -> None:
        """Keep the tallies of each file in ``moves`` under the name of the file that now
        holds the same records instead (a year written again, unchanged), and save."""
        entries = self._load()
        carried = {new: entries[old] for old, new in moves.items() if old in entries}
        if carried:
            current = (entries.keys() - moves.keys()) | carried.keys()
            self.keep(carried, current)

    def _load(self) -> dict[Key, list[WeekTally]]:
        if self._entries is None:
            self._entries = {}
            if self.path is not None:
                with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
                    self._entries = _decode(orjson.loads(self.path.read_bytes()))
        return self._entries


def _encode(tally: WeekTally) -> dict[str, Any]:
    return {
        "monday": tally.monday.isoformat(),
        "planned": sorted(day.isoformat() for day in tally.planned_days),
        "credit": {day.isoformat(): value for day, value in sorted(tally.credit.items())},
        "sessions": tally.sessions,
        "milliseconds": tally.milliseconds,
        "before": [tally.pain_before_sum, tally.pain_before_count],
        "after": [tally.pain_after_sum, tally.pain_after_count],
        "first": tally.first_session_day.isoformat() if tally.first_session_day else None,
    }


def _decode(data: Any) -> dict[Key, list[WeekTally]]:
    if data.get("format") != _FORMAT:
        raise ValueError("another format")
    entries: dict[Key, list[WeekTally]] = {}
    for part in data["parts"]:
        key = (int(part["year"]), int(part["generation"]))
        entries[key] = [_decode_tally(doc) for doc in part["weeks"]]
    return entries


def _decode_tally(doc: dict[str, Any]) -> WeekTally:
    from planner.domain.history import WeekTally

    before_sum, before_count = (int(v) for v in doc["before"])
    after_sum, after_count = (int(v) for v in doc["after"])
    first = doc["first"]
    return WeekTally(
        monday=date.fromisoformat(doc["monday"]),
        planned_days=frozenset(date.fromisoformat(day) for day in doc["planned"]),
        credit={date.fromisoformat(day): float(v) for day, v in doc["credit"].items()},
        sessions=int(doc["sessions"]),
        milliseconds=int(doc["milliseconds"]),
        pain_before_sum=before_sum,
        pain_before_count=before_count,
        pain_after_sum=after_sum,
        pain_after_count=after_count,
        first_session_day=date.fromisoformat(first) if first else None,
    )
