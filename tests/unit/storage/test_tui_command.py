"""``planner`` with no sub-command: catalogue first, the store always closed, notices passed on."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner import __version__
from planner.domain.catalogue import CatalogueError
from planner.storage import open_store
from planner.tui.app import PlannerApp
from tests.unit.storage.faults import read_only_folder

PLANNER = Path(sys.executable).parent / "planner"


def args(routines: Path | None = None) -> argparse.Namespace:
    return argparse.Namespace(routines=routines, db=None, command=None)


@pytest.fixture(autouse=True)
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process, pytest's streams are no terminal; the app's checks are told they are."""
    monkeypatch.setattr("planner.commands.terminal.is_terminal", lambda stream: True)


def replace_run(
    monkeypatch: pytest.MonkeyPatch, error: Exception | None = None
) -> list[PlannerApp]:
    """Stand in for the terminal loop; returns the list of apps it was asked to run."""
    apps: list[PlannerApp] = []

    def run(app: PlannerApp, *args: object, **kwargs: object) -> None:
        apps.append(app)
        if error is not None:
            raise error

    monkeypatch.setattr(PlannerApp, "run", run)
    return apps


def test_the_app_gets_the_store_and_the_lock_is_let_go_afterwards(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.commands.tui import run_tui

    apps = replace_run(monkeypatch)
    assert run_tui(args(), db_path) == 0
    (app,) = apps
    assert app.store.path == db_path and not app.store.read_only
    assert app.notice == ""
    assert len(app.catalogue) >= 7
    open_store(db_path).close()  # would raise StoreLocked if the lock were still held


def test_the_lock_is_let_go_when_the_app_crashes(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.commands.tui import run_tui

    replace_run(monkeypatch, RuntimeError("boom"))
    with pytest.raises(RuntimeError, match="boom"):
        run_tui(args(), db_path)
    open_store(db_path).close()


def test_a_damaged_file_reaches_the_app_as_a_notice(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.commands.tui import run_tui

    db_path.parent.mkdir()
    db_path.write_bytes(b"\x00\x01 not a data file")
    apps = replace_run(monkeypatch)
    run_tui(args(), db_path)
    (app,) = apps
    (kept,) = db_path.parent.glob("planner.json.damaged-*")
    assert kept.read_bytes() == b"\x00\x01 not a data file"
    assert str(kept) in app.notice


def test_a_bad_catalogue_stops_before_any_data_file_is_made(db_path: Path, tmp_path: Path) -> None:
    from planner.commands.tui import run_tui

    bad = tmp_path / "routines.json"
    bad.write_text("[]")
    with pytest.raises(CatalogueError):
        run_tui(args(bad), db_path)
    assert not db_path.parent.exists()


def run_planner(*argv: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PLANNER_DB": str(db)}
    return subprocess.run(
        [str(PLANNER), *argv], capture_output=True, text=True, env=env, check=False
    )


def test_version_and_help_work_from_the_installed_command(db_path: Path) -> None:
    version = run_planner("--version", db=db_path)
    assert version.returncode == 0
    assert version.stdout.strip() == f"planner {__version__}"
    helped = run_planner("--help", db=db_path)
    assert helped.returncode == 0
    assert "usage: planner" in helped.stdout
    assert "export" in helped.stdout and "--db PATH" in helped.stdout
    assert not db_path.parent.exists()


def test_a_bad_catalogue_is_one_line_and_status_2(db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "routines.json"
    bad.write_text("{ nope")
    result = run_planner("--routines", str(bad), db=db_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"planner: {bad}")
    assert "Traceback" not in result.stderr


def test_a_folder_that_cannot_be_written_ends_in_one_line_and_status_1(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.cli import main

    db_path.parent.mkdir()
    read_only_folder(db_path.parent, monkeypatch)
    replace_run(monkeypatch)
    assert main(["--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"planner: cannot save in {db_path.parent}: Read-only file system; "
        "choose another data file with --db\n"
    )
