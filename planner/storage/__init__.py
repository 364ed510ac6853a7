"""Storage: the only part of the app that knows TinyDB, files and locks.

``open_store`` opens the data file; ``Store`` is what the rest of the app talks to.

How one user action stays one change on disk, whatever kills the process:

- **One transaction per action.** ``with store.transaction():`` keeps every table
  edit in memory and commits them with one encode and one temporary file, fsync and
  rename of the data file (``atomic.py``). A block that raises writes nothing.
- **Data file and archive together.** Older weeks live in an archive file that is
  never rewritten in place: a change to it is written as a new file with a fresh
  generation number in its name, and the data file, renamed into place after it,
  records that number. The data file's rename is the one moment the change happens;
  before it the old archive is still the one named, after it the new one. Files of
  other generations are removed by the next writer to open the data file
  (``archive.py``).
- **Nobody else's change is written over.** The app holds a lock for its whole life;
  beyond that, each commit first checks that the data file is the version it read
  (device, inode, size, modification time). If another program replaced it, the
  commit writes nothing, raises ``StoreChangedError`` and the store reads the file
  afresh.
- **A live session is never lost.** Its checkpoints, and any log whose save failed,
  wait in a small file of their own beside the data file (``pending.py``), cheap
  enough to write at every exercise; they are saved into the log with the next
  commit or at the next launch.
- **Readers see whole states.** A reader parses the data file once, and the archive
  generation it names stays on disk until the next writer opens the file.
"""

from __future__ import annotations

from planner.storage.errors import (
    DamagedStoreError,
    NewerStoreError,
    ReadOnlyStoreError,
    StoreChangedError,
    StoreError,
    StoreLocked,
)
from planner.storage.opening import move_aside, open_store
from planner.storage.store import Store

__all__ = [
    "DamagedStoreError",
    "NewerStoreError",
    "ReadOnlyStoreError",
    "StoreChangedError",
    "Store",
    "StoreError",
    "StoreLocked",
    "move_aside",
    "open_store",
]
