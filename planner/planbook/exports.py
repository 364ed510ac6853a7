"""Exporting: which part of the plan to export, and the calendar's export files.

Both the ``planner export`` command and the calendar's export key read their window
here; both write through storage's ``export_target``, the one export writer (whole or
not at all, never over anything but a regular file).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path

from planner.domain.catalogue import Catalogue
from planner.domain.errors import UserFacingError
from planner.domain.export import ExportWindow, render_ics, render_text
from planner.domain.weeks import monday_of, week_label
from planner.storage.export_target import ExportTargetError, write_export_new
from planner.storage.store import Store


class ExportFileError(UserFacingError):
    """The export file could not be written; the message says where and why."""


def export_window(store: Store, start: date, weeks: int) -> ExportWindow:
    """``weeks`` weeks of the plan from ``start``, as every export format reads it."""
    end = start + timedelta(days=7 * weeks - 1)
    return ExportWindow(
        start=start,
        weeks=weeks,
        items=tuple(store.items_between(start, end)),
        rest_days=frozenset(store.rest_days_between(start, end)),
        advice=store.plan_advice(),
        profile=store.profile(),
    )


def plan_window(store: Store, monday: date) -> ExportWindow:
    """The week of ``monday`` through the plan's last week (just that week outside a plan)."""
    profile = store.profile()
    weeks = 1
    if profile is not None:
        plan_end = profile.start + timedelta(days=7 * profile.weeks - 1)
        if plan_end >= monday:
            weeks = (monday_of(plan_end) - monday).days // 7 + 1
    return export_window(store, monday, weeks)


@dataclass(frozen=True)
class WrittenExports:
    """What the calendar's export key wrote: the card, the calendar file, and its times."""

    card: Path
    calendar: Path
    at: time
    remind_min: int


def write_plan_exports(
    store: Store, catalogue: Catalogue, monday: date, folder: Path | None = None
) -> WrittenExports:
    """Write the plan from ``monday`` on in ``folder`` (default: the working folder) as the
    text card and as an .ics calendar at the time and reminder of the user's settings.

    The files are ``back-plan-<ISO week>.txt`` and ``.ics``, or ``-2``, ``-3``... when a
    name is taken: an existing file is never replaced.
    """
    window = plan_window(store, monday)
    settings = store.settings()
    card = render_text(window, catalogue).encode("utf-8")
    calendar = render_ics(
        window, catalogue, at=settings.calendar_at, remind_min=settings.calendar_remind_min
    )
    try:
        # The working folder may have been deleted since the app started.
        folder = (folder or Path.cwd()).resolve()
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportFileError(f"Could not write the plan: no working folder ({reason})") from None
    stem = f"back-plan-{week_label(monday)}"
    return WrittenExports(
        _write_new(folder, stem, ".txt", card),
        _write_new(folder, stem, ".ics", calendar),
        settings.calendar_at,
        settings.calendar_remind_min,
    )


def _write_new(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    names = (
        f"{stem}{suffix}" if copy == 1 else f"{stem}-{copy}{suffix}" for copy in range(1, 1000)
    )
    try:
        return write_export_new(folder, names, data)
    except ExportTargetError as error:
        raise ExportFileError(f"Could not write the plan: {error}") from None
