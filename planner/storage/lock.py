"""The data file's lock: one writer at a time, held for as long as the store is open.

An exclusive ``flock`` on a ``.lock`` file beside the data file. The kernel lets it go
when its holder ends, however it ends (a kill included), and it refuses a second
holder in the same process too, since every open of the file takes a lock of its own.

The standard library does this in one call on the systems we support (POSIX). The
filelock package did the same for us, but its import was a large share of every
start for this one call (the README's start-up notes say how large).
"""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

from planner.storage.special_files import NotRegularFileError, kind_of


class LockHeld(Exception):
    """Someone else holds the lock."""


class DataFileLock:
    """An exclusive, non-blocking lock on ``path``, made owner-only when it is created.

    The lock file is never followed through a symbolic link and must be a regular
    file: anything else at that name is a NotRegularFileError naming the lock file
    and what it is, and nothing is created or changed.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock now. Raises LockHeld when another holder has it, OSError when
        the file cannot be opened as a regular file."""
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already locked by this holder")
        # O_NONBLOCK: a FIFO planted at the name must not hang the open.
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
        try:
            fd = os.open(self.path, flags, 0o600)
        except OSError as error:
            # The user gave the data file's name: say it is the lock file that is in the way.
            if error.errno == errno.ELOOP:  # O_NOFOLLOW met a link
                raise NotRegularFileError(self.path, "a symbolic link") from None
            if error.errno == errno.EISDIR:
                raise NotRegularFileError(self.path, "a folder") from None
            raise
        try:
            kind = kind_of(os.fstat(fd).st_mode)
            if kind is not None:
                raise NotRegularFileError(self.path, kind)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        # EWOULDBLOCK, or EACCES: how some file systems say another holder has it.
        except (BlockingIOError, PermissionError):
            os.close(fd)
            raise LockHeld(self.path) from None
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        """Let the lock go (closing the file does it); safe to call more than once."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)
