"""The installed ``planner`` command in a real terminal (tmux): welcome, wizard, export.

Screen text is read with ``capture-pane`` and polled until it shows what we wait
for, so the test waits only as long as the app needs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

PLANNER = Path(sys.executable).parent / "planner"
TIMEOUT_S = 10.0
_year, _week, _ = date.today().isocalendar()
WEEK = f"{_year}-W{_week:02d}"
"""The real app runs on the real clock, so the export is named after this ISO week."""


class Terminal:
    """One tmux server with one 100×32 window running the command under test."""

    def __init__(self, socket: str, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=True,
            env=self.env,
        )
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "main")

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "main", *keys)

    def wait_for(self, check: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + TIMEOUT_S
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if check(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"never saw {what}; the screen was:\n{text}")

    def wait_text(self, needle: str) -> str:
        return self.wait_for(lambda text: needle in text, repr(needle))


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    term = Terminal(f"planner-e2e-{uuid.uuid4().hex[:8]}", env)
    command = f"cd {tmp_path} && {PLANNER} --db {tmp_path / 'data.json'}"
    term.tmux("new-session", "-d", "-s", "main", "-x", "100", "-y", "32", command)
    try:
        yield term
    finally:
        subprocess.run(
            ["tmux", "-L", term.socket, "kill-server"], capture_output=True, check=False, env=env
        )


def test_welcome_wizard_and_export(terminal: Terminal, tmp_path: Path) -> None:
    terminal.wait_text("Welcome to Back Planner")
    assert "When to see a doctor instead" in terminal.screen()
    terminal.send("Enter")
    terminal.wait_text("Build a plan")
    terminal.send("4")
    terminal.wait_text("6 weeks, 3 sessions a week")
    terminal.send("Enter")
    terminal.wait_for(lambda text: "Build a plan" not in text and "week 1 of 6" in text, "a plan")
    terminal.send("e")
    terminal.wait_for(lambda _: any(tmp_path.glob("back-plan-*.txt")), "the exported file")
    files = sorted(tmp_path.glob("back-plan-*.txt"))
    assert [f.name for f in files] == ["back-plan-2026-W48.txt".replace("2026-W48", WEEK)]
    text = files[0].read_text(encoding="utf-8")
    assert "Pelvic tilt" in text and "doctor" in text
    terminal.send("q")
    terminal.wait_for(lambda text: "Back Planner" not in text, "the app to quit")
    assert (tmp_path / "data.json").exists()
