"""Where an export may be written, and writing it there whole or not at all.

An export goes to a place the user names (``-o FILE``) or to a fresh name in a
folder (the app's export key). Either way:

- Only a regular file is ever replaced: a folder, a device, a FIFO or a socket is
  refused, even with ``force``, since replacing one would destroy something that is
  not a document (``/dev/full``, a pipe another program reads).
- A symbolic link is followed: the file it points to is replaced in its own folder
  and the link stays as it was.
- The bytes go to a temporary file in the target's folder, flushed and renamed
  into place, so a crash leaves the old file or the new one. While it is written the
  temporary file is locked; one left behind by a killed export (nobody holds its
  lock) is removed by the next export to that folder. Only files named the way this
  module names them are ever removed.
- An export is meant to be shared, so it is not private like the data file: a new
  file gets the usual permissions the umask leaves (0644 under umask 022), and a
  file replaced with ``force`` keeps the permissions it had.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from planner.domain.errors import UserFacingError
from planner.storage.special_files import kind_of

if sys.platform != "win32":
    import fcntl

_TEMP_MARK = "planner-export"
_TEMP_NAME = re.compile(rf"^\..+\.{_TEMP_MARK}-[0-9a-f]{{12}}\.tmp$")


class ExportTargetError(UserFacingError):
    """The export cannot be written where asked; the message says where and why."""


def check_target(path: Path, *, force: bool) -> Path:
    """The file an export to ``path`` will replace or create (``path`` with links followed).

    Raises ExportTargetError for a folder, device, FIFO or socket (with or without
    ``force``), for an existing file without ``force``, and for a missing folder.
    """
    real = Path(os.path.realpath(path))
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise ExportTargetError(f"cannot use {path}: {error.strerror or error}") from None
    if mode is not None:
        kind = kind_of(mode)
        if kind == "a folder":
            raise ExportTargetError(f"{path} is a folder; give a file name after -o")
        if kind is not None:
            raise ExportTargetError(
                f"{path} is {kind}, not a file; an export only writes regular files"
            )
        if not force:
            raise ExportTargetError(f"{path} already exists; add --force to replace it")
    if not real.parent.is_dir():
        raise ExportTargetError(f"cannot write {path}: the folder {real.parent} does not exist")
    return real


def leftover_temp_files(folder: Path) -> Iterator[Path]:
    """Temporary files of exports to ``folder`` that were killed before they finished.

    A file still being written is locked by its writer and is not listed.
    """
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and not _locked(Path(entry.path)):
                yield Path(entry.path)


def _locked(path: Path) -> bool:
    if sys.platform == "win32":
        return True  # No flock to tell a live writer from a dead one: keep the file.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def remove_leftover_temp_files(folder: Path) -> None:
    """Delete what killed exports to ``folder`` left behind (never anything else)."""
    for leftover in leftover_temp_files(folder):
        leftover.unlink(missing_ok=True)


_SHARED_MODE = 0o666
"""What a new export asks for; the umask takes away what the user does not share."""


def _write_temp(folder: Path, name: str, data: bytes, mode: int | None = None) -> tuple[Path, int]:
    """A locked, fsynced temporary file in ``folder`` holding ``data``, and its open descriptor.

    It is created as any new file is (0666 less the umask), or given ``mode`` exactly.
    """
    while True:
        temp = folder / f".{name}.{_TEMP_MARK}-{os.urandom(6).hex()}.tmp"
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, _SHARED_MODE)
        except FileExistsError:
            continue
        break
    try:
        if sys.platform != "win32":
            fcntl.flock(fd, fcntl.LOCK_EX)
        if mode is not None and sys.platform != "win32":
            os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    return temp, fd


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _kept_mode(path: Path) -> int | None:
    """The permission bits of the file at ``path``, or None when there is none to keep."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def write_export(path: Path, data: bytes, *, force: bool) -> Path:
    """Write ``data`` to ``path`` whole or not at all; return the file written.

    The target is checked as ``check_target`` does; a link is followed and its
    target replaced. Raises ExportTargetError, with the target untouched, on failure.
    """
    real = check_target(path, force=force)
    folder = real.parent
    remove_leftover_temp_files(folder)
    try:
        temp, fd = _write_temp(folder, real.name, data, _kept_mode(real))
    except OSError as error:
        raise ExportTargetError(f"cannot write in {folder}: {error.strerror or error}") from None
    try:
        # Checked again just before the rename: a file made meanwhile must not be lost.
        check_target(real, force=force)
        os.replace(temp, real)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise ExportTargetError(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
    _fsync_folder(folder)
    return real


def write_export_new(folder: Path, names: Iterable[str], data: bytes) -> Path:
    """Write ``data`` in ``folder`` under the first of ``names`` not yet taken; return it.

    An existing file is never replaced: the temporary file is hard-linked under a
    free name, so checking and claiming a name is one step. Raises ExportTargetError
    when the folder cannot be written or every name is taken.
    """
    candidates = list(names)
    if not candidates:
        raise ExportTargetError(f"no file name to write in {folder}")
    remove_leftover_temp_files(folder)
    try:
        temp, fd = _write_temp(folder, candidates[0], data)
    except OSError as error:
        raise ExportTargetError(f"cannot write in {folder}: {error.strerror or error}") from None
    try:
        for name in candidates:
            target = folder / name
            try:
                os.link(temp, target)
            except FileExistsError:
                continue
            _fsync_folder(folder)
            return target
    except OSError as error:
        raise ExportTargetError(f"cannot write in {folder}: {error.strerror or error}") from None
    finally:
        os.close(fd)
        temp.unlink(missing_ok=True)
    raise ExportTargetError(f"{folder} already holds a file under every name tried")
