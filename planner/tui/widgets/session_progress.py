"""The whole-session progress line: a bar and the time left at the planned pace."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual.app import ComposeResult, RenderResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.widget import Widget

from planner.tui.widgets.countdown import clock_face
from planner.tui.widgets.line import Line


class SessionBar(Widget):
    """A thin bar filled to ``filled`` (0 to 1), in half cells.

    Textual's ProgressBar wakes up every second on a timer of its own to refresh
    an estimate we do not show; during a live session that is a second repaint a
    second, out of step with the countdown's. This bar changes only when told to,
    and only when the change shows: its fill is kept in half cells of its width.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"bar--bar", "bar--complete"}

    DEFAULT_CSS = """
    SessionBar {
        width: 1fr;
        height: 1;
        &> .bar--bar {
            color: $primary;
            background: $surface;
        }
        &> .bar--complete {
            color: $success;
            background: $surface;
        }
    }
    """

    half_cells: reactive[int] = reactive(0)
    _filled = 0.0

    def show(self, filled: float) -> None:
        """Fill the bar to ``filled`` of its width, to the nearest half cell below."""
        self._filled = max(0.0, min(1.0, filled))
        self.half_cells = int(self._filled * self.size.width * 2)

    def on_resize(self) -> None:
        """Keep the fill where it was, in the new width's half cells."""
        self.show(self._filled)

    def render(self) -> RenderResult:
        """The bar, green once it is full."""
        width = self.size.width
        done = bool(width) and self.half_cells >= width * 2
        style = self.get_component_rich_style("bar--complete" if done else "bar--bar")
        return Bar(
            highlight_range=(0, self.half_cells / 2),
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
        )


class SessionProgress(Horizontal):
    """A bar for the whole session with ``12:30 left`` beside it.

    Repainted only when what it shows changes: the bar's fill by half a cell, or the
    minutes and seconds, and then without a layout pass (both sit in boxes of fixed size).
    """

    def compose(self) -> ComposeResult:
        yield SessionBar()
        yield Line(classes="session-progress-left")

    def show(self, progress: float, left_s: float) -> None:
        """Fill the bar to ``progress`` (0 to 1) and say how long is left."""
        self.query_one(SessionBar).show(progress)
        self.query_one(
            Line
        ).text = f"{clock_face(left_s)} left"  # a reactive: same text, no repaint
