"""Start-up: process start to first frame, and peak memory, of ``planner`` on years of data.

Measured on any day, and on the first start of a new week (when a week moves into the
archive). Prints a line for each with both ratios against the bare Textual app measured
in the same run (goals: time ≤ 1.25×, memory ≤ 1.3×). Each side is started several times and the
median kept, alternating the two so load on the machine falls on both alike.
"""

from __future__ import annotations

import os
import shutil
from datetime import date, timedelta
from pathlib import Path

from benchmarks.generate_history import benchmark_history, write_history
from benchmarks.harness import BARE_APP, median, painted, planner_command, python

RUNS = 21
"""Starts per side. With 15 the ratio of medians still swung by ±0.1 between runs here."""
NEW_WEEK_RUNS = 9
"""Starts on a copy of a history last opened a week ago (each copy is used once)."""


def first_frame(argv: list[str], marker: bytes, home: Path) -> tuple[float, int]:
    """Seconds from spawn to ``marker`` on screen, and peak RSS in KiB at that moment."""
    with painted(argv, marker, home) as (terminal, seen):
        return seen - terminal.started, terminal.peak_rss_kib()


def main() -> None:
    with benchmark_history(__doc__) as (home, db, years):
        # The same history last used a week ago: this start is the first of a new week,
        # which moves a week into the archive before the calendar shows.
        stale = home / "stale"
        stale.mkdir()
        write_history(stale / "history.json", today=date.today() - timedelta(days=7), years=years)
        bare: list[tuple[float, int]] = []
        ours: list[tuple[float, int]] = []
        new_week: list[tuple[float, int]] = []
        for run in range(RUNS):
            bare.append(first_frame([python(), str(BARE_APP)], b"BAREAPPREADY", home))
            # The calendar's header line starts with the ISO week: our first frame is painted.
            ours.append(first_frame([planner_command(), "--db", str(db)], b"Week 20", home))
            if run < NEW_WEEK_RUNS:
                copy = home / f"new-week-{run}"
                shutil.copytree(stale, copy)
                os.sync()  # the copy's writeback must not land on the app's first fsync
                argv = [planner_command(), "--db", str(copy / "history.json")]
                new_week.append(first_frame(argv, b"Week 20", home))
                shutil.rmtree(copy)
        bare_s, bare_kib = medians(bare)
        for name, runs in (("any day", ours), ("first start of a week", new_week)):
            ours_s, ours_kib = medians(runs)
            print(
                f"startup, {years} years, {name}: planner {ours_s * 1000:.0f} ms vs bare "
                f"{bare_s * 1000:.0f} ms = {ours_s / bare_s:.2f}x (goal <= 1.25x); peak memory "
                f"{ours_kib / 1024:.0f} MiB vs {bare_kib / 1024:.0f} MiB = "
                f"{ours_kib / bare_kib:.2f}x (goal <= 1.3x)"
            )


def medians(runs: list[tuple[float, int]]) -> tuple[float, float]:
    """Median seconds and median peak KiB of ``runs``."""
    return median([run[0] for run in runs]), median([run[1] for run in runs])


if __name__ == "__main__":
    main()
