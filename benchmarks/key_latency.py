"""Key latency: from a key press to the repaint it causes, moving through the calendar.

On the five-year database, presses right/left (next/previous day, crossing weeks) and
]/[ (next/previous week) in ``planner``, and the same number of presses in the bare
Textual app, then prints medians, the 99th percentile, and the ratio of medians
(goals: median ≤ 2× the bare app's, p99 under one 60 Hz frame, 16.7 ms).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.generate_history import write_history, years_argument
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


def planner_keys() -> list[bytes]:
    keys: list[bytes] = []
    for _ in range(PRESSES // 4):
        keys += [RIGHT] * 2 + [b"]"] + [LEFT] * 2 + [b"["]
    return keys[: PRESSES * 2]


def latencies(argv: list[str], marker: bytes, keys: list[bytes], home: Path) -> list[float]:
    with painted(argv, marker, home) as (terminal, _):
        return [terminal.key_latency(key) for key in keys]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    years_argument(parser)
    years: int = parser.parse_args().years
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        db = home / "history.json"
        write_history(db, years=years)
        keys = planner_keys()
        ours = latencies([planner_command(), "--db", str(db)], b"Week 20", keys, home)
        bare_keys = [RIGHT if i % 2 else LEFT for i in range(len(keys))]
        bare = latencies([python(), str(BARE_APP)], b"BAREAPPREADY", bare_keys, home)
        ours_med, bare_med = median(ours), median(bare)
        print(
            f"key latency: planner median {ours_med * 1000:.1f} ms, p99 "
            f"{percentile(ours, 0.99) * 1000:.1f} ms; bare median {bare_med * 1000:.1f} ms, p99 "
            f"{percentile(bare, 0.99) * 1000:.1f} ms; median ratio {ours_med / bare_med:.2f}x "
            f"(goals: ratio <= 2x, p99 < 16.7 ms)"
        )


if __name__ == "__main__":
    main()
