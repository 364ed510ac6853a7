"""The whole-session progress line: a bar and the time left at the planned pace."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from planner.tui.widgets.countdown import clock_face

STEPS = 200
"""The bar's resolution: finer than its half-cell glyphs can show at any width we draw."""


class SessionProgress(Horizontal):
    """A progress bar for the whole session with ``12:30 left`` beside it.

    Repainted only when what it shows changes: the bar's step or the minutes and seconds.
    """

    _shown: tuple[int, str] | None = None

    def compose(self) -> ComposeResult:
        yield ProgressBar(total=STEPS, show_eta=False, show_percentage=False)
        yield Label("", classes="session-progress-left", markup=False)

    def show(self, progress: float, left_s: float) -> None:
        """Fill the bar to ``progress`` (0 to 1) and say how long is left."""
        step, left = round(progress * STEPS), f"{clock_face(left_s)} left"
        shown = self._shown
        if shown is None or shown[0] != step:
            self.query_one(ProgressBar).update(progress=step)
        if shown is None or shown[1] != left:
            self.query_one(Label).update(left)
        self._shown = (step, left)
