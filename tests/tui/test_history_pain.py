"""The pain bars of the history screen: a fixed 0-10 scale, few weeks and many."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import App, ComposeResult

from planner.domain.history import WeekStats
from planner.tui.widgets.history_pain import BLOCKS, PainBars, bar

MONDAY = date(2026, 11, 23)


def _weeks(pains: list[tuple[float | None, float | None]]) -> list[WeekStats]:
    count = len(pains)
    return [
        WeekStats(MONDAY - timedelta(weeks=count - 1 - i), 3, 3, 3, 30, before, after)
        for i, (before, after) in enumerate(pains)
    ]


class _BarsApp(App[None]):
    def __init__(self, weeks: list[WeekStats]) -> None:
        super().__init__()
        self.weeks = weeks

    def compose(self) -> ComposeResult:
        yield PainBars()

    def on_mount(self) -> None:
        self.query_one(PainBars).show(self.weeks)


async def _lines(weeks: list[WeekStats], width: int) -> list[str]:
    app = _BarsApp(weeks)
    async with app.run_test(size=(width, 5)) as pilot:
        await pilot.pause()
        return str(app.query_one(PainBars).render()).splitlines()


def test_the_scale_is_fixed_from_0_to_10() -> None:
    assert bar(0) == BLOCKS[0]
    assert bar(10) == BLOCKS[-1]
    assert bar(5) == BLOCKS[4]
    # The same score always draws the same height, whatever else is in the series.
    assert bar(4) == bar(4.0) and BLOCKS.index(bar(4)) < BLOCKS.index(bar(7))


async def test_a_steady_score_is_drawn_at_its_height_not_as_a_floor() -> None:
    before, after, dates = await _lines(_weeks([(4, 3), (4, 2.5), (4, 2)]), 60)
    assert before.startswith("Before")
    assert before.count(bar(4)) == 6  # three weeks, two cells each
    assert bar(4) != BLOCKS[0]
    assert before.rstrip().endswith("4.0 → 4.0")
    assert after.rstrip().endswith("3.0 → 2.0")
    assert "9 Nov" in dates and "23 Nov" in dates


async def test_an_unrated_week_is_a_dot_and_both_rows_stay_aligned() -> None:
    before, after, _ = await _lines(_weeks([(5, None), (5, 4)]), 60)
    assert "·" in after
    assert before.index(bar(5)) == after.index("·")


async def test_many_weeks_show_the_newest_that_fit_one_cell_each() -> None:
    weeks = _weeks([(6, 5)] * 200)
    before, _, dates = await _lines(weeks, 60)
    cells = sum(before.count(block) for block in BLOCKS)
    assert 20 <= cells <= 60
    assert dates.rstrip().endswith("23 Nov")


async def test_no_rating_at_all_says_so() -> None:
    before, after, _ = await _lines(_weeks([(None, None)]), 60)
    assert "not rated yet" in before and "not rated yet" in after
