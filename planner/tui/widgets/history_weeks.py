"""The week-by-week table of the history screen: planned, done, adherence, minutes, pain."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from planner.domain.history import WeekStats

_COLUMNS = ("Week", "Plan", "Done", "Adh.", "Min", "Pain")
FIRST_ROWS = 120
"""Rows added before the screen first paints (more than a screen's worth, two years)."""
MORE_ROWS = 300
"""Rows added after each later paint, so years of history never hold up a key."""


class HistoryWeeks(DataTable[Text]):
    """One row per week, newest first; weeks at plan in the success colour."""

    _generation = 0

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for label in _COLUMNS:
            self.add_column(Text(label), key=label)

    def show(self, weeks: Sequence[WeekStats], *, good: str, short: str) -> None:
        """Replace the rows with ``weeks``; ``good`` and ``short`` are colours from the theme.

        The newest weeks go in at once; older ones follow in batches after the screen
        has painted, so twenty years of weeks cost the first paint what two years do.
        """
        self.clear()
        self._generation += 1
        newest_first = list(reversed(weeks))
        self._add_rows(newest_first[:FIRST_ROWS], good, short)
        self._add_later(newest_first[FIRST_ROWS:], good, short, self._generation)

    def _add_later(self, rows: list[WeekStats], good: str, short: str, generation: int) -> None:
        if not rows:
            return

        def add_batch() -> None:
            if generation != self._generation:  # shown again since: those rows are stale
                return
            self._add_rows(rows[:MORE_ROWS], good, short)
            self._add_later(rows[MORE_ROWS:], good, short, generation)

        self.call_after_refresh(add_batch)

    def _add_rows(self, weeks: Sequence[WeekStats], good: str, short: str) -> None:
        for week in weeks:
            colour = good if week.at_plan else short if week.planned else ""
            adherence = "–" if week.adherence is None else f"{week.adherence:.0%}"
            self.add_row(
                Text(week.label),
                Text(str(week.planned), justify="right"),
                Text(f"{week.done:g}", justify="right"),
                Text(adherence, style=colour, justify="right"),
                Text(f"{week.minutes:.0f}", justify="right"),
                Text(f"{_pain(week.pain_before)}→{_pain(week.pain_after)}", justify="right"),
                key=week.label,
            )


def _pain(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"
