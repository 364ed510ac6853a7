"""Run the installed ``planner`` with a pseudo-terminal as its standard streams.

The full-screen app refuses to start without a terminal, so a test of what it does
with a bad data file or catalogue has to give it one: this gives it a pty for stdin,
stdout and stderr, waits for it to end, and returns its status and everything it wrote.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

PLANNER = Path(sys.executable).parent / "planner"


def run_in_terminal(
    *args: str, env: dict[str, str] | None = None, timeout: float = 30
) -> tuple[int, str]:
    """Exit status and output (stdout and stderr, as the terminal showed them)."""
    main_side, terminal_side = pty.openpty()
    try:
        try:
            done = subprocess.run(
                [str(PLANNER), *args],
                stdin=terminal_side,
                stdout=terminal_side,
                stderr=terminal_side,
                env=env,
                timeout=timeout,
                check=False,
            )
        finally:
            os.close(terminal_side)
        return done.returncode, _read_all(main_side).replace("\r\n", "\n")
    finally:
        os.close(main_side)


def _read_all(fd: int) -> str:
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the terminal side is closed and nothing is left
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode(errors="replace")
