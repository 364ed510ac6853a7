"""``planner export``: the plan as text, Markdown or iCalendar, to the screen or a file.

The data file is opened read-only, so exporting works while the app is running.
Textual is never imported here. A file is written whole or not at all (a
temporary file beside it, then a rename), and an existing one is replaced only
with ``--force``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from planner.cli import UserError
from planner.domain.catalogue import load_catalogue
from planner.domain.export import ExportWindow, render_ics, render_markdown, render_text
from planner.domain.progression import parse_start
from planner.domain.weeks import monday_of, parse_week_label
from planner.storage import open_store

MAX_WEEKS = 52


def window_start(args: argparse.Namespace, today: date) -> date:
    """The first day to export: the --week's Monday, the --from date, or this week's Monday."""
    try:
        if args.week:
            return parse_week_label(args.week)
        if args.from_date:
            return parse_start(args.from_date)
    except ValueError as error:
        raise UserError(str(error)) from None
    return monday_of(today)


def check_target(path: Path, *, force: bool) -> None:
    """Refuse a folder, or an existing file without ``force``, as the place to write."""
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name after -o")
    if path.exists() and not force:
        raise UserError(f"{path} already exists; add --force to replace it")


def write_atomically(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename; UserError on failure."""
    check_target(path, force=force)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise UserError(f"cannot write in {folder}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise UserError(f"cannot write {path}: {error.strerror or error}") from None


def run_export(args: argparse.Namespace, db_path: Path) -> int:
    """Render the asked-for weeks in the asked-for format to stdout or ``-o FILE``; return 0."""
    if args.with_history and args.format != "markdown":
        raise UserError("--with-history works only with --format markdown")
    if not 1 <= args.weeks <= MAX_WEEKS:
        raise UserError(f"--weeks must be from 1 to {MAX_WEEKS}, not {args.weeks}")
    if args.output is not None:
        # Checked early too, so a refused export does not even open the data file.
        check_target(args.output.expanduser(), force=args.force)
    today = date.today()
    start = window_start(args, today)
    end = start + timedelta(days=7 * args.weeks - 1)
    catalogue = load_catalogue(args.routines)
    with open_store(db_path, read_only=True) as store:
        catalogue = catalogue.with_custom(store.custom_exercises())
        window = ExportWindow(
            start=start,
            weeks=args.weeks,
            items=tuple(store.items_between(start, end)),
            rest_days=frozenset(store.rest_days_between(start, end)),
            advice=store.plan_advice(),
            profile=store.profile(),
        )
        history = ""
        if args.with_history:
            from planner.domain.history_report import history_markdown

            history = history_markdown(store.logs(), store.items_between(date.min, today), today)

    if args.format == "ics":
        data = render_ics(window, catalogue)
    elif args.format == "markdown":
        data = render_markdown(window, catalogue, history).encode()
    else:
        data = render_text(window, catalogue).encode()

    if window.profile is None:
        print("No plan saved yet: make one with 'planner plan' or in the app.", file=sys.stderr)
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomically(args.output.expanduser(), data, force=args.force)
        print(f"Wrote {args.output}", file=sys.stderr)
    return 0
