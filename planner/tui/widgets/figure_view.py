"""One drawn frame of an exercise's figure, coloured from the theme.

The frame comes from the domain's renderer as braille rows plus a tag per cell;
this widget only turns tags into theme colours. ``frame`` is reactive, so the
widget repaints when the rows or tags change and never otherwise.
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from textual.content import Content, Span
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from planner.domain.figure_render import BODY, SUPPORT, WORKING, FigureFrame

_TAG_CLASSES = {
    SUPPORT: "figure-view--support",
    BODY: "figure-view--body",
    WORKING: "figure-view--working",
}


class FigureView(Widget):
    """Shows one ``FigureFrame``; shows nothing while ``frame`` is None.

    The widget does not size itself to the frame: whoever places it gives it a size.
    """

    DEFAULT_CSS = """
    FigureView > .figure-view--support {
        color: $text-muted;
    }
    FigureView > .figure-view--body {
        color: $foreground;
    }
    FigureView > .figure-view--working {
        color: $text-accent;
        text-style: bold;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = set(_TAG_CLASSES.values())

    frame: reactive[FigureFrame | None] = reactive(None)

    def frame_lines(self, frame: FigureFrame) -> tuple[Content, ...]:
        """The frame's rows, each run of cells with one tag in that tag's theme colour."""
        styles = tuple(self.get_visual_style(name, partial=True) for name in _TAG_CLASSES.values())
        return _coloured_rows(frame, styles)

    def render(self) -> Content:
        """The current frame, or nothing."""
        if self.frame is None:
            return Content("")
        return Content("\n").join(self.frame_lines(self.frame))


@lru_cache(maxsize=256)
def _coloured_rows(frame: FigureFrame, styles: tuple[Style, ...]) -> tuple[Content, ...]:
    # A moving figure shows the same few frames rep after rep: each is coloured once per theme.
    by_tag = dict(zip(_TAG_CLASSES, styles, strict=True))
    lines = []
    for text, tags in zip(frame.rows, frame.tags, strict=True):
        spans = []
        start = 0
        for column in range(1, len(tags) + 1):
            if column == len(tags) or tags[column] != tags[start]:
                if tags[start] in by_tag:
                    spans.append(Span(start, column, by_tag[tags[start]]))
                start = column
        lines.append(Content(text, spans))
    return tuple(lines)
