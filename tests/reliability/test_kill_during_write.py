"""100 SIGKILLs of a real writer: the file always opens, and every acknowledged write is on disk."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from planner.storage import open_store
from tests.reliability.support import PLAN_START

# Python and the app's modules load once; each writer is a fork of this process, so
# a hundred kills cost a few seconds. A writer saves plan items and session logs
# in turn through the real Store and prints "ack <id>" after each save returns.
WRITER = textwrap.dedent(
    """
    import os
    import sys
    from datetime import date, datetime
    from pathlib import Path

    from planner.domain.models import Dose, SessionLog
    from planner.storage import open_store

    day = date(2026, 11, 23)
    for line in sys.stdin:
        round_id = line.strip()
        pid = os.fork()
        if pid == 0:
            os.write(1, f"pid {os.getpid()}\\n".encode())
            store = open_store(Path(sys.argv[1]))
            number = 0
            while True:
                name = f"{round_id}-{number}"
                if number % 2:
                    at = datetime(2026, 11, 23, 8)
                    store.log_session(SessionLog(name, day, at, at, ()))
                else:
                    store.add_item(day, name, Dose(hold_s=5, reps=number % 9 + 1))
                # One write(2) of a short line to a pipe is atomic: a kill cannot cut it.
                os.write(1, f"ack {name}\\n".encode())
                number += 1
        os.waitpid(pid, 0)
        print("gone", flush=True)
    """
)

KILLS = 100


def test_a_hundred_kills_leave_a_readable_file_with_every_acknowledged_write(
    tmp_path: Path,
) -> None:
    path = tmp_path / "planner.json"
    rng = random.Random(7)
    acked: set[str] = set()
    spawner = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert spawner.stdin is not None and spawner.stdout is not None
    try:
        for round_number in range(KILLS):
            spawner.stdin.write(f"r{round_number}\n")
            spawner.stdin.flush()
            word, writer_pid = spawner.stdout.readline().split()
            assert word == "pid"
            # Wait for the first save, then a short random while: the kill lands
            # anywhere in a later save, often in the middle of writing the file.
            word, name = spawner.stdout.readline().split()
            assert word == "ack"
            acked.add(name)
            time.sleep(rng.uniform(0.0, 0.02))
            os.kill(int(writer_pid), signal.SIGKILL)
            for line in iter(spawner.stdout.readline, "gone\n"):
                word, name = line.split()
                assert word == "ack", line
                acked.add(name)

            # The lock died with the writer: the file opens for writing, and it holds
            # everything the writers were told was saved.
            with open_store(path) as store:
                items = {item.exercise_id for item in store.items_on(PLAN_START)}
                logs = {log.id for log in store.logs()}
            missing = acked - items - logs
            assert not missing, f"round {round_number}: acknowledged but lost: {sorted(missing)}"
    finally:
        spawner.stdin.close()
        spawner.wait()
        spawner.stdout.close()
    assert len(acked) >= KILLS
    # Opening cleared the temporary files the kills left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["planner.json", "planner.json.lock"]
