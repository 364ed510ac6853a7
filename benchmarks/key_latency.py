"""Key latency: from a key press to the repaint it causes, moving through the calendar.

On a generated history (``--years``, five by default), presses right/left (next and
previous day, crossing weeks) and ]/[ (next/previous week) in ``planner``, and the
same number of presses in the bare Textual app, then prints medians, the 99th
percentile, and the ratio of medians (goals: median ≤ 1.5× the bare app's, p99 under
one 60 Hz frame, 16.7 ms). Then, in a new run, goes ten weeks back into archived weeks
and keeps going back a week at a time (past a new year, into an archive file not read
yet), with day moves in between.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate_history import benchmark_history
from benchmarks.harness import (
    BARE_APP,
    median,
    painted,
    percentile,
    planner_command,
    python,
)

RIGHT, LEFT = b"\x1b[C", b"\x1b[D"
PRESSES = 40
HOT_WEEKS_BACK = 10


def planner_keys() -> list[bytes]:
    keys: list[bytes] = []
    for _ in range(PRESSES // 4):
        keys += [RIGHT] * 2 + [b"]"] + [LEFT] * 2 + [b"["]
    return keys[: PRESSES * 2]


def latencies(argv: list[str], marker: bytes, keys: list[bytes], home: Path) -> list[float]:
    with painted(argv, marker, home) as (terminal, _):
        return [terminal.key_latency(key) for key in keys]


def archived_latencies(argv: list[str], home: Path) -> list[float]:
    """Keys in weeks long archived: each ``[`` goes one week further back, into older years."""
    with painted(argv, b"Week 20", home) as (terminal, _):
        for _ in range(HOT_WEEKS_BACK):  # past the weeks the data file keeps
            terminal.key_latency(b"[")
        # Sixty weeks further back: into last year's archive file, read on the way.
        keys = [b"["] * 60 + [RIGHT, LEFT] * (PRESSES // 4)
        return [terminal.key_latency(key) for key in keys]


def main() -> None:
    with benchmark_history(__doc__) as (home, db, years):
        keys = planner_keys()
        argv = [planner_command(), "--db", str(db)]
        ours = latencies(argv, b"Week 20", keys, home)
        archived = archived_latencies(argv, home)
        bare_keys = [RIGHT if i % 2 else LEFT for i in range(len(keys))]
        bare = latencies([python(), str(BARE_APP)], b"BAREAPPREADY", bare_keys, home)
        ours_med, bare_med = median(ours), median(bare)
        print(
            f"key latency, {years} years: planner median {ours_med * 1000:.1f} ms, p99 "
            f"{percentile(ours, 0.99) * 1000:.1f} ms; archived weeks median "
            f"{median(archived) * 1000:.1f} ms, p99 {percentile(archived, 0.99) * 1000:.1f} ms, "
            f"max {max(archived) * 1000:.1f} ms; bare median {bare_med * 1000:.1f} ms, p99 "
            f"{percentile(bare, 0.99) * 1000:.1f} ms; median ratio {ours_med / bare_med:.2f}x "
            f"(goals: ratio <= 1.5x, p99 < 16.7 ms everywhere)"
        )


if __name__ == "__main__":
    main()
