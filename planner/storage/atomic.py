"""A TinyDB storage that never leaves a half-written file, and parses the file only once.

Writes go to a temporary file in the same folder (created 0600 before any data
goes in), which is flushed and fsynced, then renamed over the data file with
``os.replace``; the folder is fsynced so the rename itself survives a power cut.
A kill at any moment leaves either the old file or the new one, never a mix.

TinyDB calls ``read()`` before every query and every write. Parsing the file each
time would cost tens of milliseconds per key press on a large file, so the parsed
data is kept in memory after the first read. That is only safe because whoever
writes holds the data file's lock for the app's whole life (see ``opening.py``).

Encoder, measured on this machine with a 3.0 MB file of 17,000 plan items
(median of 15 runs): ``json.dumps`` 55 ms, ``orjson.dumps`` 4 ms; ``json.loads``
58 ms, ``orjson.loads`` 30 ms. So orjson, both ways.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from planner.storage.errors import (
    DamagedStoreError,
    ReadOnlyStoreError,
    StoreChangedError,
    StoreError,
)
from planner.storage.special_files import read_regular_file

Tables = dict[str, dict[str, Any]]

_TEMP_SUFFIX = ".tmp"


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def leftover_temp_files(path: Path) -> Iterator[Path]:
    """Temporary files a killed writer of ``path`` left behind."""
    prefix = _temp_prefix(path)
    folder = path.parent
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.name.startswith(prefix) and entry.name.endswith(_TEMP_SUFFIX):
            yield entry


def remove_leftover_temp_files(path: Path) -> None:
    """Delete what a killed writer left; call only while holding the data file's lock."""
    for entry in leftover_temp_files(path):
        entry.unlink(missing_ok=True)


def load_tables(path: Path) -> Tables | None:
    """Parse the data file; None when it is missing or empty (a new database).

    Raises DamagedStoreError when the bytes are not JSON. The shape and types
    are checked by ``schema.check_tables``.
    """
    try:
        raw = read_regular_file(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror or error}") from error
    if not raw.strip():
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise DamagedStoreError(path, "it is not valid JSON") from error
    if not isinstance(data, dict):
        raise DamagedStoreError(path, "it does not hold a set of tables")
    return data


def make_file_private(path: Path) -> None:
    """Take away everyone else's access to ``path`` (a file copied in may be world-readable).

    A refused chmod (someone else's file) is not fatal: the next save replaces the
    file with a 0600 one anyway.
    """
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename durable. Windows cannot open a folder for fsync; there the
    # rename is already as durable as the platform allows.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _create_temp_file(path: Path) -> tuple[Path, int]:
    # O_EXCL with 0600: the file is private before a single byte of health data goes in.
    while True:
        temp = path.with_name(f"{_temp_prefix(path)}{os.urandom(6).hex()}{_TEMP_SUFFIX}")
        try:
            return temp, os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so a crash leaves the old bytes or the new ones.

    Raises OSError (the temporary file removed, ``path`` untouched) when it cannot.
    """
    temp, fd = _create_temp_file(path)
    try:
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    # The new file is in place from here on: a folder that refuses fsync cannot undo
    # that, and saying the save failed would be false.
    with contextlib.suppress(OSError):
        _fsync_folder(path.parent)


def check_folder_writable(path: Path) -> None:
    """Raise StoreError unless a temporary file can be made beside ``path``.

    The same step every save starts with, tried once up front so the user
    hears about a read-only folder at launch, not after their first change.
    """
    try:
        temp, fd = _create_temp_file(path)
    except OSError as error:
        raise StoreError(
            f"cannot save in {path.parent}: {error.strerror or error}; "
            "choose another data file with --db"
        ) from error
    os.close(fd)
    temp.unlink(missing_ok=True)


FileIdentity = tuple[int, int, int, int] | None
"""Device, inode, size and modification time of a file; None when it does not exist."""


def file_identity(path: Path) -> FileIdentity:
    """What tells one version of ``path`` from another (a rename over it changes the inode)."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file: atomic writes, data parsed once and kept.

    ``initial`` is data the opener already parsed and checked (with ``identity``,
    the file's identity when it was read), so the file is not read twice. With
    ``read_only`` every write raises ReadOnlyStoreError and the file is never touched.

    Between ``begin`` and ``commit`` writes are only kept in memory, so the
    tables TinyDB changes one after another for one user action reach the disk
    in a single atomic replacement; ``rollback`` forgets them. Before replacing
    the file, ``commit`` checks that it is still the version this storage read
    or wrote last: if another program replaced it, nothing is written and
    StoreChangedError is raised.
    """

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        initial: Tables | None = None,
        identity: FileIdentity = None,
    ) -> None:
        super().__init__()
        self.path = path
        self.read_only = read_only
        self._data: Tables | None = initial
        self._loaded = initial is not None
        self._identity: FileIdentity = identity if initial is not None else None
        self._closed = False
        self._in_transaction = False
        self._dirty = False

    def read(self) -> Tables | None:
        """The database, parsed from disk the first time and kept in memory after."""
        if not self._loaded:
            identity = file_identity(self.path)
            self._data = load_tables(self.path)
            self._identity = identity
            self._loaded = True
        return self._data

    def write(self, data: Tables) -> None:
        """Save the whole database (or, in a transaction, keep it for the commit).

        Raises StoreError with the old file intact when it cannot be saved.
        """
        self._refuse_if_unwritable()
        self._data = data
        self._loaded = True
        if self._in_transaction:
            self._dirty = True
            return
        self._save(data)

    def begin(self) -> None:
        """Keep writes in memory until ``commit`` (or ``rollback``)."""
        self._in_transaction = True
        self._dirty = False

    def check_unchanged(self) -> None:
        """Raise StoreChangedError (and forget what is in memory) if another program
        replaced the file since this storage last read or wrote it."""
        if self._loaded and file_identity(self.path) != self._identity:
            self._forget()
            raise StoreChangedError(self.path)

    @property
    def dirty(self) -> bool:
        """Whether the open transaction changed anything."""
        return self._dirty

    def commit(self) -> None:
        """Write what the transaction changed, in one atomic replacement of the file."""
        try:
            if self._dirty and self._data is not None:
                self._refuse_if_unwritable()
                self.check_unchanged()
                self._save(self._data)
        finally:
            self._in_transaction = False
            self._dirty = False

    def rollback(self) -> None:
        """Forget the transaction's changes: the next read parses the file again."""
        self._in_transaction = False
        if self._dirty:
            self._forget()
        self._dirty = False

    def reload(self) -> None:
        """Forget what is in memory: the next read parses the file again."""
        self._forget()

    def close(self) -> None:
        """Refuse writes from now on; the data needs no handle closed."""
        self._closed = True

    def _refuse_if_unwritable(self) -> None:
        if self.read_only or self._closed:
            # TinyDB changed the dict it read before calling write: forget it so
            # memory never shows a change the file does not have.
            self._forget()
            if self._closed:
                raise StoreError("the data file was already closed; this change was not saved")
            raise ReadOnlyStoreError("The data file is open read-only; this change was not saved.")

    def _save(self, data: Tables) -> None:
        try:
            write_atomically(self.path, orjson.dumps(data))
        except (OSError, TypeError) as error:
            self._forget()
            reason = error.strerror if isinstance(error, OSError) else None
            raise StoreError(
                f"could not save to {self.path} ({reason or error}); "
                "the file still holds everything saved before this change"
            ) from error
        self._identity = file_identity(self.path)

    def _forget(self) -> None:
        self._data = None
        self._loaded = False
        self._identity = None


class MemoryJSONStorage(Storage):
    """The in-memory twin of AtomicJSONStorage (for ``Store.in_memory``): same transactions.

    ``begin`` keeps an encoded copy so ``rollback`` can restore it exactly.
    """

    def __init__(self) -> None:
        super().__init__()
        self._data: Tables | None = None
        self._saved: bytes | None = None
        self._in_transaction = False
        self._dirty = False
        self.read_only = False

    def read(self) -> Tables | None:
        """The database as it stands."""
        return self._data

    def write(self, data: Tables) -> None:
        """Keep ``data`` (there is no file)."""
        self._data = data
        self._dirty = self._in_transaction

    def begin(self) -> None:
        """Remember the state to return to on ``rollback``."""
        self._saved = orjson.dumps(self._data)
        self._in_transaction = True
        self._dirty = False

    def check_unchanged(self) -> None:
        """Nothing else can change memory."""

    @property
    def dirty(self) -> bool:
        """Whether the open transaction changed anything."""
        return self._dirty

    def commit(self) -> None:
        """Keep the transaction's changes."""
        self._in_transaction = False
        self._dirty = False
        self._saved = None

    def rollback(self) -> None:
        """Go back to the state at ``begin``."""
        if self._saved is not None:
            self._data = orjson.loads(self._saved)
        self._in_transaction = False
        self._dirty = False
        self._saved = None

    def reload(self) -> None:
        """Nothing to reload from."""
