"""A second opener, in this process or another, can never write over the first one's data."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from planner.storage import StoreLocked, open_store
from tests.unit.storage.samples import FRIDAY, TILT, WEDNESDAY

HOLDER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path

    from planner.domain.models import Dose
    from planner.storage import open_store

    store = open_store(Path(sys.argv[1]))
    store.add_item(date(2026, 11, 25), "held", Dose())
    print("holding", flush=True)
    sys.stdin.readline()
    """
)

SECOND = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path

    from planner.domain.models import Dose
    from planner.storage import StoreError, open_store

    path = Path(sys.argv[1])
    try:
        open_store(path)
    except StoreError as error:
        print("writable:", error)
    store = open_store(path, read_only=True)
    print("reads:", [i.exercise_id for i in store.items_on(date(2026, 11, 25))])
    try:
        store.add_item(date(2026, 11, 27), "intruder", Dose())
    except StoreError as error:
        print("write:", error)
    """
)


def test_a_second_open_in_the_same_process_is_refused(db_path: Path) -> None:
    with open_store(db_path) as first:
        first.add_item(WEDNESDAY, "pelvic_tilt", TILT)
        with pytest.raises(StoreLocked) as caught:
            open_store(db_path)
        assert str(caught.value) == f"another Back Planner is using {db_path}; close it first"
    # Closing the first store lets the lock go.
    with open_store(db_path) as again:
        assert len(again.items_on(WEDNESDAY)) == 1


def test_another_process_cannot_write_while_we_hold_the_file(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.add_item(WEDNESDAY, "ours", TILT)
        before = db_path.read_bytes()
        result = subprocess.run(
            [sys.executable, "-c", SECOND, str(db_path)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.splitlines() == [
            f"writable: another Back Planner is using {db_path}; close it first",
            "reads: ['ours']",
            "write: The data file is open read-only; this change was not saved.",
        ]
        assert db_path.read_bytes() == before
        # Our own writes still land.
        store.add_item(FRIDAY, "still ours", TILT)
    with open_store(db_path) as store:
        assert [i.exercise_id for i in store.items_on(FRIDAY)] == ["still ours"]


def test_a_killed_holder_lets_the_lock_go(db_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline() == "holding\n"
        with pytest.raises(StoreLocked):
            open_store(db_path)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        holder.stdin.close()
        holder.stdout.close()
    with open_store(db_path) as store:
        assert [i.exercise_id for i in store.items_on(WEDNESDAY)] == ["held"]
        store.add_item(WEDNESDAY, "after", TILT)
