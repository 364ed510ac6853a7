"""What every mode shows at the edges: a one-line title, and a footer that fits at 80 columns."""

from __future__ import annotations

import pytest
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from planner.tui.app import PlannerApp
from planner.tui.widgets.title_bar import TitleBar
from tests.tui.history_support import history_app, history_store


def _footer_keys(app: PlannerApp) -> tuple[list[FooterKey], FooterKey]:
    footer = app.screen.query_one(Footer)
    keys = list(footer.query(FooterKey))
    palette = next(k for k in keys if k.has_class("-command-palette"))
    return [k for k in keys if k is not palette], palette


@pytest.mark.parametrize("mode_key", ["l", "h"])
async def test_footer_keys_fit_beside_the_palette_key_at_80_columns(mode_key: str) -> None:
    app = history_app(history_store(weeks=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(mode_key)
        await pilot.pause()
        await pilot.pause()
        keys, palette = _footer_keys(app)
        assert keys, "the footer shows the screen's keys"
        assert max(k.region.right for k in keys) <= palette.region.x
        assert palette.region.right <= 80
        descriptions = {k.description for k in keys}
        assert "Help" in descriptions


async def test_the_current_modes_key_is_hidden_and_the_others_shown() -> None:
    app = history_app(history_store(weeks=3))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.pause()
        shown = {k.description for k in _footer_keys(app)[0]}
        assert {"Calendar", "Catalogue"} <= shown
        assert "History" not in shown
        # Hidden from the footer, still on offer: h on history is simply a no-op.
        await pilot.press("l")
        await pilot.pause()
        await pilot.pause()
        shown = {k.description for k in _footer_keys(app)[0]}
        assert {"Calendar", "History"} <= shown and "Catalogue" not in shown


async def test_catalogue_and_history_open_with_a_title_line() -> None:
    app = history_app(history_store(weeks=3))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        title = str(app.screen.query_one(TitleBar).render())
        assert title.startswith("Catalogue · ") and "exercises" in title
        await pilot.press("slash", *"knee")
        await pilot.pause()
        title = str(app.screen.query_one(TitleBar).render())
        assert title.endswith("· 2 match the filter"), title
        await pilot.press("enter", "h")
        await pilot.pause()
        await pilot.pause()
        title = str(app.screen.query_one(TitleBar).render())
        assert title.startswith("History · since ")
