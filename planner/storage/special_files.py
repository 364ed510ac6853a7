"""Telling regular files from devices, FIFOs and sockets before opening them.

Opening a FIFO for reading waits for a writer, and ``/dev/zero`` never ends, so a
path the user gives (``--db``, ``--routines``, ``-o``) is looked at with ``stat``
first, and read with ``O_NONBLOCK`` and checked again through the open descriptor,
so a file swapped in between cannot make the app hang either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegularFileError(OSError):
    """The path names a folder, device, FIFO or socket; ``kind`` says which, in words."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a regular file")
        self.path = path
        self.kind = kind


def kind_of(mode: int) -> str | None:
    """Words for a file type other than a regular file; None for a regular one."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def real_path(path: Path) -> Path:
    """``path`` with every symbolic link followed (the path itself when nothing is linked)."""
    return Path(os.path.realpath(path))


def check_regular_or_missing(path: Path) -> None:
    """Raise NotRegularFileError unless ``path`` is a regular file or does not exist."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    kind = kind_of(mode)
    if kind is not None:
        raise NotRegularFileError(path, kind)


def read_regular_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit``), never blocking on a FIFO.

    Raises FileNotFoundError when it is missing, NotRegularFileError when it is not
    a regular file, and OSError when it cannot be read.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind is not None:
            raise NotRegularFileError(path, kind)
        # A regular file ignores O_NONBLOCK, so this reads it as usual.
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read() if limit is None else handle.read(limit)
    finally:
        os.close(fd)
