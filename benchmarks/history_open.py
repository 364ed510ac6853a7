"""History: from pressing ``h`` on the calendar to the history screen painted, at a history size.

Starts ``planner`` on a generated history (``--years 1|5|20``), opens the history
several times (back to the calendar in between) and prints the first open and the
median of the later ones (goal: ≤ 150 ms at 20 years), beside the bare Textual app's
key latency measured in the same run. The archived years' weekly summaries are built
the first time a history is ever opened on a data file and kept beside it; that one
open is timed on its own ("first ever"), then new app runs are measured as a user
meets them every day: ``h`` pressed the moment the calendar is up ("at start"), and
``h`` pressed a second later ("after a second"), by when the app has built the history
screen and read its data in an idle moment.
"""

from __future__ import annotations

import time

from benchmarks.generate_history import benchmark_history
from benchmarks.harness import BARE_APP, median, painted, planner_command, python

OPENS = 7
RIGHT = b"\x1b[C"
PAINTED = (b"Streak", b"Refresh")
"""A card's title and a footer key: both show once the history is painted."""
SETTLE_S = 1.0
"""How long the calendar shows before ``h`` in the "after a second" run."""


def main() -> None:
    with benchmark_history(__doc__) as (home, db, years):
        argv = [planner_command(), "--db", str(db)]
        # The streak card is painted with the history's numbers, so its label showing
        # means the screen holds the history, not just its frame; its footer's keys
        # are painted on their own at times, so the clock stops once both are.
        with painted(argv, b"Week 20", home) as (terminal, _):
            first_ever = terminal.key_until(b"h", *PAINTED)
        with painted(argv, b"Week 20", home) as (terminal, _):
            at_start = terminal.key_until(b"h", *PAINTED)
        opens: list[float] = []
        with painted(argv, b"Week 20", home) as (terminal, _):
            time.sleep(SETTLE_S)
            for _ in range(OPENS):
                opens.append(terminal.key_until(b"h", *PAINTED))
                terminal.key_until(b"c", b"Week 20")
        with painted([python(), str(BARE_APP)], b"BAREAPPREADY", home) as (terminal, _):
            bare = [terminal.key_latency(RIGHT) for _ in range(OPENS)]
        print(
            f"history, {years} years: first ever {first_ever * 1000:.0f} ms; first open of "
            f"a run: at start {at_start * 1000:.0f} ms, after a second "
            f"{opens[0] * 1000:.0f} ms (goal <= 150 ms); again "
            f"{median(opens[1:]) * 1000:.0f} ms median; bare app key "
            f"{median(bare) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
