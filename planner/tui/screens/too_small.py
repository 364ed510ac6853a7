"""The message that covers the app while the terminal is smaller than the layout needs."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

MINIMUM_SIZE = Size(80, 24)
"""Below this the calendar's seven columns and the dialogs no longer fit."""


def too_small_message(size: Size) -> str:
    """The words shown for a terminal of ``size``."""
    return (
        f"Terminal too small: {size.width}×{size.height}, "
        f"needs at least {MINIMUM_SIZE.width}×{MINIMUM_SIZE.height}\n\n"
        "Make the window bigger to carry on, or press q to quit."
    )


class TooSmallScreen(ModalScreen[None]):
    """Covers every screen (dialogs too) until the terminal is big enough again.

    It is modal so keys cannot reach the screens hidden underneath; it closes
    itself as soon as the size is fine, so whatever was open comes back as it was.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit", id="too_small.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._leaving = False
        """Set once dismissed: a resize and a resume can both arrive before the pop is done."""

    def compose(self) -> ComposeResult:
        yield Static(too_small_message(self.app.size), id="too-small-message", markup=False)

    def on_screen_resume(self) -> None:
        self._follow(self.app.size)

    def on_resize(self, event: events.Resize) -> None:
        self._follow(event.size)

    def _follow(self, size: Size) -> None:
        if size.width >= MINIMUM_SIZE.width and size.height >= MINIMUM_SIZE.height:
            # Only the top one closes; one further down waits for its resume.
            if self.app.screen is self and not self._leaving:
                self._leaving = True
                self.dismiss()
            return
        self.query_one("#too-small-message", Static).update(too_small_message(size))
