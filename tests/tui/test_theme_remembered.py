"""The Textual theme the user picks is kept in the settings and used on the next start."""

from __future__ import annotations

from pathlib import Path

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Settings
from planner.storage import Store, open_store
from planner.storage.codec import settings_from_doc
from planner.tui.app import PlannerApp
from tests.conftest import FakeClock


def welcomed_file(path: Path) -> None:
    with open_store(path) as store:
        store.save_settings(Settings(welcomed=True))


async def test_a_theme_chosen_in_the_palette_is_used_after_a_restart(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    path = tmp_path / "planner.json"
    welcomed_file(path)
    catalogue = load_catalogue()
    with open_store(path) as store:
        app = PlannerApp(store, catalogue, fake_clock.as_clock())
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            default = app.theme
            assert default != "nord"
            # The palette's "Change theme" command ends by setting the app's theme.
            await pilot.press("ctrl+p", *"theme")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press(*"nord", "enter")
            await pilot.pause()
            assert app.theme == "nord"
    with open_store(path) as store:
        assert store.settings().theme == "nord"
        again = PlannerApp(store, catalogue, fake_clock.as_clock())
        async with again.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            assert again.theme == "nord"


async def test_a_saved_theme_that_no_longer_exists_falls_back_to_the_default(
    fake_clock: FakeClock,
) -> None:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True, theme="no-such-theme"))
    app = PlannerApp(store, load_catalogue(), fake_clock.as_clock())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.theme == PlannerApp(Store.in_memory(), load_catalogue()).theme


async def test_a_read_only_file_keeps_its_theme(fake_clock: FakeClock) -> None:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True, theme="gruvbox"))
    store.read_only = True
    app = PlannerApp(store, load_catalogue(), fake_clock.as_clock())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"
        app.theme = "nord"
        await pilot.pause()
    assert store.settings().theme == "gruvbox"


def test_a_theme_name_that_cannot_be_one_is_dropped_not_refused() -> None:
    assert settings_from_doc({"theme": "\x1b]2;x"}).theme == ""
    assert settings_from_doc({"theme": 7}).theme == ""
    assert settings_from_doc({}).theme == ""
    assert settings_from_doc({"theme": "nord"}).theme == "nord"
