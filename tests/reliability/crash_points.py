"""The crash-point harness: kill a user action right after each write-side system call it makes.

A user action runs in a forked child whose ``os.open`` (for writing), ``os.write``,
``os.fsync``, ``os.replace``, ``os.rename`` and ``os.unlink`` are counted. A first run
counts the calls the action makes; then, for each call N, a fresh copy of the same
data is given to a child that SIGKILLs itself right after call N returns. After each
kill the files are opened as the next launch would open them, and everything a user
could see is compared with the state before the action and the state after it.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from planner.storage import Store, open_store

Action = Callable[[Path], object]
"""A user action run against the data file at the given path."""

State = tuple[object, ...]

_COUNTED = ("open", "write", "fsync", "replace", "rename", "unlink")
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _counting(kill_after: int | None, counter: list[int]) -> None:
    """Wrap the write-side calls of ``os`` so call number ``kill_after`` is the last."""
    for name in _COUNTED:
        real = getattr(os, name)

        def wrapper(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            result = _real(*args, **kwargs)
            if _name == "open" and not (args[1] if len(args) > 1 else 0) & _WRITE_FLAGS:
                return result
            counter[0] += 1
            if kill_after is not None and counter[0] >= kill_after:
                os.kill(os.getpid(), signal.SIGKILL)
            return result

        setattr(os, name, wrapper)


def run_in_child(action: Action, path: Path, kill_after: int | None) -> tuple[int, bool]:
    """Run ``action`` in a forked child; the calls it made and whether it was killed."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_end)
        status = 0
        counter = [0]
        try:
            _counting(kill_after, counter)
            action(path)
        except BaseException:
            status = 3
        report = str(counter[0]).encode()
        # The raw write: the counted one would count (and maybe kill) the report itself.
        _raw_write(write_end, report)
        os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        reported = pipe.read()
    _, wait_status = os.waitpid(pid, 0)
    killed = os.WIFSIGNALED(wait_status) and os.WTERMSIG(wait_status) == signal.SIGKILL
    if not killed and os.WEXITSTATUS(wait_status) != 0:
        raise AssertionError(f"the action failed in the child (status {wait_status})")
    return (int(reported) if reported else -1), killed


_raw_write = os.write


def visible_state(path: Path) -> State:
    """Everything a user can see in the data at ``path``, opened as the next launch would."""
    with open_store(path) as store:
        return state_of(store)


def state_of(store: Store) -> State:
    """What ``store`` holds, with record ids that are made afresh each run left out."""
    items = sorted(
        (i.day, i.exercise_id, i.position, i.dose, i.held_reason)
        for i in store.items_between(date.min, date.max)
    )
    return (
        items,
        sorted(store.rest_days_between(date.min, date.max)),
        sorted(store.logs(), key=lambda log: log.id),
        store.profile(),
        store.plan_advice(),
        store.settings(),
        sorted(store.custom_exercises(), key=lambda exercise: exercise.id),
        sorted((entry.log.id, entry.interrupted) for entry in store.pending_logs()),
        # Which weeks the archive holds: invisible on screen, but the layout must be whole too.
        store.archive_cutoff,
    )


@dataclass(frozen=True)
class CrashReport:
    """How one action fared: its crash points, and how many left the old or the new state."""

    action: str
    points: int
    old: int
    new: int

    def line(self) -> str:
        """One line for the test output and the README."""
        return (
            f"{self.action}: {self.points} crash points, {self.old} left the state before, "
            f"{self.new} the state after, 0 anything else"
        )


def crash_every_point(name: str, prepared: Path, action: Action, work: Path) -> CrashReport:
    """Kill ``action`` after each of its write-side calls on copies of the folder ``prepared``.

    Raises AssertionError naming the crash point when the files do not open, or hold
    a state that is neither the one before the action nor the one after it.
    """
    data = prepared / "planner.json"
    before = visible_state(_copy(prepared, work / "before") / "planner.json")
    after_folder = _copy(prepared, work / "after")
    calls, killed = run_in_child(action, after_folder / "planner.json", None)
    assert not killed and calls > 0, f"{name}: the action made no write ({calls})"
    after = visible_state(after_folder / "planner.json")
    assert after != before, f"{name}: the action changed nothing a user can see"
    old = new = 0
    for point in range(1, calls + 1):
        folder = _copy(prepared, work / f"point-{point}")
        _, killed = run_in_child(action, folder / data.name, point)
        assert killed, f"{name}: not killed at crash point {point} of {calls}"
        try:
            seen = visible_state(folder / data.name)
        except Exception as error:  # the report names the point; the type is in the message
            raise AssertionError(f"{name}, crash point {point}: {error!r}") from error
        if seen == before:
            old += 1
        elif seen == after:
            new += 1
        else:
            raise AssertionError(f"{name}, crash point {point} of {calls}: a mixed state")
        shutil.rmtree(folder)
    return CrashReport(name, calls, old, new)


def _copy(folder: Path, target: Path) -> Path:
    shutil.copytree(folder, target, symlinks=True)
    for lock in target.glob("*.lock"):
        lock.unlink()
    return target
