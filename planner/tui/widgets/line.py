"""Plain text that repaints in place when it changes, and re-arranges the screen only
when it needs another number of rows.

Textual's ``Label.update`` asks for a layout pass on every change, because a label's
size may follow its text. A live session changes a few short texts every second or
every rep, and a layout pass re-arranges the whole screen each time. ``Line`` knows its
width from the stylesheet, so a new text costs a layout pass only when it wraps onto
more or fewer rows than the old one; otherwise it repaints its own cells and nothing else.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class Line(Widget):
    """Plain text (never markup), as wide as the stylesheet says and as tall as it wraps."""

    DEFAULT_CSS = """
    Line {
        height: auto;
        width: 1fr;
    }
    """

    text: reactive[str] = reactive("", layout=False)

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.set_reactive(Line.text, text)

    def watch_text(self, old: str, new: str) -> None:
        """Ask for a layout pass only when the text needs another number of rows."""
        width = self.content_size.width
        if not width or self._rows(old, width) != self._rows(new, width):
            self.refresh(layout=True)

    @staticmethod
    def _rows(text: str, width: int) -> int:
        return len(Content(text).wrap(width))

    def render(self) -> Content:
        """The text as it is."""
        return Content(self.text)
