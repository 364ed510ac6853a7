"""``planner`` with no sub-command: open the full-screen app on the data file."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.commands.terminal import check_terminal, fit_output_encoding
from planner.domain.catalogue import load_catalogue
from planner.domain.clock import Clock
from planner.domain.errors import UserFacingError
from planner.planbook.journal import recover_sessions
from planner.storage.recovery import open_for_app
from planner.storage.store import Store


def run_tui(args: argparse.Namespace, db_path: Path) -> int:
    """Load the catalogue, open the data file, run the app; return the exit status.

    A bad catalogue or an unusable data file raises a UserFacingError, which
    ``cli.main`` prints as one line. The store is closed (and its lock let go)
    however the app ends.
    """
    # Check the catalogue first: a bad --routines file should fail before any data file is
    # made, and it is what the user typed, so it is named even when there is no terminal.
    catalogue = load_catalogue(args.routines)
    check_terminal()  # before the data file too: no terminal, no file made
    # Old weeks move to the archive after the first frame (PlannerApp.on_ready).
    opened = open_for_app(db_path)
    try:
        catalogue = catalogue.with_custom(opened.store.custom_exercises())
        notice = " ".join(part for part in (opened.notice, _recover(opened.store)) if part)
        # Textual is the slowest import of all; only this command needs it.
        from planner.tui.app import PlannerApp

        fit_output_encoding()
        app = PlannerApp(opened.store, catalogue, Clock(), notice=notice)
        app.run()
    finally:
        opened.store.close()
    # An app ended by an error it could not carry on from sets a non-zero status.
    return app.return_code or 0


def _recover(store: Store) -> str:
    """Save the sessions a kill, a closed window or a failed save left on disk; what to say."""
    try:
        return recover_sessions(store).notice
    except UserFacingError as error:
        return f"A session left from last time could not be saved yet: {error.as_sentence()}"
