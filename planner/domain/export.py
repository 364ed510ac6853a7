"""Exporting the plan: plain text, Markdown and iCalendar, all from one ``ExportWindow``.

``render_ics`` loads icalendar only when called, so importing this module (the
calendar screen does, for its export key) stays cheap.
"""

from __future__ import annotations

from datetime import datetime, time

from planner.domain.calendar_reminders import DEFAULT_AT, DEFAULT_REMIND_MIN
from planner.domain.catalogue import Catalogue
from planner.domain.export_markdown import render_markdown
from planner.domain.export_model import SAFETY_NOTE, ExportWindow
from planner.domain.export_text import render_text

__all__ = ["SAFETY_NOTE", "ExportWindow", "render_ics", "render_markdown", "render_text"]


def render_ics(
    window: ExportWindow,
    catalogue: Catalogue,
    *,
    stamp: datetime | None = None,
    at: time = DEFAULT_AT,
    remind_min: int = DEFAULT_REMIND_MIN,
) -> bytes:
    """The window as an iCalendar file: one event per session day at ``at``, each with a
    reminder ``remind_min`` minutes before."""
    from planner.domain import export_ics

    return export_ics.render_ics(window, catalogue, stamp=stamp, at=at, remind_min=remind_min)
