"""The command palette says in a full sentence what each action does, and which key runs it."""

from __future__ import annotations

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Settings
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from tests.tui.palette_support import open_palette


def welcomed_app() -> PlannerApp:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    return PlannerApp(store, load_catalogue())


async def test_palette_explains_export_in_a_sentence_with_its_key() -> None:
    app = welcomed_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        lines = await open_palette(pilot, "export")
        export = [line for line in lines if line.startswith("Export")]
        assert export, lines
        assert (
            "Save the plan from the shown week on as a card and a calendar file in this folder"
            " · key e" in export[0]
        )


async def test_palette_lists_sentences_before_typing() -> None:
    app = welcomed_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        shown = "\n".join(await open_palette(pilot))
        assert "Start the selected day's session · key s" in shown
        assert "List every key of this screen and of the app · key ?" in shown
