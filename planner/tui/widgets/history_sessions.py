"""The latest sessions, newest first, with how they went and the user's notes (shown literally)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from planner.domain.dates import short_date
from planner.domain.models import SessionLog
from planner.domain.text_rules import terminal_safe


class RecentSessions(VerticalScroll, can_focus=True):
    """A scrollable list of sessions: day, done or partial, minutes, pain, effort, note."""

    def show(self, logs: Sequence[SessionLog]) -> None:
        """Replace the list with ``logs`` (already newest first)."""
        self.remove_children()
        entries: list[Static] = []
        for log in logs:
            status = "done" if log.completed else "partial"
            # Pain and effort on a line of their own: one long line wrapped anywhere
            # in a narrow pane, which read badly at 80 columns.
            how = f"pain {_pain(log)}" + (f" · {log.effort.label}" if log.effort else "")
            if log.day != log.done_day:  # done ahead of (or after) its plan day
                how += f" · planned for {short_date(log.day)}"
            entries.append(
                Static(
                    Content.assemble(
                        (short_date(log.done_day), "bold"),
                        "  ",
                        (status, f"$text-{'success' if log.completed else 'warning'}"),
                        f" · {log.minutes:.0f} min\n  {how}",
                    ),
                    classes="history-session",
                )
            )
            if log.note:
                # Content(...) never reads markup: a note is shown exactly as typed.
                entries.append(Static(Content(terminal_safe(log.note)), classes="history-note"))
        if not entries:
            entries.append(Static("No sessions logged yet.", classes="history-note"))
        self.mount_all(entries)


def _pain(log: SessionLog) -> str:
    before = "–" if log.pain_before is None else str(log.pain_before)
    after = "–" if log.pain_after is None else str(log.pain_after)
    return f"{before}→{after}"
