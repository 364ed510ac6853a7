"""The live session repaints only what changed, and ticks often only while its figure moves."""

from __future__ import annotations

from typing import Any

import pytest
from textual.geometry import Region
from textual.widget import Widget

from planner.domain.models import Dose, Settings
from planner.tui.widgets.session_figure import SessionFigure
from tests.conftest import FakeClock
from tests.tui.figure_support import BUILTIN
from tests.tui.session_support import SessionHarness, items_for


def holding(clock: FakeClock, *, motion: bool = True) -> SessionHarness:
    """A session of the built-in leg lift, 30 s a side, whose figure has poses to move between."""
    return SessionHarness(
        clock,
        items_for(("leg-lift", Dose(hold_s=30, reps=1, rest_s=10))),
        settings=Settings(welcomed=True, figure_motion=motion),
        extra=BUILTIN,
    )


async def test_looks_at_the_clock_within_a_second_repaint_nothing(
    fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten looks at the clock inside one second of a held pose change nothing on screen;
    the next second repaints the cells that show time, and re-arranges nothing."""
    harness = holding(fake_clock)
    refreshed: list[tuple[str, bool]] = []
    original = Widget.refresh

    def counted(self: Widget, *regions: Any, **kwargs: Any) -> Widget:
        refreshed.append((type(self).__name__, bool(kwargs.get("layout"))))
        return original(self, *regions, **kwargs)

    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        await harness.run_for(pilot, 8.05, step=0.05)  # into the hold, just past a second
        monkeypatch.setattr(Widget, "refresh", counted)
        await harness.run_for(pilot, 0.5, step=0.05)
        # The whole session's bar grows by a half cell every 0.45 s of this short session.
        assert [name for name, _ in refreshed if name != "SessionBar"] == []
        await harness.run_for(pilot, 1.0, step=0.05)  # a second later the time left changes
        assert {"Countdown", "Line"} <= {name for name, _ in refreshed}
        assert [name for name, layout in refreshed if layout] == []


async def test_the_fast_ticker_runs_only_while_the_figure_moves(fake_clock: FakeClock) -> None:
    """While the leg rises the screen ticks ten times a second; once it is held, it stops."""
    harness = holding(fake_clock)
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        screen = harness.screen
        await harness.run_for(pilot, 4.0)  # get ready: the figure waits in its start pose
        waiting = screen.animating
        await harness.run_for(pilot, 1.5)  # the hold begins: the leg moves up
        rising = screen.animating
        await harness.run_for(pilot, 2.0)  # up, and held there
        held = screen.animating
        assert (waiting, rising, held) == (False, True, False)


async def test_with_motion_off_the_screen_never_ticks_fast(fake_clock: FakeClock) -> None:
    harness = holding(fake_clock, motion=False)
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        for _ in range(12):
            await harness.run_for(pilot, 0.5)
            assert not harness.screen.animating


async def test_a_moving_figure_shows_every_row_of_its_current_frame(fake_clock: FakeClock) -> None:
    """Rows are repainted one by one as the squat moves; what the screen keeps for the
    figure is, at each step of two reps, exactly the frame of that moment."""
    harness = SessionHarness(
        fake_clock,
        items_for(("deep-squat", Dose(reps=5, sets=1))),
        settings=Settings(welcomed=True, figure_motion=True),
        extra=BUILTIN,
    )
    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        await harness.run_for(pilot, 5.0)  # get ready
        figure = harness.screen.query_one(SessionFigure)
        seen = set()
        for _ in range(24):
            await harness.run_for(pilot, 1 / 3)
            frame = figure.frame
            assert frame is not None
            seen.add(frame)
            top, left = figure.gutter.top, figure.gutter.left
            width = len(frame.rows[0])
            shown = figure.render_lines(Region(0, 0, *figure.outer_size))
            rows = [strip.text[left : left + width] for strip in shown[top : top + len(frame.rows)]]
            assert rows == list(frame.rows)
        assert len(seen) >= 5  # it did move
