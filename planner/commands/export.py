"""``planner export``: the plan as text, Markdown, iCalendar or JSON, to the screen or a file.

The data file is opened read-only, so exporting works while the app is running.
Textual is never imported here. A file is written whole or not at all (storage's
export_target, the one export writer), and an existing one is replaced only with
``--force``. ``-o -`` is standard output, as with most tools (``-o ./-`` is a file named "-").
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from planner.commands import output
from planner.domain.catalogue import load_catalogue
from planner.domain.date_limits import DateRangeError, check_window
from planner.domain.errors import UserError
from planner.domain.export import render_ics, render_markdown, render_text
from planner.domain.progression import parse_start
from planner.domain.weeks import monday_of, parse_week_label
from planner.planbook.exports import export_window
from planner.storage import open_store
from planner.storage.export_target import check_target, write_export

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


def run_export(args: argparse.Namespace, db_path: Path) -> int:
    """Render the asked-for weeks in the asked-for format to stdout, ``-o -`` or ``-o FILE``."""
    if args.with_history and args.format not in ("markdown", "json"):
        raise UserError("--with-history works only with --format markdown or json")
    if args.format != "ics" and (args.at is not None or args.remind is not None):
        raise UserError("--at and --remind work only with --format ics")
    if not 1 <= args.weeks <= MAX_WEEKS:
        raise UserError(f"--weeks must be from 1 to {MAX_WEEKS}, not {args.weeks}")
    target = None if args.output in (None, "-") else Path(args.output).expanduser()
    if target is not None:
        # Checked early too, so a refused export does not even open the data file.
        check_target(target, force=args.force)
    today = date.today()
    start = window_start(args, today)
    try:
        check_window(start, 7 * args.weeks)
    except DateRangeError as error:
        raise UserError(str(error)) from None
    catalogue = load_catalogue(args.routines)
    with open_store(db_path, read_only=True) as store:
        catalogue = catalogue.with_custom(store.custom_exercises())
        window = export_window(store, start, args.weeks)
        settings = store.settings()
        history = ""
        sessions = store.logs() if args.with_history and args.format == "json" else None
        if args.with_history and args.format == "markdown":
            from planner.domain.history_report import history_section
            from planner.planbook.history import read_history

            history = history_section(read_history(store, today, recent=0).history)

    if args.format == "ics":
        data = render_ics(
            window,
            catalogue,
            at=settings.calendar_at if args.at is None else args.at,
            remind_min=settings.calendar_remind_min if args.remind is None else args.remind,
        )
    elif args.format == "json":
        from planner.domain.export_json import render_json

        data = render_json(window, catalogue, sessions)
    elif args.format == "markdown":
        data = render_markdown(window, catalogue, history).encode()
    else:
        data = render_text(window, catalogue).encode()

    if window.profile is None:
        print("No plan saved yet: make one with 'planner plan' or in the app.", file=sys.stderr)
    if target is None:
        output.write_bytes(data)
    else:
        write_export(target, data, force=args.force)
        print(f"Wrote {args.output}", file=sys.stderr)
    return 0
