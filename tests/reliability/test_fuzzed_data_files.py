"""Issue 13: one field of a valid data file (or of its archive) set to any JSON value.

Invariant: the file opens cleanly, or it is refused and kept byte for byte. Never a
traceback: not from ``planner export``, not from ``planner plan``, not from the app's
first frame, its calendar or its history. The commands run in-process and the app
headless, with a bounded number of examples, to keep the suite fast.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from planner.cli import main
from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.errors import UserFacingError
from planner.storage.recovery import open_for_app
from planner.tui.app import PlannerApp
from planner.tui.screens.calendar import CalendarScreen
from planner.tui.screens.history import HistoryScreen
from planner.tui.screens.welcome import WelcomeScreen
from tests.conftest import FakeClock
from tests.reliability.hostile_data import (
    NOW,
    START,
    TODAY,
    field_paths,
    make_valid_files,
    read_tables,
    set_field,
    the_archive,
    the_logs,
    write_valid,
)

# Plausible values (small numbers, flags, short text) as often as wild ones, so many
# spoiled files are still valid and go all the way through the commands and the app.
plausible = st.integers(-2, 700) | st.booleans() | st.none() | st.text(max_size=12)
json_values = plausible | st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([-1, 0, 10**9, 10**12, 2**63, -(2**70)])
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["", "9999-12-31", "2026-11-24T08:00:00+14:00", "\x1b]2;x\x07", "x" * 500]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


class Files:
    """The valid pair, built once, and every field path in each."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="fuzz-valid-"))
        self.valid = make_valid_files(self.folder / "planner.json")
        self.tables = {
            "hot": read_tables(self.valid.hot),
            "archive": read_tables(self.valid.archive),
            "logs": read_tables(self.valid.logs),
        }
        self.paths = {which: field_paths(tables) for which, tables in self.tables.items()}
        self.catalogue: Catalogue = load_catalogue()


@pytest.fixture(scope="module")
def files() -> Files:
    return Files()


@contextlib.contextmanager
def folder_with(files: Files, spoilt: dict[str, bytes]) -> Iterator[Path]:
    """The valid files in a fresh folder, the one in ``spoilt`` ("hot", "archive" or "logs")
    replaced by its bytes."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as name:
        yield write_valid(
            Path(name),
            files.valid,
            hot=spoilt.get("hot"),
            archive=spoilt.get("archive"),
            logs=spoilt.get("logs"),
        )


def run_cli(*args: str) -> tuple[int, str]:
    """``planner ARGS`` in-process: its status and what it wrote to stderr."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, err.getvalue()


def spoiled_file(files: Files, which: str, index: int, value: Any) -> dict[str, bytes]:
    """File ``which`` ("hot", "archive", "logs") with one field set to ``value``."""
    paths = files.paths[which]
    return {which: set_field(files.tables[which], paths[index % len(paths)], value)}


def on_disk(db: Path) -> dict[str, bytes]:
    return {
        "hot": db.read_bytes(),
        "archive": the_archive(db).read_bytes(),
        "logs": the_logs(db).read_bytes(),
    }


def assert_refused_cleanly(
    status: int, err: str, db: Path, files: Files, spoilt: dict[str, bytes]
) -> None:
    assert status == 1, err
    assert len(err.strip().splitlines()) == 1, err
    valid = files.valid
    assert on_disk(db) == {"hot": valid.hot, "archive": valid.archive, "logs": valid.logs} | spoilt


fields = st.tuples(
    st.sampled_from(["hot", "archive", "logs"]), st.integers(min_value=0), json_values
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(fields)
def test_export_and_plan_open_a_fuzzed_file_or_refuse_it_untouched(
    files: Files, field: tuple[str, int, Any]
) -> None:
    spoilt = spoiled_file(files, *field)
    with folder_with(files, spoilt) as db:
        export = ["--db", str(db), "export", "--from", START.isoformat(), "--weeks", "12"]
        status, err = run_cli(*export)
        event(f"{field[0]} file {'refused' if status else 'exported'}")
        if status != 0:
            assert_refused_cleanly(status, err, db, files, spoilt)
        if field[0] == "logs":  # the plan's export never reads the logs: one that does
            status, err = run_cli(*export, "--format", "markdown", "--with-history")
            event(f"logs file {'refused' if status else 'exported'} with the history")
            if status != 0:
                assert_refused_cleanly(status, err, db, files, spoilt)
        plan = ["plan", "--pain", "3", "--activity", "low", "--days", "mon,thu", "--minutes", "10"]
        status, err = run_cli("--db", str(db), *plan, "--start", "2030-01-07")
        if status != 0:
            assert_refused_cleanly(status, err, db, files, spoilt)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(fields)
async def test_the_app_opens_a_fuzzed_file_or_keeps_it_aside(
    files: Files, field: tuple[str, int, Any]
) -> None:
    spoilt = spoiled_file(files, *field)
    with folder_with(files, spoilt) as db:
        opened = open_for_app(db, now=NOW, today=TODAY)
        kept = db.with_name("planner.json.damaged-20261125-093000")
        if kept.exists():
            assert kept.read_bytes() == spoilt.get("hot", files.valid.hot)
        try:
            catalogue = files.catalogue.with_custom(opened.store.custom_exercises())
        except UserFacingError:
            # A custom exercise that takes a built-in one's id: one line from the command.
            opened.store.close()
            return
        app = PlannerApp(opened.store, catalogue, FakeClock().as_clock(), notice=opened.notice)
        with opened.store:
            async with app.run_test(size=(100, 32)) as pilot:
                await pilot.pause()
                if isinstance(app.screen, WelcomeScreen):
                    # A new file (the old one kept aside) greets the user first.
                    await pilot.press("escape")
                    await pilot.pause()
                assert isinstance(app.screen, CalendarScreen)
                await pilot.press("h")
                await pilot.pause()
                assert isinstance(app.screen, HistoryScreen)
                await pilot.press("c")
                await pilot.pause()
                assert app.is_running
        assert app.return_code in (None, 0)
        if field[0] != "hot":
            # A bad archive costs the older weeks only: kept as it is, the data file stays.
            assert not kept.exists()
            # Both archive files keep their bytes (the app may save to the data file).
            archived = {"archive": files.valid.archive, "logs": files.valid.logs} | spoilt
            assert {key: on_disk(db)[key] for key in archived} == archived
