"""A second Back Planner while the first holds the data file: it can read, never write."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.domain.catalogue import load_catalogue
from planner.storage import open_store
from planner.storage.recovery import open_for_app
from planner.tui.app import PlannerApp
from planner.tui.screens.calendar import CalendarScreen
from tests.conftest import FakeClock
from tests.reliability.support import PLAN_START, open_file_store, toasts

PLANNER = Path(sys.executable).parent / "planner"

# Opens the file the way the app does, then waits (like an app left open).
FIRST_APP = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from planner.storage.recovery import open_for_app

    opened = open_for_app(Path(sys.argv[1]))
    print("writable" if not opened.store.read_only else "read-only", flush=True)
    sys.stdin.readline()
    """
)


@pytest.fixture
def held_file(tmp_path: Path) -> Iterator[Path]:
    """A data file with a plan, held by an app in another process for the test's length."""
    path = tmp_path / "planner.json"
    open_file_store(path, load_catalogue()).close()
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST_APP, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert first.stdin is not None and first.stdout is not None
    try:
        assert first.stdout.readline() == "writable\n"
        yield path
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
        first.stdin.close()
        first.stdout.close()


def run(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PLANNER), "--db", str(path), *args],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_planning_is_refused_and_exporting_still_works(held_file: Path) -> None:
    before = held_file.read_bytes()
    plan = ["plan", "--pain", "2", "--activity", "high", "--days", "tue,fri", "--minutes", "5"]
    refused = run(held_file, *plan)
    assert refused.returncode == 1
    assert refused.stderr == (
        f"planner: another Back Planner is using {held_file}; close it first\n"
    )
    shown = run(held_file, "export", "--week", "2026-W48")
    assert shown.returncode == 0, shown.stderr
    assert "Pelvic tilt" in shown.stdout
    assert held_file.read_bytes() == before


async def test_a_second_app_opens_read_only_and_says_so(
    held_file: Path, fake_clock: FakeClock
) -> None:
    before = held_file.read_bytes()
    opened = open_for_app(held_file)
    assert opened.store.read_only
    app = PlannerApp(opened.store, load_catalogue(), fake_clock.as_clock(), notice=opened.notice)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        assert any("Another Back Planner is already using" in t for t in toasts(app))
        await pilot.press("r", "x")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CalendarScreen)
        assert sum("read-only" in t for t in toasts(app)) >= 2
    opened.store.close()
    assert held_file.read_bytes() == before


def test_once_the_first_app_is_gone_the_file_is_writable_again(tmp_path: Path) -> None:
    path = tmp_path / "planner.json"
    open_file_store(path, load_catalogue()).close()
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST_APP, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert first.stdin is not None and first.stdout is not None
    assert first.stdout.readline() == "writable\n"
    first.send_signal(signal.SIGKILL)  # the first app dies without closing anything
    first.wait()
    first.stdin.close()
    first.stdout.close()
    opened = open_for_app(path)
    with opened.store as store:
        assert not store.read_only and opened.notice == ""
        store.toggle_rest_day(PLAN_START)
    with open_store(path, read_only=True) as store:
        assert store.rest_days_between(PLAN_START, PLAN_START) == {PLAN_START}
