"""Leaving the catalogue's filter: escape and the down arrow go to the list, the filter
stays applied, and the footer shows the screen's keys again."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Settings
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.catalogue import CatalogueScreen
from planner.tui.widgets.catalogue_list import ExerciseList
from tests.conftest import FakeClock


@pytest.fixture
def app(fake_clock: FakeClock) -> PlannerApp:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    return PlannerApp(store, load_catalogue(), fake_clock.as_clock())


def footer_words(app: PlannerApp) -> set[str]:
    return {key.description for key in app.screen.query_one(Footer).query(FooterKey)}


async def type_filter(pilot: Pilot[None], text: str) -> CatalogueScreen:
    await pilot.press("l")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CatalogueScreen)
    await pilot.press("slash", *text)
    await pilot.pause()
    assert isinstance(pilot.app.focused, Input)
    return screen


def listed(screen: CatalogueScreen) -> int:
    return screen.query_one(ExerciseList).option_count


async def test_escape_leaves_the_filter_and_the_footer_has_its_keys(app: PlannerApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await type_filter(pilot, "knee")
        assert "To the list" in footer_words(app), "the filter says how to leave it"
        assert "Add" not in footer_words(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, ExerciseList)
        assert {"Add", "New", "Edit", "Delete", "Help"} <= footer_words(app)
        assert screen.query_one("#catalogue-filter", Input).value == "knee"
        assert listed(screen) == 2
        assert isinstance(app.screen, CatalogueScreen), "escape did not leave the screen"


async def test_down_moves_from_the_filter_into_the_list(app: PlannerApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await type_filter(pilot, "knee")
        exercises = screen.query_one(ExerciseList)
        first = exercises.highlighted_id
        await pilot.press("down")
        await pilot.pause()
        assert app.focused is exercises
        await pilot.press("down")
        await pilot.pause()
        assert exercises.highlighted_id not in (None, first)
        assert listed(screen) == 2


async def test_the_catalogue_opens_with_the_list_focused(app: PlannerApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.focused, ExerciseList)
