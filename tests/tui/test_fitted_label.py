"""A fitted label grows to a two-line wording and shrinks back, and never parses markup."""

from __future__ import annotations

from textual.app import App, ComposeResult

from planner.tui.widgets.fitted_label import FittedLabel

LONG = "Next: Hold — right side (0:30)"
TWO_LINES = "Next (0:30):\nHold — right side"


class OneLabel(App[None]):
    CSS = "FittedLabel { width: 20; }"

    def compose(self) -> ComposeResult:
        yield FittedLabel(id="label")


async def test_a_two_line_wording_after_a_one_line_one_is_shown_whole() -> None:
    app = OneLabel()
    async with app.run_test(size=(40, 10)) as pilot:
        label = app.query_one(FittedLabel)
        label.show(("Next: Rest (0:05)",))
        await pilot.pause()
        assert label.size.height == 1
        label.show((LONG, TWO_LINES))  # the long form does not fit 20 cells: two lines
        await pilot.pause()
        assert label.text == TWO_LINES
        assert label.size.height == 2
        label.show(("Next: Rest (0:05)",))
        await pilot.pause()
        assert label.size.height == 1


async def test_text_that_looks_like_markup_is_shown_as_it_is() -> None:
    app = OneLabel()
    async with app.run_test(size=(40, 10)) as pilot:
        label = app.query_one(FittedLabel)
        label.show(("[b]Rest[/b]",))
        await pilot.pause()
        assert str(label.render()) == "[b]Rest[/b]"
