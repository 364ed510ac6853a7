"""The lock file itself: owner-only, never followed through a link, never anything but a file."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.storage import StoreError, open_store
from planner.storage.lock import DataFileLock, LockHeld
from planner.storage.opening import lock_path


def test_a_second_holder_is_refused_until_the_first_lets_go(tmp_path: Path) -> None:
    first, second = DataFileLock(tmp_path / "a.lock"), DataFileLock(tmp_path / "a.lock")
    first.acquire()
    with pytest.raises(LockHeld):
        second.acquire()
    assert not second.held
    first.release()
    first.release()  # a second release is harmless
    second.acquire()
    with pytest.raises(LockHeld):
        DataFileLock(tmp_path / "a.lock").acquire()
    second.release()


def test_the_lock_file_is_made_owner_only(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        lock = DataFileLock(tmp_path / "a.lock")
        lock.acquire()
    finally:
        os.umask(old)
    lock.release()
    assert stat.S_IMODE((tmp_path / "a.lock").stat().st_mode) == 0o600


def test_a_lock_taken_twice_by_one_holder_is_a_bug_not_a_second_lock(tmp_path: Path) -> None:
    lock = DataFileLock(tmp_path / "a.lock")
    lock.acquire()
    with pytest.raises(RuntimeError):
        lock.acquire()
    lock.release()


def test_a_link_at_the_lock_name_is_refused_and_its_target_never_made(tmp_path: Path) -> None:
    db = tmp_path / "planner.json"
    target = tmp_path / "elsewhere"
    lock_path(db).symlink_to(target)
    with pytest.raises(StoreError, match="cannot lock"):
        open_store(db)
    assert not target.exists()
    assert not db.exists()


def test_a_fifo_at_the_lock_name_is_refused_without_hanging(tmp_path: Path) -> None:
    db = tmp_path / "planner.json"
    os.mkfifo(lock_path(db))
    with pytest.raises(StoreError, match="cannot lock"):
        open_store(db)
    assert stat.S_ISFIFO(lock_path(db).lstat().st_mode)
    assert not db.exists()


@pytest.mark.parametrize(
    ("plant", "kind"),
    [
        (lambda lock: lock.symlink_to(lock.with_name("elsewhere")), "a symbolic link"),
        (lambda lock: lock.mkdir(), "a folder"),
        (os.mkfifo, "a pipe (FIFO)"),
    ],
    ids=["link", "folder", "fifo"],
)
def test_a_refused_lock_file_is_named_in_the_message(
    tmp_path: Path, plant: Callable[[Path], object], kind: str
) -> None:
    """The data file itself is fine: the message says which file is in the way, and why."""
    db = tmp_path / "planner.json"
    plant(lock_path(db))
    with pytest.raises(StoreError) as caught:
        open_store(db)
    assert str(caught.value) == f"cannot lock {db}: {lock_path(db)} is {kind}, not a regular file"


def test_a_lock_file_that_cannot_be_opened_is_named_in_the_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone else's lock file (as root, permissions cannot be tried for real)."""
    db = tmp_path / "planner.json"
    real_open = os.open

    def refused(path: Any, flags: int, mode: int = 0o777) -> int:
        if str(path) == str(lock_path(db)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(StoreError) as caught:
        open_store(db)
    assert str(caught.value) == f"cannot lock {db}: {lock_path(db)}: Permission denied"


def test_a_file_system_that_says_permission_denied_for_a_held_lock_counts_as_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some file systems answer a held lock with EACCES rather than EWOULDBLOCK: the
    second app then opens read-only, as with the usual answer."""

    def held_elsewhere(fd: int, operation: int) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("planner.storage.lock.fcntl.flock", held_elsewhere)
    lock = DataFileLock(tmp_path / "a.lock")
    with pytest.raises(LockHeld):
        lock.acquire()
    assert not lock.held
