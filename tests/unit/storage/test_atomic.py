"""Writes are all-or-nothing, private, parsed once, and a failed write loses nothing."""

from __future__ import annotations

import errno
import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import orjson
import pytest

from planner.storage import Store, StoreError, open_store
from planner.storage import atomic as atomic_module
from tests.unit.storage.faults import read_only_folder
from tests.unit.storage.samples import FRIDAY, TILT, WEDNESDAY

WRITERS = textwrap.dedent(
    """
    import os
    import sys
    from datetime import date
    from pathlib import Path

    from planner.domain.models import Dose
    from planner.storage import open_store

    # Python and the app's modules start once here; each writer is a fork of this
    # process, so a kill costs milliseconds instead of a fresh interpreter.
    for _ in sys.stdin:
        pid = os.fork()
        if pid == 0:
            store = open_store(Path(sys.argv[1]))
            day = date(2026, 11, 25)
            first = number = len(store.items_on(day))
            while True:
                store.add_item(day, f"w{number}", Dose(hold_s=5, reps=number % 20 + 1))
                if number == first:
                    # Only now: so every writer adds at least one item before it dies.
                    print("ready", os.getpid(), flush=True)
                number += 1
                # Marking and unmarking a rest day makes the file shrink as well as grow.
                store.toggle_rest_day(day)
        os.waitpid(pid, 0)
        print("gone", flush=True)
    """
)


def written_numbers(path: Path) -> list[int]:
    """The numbers of the ``w<n>`` items in the file, in insertion order (parsing must work)."""
    tables = orjson.loads(path.read_bytes())
    docs = sorted(tables["plan_items"].items(), key=lambda pair: int(pair[0]))
    return [int(doc["exercise_id"][1:]) for _, doc in docs]


def test_a_writer_killed_at_random_moments_never_leaves_a_broken_file(db_path: Path) -> None:
    rng = random.Random(20261125)
    open_store(db_path).close()
    kills = 32
    seen = 0
    spawner = subprocess.Popen(
        [sys.executable, "-c", WRITERS, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert spawner.stdin is not None and spawner.stdout is not None
    try:
        for _ in range(kills):
            spawner.stdin.write("start\n")
            spawner.stdin.flush()
            word, pid = spawner.stdout.readline().split()
            assert word == "ready"
            # Let it write for a random while (often mid-write), then kill it without warning.
            time.sleep(rng.uniform(0.0, 0.04))
            os.kill(int(pid), signal.SIGKILL)
            assert spawner.stdout.readline() == "gone\n"
            numbers = written_numbers(db_path)
            assert numbers == list(range(len(numbers)))
            assert len(numbers) >= seen  # nothing written earlier went missing
            seen = len(numbers)
    finally:
        spawner.stdin.close()
        spawner.wait()
        spawner.stdout.close()
    assert seen >= kills  # every writer wrote before it was killed
    # The next opener clears whatever temporary files the kills left behind.
    open_store(db_path).close()
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["planner.json", "planner.json.lock"]


def test_the_data_file_and_its_temporary_file_are_private(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modes: list[int] = []
    real_write = os.write

    def spying_write(fd: int, data: Any) -> int:
        modes.append(stat.S_IMODE(os.fstat(fd).st_mode))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", spying_write)
    with open_store(db_path) as store:
        store.add_item(WEDNESDAY, "pelvic_tilt", TILT)
    assert modes and set(modes) == {0o600}
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700


def test_a_world_readable_file_is_made_private_on_open(db_path: Path) -> None:
    open_store(db_path).close()
    os.chmod(db_path, 0o644)
    open_store(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def no_space(*args: object) -> int:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("failing", ["write", "replace", "fsync"])
def test_a_failed_write_keeps_the_old_file_and_the_store_usable(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    kept = store.add_item(WEDNESDAY, "kept", TILT)
    before = db_path.read_bytes()

    monkeypatch.setattr(os, failing, no_space)
    with pytest.raises(StoreError) as caught:
        store.add_item(WEDNESDAY, "lost", TILT)
    monkeypatch.undo()

    message = str(caught.value)
    assert "No space left on device" in message
    assert str(db_path) in message
    assert "still holds" in message
    assert db_path.read_bytes() == before
    # Memory does not pretend the failed change happened...
    assert store.items_on(WEDNESDAY) == [kept]
    # ...no temporary file is left behind, and the next change saves normally.
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["planner.json", "planner.json.lock"]
    store.add_item(FRIDAY, "later", TILT)
    store.close()
    with open_store(db_path) as reopened:
        assert [i.exercise_id for i in reopened.items_on(WEDNESDAY)] == ["kept"]
        assert [i.exercise_id for i in reopened.items_on(FRIDAY)] == ["later"]


def test_a_write_into_a_folder_turned_read_only_fails_cleanly(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_settings(store.settings())
    before = db_path.read_bytes()
    read_only_folder(db_path.parent, monkeypatch)
    with pytest.raises(StoreError, match="Read-only file system"):
        store.toggle_rest_day(FRIDAY)
    assert db_path.read_bytes() == before
    assert store.rest_days_between(WEDNESDAY, FRIDAY) == set()


def test_opening_in_a_read_only_folder_says_so(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.parent.mkdir()
    read_only_folder(db_path.parent, monkeypatch)
    with pytest.raises(StoreError) as caught:
        open_store(db_path)
    assert str(caught.value).startswith(f"cannot save in {db_path.parent}: Read-only file system")
    assert not db_path.exists()


def test_queries_and_writes_do_not_parse_the_file_again(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[Path] = []
    real_load = atomic_module.load_tables

    def counting_load(path: Path) -> atomic_module.Tables | None:
        loads.append(path)
        return real_load(path)

    monkeypatch.setattr(atomic_module, "load_tables", counting_load)
    for _ in range(20):
        item = store.add_item(WEDNESDAY, "pelvic_tilt", TILT)
        store.items_on(WEDNESDAY)
        store.set_dose(item.id, TILT)
    assert loads == []
    assert len(written_numbers_or_ids(db_path)) == 20


def written_numbers_or_ids(path: Path) -> list[str]:
    tables = orjson.loads(path.read_bytes())
    return [doc["id"] for doc in tables["plan_items"].values()]


def test_leftover_temporary_files_are_removed_but_nothing_else(db_path: Path) -> None:
    open_store(db_path).close()
    leftover = db_path.with_name(".planner.json.0badc0ffee00.tmp")
    leftover.write_bytes(b'{"half": ')
    unrelated = db_path.with_name("notes.tmp")
    unrelated.write_text("mine")
    open_store(db_path).close()
    assert not leftover.exists()
    assert unrelated.read_text() == "mine"


def test_the_storage_itself_refuses_writes_when_read_only_or_closed(db_path: Path) -> None:
    open_store(db_path).close()
    original = db_path.read_bytes()
    read_only = atomic_module.AtomicJSONStorage(db_path, read_only=True)
    data = read_only.read()
    assert data is not None
    data["plan_items"] = {"1": {"id": "sneaky"}}
    with pytest.raises(StoreError, match="read-only"):
        read_only.write(data)
    # The change TinyDB made in memory is forgotten along with the refusal.
    assert "plan_items" not in (read_only.read() or {})

    closed = atomic_module.AtomicJSONStorage(db_path)
    closed.close()
    with pytest.raises(StoreError, match="already closed"):
        closed.write({})
    assert db_path.read_bytes() == original
