"""The box that filters a list by name, and the keys that leave it for the list.

While it has the focus, letters go into the box, so the footer hides the screen's
letter keys; escape and down are the way back to them, and the footer says so.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class FilterBox(Input):
    """An Input whose escape and down arrow hand the focus back to the list below it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "leave",
            "To the list",
            tooltip="Leave the filter (what it matches stays listed) and go to the list",
            id="filter.leave",
        ),
        Binding(
            "down",
            "leave",
            "To the list",
            show=False,
            tooltip="Move down into the filtered list",
            id="filter.down",
        ),
    ]

    class Left(Message):
        """The user left the filter for the list."""

    def action_leave(self) -> None:
        """Tell the screen to move the focus to the list."""
        self.post_message(self.Left())
