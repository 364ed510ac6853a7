"""Exporting: which part of the plan to export, and the calendar's export file.

Both the ``planner export`` command and the calendar's export key read their window
here; both write through storage's ``export_target``, the one export writer (whole or
not at all, never over anything but a regular file).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from planner.domain.catalogue import Catalogue
from planner.domain.errors import UserFacingError
from planner.domain.export import ExportWindow, render_text
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


def write_text_export(
    store: Store, catalogue: Catalogue, monday: date, folder: Path | None = None
) -> Path:
    """Write the plan from ``monday`` on as text in ``folder`` (default: the working folder).

    The file is ``back-plan-<ISO week>.txt``, or ``-2``, ``-3``... when that is taken: an
    existing file is never replaced. Returns its full path.
    """
    text = render_text(plan_window(store, monday), catalogue)
    stem = f"back-plan-{week_label(monday)}"
    try:
        # The working folder may have been deleted since the app started.
        folder = (folder or Path.cwd()).resolve()
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportFileError(f"Could not write the plan: no working folder ({reason})") from None
    names = (f"{stem}.txt" if copy == 1 else f"{stem}-{copy}.txt" for copy in range(1, 1000))
    try:
        return write_export_new(folder, names, text.encode("utf-8"))
    except ExportTargetError as error:
        raise ExportFileError(f"Could not write the plan: {error}") from None
