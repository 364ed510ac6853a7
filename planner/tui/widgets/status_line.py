"""The line above the footer where a screen says what just happened.

Toasts float over whatever is below them: day columns, the detail line, a dialog's
buttons. Screens that have a status line show their messages here instead, in the
layout: a new message replaces the last one (no stack), and it goes after a while.
"""

from __future__ import annotations

from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from planner.domain.text_rules import terminal_safe

DEFAULT_TIMEOUT_S = 6.0
"""How long a message stays when the caller gives no time."""

_MOST_MESSAGES = 3
"""Messages shown at once (warnings and errors kept above the newest message)."""


class StatusLine(Static):
    """One message at a time, coloured by its severity; hidden while there is none."""

    DEFAULT_CSS = """
        StatusLine {
            display: none;
            height: auto;
            max-height: 4;
            padding: 0 1;
            background: $primary 25%;
            color: $text;
        }
        StatusLine.-warning {
            background: $warning 30%;
        }
        StatusLine.-error {
            background: $error 35%;
            text-style: bold;
        }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._timer: Timer | None = None
        self._timeout = DEFAULT_TIMEOUT_S
        self._shown: list[tuple[str, SeverityLevel]] = []

    def on_mount(self) -> None:
        self.app.screen_change_signal.subscribe(self, self._follow_screen)

    def _follow_screen(self, screen: Screen[object]) -> None:
        """A message said just before a dialog covered it waits for the dialog to close:
        its time starts again when this line is back in sight."""
        if self._shown:
            self._start_timer(in_sight=screen is self.screen)

    def _start_timer(self, *, in_sight: bool) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if in_sight:
            self._timer = self.set_timer(self._timeout, self.clear)

    @property
    def messages(self) -> tuple[str, ...]:
        """The messages shown now, oldest first (none while hidden)."""
        return tuple(text for text, _ in self._shown)

    def say(
        self, message: str, severity: SeverityLevel, timeout: float | None, *, title: str = ""
    ) -> None:
        """Show ``message`` literally (never as markup, no control character reaching the
        terminal) until ``timeout`` seconds pass; a ``title`` goes before it on its line.

        A new message replaces the ones that only informed; a warning or an error
        still showing stays above it, so a quick "saved" cannot hide a failure.
        """
        message = " · ".join(part for part in (title, message) if part)
        kept = [shown for shown in self._shown if shown[1] != "information"]
        self._shown = [*kept, (terminal_safe(message), severity)][-_MOST_MESSAGES:]
        severities = {level for _, level in self._shown}
        self.update(Content("\n".join(self.messages)))
        self.set_class("warning" in severities and "error" not in severities, "-warning")
        self.set_class("error" in severities, "-error")
        self.display = True
        self._timeout = timeout or DEFAULT_TIMEOUT_S
        self._start_timer(in_sight=self.screen is self.app.screen)

    def clear(self) -> None:
        """Hide the line until the next message."""
        self._shown = []
        self.display = False


class SaysInStatusLine(Widget):
    """For a screen with a StatusLine: its own messages go there, even when they come
    while another screen is in front (they wait for it to close)."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a message in this screen's status line (a toast before it is mounted)."""
        lines = self.query(StatusLine)
        if not lines:
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
            return
        lines.first().say(message, severity, timeout, title=title)
