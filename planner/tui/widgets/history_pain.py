"""Pain before and after sessions over time: two sparklines with the numbers beside them."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Sparkline, Static

from planner.domain.history import WeekStats


class PainTrend(Vertical):
    """Weekly average pain before and after sessions, oldest on the left."""

    def compose(self) -> ComposeResult:
        yield Static("Pain, weekly average (0–10)", classes="history-heading", markup=False)
        for when in ("before", "after"):
            yield Static(id=f"history-pain-{when}-label", classes="history-pain-label")
            # Several weeks share a column when there are more weeks than columns:
            # averaging them keeps the line honest about typical pain.
            yield Sparkline([], summary_function=fmean, id=f"history-pain-{when}")

    def show(self, weeks: Sequence[WeekStats]) -> None:
        """Draw the series of the weeks that have a rating."""
        self._series("before", "Before", [w.pain_before for w in weeks])
        self._series("after", "After", [w.pain_after for w in weeks])

    def _series(self, when: str, title: str, values: Sequence[float | None]) -> None:
        rated = [v for v in values if v is not None]
        label = self.query_one(f"#history-pain-{when}-label", Static)
        sparkline = self.query_one(f"#history-pain-{when}", Sparkline)
        sparkline.data = rated
        sparkline.display = bool(rated)
        if not rated:
            label.update(Content.assemble((title, "bold"), "  not rated yet"))
            return
        label.update(
            Content.assemble(
                (title, "bold"),
                f"  first {rated[0]:.1f} · latest {rated[-1]:.1f}",
            )
        )
