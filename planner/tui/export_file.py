"""Writing the plan as a text file from the calendar's export key.

The file goes in the current working folder as ``back-plan-<ISO week>.txt``. An
existing file is never replaced: the name gets ``-2``, ``-3``... instead. The text
is written to a temporary file first and then linked into place under a free name,
so a crash leaves no half-written export and two exports cannot claim one name.
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


def export_window(store: Store, monday: date) -> ExportWindow:
    """The part of the plan to export: the week of ``monday`` through the plan's last week.

    Outside a plan (or with none) it is just that one week.
    """
    profile = store.profile()
    weeks = 1
    if profile is not None:
        plan_end = profile.start + timedelta(days=7 * profile.weeks - 1)
        if plan_end >= monday:
            weeks = (monday_of(plan_end) - monday).days // 7 + 1
    end = monday + timedelta(days=7 * weeks - 1)
    return ExportWindow(
        start=monday,
        weeks=weeks,
        items=tuple(store.items_between(monday, end)),
        rest_days=frozenset(store.rest_days_between(monday, end)),
        advice=store.plan_advice(),
        profile=profile,
    )


def write_text_export(
    store: Store, catalogue: Catalogue, monday: date, folder: Path | None = None
) -> Path:
    """Write the plan from ``monday`` on as text in ``folder`` (default: the working folder).

    Returns the file's full path; raises ExportFileError when the folder cannot be written to.
    """
    text = render_text(export_window(store, monday), catalogue)
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
