"""The project's own checks run as part of the suite, so CI enforces them.

ruff (lint and format), mypy in strict mode and the import-linter contracts
(tui -> storage -> domain, never back) each run as a subprocess from the same
virtual environment as pytest.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / args[0]), *args[1:]], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "planner", "tests", "benchmarks", "scripts"),
        ("ruff", "format", "--check", "planner", "tests", "benchmarks", "scripts"),
        ("mypy",),
        ("lint-imports",),
    ],
    ids=["ruff-lint", "ruff-format", "mypy", "import-contracts"],
)
def test_tool_passes(command: tuple[str, ...]) -> None:
    """Each checker exits 0; its output is shown when it does not."""
    result = run_tool(*command)
    assert result.returncode == 0, result.stdout + result.stderr
