"""Run a terminal program in a real pseudo-terminal and time what a user would see.

Both the planner and the bare Textual app are measured the same way, from the
outside: spawn the process on a pty of a fixed size, read what it paints, and
stop the clock when a marker string appears (start-up) or when the screen
starts to change after a key (key latency). Nothing in the app is patched.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import statistics
import struct
import sys
import termios
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_APP = Path(__file__).resolve().parent / "bare_app.py"


@dataclass
class Terminal:
    """A child process attached to a pty we read and write."""

    pid: int
    fd: int
    started: float
    screen: bytes = b""

    def read_until(self, marker: bytes, timeout: float = 20.0) -> float:
        """Read output until ``marker`` shows; return the monotonic time it arrived."""
        deadline = time.monotonic() + timeout
        while marker not in self.screen:
            self._read_some(deadline)
        return time.monotonic()

    def _read_some(self, deadline: float) -> bool:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            tail = self.screen[-400:].decode("utf-8", "replace")
            raise TimeoutError(f"no expected output before the timeout; last output: {tail!r}")
        ready, _, _ = select.select([self.fd], [], [], remaining)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            raise EOFError("the program exited: " + self.screen[-400:].decode("utf-8", "replace"))
        self.screen += chunk
        self._answer_queries(chunk)
        return True

    def _answer_queries(self, chunk: bytes) -> None:
        # Textual asks the terminal for its cursor position / device attributes at start;
        # a real terminal answers, so we do too, or the app waits for a reply.
        if b"\x1b[6n" in chunk:
            os.write(self.fd, b"\x1b[1;1R")

    def drain(self, quiet: float = 0.15, timeout: float = 10.0) -> None:
        """Read until the program has painted nothing for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        last = time.monotonic()
        while time.monotonic() - last < quiet:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if ready:
                self._read_some(deadline)
                last = time.monotonic()
            if time.monotonic() > deadline:
                return

    def key_latency(self, key: bytes, timeout: float = 5.0) -> float:
        """Seconds from writing ``key`` to the first repaint after it (output settled first)."""
        self.drain()
        sent = time.monotonic()
        os.write(self.fd, key)
        deadline = sent + timeout
        before = len(self.screen)
        while len(self.screen) == before:
            self._read_some(deadline)
        return time.monotonic() - sent

    def key_until(self, key: bytes, *markers: bytes, timeout: float = 20.0) -> float:
        """Seconds from writing ``key`` to every one of ``markers`` painted after it."""
        self.drain()
        start = len(self.screen)
        sent = time.monotonic()
        os.write(self.fd, key)
        deadline = sent + timeout
        while not all(marker in self.screen[start:] for marker in markers):
            self._read_some(deadline)
        return time.monotonic() - sent

    def peak_rss_kib(self) -> int:
        """The child's peak resident memory (VmHWM) in KiB."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
        return int(line.split()[1])

    def close(self) -> None:
        """Kill the child and reap it."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def spawn(argv: Sequence[str], env: dict[str, str], size: tuple[int, int] = (100, 32)) -> Terminal:
    """Start ``argv`` on a new pty of ``size`` (columns, rows)."""
    columns, rows = size
    started = time.monotonic()
    pid, fd = os.forkpty()
    if pid == 0:  # the child: become the program
        os.execve(argv[0], list(argv), env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    return Terminal(pid=pid, fd=fd, started=started)


@contextmanager
def painted(argv: Sequence[str], marker: bytes, home: Path) -> Iterator[tuple[Terminal, float]]:
    """Start ``argv`` with a private HOME, wait for ``marker`` on screen, and kill it afterwards.

    Yields the terminal and the monotonic time the marker was painted.
    """
    terminal = spawn(argv, clean_env(home))
    try:
        yield terminal, terminal.read_until(marker)
    finally:
        terminal.close()


def clean_env(home: Path) -> dict[str, str]:
    """An environment with a private HOME, so benchmarks never touch real data."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "LANG": "C.UTF-8",
    }
    return env


def python() -> str:
    """The interpreter running the benchmark (the project's virtual environment)."""
    return sys.executable


def planner_command() -> str:
    """The installed ``planner`` console script beside this interpreter."""
    return str(Path(sys.executable).parent / "planner")


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` fall (nearest rank)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]
