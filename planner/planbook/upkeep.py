"""Housekeeping the app does on its own once it is on screen: moving old weeks to the archive.

Moving last week into the archive changes nothing a user sees, so the app does it
after its first frame rather than before: the calendar shows at once, and the move
(one year's archive file rewritten) happens while the user reads it. Each start also
writes one archived year left in one file by an older version as its two files (plan
and logs), so in time every year's plan is read without its logs.
"""

from __future__ import annotations

from datetime import date

from planner.storage.archive import archive_cutoff
from planner.storage.errors import StoreError
from planner.storage.store import Store


def move_old_weeks(store: Store, today: date) -> str:
    """Write one archived year still in one file (data versions 3 and 4) as its two
    files, and move the weeks before the archive cutoff on ``today`` out of the data file.

    Returns "" when all went well (or there was nothing to do, or the store is
    read-only), else one sentence on why older weeks may be missing; the recent
    weeks work either way.
    """
    if store.read_only:
        return ""
    problem = ""
    try:
        # One commit for both: the files a commit replaces stay until the next start for
        # a window opened read-only before it, and a second commit would remove them.
        cutoff = archive_cutoff(today)
        with store.transaction():
            # The old year first, as it is now, so its kept history tallies hold for its
            # new files; one the move writes is written in two by the move.
            try:
                store.write_archived_logs_apart(moving_before=cutoff)
            except StoreError as error:  # nothing of it was staged: the move goes ahead
                problem = error.as_sentence()
            store.archive_before(cutoff)
    except StoreError as error:
        return error.as_sentence()
    return problem
