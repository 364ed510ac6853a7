"""The week-by-week table of the history screen: planned, done, adherence, minutes, pain."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from planner.domain.history import WeekStats

_COLUMNS = ("Week", "Plan", "Done", "Adh.", "Min", "Pain")


class HistoryWeeks(DataTable[Text]):
    """One row per week, newest first; weeks at plan in the success colour."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for label in _COLUMNS:
            self.add_column(Text(label), key=label)

    def show(self, weeks: Sequence[WeekStats], *, good: str, short: str) -> None:
        """Replace the rows with ``weeks``; ``good`` and ``short`` are colours from the theme."""
        self.clear()
        for week in reversed(weeks):
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
