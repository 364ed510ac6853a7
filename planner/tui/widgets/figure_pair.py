"""The catalogue's picture of an exercise: its start pose, an arrow, its end pose.

Drawn as one widget so the two figures share rows. Each pose's box grows with
the room the pane gives it (up to ``MAX_COLS``), so a wide terminal shows a
bigger body; the pair takes no room at all for an exercise without a figure, or
in a pane too narrow to hold two ``MIN_COLS`` boxes side by side.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size

from planner.domain.figure import Figure
from planner.domain.figure_render import FigureFrame, render_frame
from planner.tui.widgets.figure_view import FigureView

MIN_COLS = 18
MAX_COLS = 26
"""The narrowest and widest box each of the two poses is drawn in."""

_ROWS_PER_COL = 1 / 3
"""Box height for its width: a body lying down is about three times as long as it is tall."""

_ARROW = "  →  "


def box_for(width: int) -> tuple[int, int] | None:
    """The (columns, rows) of each pose's box in ``width`` columns; None if two do not fit."""
    cols = min(MAX_COLS, (width - len(_ARROW)) // 2)
    if cols < MIN_COLS:
        return None
    return cols, round(cols * _ROWS_PER_COL)


class FigurePair(FigureView):
    """Start → end of one exercise's figure with a caption under each, or nothing."""

    DEFAULT_CSS = """
    FigurePair {
        width: 100%;
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.figure: Figure | None = None

    @staticmethod
    def needed_width() -> int:
        """Columns the pair needs at least: two of the smallest boxes and the arrow."""
        return 2 * MIN_COLS + len(_ARROW)

    def show(self, figure: Figure | None) -> None:
        """Draw ``figure``'s start and end, or clear the pair."""
        self.figure = figure
        # Hidden rather than empty, so its margin goes too.
        self.display = figure is not None
        self.refresh(layout=True)

    def _frames(self, width: int) -> tuple[FigureFrame, FigureFrame, int] | None:
        """Start and end frames for ``width``, and how many empty top rows both share."""
        box = box_for(width)
        if self.figure is None or box is None:
            return None
        cols, rows = box
        start = render_frame(self.figure, 0.0, cols, rows)
        end = render_frame(self.figure, 1.0, cols, rows)
        # A body lying down leaves the top of its box empty: those rows are not drawn.
        empty = min(_empty_top_rows(start), _empty_top_rows(end))
        return start, end, empty

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The drawn rows and the caption, or none without a figure or room for it."""
        frames = self._frames(width)
        if frames is None:
            return 0
        start, _end, empty = frames
        return len(start.rows) - empty + 1

    def render(self) -> Content:
        """Both poses, side by side, the arrow on the middle drawn row."""
        frames = self._frames(self.content_size.width)
        if frames is None:
            return Content("")
        start, end, empty = frames
        cols = len(start.rows[0])
        left = self.frame_lines(start)[empty:]
        right = self.frame_lines(end)[empty:]
        blank = " " * len(_ARROW)
        lines = [
            Content.assemble(a, _ARROW if n == len(left) // 2 else blank, b)
            for n, (a, b) in enumerate(zip(left, right, strict=True))
        ]
        caption = Content.assemble("Start".center(cols), blank, "End".center(cols)).stylize(
            self.get_visual_style("figure-view--support", partial=True)
        )
        return Content("\n").join([*lines, caption])


def _empty_top_rows(frame: FigureFrame) -> int:
    return next((n for n, row in enumerate(frame.rows) if row.strip()), len(frame.rows))
