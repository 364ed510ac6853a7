"""The catalogue's picture of an exercise: its start pose, an arrow, its end pose.

Drawn as one widget so the two figures share rows; it takes no room at all for
an exercise without a figure, or in a pane too narrow to hold both side by side.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size

from planner.domain.figure import Figure
from planner.domain.figure_render import render_frame
from planner.tui.widgets.figure_view import FigureView

FIGURE_COLS = 18
FIGURE_ROWS = 6
"""The box each of the two poses is drawn in."""

_ARROW = "  →  "


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
        """Columns the pair takes: two boxes and the arrow between them."""
        return 2 * FIGURE_COLS + len(_ARROW)

    def show(self, figure: Figure | None) -> None:
        """Draw ``figure``'s start and end, or clear the pair."""
        self.figure = figure
        # Hidden rather than empty, so its margin goes too.
        self.display = figure is not None
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The boxes' height, or none when there is nothing to show or no room for it."""
        if self.figure is None or width < self.needed_width():
            return 0
        return FIGURE_ROWS + 1

    def render(self) -> Content:
        """Both poses, side by side, the arrow on the middle row."""
        if self.figure is None or self.content_size.width < self.needed_width():
            return Content("")
        start = self.frame_lines(render_frame(self.figure, 0.0, FIGURE_COLS, FIGURE_ROWS))
        end = self.frame_lines(render_frame(self.figure, 1.0, FIGURE_COLS, FIGURE_ROWS))
        blank = " " * len(_ARROW)
        rows = [
            Content.assemble(left, _ARROW if n == FIGURE_ROWS // 2 else blank, right)
            for n, (left, right) in enumerate(zip(start, end, strict=True))
        ]
        caption = Content.assemble(
            "Start".center(FIGURE_COLS), blank, "End".center(FIGURE_COLS)
        ).stylize(self.get_visual_style("figure-view--support", partial=True))
        return Content("\n").join([*rows, caption])
