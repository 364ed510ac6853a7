"""The safety rules in a real terminal (tmux): see a doctor first, no session at pain 10,
no plan after a yes on the red-flag checklist. Skipped where tmux is not installed."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from planner.storage import open_store
from tests.e2e.test_tmux import PLANNER, Terminal

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

SEVEN_DAYS = "mon,tue,wed,thu,fri,sat,sun"


@pytest.fixture
def start_app(tmp_path: Path) -> Iterator[tuple[Path, Terminal]]:
    """The data file, and a terminal that runs the app on it once ``launch`` is called."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    term = Terminal(f"planner-safety-{uuid.uuid4().hex[:8]}", env)
    try:
        yield tmp_path / "data.json", term
    finally:
        subprocess.run(
            ["tmux", "-L", term.socket, "kill-server"], capture_output=True, check=False, env=env
        )


def launch(term: Terminal, db: Path) -> None:
    command = f"cd {db.parent} && {PLANNER} --db {db}"
    term.tmux("new-session", "-d", "-s", "main", "-x", "100", "-y", "32", command)


def plan_from_today(db: Path, *args: str) -> None:
    result = subprocess.run(
        [str(PLANNER), "--db", str(db), "plan", *args, "--start", date.today().isoformat()],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def open_a_session_day(term: Terminal) -> None:
    """Past the welcome, onto a day with exercises (a 7-day plan rests on Sunday)."""
    term.wait_text("Show my plan")
    term.send("Enter")
    # The calendar's footer, not its words: "planned" shows beside the welcome too, and
    # a key sent while the welcome is still closing goes to the welcome.
    term.wait_text("s Start")
    if date.today().weekday() == 6:
        term.send("Right")
        term.send("s")
        term.wait_text("do it now?")  # tomorrow's session, asked first
        term.send("y")
    else:
        term.send("s")
    term.wait_text("0 means no pain")


def test_a_session_rated_pain_eight_puts_see_a_doctor_first_on_the_calendar(
    start_app: tuple[Path, Terminal],
) -> None:
    db, term = start_app
    plan_from_today(
        db, "--pain", "3", "--activity", "medium", "--days", SEVEN_DAYS, "--minutes", "5"
    )
    launch(term, db)
    open_a_session_day(term)
    term.send("3", "Enter")
    term.wait_text("Get ready")
    term.send("x", "x", "x")  # on to the pelvic tilt, whose holds are 5 s
    term.wait_text("Pelvic tilt")
    term.send("n")  # skip the get-ready
    # Let the first 5 s hold finish, so the session has something done.
    deadline = time.monotonic() + 20
    while "Rep 2" not in term.screen() and time.monotonic() < deadline:
        time.sleep(0.2)
    term.send("Escape")
    term.wait_text("End the session")
    term.send("y")
    term.wait_text("Pain now, 0 to 10")
    term.send("8")
    term.send("C-s")
    screen = term.wait_for(lambda text: "Session saved" in text or "See a doctor" in text, "saved")
    screen = term.wait_text("See a doctor")
    lines = [line.strip() for line in screen.splitlines()]
    advice_first = next(i for i, line in enumerate(lines) if "See a doctor" in line)
    assert lines[advice_first - 1].startswith("Week "), "the doctor advice is the first line"
    with open_store(db, read_only=True) as store:
        assert store.plan_advice()[0].text.startswith("See a doctor")


def test_pain_ten_before_a_session_shows_the_doctor_advice_and_no_countdown(
    start_app: tuple[Path, Terminal],
) -> None:
    db, term = start_app
    plan_from_today(db, "--pain", "2", "--activity", "low", "--days", SEVEN_DAYS, "--minutes", "10")
    launch(term, db)
    open_a_session_day(term)
    term.send("1", "0", "Enter")
    screen = term.wait_text("No session today")
    assert "See a doctor before exercising" in screen
    assert "Get ready" not in screen and "left" not in screen.splitlines()[-2]
    term.send("Escape")
    # Back on the calendar, which keeps the pain answer and pauses the plan on it.
    term.wait_text("See a doctor: you reported pain of 10")
    with open_store(db, read_only=True) as store:
        (log,) = store.logs()
        assert log.exercises == () and log.pain_before == 10


def test_a_yes_on_the_red_flag_checklist_at_first_launch_makes_no_plan(
    start_app: tuple[Path, Terminal],
) -> None:
    db, term = start_app
    launch(term, db)
    term.wait_text("See a doctor first if any of these")
    term.send("BTab")  # from the Build button back to the checklist
    term.wait_text("▊▐X▌")  # the checklist has the focus (its border shows)
    term.send("space")  # yes to the first question
    term.wait_text("as an emergency")
    term.send("Escape")
    term.wait_for(lambda text: "See a doctor first" not in text, "the calendar")
    term.send("w")
    term.wait_text("Build a plan")
    term.send("3", "Enter")
    term.wait_text("See a doctor today")
    with open_store(db, read_only=True) as store:
        assert store.profile() is None
        assert store.settings().red_flags == ("saddle-numbness",)
