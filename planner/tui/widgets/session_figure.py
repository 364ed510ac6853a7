"""The live session's figure: the exercise's body, moving with the phase beside the countdown.

The session screen hands over the current phase and the seconds left in it; the
domain (``figure_moment``) says where in the movement that is, and the renderer
draws it at the size this widget was given. Frames come from a cache and the
reactive ``frame`` only repaints when the drawn rows change, so the ten-a-second
refresh of the session costs a lookup, not a redraw.
"""

from __future__ import annotations

from textual import events

from planner.domain.figure import Figure
from planner.domain.figure_motion import FigureMoment, figure_moment
from planner.domain.figure_render import render_frame
from planner.domain.phases import Phase
from planner.tui.widgets.figure_view import FigureView

MAX_COLS = 34
MAX_ROWS = 11
"""The largest box the figure is drawn in; a bigger one only makes the dots coarser to read."""

MIN_COLS = 14
MIN_ROWS = 4
"""Below this box the body is too small to read, so the figure steps aside (draws nothing)."""


class SessionFigure(FigureView):
    """The current exercise's figure; hidden for an exercise that has none.

    ``motion`` off shows the end pose, still, whatever the phase.
    """

    DEFAULT_CSS = """
    SessionFigure {
        width: 34%;
        max-width: 36;
        height: 1fr;
        padding: 1 1 0 1;
    }
    """

    def __init__(self, *, motion: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.motion = motion
        self._figure: Figure | None = None
        self._moment = FigureMoment(0.0, mirror=False)

    def follow(self, phase: Phase, remaining_s: float) -> None:
        """Show ``phase``'s exercise where it is with ``remaining_s`` seconds of it left."""
        figure = phase.exercise.figure
        if (figure is not None) != self.display:
            self.display = figure is not None
        self._figure = figure
        self._moment = figure_moment(phase, phase.duration_s - remaining_s, motion=self.motion)
        self._draw()

    def on_resize(self, event: events.Resize) -> None:
        """Draw again at the new size."""
        self._draw()

    def _draw(self) -> None:
        cols = min(self.content_size.width, MAX_COLS)
        rows = min(self.content_size.height, MAX_ROWS)
        if self._figure is None or cols < MIN_COLS or rows < MIN_ROWS:
            self.frame = None
            return
        self.frame = render_frame(
            self._figure, self._moment.fraction, cols, rows, mirror=self._moment.mirror
        )
