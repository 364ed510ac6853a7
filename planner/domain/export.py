"""Exporting the plan: plain text, Markdown and iCalendar, all from one ``ExportWindow``.

``render_ics`` loads icalendar only when called, so importing this module (the
calendar screen does, for its export key) stays cheap.
"""

from __future__ import annotations

from datetime import datetime

from planner.domain.catalogue import Catalogue
from planner.domain.export_markdown import render_markdown
from planner.domain.export_model import SAFETY_NOTE, ExportWindow
from planner.domain.export_text import render_text

__all__ = ["SAFETY_NOTE", "ExportWindow", "render_ics", "render_markdown", "render_text"]


def render_ics(
    window: ExportWindow, catalogue: Catalogue, *, stamp: datetime | None = None
) -> bytes:
    """The window as an iCalendar file: one event per session day, each with a reminder."""
    from planner.domain import export_ics

    return export_ics.render_ics(window, catalogue, stamp=stamp)
