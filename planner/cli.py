"""The ``planner`` command: parse arguments, then run the TUI or a sub-command.

Heavy imports (Textual, icalendar) happen inside the branch that needs them, so
``planner --version`` and ``planner export`` start fast. Every failure a user
can cause ends in one line on stderr, never a traceback, and an exit status that
says whose it is (see ``EXIT_STATUSES``): 2 when the command line itself is wrong,
1 when a right command could not be carried out.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from planner import __version__
from planner.commands import output
from planner.commands.output import OutputError
from planner.domain.errors import UserFacingError
from planner.domain.text_rules import terminal_safe

EXIT_USAGE = 2
EXIT_FAILURE = 1

EXIT_STATUSES = """\
exit status:
  0  done
  1  a right command that could not be carried out: the data file is locked,
     damaged or unwritable, an export file exists (without --force) or cannot
     be written, standard output is full or closed, or the plan was refused
     for safety (pain 9-10, red flags)
  2  a usage error: bad arguments or values, a date that is not one, a bad
     --routines file, or the app started without a terminal"""

EXAMPLES = """\
examples:
  planner --db /tmp/try.json               try the app on a throw-away file
  planner plan --pain 4 --activity medium --days mon,wed,fri --minutes 15
  planner export --format markdown --weeks 6 -o plan.md
  planner export --db /tmp/try.json -o -   same data file option after the command"""

PLAN_EXAMPLES = """\
examples:
  planner plan --pain 4 --activity medium --days mon,wed,fri --minutes 15
  planner plan --db /tmp/try.json --pain 2 --activity low --days tue,sat \\
      --minutes 10 --weeks 4 --start 2026-12-01 --bending-worse"""

EXPORT_EXAMPLES = """\
examples:
  planner export                                    this week, as text
  planner export --format markdown --from 2026-11-30 --weeks 6 -o plan.md
  planner export --format ics --week 2026-W49 -o back.ics --force
  planner export --format ics --weeks 6 --at 07:30 --remind 30 -o back.ics
  planner export --format json --with-history -o - | jq .   '-' is stdout"""


class _HelpFormatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Examples kept as written, and ``(default: X)`` after every option that has a real one.

    An option without a default (None) or a flag (False) gets nothing added: "default: None"
    tells the reader nothing, and those helps say in words what happens without them.
    """

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default is None or action.default is False:
            return action.help
        return super()._get_help_string(action)


def exit_status(error: Exception) -> int:
    """2 for a mistake in the command line (a usage error), 1 for a failure while running.

    Usage errors are the ones the same command would give on any machine at any time:
    arguments and dates (UserError), plan inputs out of range (ProfileError), a bad
    --routines file (CatalogueError), and the app asked for without a terminal.
    Everything else depends on the data file, the disk or the plan's safety rules.
    """
    from planner.commands.terminal import TerminalError
    from planner.domain.catalogue import CatalogueError
    from planner.domain.errors import UserError
    from planner.domain.plan_inputs import ProfileError

    usage = (UserError, ProfileError, CatalogueError, TerminalError)
    return EXIT_USAGE if isinstance(error, usage) else EXIT_FAILURE


class _OneLineParser(argparse.ArgumentParser):
    """argparse, but a mistake is one line on stderr (not usage plus error) and status 2.

    Sub-command parsers are made of the same class, so ``planner plan --pain abc`` says
    ``planner plan: argument --pain: invalid int value: 'abc'`` and nothing more.
    """

    def error(self, message: str) -> NoReturn:
        _say(f"{self.prog}: {message} (see {self.prog} --help)")
        raise SystemExit(EXIT_USAGE)

    def print_help(self, file: Any = None) -> None:
        # argparse would drop a failed write silently and exit 0.
        if file is not None:
            super().print_help(file)
            return
        try:
            output.write_text(self.format_help().rstrip("\n"))
        except OutputError as error:
            _say(f"planner: {error}")
            raise SystemExit(EXIT_FAILURE) from None


class _Version(argparse.Action):
    """``--version``: print the version, and fail in one line when stdout cannot take it."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> NoReturn:
        try:
            output.write_text(f"planner {__version__}")
        except OutputError as error:
            _say(f"planner: {error}")
            raise SystemExit(EXIT_FAILURE) from None
        raise SystemExit(0)


def _say(line: str) -> None:
    """One line on stderr, with nothing in it that a terminal would act on."""
    text = terminal_safe(" ".join(line.split("\n")))
    with contextlib.suppress(OSError, AttributeError):
        print(text, file=sys.stderr)


def _paragraph(text: str) -> str:
    """``text`` wrapped for the help (the formatter keeps descriptions as written)."""
    return textwrap.fill(text, width=79)


def _add_file_options(parser: argparse.ArgumentParser, default: object) -> None:
    """``--db`` and ``--routines``, taken before the sub-command and after it alike.

    The sub-commands' copies default to SUPPRESS, so they set the value only when given
    there and otherwise leave what was given before the sub-command (or None).
    """
    parser.add_argument(
        "--db",
        type=Path,
        default=default,
        metavar="PATH",
        help="data file to use (default: $PLANNER_DB, else the user data folder)",
    )
    parser.add_argument(
        "--routines",
        type=Path,
        default=default,
        metavar="PATH",
        help="exercise catalogue to load instead of the built-in one",
    )


def _clock_option(text: str) -> object:
    """``--at``: a time of day, or argparse's one-line usage error."""
    from planner.domain.calendar_reminders import parse_clock

    try:
        return parse_clock(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _remind_option(text: str) -> int:
    """``--remind``: minutes before a session, or argparse's one-line usage error."""
    from planner.domain.calendar_reminders import parse_remind

    try:
        return parse_remind(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``planner`` and its sub-commands."""
    parser = _OneLineParser(
        prog="planner",
        description=_paragraph(
            "Plan back-care exercises gradually across the week and run them with timers. "
            "With no command, opens the weekly calendar (it needs a terminal)."
        ),
        epilog=f"{EXAMPLES}\n\n{EXIT_STATUSES}",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action=_Version)
    _add_file_options(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    plan = commands.add_parser(
        "plan",
        help="generate a gradual plan without opening the app",
        description=_paragraph(
            "Generate a gradual multi-week plan and save it; it replaces the plan from "
            "its start date on, and keeps the days before it and every logged session."
        ),
        epilog=f"{PLAN_EXAMPLES}\n\nexit status: 0 saved, 1 not carried out (see planner "
        "--help), 2 usage error",
        formatter_class=_HelpFormatter,
    )
    _add_file_options(plan, argparse.SUPPRESS)
    plan.add_argument(
        "--pain", type=int, required=True, metavar="0-10", help="back pain now, 0 to 10"
    )
    plan.add_argument(
        "--activity", required=True, choices=["low", "medium", "high"], help="how active you are"
    )
    plan.add_argument(
        "--days", required=True, metavar="DAYS", help="exercise days, e.g. mon,wed,fri"
    )
    plan.add_argument(
        "--minutes", type=int, required=True, metavar="N", help="minutes per session (5-60)"
    )
    plan.add_argument("--weeks", type=int, default=6, metavar="N", help="weeks to plan, 1-12")
    plan.add_argument("--start", metavar="YYYY-MM-DD", help="first day (default: today)")
    plan.add_argument(
        "--bending-worse",
        action="store_true",
        help="bending forward makes the pain worse or sends it down a leg: leave out "
        "the exercises that bend the lower back forward",
    )

    export = commands.add_parser(
        "export",
        help="print or save the plan as text, Markdown or iCalendar",
        description="Export the plan. Default: this week, as text, to standard output.",
        epilog=f"{EXPORT_EXAMPLES}\n\nexit status: 0 written, 1 not carried out (see planner "
        "--help), 2 usage error",
        formatter_class=_HelpFormatter,
    )
    _add_file_options(export, argparse.SUPPRESS)
    export.add_argument(
        "--format",
        choices=["text", "markdown", "ics", "json"],
        default="text",
        help="output format",
    )
    when = export.add_mutually_exclusive_group()
    when.add_argument("--week", metavar="YYYY-Www", help="one ISO week, e.g. 2026-W48")
    when.add_argument("--from", dest="from_date", metavar="YYYY-MM-DD", help="first day")
    export.add_argument("--weeks", type=int, default=1, metavar="N", help="weeks from --from")
    export.add_argument(
        "-o",
        "--output",
        # Kept as typed: Path("./-") would become "-", and only a bare "-" means stdout.
        type=str,
        metavar="FILE",
        help="write to FILE ('-' is standard output; default: standard output)",
    )
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    export.add_argument(
        "--at",
        type=_clock_option,
        metavar="HH:MM",
        help="ics: the time of day sessions go in the calendar (default: the app's "
        "setting, 18:00 unless changed)",
    )
    export.add_argument(
        "--remind",
        type=_remind_option,
        metavar="MIN",
        help="ics: minutes before each session the reminder goes off, 0 to 1440 "
        "(default: the app's setting, 15 unless changed)",
    )
    export.add_argument(
        "--with-history",
        action="store_true",
        help="add the session history (Markdown: adherence and pain trend; JSON: the logs)",
    )
    return parser


def database_path(arg: Path | None) -> Path:
    """Where the data lives: ``--db``, else ``$PLANNER_DB``, else the user data folder."""
    if arg is not None:
        return arg.expanduser()
    env = os.environ.get("PLANNER_DB")
    if env:
        return Path(env).expanduser()
    from planner.storage.paths import default_database_path

    return default_database_path()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``planner`` console script."""
    args = build_parser().parse_args(argv)
    try:
        status = _run(args)
        output.flush()
    except UserFacingError as error:
        _say(f"planner: {error}")
        return exit_status(error)
    except KeyboardInterrupt:
        return 130
    return status


def _run(args: argparse.Namespace) -> int:
    """Run the command ``args`` asks for; return its exit status."""
    if args.command == "plan":
        from planner.commands.plan import run_plan

        return run_plan(args, database_path(args.db))
    if args.command == "export":
        # A short command that frees almost nothing it builds: the collector's passes over
        # a year of records would be wasted time.
        gc.disable()
        from planner.commands.export import run_export

        return run_export(args, database_path(args.db))
    # Start-up builds a great many objects and frees almost none, so the collector's
    # passes over them are wasted time before the first frame; the app
    # turns it back on once that frame is up (PlannerApp.on_ready).
    gc.disable()
    from planner.commands.tui import run_tui

    return run_tui(args, database_path(args.db))


if __name__ == "__main__":
    raise SystemExit(main())
