"""A live session survives SIGTERM and a closed terminal window (SIGHUP) in a real terminal.

The installed ``planner`` runs in tmux with a two-exercise session planned for today.
After the first exercise the process gets SIGTERM (or its tmux pane is killed, which
sends SIGHUP); the next launch keeps the partial session, says so once, and shows it on
the calendar and in the history. After SIGTERM the terminal is usable again: echo on,
alternate screen off.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Dose, Settings
from planner.storage import open_store
from tests.e2e.test_tmux import PLANNER, Terminal

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TIMEOUT_S = 15.0
ONE_REP = Dose(reps=1)
"""A paced rep ends early with enter, so the first exercise is done in two key presses."""


class Tmux(Terminal):
    """``test_tmux``'s terminal on a server of our own, started and killed by the test."""

    def __init__(self, env: dict[str, str]) -> None:
        super().__init__(f"planner-survive-{uuid.uuid4().hex[:8]}", env)

    def start(self, command: str) -> None:
        self.tmux("new-session", "-d", "-s", "main", "-x", "100", "-y", "32", command)

    def kill(self) -> None:
        subprocess.run(
            ["tmux", "-L", self.socket, "kill-server"], capture_output=True, env=self.env
        )


def wait_until(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"never saw {what}")


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data file with two one-rep exercises planned for today (the real today)."""
    path = tmp_path / "data.json"
    catalogue = load_catalogue()
    first, second = [e.id for e in catalogue if e.kind.value == "reps" and not e.custom][:2]
    with open_store(path) as store:
        store.save_settings(Settings(welcomed=True, bell=False, countdown_beeps=False))
        store.add_item(date.today(), first, ONE_REP)
        store.add_item(date.today(), second, ONE_REP)
    return path


@pytest.fixture
def tmux(env: dict[str, str]) -> Iterator[Tmux]:
    server = Tmux(env)
    try:
        yield server
    finally:
        server.kill()


def start_and_finish_the_first_exercise(tmux: Tmux) -> None:
    tmux.wait_text("sessions done 0/1")
    tmux.send("s")
    tmux.wait_text("0 means no pain")
    tmux.send("Enter")  # no pain score (an empty box)
    # The exercise shows behind the question too: wait for the question to go.
    tmux.wait_for(lambda text: "0 means no pain" not in text, "the session to start")
    tmux.wait_text("Exercise 1 of 2")
    tmux.send("Enter")  # the get-ready, cut short
    time.sleep(0.3)
    tmux.send("Enter")  # the one rep, done
    tmux.wait_text("Exercise 2 of 2")


def relaunch_shows_the_partial_session(env: dict[str, str], data: Path) -> None:
    tmux = Tmux(env)  # a new server: the old one may still be shutting down
    try:
        look_after_relaunch(tmux, data)
    finally:
        tmux.kill()


def look_after_relaunch(tmux: Tmux, data: Path) -> None:
    tmux.start(f"exec {PLANNER} --db {data}")
    text = tmux.wait_text("was interrupted")  # the notice wraps in its toast
    assert "partial" in text
    tmux.send("h")
    tmux.wait_text("Recent sessions")
    assert "partial" in tmux.wait_text("1 session")
    with open_store(data, read_only=True) as store:
        logs = store.logs()
    assert len(logs) == 1 and not logs[0].completed
    assert sum(1 for entry in logs[0].exercises if entry.completed) == 1


def test_sigterm_keeps_the_session_and_restores_the_terminal(
    tmux: Tmux, data: Path, tmp_path: Path
) -> None:
    pid_file, stty_file = tmp_path / "pid", tmp_path / "stty"
    # A plain shell holds the pane, so the terminal can be looked at after the app is gone.
    tmux.start("sh")
    tmux.send(
        f"sh -c 'echo $$ > {pid_file}; exec {PLANNER} --db {data}'; stty -a > {stty_file}",
        "Enter",
    )
    start_and_finish_the_first_exercise(tmux)
    pid = int(pid_file.read_text())
    os.kill(pid, signal.SIGTERM)
    wait_until(lambda: stty_file.exists() and stty_file.stat().st_size > 0, "stty's report")
    settings = stty_file.read_text().split()
    assert "echo" in settings and "-echo" not in settings
    assert "icanon" in settings
    assert tmux.tmux("display", "-p", "-t", "main", "#{alternate_on}").strip() == "0"
    tmux.kill()
    relaunch_shows_the_partial_session(tmux.env, data)


def test_a_closed_window_keeps_the_session(tmux: Tmux, data: Path, tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    tmux.start(f"sh -c 'echo $$ > {pid_file}; exec {PLANNER} --db {data}'")
    start_and_finish_the_first_exercise(tmux)
    pid = int(pid_file.read_text())
    tmux.kill()  # the window closes: the app gets SIGHUP
    wait_until(lambda: gone(pid), "the app to end")
    relaunch_shows_the_partial_session(tmux.env, data)


@pytest.mark.parametrize("answer", ["y", "n"])
def test_a_window_closed_as_a_dialog_closes_lets_go_of_the_data_file(
    env: dict[str, str], data: Path, tmp_path: Path, answer: str
) -> None:
    """Closing the window as a dialog was answered once left the app running with no
    terminal, holding the data file's lock: every later start opened read-only. It
    happened with unbuffered output (PYTHONUNBUFFERED, which many setups export)."""
    tmux = Tmux({**env, "PYTHONUNBUFFERED": "1"})
    try:
        close_the_window_as_the_dialog_closes(tmux, data, tmp_path, answer)
    finally:
        tmux.kill()


def close_the_window_as_the_dialog_closes(
    tmux: Tmux, data: Path, tmp_path: Path, answer: str
) -> None:
    pid_file = tmp_path / "pid"
    tmux.start(f"sh -c 'echo $$ > {pid_file}; exec {PLANNER} --db {data}'")
    tmux.wait_text("sessions done 0/1")
    tmux.send("x")
    tmux.wait_text("Remove")
    tmux.send(answer)
    tmux.kill()  # at once: the window closes as the dialog does
    pid = int(pid_file.read_text())
    wait_until(lambda: gone(pid), "the app to end")
    with open_store(data) as store:  # writable: nobody holds the lock
        left = store.items_on(date.today())
    assert len(left) in (1, 2)  # the removal was made, or not yet: never half made
