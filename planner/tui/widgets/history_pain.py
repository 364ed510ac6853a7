"""Pain before and after sessions, week by week, on a fixed 0 to 10 scale.

Textual's Sparkline stretches its data between the series' own minimum and maximum,
so a steady 4 looked like a flat floor and a drop from 3 to 2 like a wall. Here each
week is one bar whose height is the pain on the full 0 to 10 scale, both rows share
the same weeks (a week without a rating is a dot), and the first and latest values
are printed beside the bars.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from planner.domain.dates import day_month
from planner.domain.history import WeekStats
from planner.domain.thresholds import GENTLE_ONLY_PAIN, MILD_PAIN_MAX, PAIN_MAX

BLOCKS = "▁▂▃▄▅▆▇█"
"""One character per eighth of the scale; a zero still gets the lowest block, so it shows."""

LABEL_WIDTH = 8
"""Room for "Before" and "After" in front of the bars."""

NUMBERS_WIDTH = 12
"""Room for "4.0 → 2.0" (first and latest) after the bars."""

WIDE_WEEKS = 12
"""Up to this many weeks, each bar is two cells wide with a gap, easier to read."""


def bar(value: float) -> str:
    """The block character for a pain score on the 0 to 10 scale."""
    step = round(value / PAIN_MAX * (len(BLOCKS) - 1))
    return BLOCKS[max(0, min(len(BLOCKS) - 1, step))]


def pain_style(value: float) -> str:
    """Theme colour for a pain score: mild is good news, from the see-a-doctor level an error."""
    if value <= MILD_PAIN_MAX:
        return "$text-success"
    if value < GENTLE_ONLY_PAIN:
        return "$text-warning"
    return "$text-error"


@dataclass(frozen=True)
class _Row:
    title: str
    values: tuple[float | None, ...]


class PainBars(Widget):
    """The bars of both series, aligned week by week, with a date under each end."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: tuple[_Row, ...] = ()
        self._mondays: tuple[date, ...] = ()

    def show(self, weeks: Sequence[WeekStats]) -> None:
        """Draw ``weeks`` (oldest first)."""
        self._mondays = tuple(w.monday for w in weeks)
        self._rows = (
            _Row("Before", tuple(w.pain_before for w in weeks)),
            _Row("After", tuple(w.pain_after for w in weeks)),
        )
        self.refresh()

    def weeks_shown(self) -> int:
        """How many of the newest weeks fit in the width the widget has now."""
        room = max(1, self.content_size.width - LABEL_WIDTH - NUMBERS_WIDTH)
        if len(self._mondays) <= min(WIDE_WEEKS, room // 3):
            return len(self._mondays)
        return min(len(self._mondays), room)

    def render(self) -> Content:
        """Two rows of bars and the date line under them."""
        count = self.weeks_shown()
        wide = count <= WIDE_WEEKS and count * 3 <= self.content_size.width - LABEL_WIDTH
        lines = [self._bars(row, count, wide) for row in self._rows]
        lines.append(self._dates(count, wide))
        return Content("\n").join(lines)

    def _bars(self, row: _Row, count: int, wide: bool) -> Content:
        shown = row.values[-count:] if count else ()
        parts: list[Content | tuple[str, str] | str] = [(row.title.ljust(LABEL_WIDTH), "bold")]
        for value in shown:
            cell = "·" if value is None else bar(value)
            width = 2 if wide else 1
            style = "$text-muted" if value is None else pain_style(value)
            parts.append((cell * width, style))
            if wide:
                parts.append(" ")
        rated = [v for v in row.values if v is not None]
        if rated:
            parts.append((f"  {rated[0]:.1f} → {rated[-1]:.1f}", "$text"))
        else:
            parts.append(("  not rated yet", "$text-muted"))
        return Content.assemble(*parts)

    def _dates(self, count: int, wide: bool) -> Content:
        if not count:
            return Content("")
        width = count * 3 - 1 if wide else count
        first, last = (_short(m) for m in (self._mondays[-count], self._mondays[-1]))
        if count == 1:
            line = last
        elif len(first) + len(last) + 1 > width:
            # Too few bars to put a date under each end: say the range instead.
            line = f"{first} to {last}"
        else:
            line = first + last.rjust(width - len(first))
        return Content.assemble(" " * LABEL_WIDTH, (line, "$text-muted"))


def _short(monday: date) -> str:
    return day_month(monday)


class PainTrend(Vertical):
    """Weekly average pain before and after sessions, oldest on the left."""

    def compose(self) -> ComposeResult:
        heading = "Pain each week (0–10)"
        yield Static(heading, classes="history-heading", markup=False)
        yield PainBars(id="history-pain-bars")

    def show(self, weeks: Sequence[WeekStats]) -> None:
        """Draw the weeks since the first rating (the ones before it would only be dots)."""
        first = next(
            (
                i
                for i, w in enumerate(weeks)
                if w.pain_before is not None or w.pain_after is not None
            ),
            len(weeks),
        )
        self.query_one(PainBars).show(weeks[first:])
