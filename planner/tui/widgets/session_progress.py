"""The whole-session progress line: a bar and the time left at the planned pace."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from planner.tui.widgets.countdown import clock_face


class SessionProgress(Horizontal):
    """A progress bar for the whole session with ``12:30 left`` beside it."""

    def compose(self) -> ComposeResult:
        yield ProgressBar(total=1000, show_eta=False, show_percentage=False)
        yield Label("", classes="session-progress-left", markup=False)

    def show(self, progress: float, left_s: float) -> None:
        """Fill the bar to ``progress`` (0 to 1) and say how long is left."""
        self.query_one(ProgressBar).update(progress=round(progress * 1000))
        self.query_one(Label).update(f"{clock_face(left_s)} left")
