"""Storage: the only part of the app that knows TinyDB, files and locks.

``open_store`` opens the data file; ``Store`` is what the rest of the app talks to.
"""

from __future__ import annotations

from planner.storage.errors import (
    DamagedStoreError,
    NewerStoreError,
    ReadOnlyStoreError,
    StoreError,
    StoreLocked,
)
from planner.storage.opening import move_aside, open_store
from planner.storage.store import Store

__all__ = [
    "DamagedStoreError",
    "NewerStoreError",
    "ReadOnlyStoreError",
    "Store",
    "StoreError",
    "StoreLocked",
    "move_aside",
    "open_store",
]
