"""Writing to standard output, and saying so in one line when it cannot be done.

Standard output may be a full disk (``> /dev/full``), a closed descriptor (``>&-``)
or a pipe whose reader left. Each ends in one line on stderr and a non-zero status
instead of a traceback, and standard output is then pointed at the null device so
the interpreter's own flush at exit has nothing left to complain about.
"""

from __future__ import annotations

import contextlib
import os
import sys

from planner.domain.errors import UserFacingError


class OutputError(UserFacingError):
    """Standard output could not be written; ``planner`` exits with status 1."""


def _discard_stdout() -> None:
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 1)
        finally:
            os.close(null)


def _failed(error: OSError) -> OutputError:
    _discard_stdout()
    return OutputError(f"could not write to standard output: {error.strerror or error}")


def write_bytes(data: bytes) -> None:
    """Write ``data`` to standard output and flush it; OutputError when that fails."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed; give -o FILE to write to a file")
    try:
        stream.flush()
        stream.buffer.write(data)
        stream.flush()
    except OSError as error:
        raise _failed(error) from None


def write_text(text: str) -> None:
    """Write ``text`` and a newline to standard output and flush; OutputError when that fails."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed")
    try:
        stream.write(text + "\n")
        stream.flush()
    except OSError as error:
        raise _failed(error) from None


def flush() -> None:
    """Flush whatever is still buffered for standard output; OutputError when that fails."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        stream.flush()
    except OSError as error:
        raise _failed(error) from None
