"""What the app is telling the user right now: toasts, and the status line of screens with one."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widgets._toast import Toast

from planner.tui.widgets.status_line import StatusLine


def shown_messages(app: App[Any]) -> list[str]:
    """The text of every toast on screen, then the messages of any status line showing
    (a dialog over the calendar leaves the calendar's status line in sight)."""
    shown = [str(toast.render()) for toast in app.screen.query(Toast)]
    for status in (line for screen in app.screen_stack for line in screen.query(StatusLine)):
        if status.display:
            shown.extend(status.messages)
    return shown
