"""Start-up: process start to first frame, and peak memory, of ``planner`` on 5 years of data.

Prints one line with both ratios against the bare Textual app measured in the same run
(goals: time ≤ 1.3×, memory ≤ 1.5×). Each side is started several times and the
median kept, alternating the two so load on the machine falls on both alike.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.generate_history import write_history
from benchmarks.harness import BARE_APP, median, painted, planner_command, python

RUNS = 21
"""Starts per side. With 15 the ratio of medians still swung by ±0.1 between runs here."""


def first_frame(argv: list[str], marker: bytes, home: Path) -> tuple[float, int]:
    """Seconds from spawn to ``marker`` on screen, and peak RSS in KiB at that moment."""
    with painted(argv, marker, home) as (terminal, seen):
        return seen - terminal.started, terminal.peak_rss_kib()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        db = home / "five-years.json"
        write_history(db)
        bare: list[tuple[float, int]] = []
        ours: list[tuple[float, int]] = []
        for _ in range(RUNS):
            bare.append(first_frame([python(), str(BARE_APP)], b"BAREAPPREADY", home))
            # The calendar's header line starts with the ISO week: our first frame is painted.
            ours.append(first_frame([planner_command(), "--db", str(db)], b"Week 20", home))
        bare_s, ours_s = median([b[0] for b in bare]), median([o[0] for o in ours])
        bare_kib, ours_kib = median([b[1] for b in bare]), median([o[1] for o in ours])
        print(
            f"startup: planner {ours_s * 1000:.0f} ms vs bare {bare_s * 1000:.0f} ms "
            f"= {ours_s / bare_s:.2f}x (goal <= 1.3x); peak memory {ours_kib / 1024:.0f} MiB "
            f"vs {bare_kib / 1024:.0f} MiB = {ours_kib / bare_kib:.2f}x (goal <= 1.5x)"
        )


if __name__ == "__main__":
    main()
