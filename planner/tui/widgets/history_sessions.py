"""The latest sessions, newest first, with how they went and the user's notes (shown literally)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from planner.domain.dates import short_date
from planner.domain.models import SessionLog
from planner.domain.text_rules import terminal_safe

EMPTY = "No sessions logged yet."


class RecentSessions(VerticalScroll, can_focus=True):
    """A scrollable list of sessions: day, done or partial, minutes, pain, effort, note.

    The whole list is one text in one widget: a widget per session made the history's
    first open wait for Textual to build and style a few dozen of them.
    """

    DEFAULT_CSS = """
    RecentSessions #history-session-list {
        height: auto;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(EMPTY, id="history-session-list")

    def show(self, logs: Sequence[SessionLog]) -> None:
        """Replace the list with ``logs`` (already newest first)."""
        self.query_one("#history-session-list", Static).update(session_list(logs))


def session_list(logs: Sequence[SessionLog]) -> Content:
    """``logs`` as lines: the day, done or partial and minutes; pain and effort; the note."""
    if not logs:
        return Content(EMPTY)
    parts: list[Content | str | tuple[str, str]] = []
    for log in logs:
        status = "done" if log.completed else "partial"
        # Pain and effort on a line of their own: one long line wrapped anywhere
        # in a narrow pane, which read badly at 80 columns.
        how = f"pain {_pain(log)}" + (f" · {log.effort.label}" if log.effort else "")
        if log.day != log.done_day:  # done ahead of (or after) its plan day
            how += f" · planned for {short_date(log.day)}"
        if parts:
            parts.append("\n")
        parts += [
            (short_date(log.done_day), "bold"),
            "  ",
            (status, f"$text-{'success' if log.completed else 'warning'}"),
            f" · {log.minutes:.0f} min\n  {how}",
        ]
        if log.note:
            # Content(...) never reads markup: a note is shown exactly as typed.
            parts += ["\n  ", Content(terminal_safe(log.note)).stylize("$foreground-muted italic")]
    return Content.assemble(*parts)


def _pain(log: SessionLog) -> str:
    before = "–" if log.pain_before is None else str(log.pain_before)
    after = "–" if log.pain_after is None else str(log.pain_after)
    return f"{before}→{after}"
