"""The exercise figure as a user sees it: in the catalogue, and moving in the live session."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Dose, Settings
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from tests.conftest import FakeClock
from tests.tui.figure_support import figure_session

SnapCompare = Any
SIZES = [pytest.param((100, 32), id="100x32"), pytest.param((80, 24), id="80x24")]


def _catalogue_app() -> PlannerApp:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    return PlannerApp(store, load_catalogue(), FakeClock().as_clock())


class TestCatalogueFigure:
    """The detail pane's start → end picture."""

    @pytest.mark.parametrize("size", SIZES)
    def test_deep_squat(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """The deep squat: standing, an arrow, then squatting low with the arms forward."""
        assert snap_compare(_catalogue_app(), press=["l", *["down"] * 6], terminal_size=size)

    @pytest.mark.parametrize("size", SIZES)
    def test_single_knee_to_chest(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """Lying with knees bent, then one knee drawn up, the moving leg in the accent colour."""
        assert snap_compare(_catalogue_app(), press=["l", "down"], terminal_size=size)


class TestSessionFigure:
    """The figure beside the countdown at fixed moments of a fake clock."""

    @pytest.mark.parametrize("size", SIZES)
    def test_hold(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """Eight seconds into a left-leg hold of the leg lift: the leg is up and held."""
        harness = figure_session(("leg-lift", Dose(hold_s=20, reps=1, rest_s=10)))

        async def run_before(pilot: Pilot[None]) -> None:
            await harness.open(pilot, pain_before="2")
            await harness.run_for(pilot, 5 + 8)

        assert snap_compare(harness.app, run_before=run_before, terminal_size=size)

    @pytest.mark.parametrize("size", SIZES)
    def test_paced_rep(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """One second into a 4 s squat: half way down."""
        harness = figure_session(("deep-squat", Dose(reps=5, sets=1)))

        async def run_before(pilot: Pilot[None]) -> None:
            await harness.open(pilot, pain_before="2")
            await harness.run_for(pilot, 5 + 1)

        assert snap_compare(harness.app, run_before=run_before, terminal_size=size)

    @pytest.mark.parametrize("size", SIZES)
    def test_switch_sides(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """Switching to the right leg: the figure is back at the start pose, mirrored."""
        harness = figure_session(("leg-lift", Dose(hold_s=10, reps=1, rest_s=10)))

        async def run_before(pilot: Pilot[None]) -> None:
            await harness.open(pilot, pain_before="2")
            await harness.run_for(pilot, 5 + 10 + 2)

        assert snap_compare(harness.app, run_before=run_before, terminal_size=size)
