"""One user action, one change: the read-only refusal and the transaction every write uses."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from planner.domain.errors import UserFacingError
from planner.storage.errors import StoreChangedError as StoreChangedError
from planner.storage.store import Store

READ_ONLY = "The data file is open read-only, so nothing can be changed here."
"""The one wording of the refusal, wherever a change is refused for that reason."""


class ReadOnlyError(UserFacingError):
    """A change was asked of a data file open read-only; nothing was written."""


def refuse_read_only(store: Store) -> None:
    """Raise ReadOnlyError when ``store`` cannot be changed (before asking the user anything)."""
    if store.read_only:
        raise ReadOnlyError(READ_ONLY)


@contextlib.contextmanager
def change(store: Store) -> Iterator[None]:
    """Run one user action's writes as a single transaction: all of them land, or none.

    Refuses a read-only store first, in the one wording above. (The store saves any
    finished session that a failed write left waiting with the same commit.)
    """
    refuse_read_only(store)
    with store.transaction():
        yield
