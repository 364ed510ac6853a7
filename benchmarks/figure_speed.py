"""Exercise figures: what one frame costs, and what the moving figure costs a live session.

Two measurements, each printed beside a bare reference taken in the same run:

* one frame: poses to braille rows and tags for every built-in exercise at the
  session's largest box, uncached, against the bare cost of filling the same
  number of cells with text (a string join of the box's size). Goal: < 2 ms a frame.
* a live session's CPU: the installed ``planner`` in a real pseudo-terminal runs
  a session of deep squats (a paced rep every 4 s, so the figure moves all the
  time) for ``SECONDS`` seconds; its CPU time is read from /proc and set against
  a bare Textual app left idle on a terminal of the same size for as long, and
  against the same session with the motion setting off.

Run: ``.venv/bin/python -m benchmarks.figure_speed [SECONDS]`` (default 30).
"""

from __future__ import annotations

import os
import select
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.harness import BARE_APP, Terminal, clean_env, planner_command, python, spawn
from planner.domain.catalogue import load_catalogue
from planner.domain.figure_render import render_canvas
from planner.domain.models import Dose, Settings
from planner.storage import open_store
from planner.tui.widgets.session_figure import MAX_COLS, MAX_ROWS

FRAME_GOAL_MS = 2.0
FRACTIONS = tuple(step / 12 for step in range(13))
SQUATS = Dose(reps=30, sets=1)
"""Thirty 4 s squats: the figure is moving for the whole measured time."""


def _frame_ms(repeats: int = 20) -> tuple[float, float]:
    """Median ms for one uncached frame, and for the bare join of as many cells."""
    figures = [exercise.figure for exercise in load_catalogue() if exercise.figure is not None]
    ours, bare = [], []
    for _ in range(repeats):
        for figure in figures:
            for fraction in FRACTIONS:
                started = time.perf_counter()
                canvas = render_canvas(figure, fraction, MAX_COLS, MAX_ROWS)
                canvas.text_rows()
                canvas.tag_rows()
                ours.append(time.perf_counter() - started)
                started = time.perf_counter()
                tuple(" " * MAX_COLS for _ in range(MAX_ROWS))
                bare.append(time.perf_counter() - started)
    return statistics.median(ours) * 1000, statistics.median(bare) * 1000


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU time of ``pid`` so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _read_for(terminal: Terminal, seconds: float) -> None:
    """Read (and drop) whatever the program paints for ``seconds``, as a terminal would."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([terminal.fd], [], [], left)
        if ready:
            os.read(terminal.fd, 65536)


def _measure(
    argv: list[str], home: Path, marker: bytes, keys: list[bytes], seconds: float
) -> float:
    """CPU share of one core that ``argv`` used over ``seconds`` after ``marker`` and ``keys``."""
    terminal = spawn(argv, clean_env(home))
    try:
        terminal.read_until(marker)
        for key in keys:
            _read_for(terminal, 1.0)
            os.write(terminal.fd, key)
        _read_for(terminal, 2.0)
        before, started = _cpu_seconds(terminal.pid), time.monotonic()
        _read_for(terminal, seconds)
        used = _cpu_seconds(terminal.pid) - before
        return used / (time.monotonic() - started)
    finally:
        terminal.close()


def _session_db(folder: Path, *, motion: bool) -> Path:
    """A data file with today's session: the squats, and the motion setting as given."""
    path = folder / ("motion.json" if motion else "still.json")
    store = open_store(path)
    try:
        store.save_settings(Settings(welcomed=True, bell=False, figure_motion=motion))
        store.add_item(date.today(), "deep-squat", SQUATS)
    finally:
        store.close()
    return path


def main() -> None:
    """Print the frame line and the session CPU line."""
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    ours_ms, bare_ms = _frame_ms()
    verdict = "ok" if ours_ms < FRAME_GOAL_MS else "MISSED"
    print(
        f"figure_speed: one {MAX_COLS}x{MAX_ROWS} frame {ours_ms:.3f} ms median "
        f"(bare fill of the same cells {bare_ms:.4f} ms; goal < {FRAME_GOAL_MS:g} ms) {verdict}"
    )
    with tempfile.TemporaryDirectory() as temp:
        home = Path(temp)
        start_session = [b"s", b"\r"]  # start today's session, then skip the pain question
        moving = _measure(
            [planner_command(), "--db", str(_session_db(home, motion=True))],
            home,
            b"Week ",
            start_session,
            seconds,
        )
        still = _measure(
            [planner_command(), "--db", str(_session_db(home, motion=False))],
            home,
            b"Week ",
            start_session,
            seconds,
        )
        bare = _measure([python(), str(BARE_APP)], home, b"BAREAPPREADY", [], seconds)
    print(
        f"figure_speed: live session over {seconds:g} s, figure moving {moving:.2%} of a core, "
        f"motion off {still:.2%}, bare Textual app idle {bare:.2%} "
        f"(moving vs bare {moving / bare if bare else float('inf'):.1f}x)"
    )


if __name__ == "__main__":
    main()
