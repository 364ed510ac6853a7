"""The live session repaints only what changed, and ticks often only while its figure moves."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Label

from planner.domain.models import Dose, Settings
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


async def test_looks_at_the_clock_within_a_second_touch_no_label(
    fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten looks at the clock inside one second change no text, so no label is redrawn."""
    harness = holding(fake_clock)
    updated: list[Any] = []
    original = Label.update

    def counted(self: Label, *args: Any, **kwargs: Any) -> None:
        updated.append(args)
        original(self, *args, **kwargs)

    async with harness.app.run_test(size=(100, 32)) as pilot:
        await harness.open(pilot)
        await harness.run_for(pilot, 8.05, step=0.05)  # into the hold, just past a second
        monkeypatch.setattr(Label, "update", counted)
        await harness.run_for(pilot, 0.5, step=0.05)
        assert updated == []
        await harness.run_for(pilot, 1.0, step=0.05)  # a second later the time left changes
        assert updated


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
