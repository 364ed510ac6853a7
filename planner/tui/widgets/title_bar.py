"""The one-line bar at the top of the catalogue and history screens.

It matches the calendar's own header line (same place, same colours),
so every mode opens with a line saying where the user is and what is there.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TitleBar(Static):
    """The screen's name followed by a few facts, separated by middle dots."""

    DEFAULT_CSS = """
        TitleBar {
            height: 1;
            padding: 0 1;
            background: $panel;
            color: $text;
            text-style: bold;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(Content(title), id=id, markup=False)
        self.title = title

    def show(self, *facts: str) -> None:
        """Show the title and ``facts`` (user text is fine: it is never read as markup)."""
        self.update(Content(" · ".join((self.title, *facts))))
