"""Open the data file: lock it, check it, upgrade it, and hand back a Store.

Whoever opens the file for writing holds ``<file>.lock`` until ``Store.close``
(the OS drops it if the process is killed), so two running apps can never write
over each other; the same lock covers the archive file beside it. A file that is
damaged or from a newer version is refused and left byte for byte as it was;
``move_aside`` keeps it under a new name.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from tinydb import TinyDB

from planner.storage.archive import Archive, all_archive_files, remove_unnamed_files
from planner.storage.atomic import (
    AtomicJSONStorage,
    Tables,
    check_folder_writable,
    file_identity,
    load_tables,
    make_file_private,
    remove_leftover_temp_files,
)
from planner.storage.errors import (
    DamagedStoreError,
    NewerStoreError,
    StoreError,
    StoreLocked,
)
from planner.storage.folders import ensure_private_folder
from planner.storage.lock import DataFileLock, LockHeld
from planner.storage.pending import PendingLogs, pending_path
from planner.storage.schema import (
    MIGRATIONS,
    Migration,
    check_documents,
    check_shape,
    upgrade,
)
from planner.storage.special_files import (
    NotRegularFileError,
    check_regular_or_missing,
    real_path,
)
from planner.storage.store import Store
from planner.storage.summaries import SummaryCache, summary_path


def lock_path(path: Path) -> Path:
    """The lock file that guards the data file ``path``."""
    return path.with_name(f"{path.name}.lock")


def checked_data_path(path: Path) -> Path:
    """The real data file behind ``path``: symbolic links followed, special files refused.

    A link is followed so that saves replace the file it points to, in that file's own
    folder, and the link stays a link. Raises StoreError for a folder, a device, a FIFO
    or a socket, which can never hold the data (and reading one could hang or never end).
    """
    real = real_path(path)
    try:
        check_regular_or_missing(real)
    except NotRegularFileError as error:
        if error.kind == "a folder":
            raise StoreError(f"{path} is a folder; the data file must be a file") from None
        raise StoreError(
            f"{path} is {error.kind}, not a data file; choose another file with --db"
        ) from None
    except OSError as error:
        raise StoreError(f"cannot use {path}: {error.strerror or error}") from None
    return real


def open_store(
    path: Path,
    *,
    read_only: bool = False,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> Store:
    """Open the data file at ``path`` (created, owner-only, when missing).

    Writable: takes the lock for the store's life, raising StoreLocked when
    another process has it, and StoreError when the folder cannot be written.
    Read-only: takes no lock, never writes, and opens a file from a newer
    version as long as its records can still be read.
    Raises DamagedStoreError / NewerStoreError without touching the file.
    """
    path = checked_data_path(path)
    if read_only:
        return _build_store(path, read_only=True, migrations=migrations)

    try:
        ensure_private_folder(path.parent)
    except OSError as error:
        raise StoreError(f"cannot create the folder {path.parent}: {error.strerror}") from error
    check_folder_writable(path)
    lock = DataFileLock(lock_path(path))
    try:
        lock.acquire()
    except LockHeld as error:
        raise StoreLocked(path) from error
    except OSError as error:
        # The user named the data file: name the lock file when it is the one in the way.
        reason = f"{error.filename}: {error.strerror}" if error.filename else error.strerror
        raise StoreError(f"cannot lock {path}: {reason or error}") from error
    try:
        remove_leftover_temp_files(path)
        remove_leftover_temp_files(pending_path(path))
        remove_leftover_temp_files(summary_path(path))
        store = _build_store(path, read_only=False, migrations=migrations)
        remove_unnamed_files(path, store.archive.parts)
    except BaseException:
        lock.release()
        raise
    store.call_on_close(lock.release)
    return store


def _load_checked(
    path: Path, *, read_only: bool, migrations: Mapping[int, Migration]
) -> tuple[Tables | None, bool]:
    tables = load_tables(path)
    if tables is None:
        return None, False
    check_shape(path, tables)
    try:
        tables, upgraded = upgrade(path, tables, migrations)
    except NewerStoreError as newer:
        if not read_only:
            raise
        # A newer file can often still be shown; when not, its version is the real reason.
        try:
            check_documents(path, tables)
        except DamagedStoreError:
            raise newer from None
        return tables, False
    check_documents(path, tables)
    return tables, upgraded


def _build_store(path: Path, *, read_only: bool, migrations: Mapping[int, Migration]) -> Store:
    identity = file_identity(path)
    tables, upgraded = _load_checked(path, read_only=read_only, migrations=migrations)
    db = TinyDB(
        path, read_only=read_only, initial=tables, identity=identity, storage=AtomicJSONStorage
    )
    if upgraded and tables is not None and not read_only:
        db.storage.write(tables)
    if tables is not None and not read_only:
        make_file_private(path)
    # The archive is only named here; it is read when a query first reaches back to it.
    archive = Archive(path, read_only=read_only)
    pending = PendingLogs(pending_path(path), read_only=read_only)
    summaries = SummaryCache(summary_path(path), read_only=read_only)
    store = Store(
        db,
        path=path,
        read_only=read_only,
        archive=archive,
        pending=pending,
        summaries=summaries,
    )
    store.ensure_schema()
    return store


def move_aside(path: Path, *, now: datetime | None = None) -> Path:
    """Rename a bad data file to ``<name>.damaged-YYYYMMDD-HHMMSS`` and return the new path.

    Its archive files of older weeks, if any, go aside with it under the same stamp,
    so the kept set still belongs together and a new data file never meets
    an old archive. The bytes are kept as they are, and an existing file is never
    replaced: a ``-2``, ``-3`` ... suffix is added when the name is taken. Only names
    in the data file's own folder are renamed; nothing a link points to is touched.
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    archives = all_archive_files(path)
    number = 1
    while True:
        suffix = f".damaged-{stamp}" if number == 1 else f".damaged-{stamp}-{number}"
        number += 1
        target = path.with_name(path.name + suffix)
        if any(os.path.lexists(p.with_name(p.name + suffix)) for p in (path, *archives)):
            continue
        try:
            _rename_without_replacing(path, target)
        except FileExistsError:
            continue
        except OSError as error:
            raise StoreError(
                f"could not keep the damaged file {path} aside: {error.strerror or error}"
            ) from error
        _keep_private(target)
        for archive in archives:
            kept_archive = archive.with_name(archive.name + suffix)
            with contextlib.suppress(OSError):
                _rename_without_replacing(archive, kept_archive)
                _keep_private(kept_archive)
        return target


def _keep_private(path: Path) -> None:
    # It may still hold health data: keep the copy as private as a data file. A link is
    # left alone, since chmod would change the file it points to, outside our folder.
    with contextlib.suppress(OSError):
        if stat.S_ISREG(os.lstat(path).st_mode):
            os.chmod(path, 0o600)


def _rename_without_replacing(path: Path, target: Path) -> None:
    # rename() silently replaces an existing target on POSIX; link() refuses to.
    try:
        os.link(path, target)
    except FileExistsError:
        raise
    except OSError:
        # No hard links on this file system: the exists() check just before must do.
        os.rename(path, target)
        return
    path.unlink()
