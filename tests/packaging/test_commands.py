"""The app installs as both ``planner`` and ``back-planner`` (Debian's GNOME Planner owns
/usr/bin/planner), and both run the same entry point."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import distribution
from pathlib import Path

import planner

BIN = Path(sys.executable).parent


def test_the_installed_entry_points_name_both_commands() -> None:
    scripts = {
        point.name: point.value
        for point in distribution("back-planner").entry_points
        if point.group == "console_scripts"
    }
    assert scripts == {"planner": "planner.cli:main", "back-planner": "planner.cli:main"}


def test_back_planner_runs_like_planner() -> None:
    outputs = [
        subprocess.run(
            [str(BIN / name), "--version"], capture_output=True, text=True, check=True, timeout=60
        ).stdout
        for name in ("planner", "back-planner")
    ]
    assert outputs[0] == outputs[1]
    assert planner.__version__ in outputs[0]
