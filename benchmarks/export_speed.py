"""Export: a 52-week plan rendered as text and as iCalendar (goal ≤ 100 ms each).

The plan is a year of the five-year database (about 2,400 items), read through the
Store as ``planner export`` reads it; the timings cover rendering only, the part
that grows with the plan. Prints one line with the medians.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable
from datetime import date, timedelta

from benchmarks.generate_history import benchmark_history
from benchmarks.harness import planner_command
from planner.domain.catalogue import load_catalogue
from planner.domain.export import ExportWindow, render_ics, render_text
from planner.domain.weeks import monday_of
from planner.storage import open_store

RUNS = 7


def median_seconds(action: Callable[[], object]) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    catalogue = load_catalogue()
    with benchmark_history(__doc__) as (_, db, years):
        start = monday_of(date.today()) - timedelta(weeks=50)
        with open_store(db, read_only=True) as store:
            end = start + timedelta(weeks=52, days=-1)
            window = ExportWindow(
                start=start,
                weeks=52,
                items=tuple(store.items_between(start, end)),
                rest_days=frozenset(store.rest_days_between(start, end)),
                advice=store.plan_advice(),
                profile=store.profile(),
            )
        # The whole command, as a user runs it: a 52-week window against this week alone,
        # taken in turns, so a change in the machine's load hits both alike.
        base = [planner_command(), "--db", str(db), "export"]
        window_s, this_week_s = alternating_medians(
            lambda: run_quietly([*base, "--from", start.isoformat(), "--weeks", "52"]),
            lambda: run_quietly(base),
        )
    render_ics(window, catalogue)  # the first call pays icalendar's import; time the work
    text_s = median_seconds(lambda: render_text(window, catalogue))
    ics_s = median_seconds(lambda: render_ics(window, catalogue))
    print(
        f"export, {years} years: 52 weeks ({len(window.items)} items) as text "
        f"{text_s * 1000:.1f} ms, as .ics {ics_s * 1000:.1f} ms (goal <= 100 ms each); "
        f"`planner export` of 52 weeks {window_s * 1000:.0f} ms vs this week "
        f"{this_week_s * 1000:.0f} ms = {window_s / this_week_s:.2f}x (goal <= 1.3x)"
    )


def alternating_medians(
    first: Callable[[], object], second: Callable[[], object], runs: int = 3 * RUNS
) -> tuple[float, float]:
    """The median seconds of ``first`` and of ``second``, run by turns ``runs`` times each."""
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, times in zip((first, second), samples, strict=True):
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
    return statistics.median(samples[0]), statistics.median(samples[1])


def run_quietly(argv: list[str]) -> None:
    """Run a command with its output thrown away; it must succeed."""
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
