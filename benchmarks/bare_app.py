"""The yardstick: a bare Textual app (Header, a Static, Footer) every benchmark compares against.

A key (right arrow) changes the Static's text, so key latency can be measured the
same way as in the planner: from the key to the repaint it causes.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static


class BareApp(App[None]):
    """Header, one Static and a Footer; nothing else."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "step(1)", "Next"),
        Binding("left", "step(-1)", "Back"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("BAREAPPREADY 0", id="body")
        yield Footer()

    def action_step(self, delta: int) -> None:
        self.count += delta
        self.query_one("#body", Static).update(f"BAREAPPREADY {self.count}")


if __name__ == "__main__":
    BareApp().run()
