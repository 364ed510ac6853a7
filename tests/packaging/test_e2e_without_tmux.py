"""Where tmux is missing, every end-to-end test skips with the reason, instead of erroring."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def test_every_e2e_test_skips_cleanly_without_tmux(tmp_path: Path) -> None:
    empty = tmp_path / "bin"  # a PATH on which no tmux can be found
    empty.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/e2e", "-q", "-rs", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env={**os.environ, "PATH": str(empty)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    summary = output.strip().splitlines()[-1]
    assert re.fullmatch(r"=*\s*\d+ skipped in [\d.]+s.*", summary), output
    assert "tmux is not installed" in output
