"""The week-by-week table of the history screen: planned, done, adherence, minutes, pain."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from planner.domain.history import WeekStats

_HEADINGS = ("Week", "Plan", "Done", "Adh.", "Min", "Pain")
_ADHERENCE = _HEADINGS.index("Adh.")
_GAP = "  "
"""Between columns: what the table's cell padding put there when each had a cell of its own."""
FIRST_ROWS = 120
"""Rows added before the screen first paints (more than a screen's worth, two years)."""
MORE_ROWS = 300
"""Rows added after each later paint, so years of history never hold up a key."""

_Week = tuple[tuple[str, ...], str]
"""A week's cells as text (the label first) and the colour of its adherence."""


class HistoryWeeks(DataTable[Text]):
    """One row per week, newest first; weeks at plan in the success colour.

    Each row is one cell laid out in columns here: the table draws a row of one cell
    several times faster than a row of six, which showed on the history's first paint.
    """

    _generation = 0

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.show_header = True

    def show(self, weeks: Sequence[WeekStats], *, good: str, short: str) -> None:
        """Replace the rows with ``weeks``; ``good`` and ``short`` are colours from the theme.

        The newest weeks go in at once; older ones follow in batches after the screen
        has painted, so twenty years of weeks cost the first paint what two years do.
        """
        self.clear(columns=True)
        self._generation += 1
        newest_first = list(reversed(weeks))
        cells = [_cells(week) for week in newest_first]
        widths = [max([len(h), *(len(row[i]) for row in cells)]) for i, h in enumerate(_HEADINGS)]
        self.add_column(_heading(widths), key="week")
        colours = [good if w.at_plan else short if w.planned else "" for w in newest_first]
        # Each row's text is laid out when its batch goes in, not all of them up front.
        rows = list(zip(cells, colours, strict=True))
        self._add_rows(rows[:FIRST_ROWS], widths)
        self._add_later(rows[FIRST_ROWS:], widths, self._generation)

    def _add_later(self, rows: list[_Week], widths: Sequence[int], generation: int) -> None:
        if not rows:
            return

        def add_batch() -> None:
            if generation != self._generation:  # shown again since: those rows are stale
                return
            self._add_rows(rows[:MORE_ROWS], widths)
            self._add_later(rows[MORE_ROWS:], widths, generation)

        self.call_after_refresh(add_batch)

    def _add_rows(self, rows: Sequence[_Week], widths: Sequence[int]) -> None:
        for cells, colour in rows:
            self.add_row(_row(cells, widths, colour), key=cells[0])


def _cells(week: WeekStats) -> tuple[str, ...]:
    adherence = "–" if week.adherence is None else f"{week.adherence:.0%}"
    return (
        week.label,
        str(week.planned),
        f"{week.done:g}",
        adherence,
        f"{week.minutes:.0f}",
        f"{_pain(week.pain_before)}→{_pain(week.pain_after)}",
    )


def _heading(widths: Sequence[int]) -> Text:
    return Text(_GAP.join(h.ljust(w) for h, w in zip(_HEADINGS, widths, strict=True)))


def _row(cells: Sequence[str], widths: Sequence[int], colour: str) -> Text:
    """One week's row: the week label to the left, the numbers to the right of their column."""
    row = Text(cells[0].ljust(widths[0]))
    for index in range(1, len(cells)):
        row.append(_GAP)
        row.append(cells[index].rjust(widths[index]), style=colour if index == _ADHERENCE else "")
    return row


def _pain(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"
