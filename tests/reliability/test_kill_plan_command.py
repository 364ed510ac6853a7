"""100 SIGKILLs at random moments of the real `planner plan` replacing a plan: no mixed state.

Each run is a fork of this process calling the command's own entry point (the same code
the console script runs, without paying for a new interpreter each time), killed after a
random wait spread over the command's whole run time.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

from planner.cli import main as planner_main
from tests.reliability.crash_points import visible_state

KILLS = 100
FIRST = ["--pain", "3", "--activity", "medium", "--days", "mon,wed,fri", "--minutes", "15"]
SECOND = ["--pain", "5", "--activity", "low", "--days", "tue,thu,sat", "--minutes", "10"]


def run_plan(path: Path, answers: list[str]) -> int:
    """Fork a child running `planner plan`; return its pid."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            status = planner_main(
                ["--db", str(path), "plan", *answers, "--weeks", "6", "--start", "2027-01-04"]
            )
        except BaseException:
            status = 3
        os._exit(status)
    return pid


def finished(pid: int) -> None:
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status


def test_a_hundred_random_kills_of_planner_plan_leave_no_mixed_state(tmp_path: Path) -> None:
    seed = tmp_path / "seed"
    seed.mkdir()
    finished(run_plan(seed / "planner.json", FIRST))
    before = visible_state(seed / "planner.json")

    full = tmp_path / "full"
    shutil.copytree(seed, full)
    started = time.perf_counter()
    finished(run_plan(full / "planner.json", SECOND))
    run_time = time.perf_counter() - started
    after = visible_state(full / "planner.json")
    assert after != before

    rng = random.Random(11)
    seen = {"before": 0, "after": 0}
    for round_number in range(KILLS):
        folder = tmp_path / f"round-{round_number}"
        shutil.copytree(seed, folder)
        (folder / "planner.json.lock").unlink(missing_ok=True)
        pid = run_plan(folder / "planner.json", SECOND)
        time.sleep(rng.uniform(0.0, run_time * 1.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        state = visible_state(folder / "planner.json")
        if state == before:
            seen["before"] += 1
        elif state == after:
            seen["after"] += 1
        else:
            raise AssertionError(f"round {round_number}: a mixed state after the kill")
        shutil.rmtree(folder)
    # The kills landed on both sides of the commit, so the check was not one-sided.
    assert seen["before"] > 0 and seen["after"] > 0, seen
    print(f"\n  planner plan: {KILLS} random kills, {seen['before']} left the old plan, "
          f"{seen['after']} the new one, 0 a mix", end="")  # fmt: skip
