"""The big countdown of the live session: minutes and seconds in Textual's Digits."""

from __future__ import annotations

import math

from textual.widgets import Digits


def clock_face(seconds: float) -> str:
    """``m:ss`` for ``seconds`` left, rounded up so ``0:00`` shows only when time is up."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


class Countdown(Digits):
    """Shows the time left in the current phase; redrawn only when the face changes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("0:00", id=id)

    def show_seconds(self, seconds: float) -> None:
        """Display ``seconds`` left (a no-op when the shown text would not change)."""
        face = clock_face(seconds)
        if face != self.value:
            self.update(face)
