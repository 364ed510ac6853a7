"""What the full-screen app needs from the terminal, checked before Textual starts.

``TERM=dumb`` (Emacs shells, some CI logs) cannot take the escape codes a full-screen
app is made of, so the app is refused in one line instead of filling the screen with
them. So is a start whose standard input or output is not a terminal
(``planner </dev/null >file``, a cron job, a pipe): the app would wait for keys that
never come and write its screen into the file. A terminal whose encoding is not
UTF-8 gets ASCII stand-ins for the glyphs (see ``domain/glyphs.py``) instead of
``\\u2588`` written out as text.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TextIO

from planner.domain.errors import UserFacingError
from planner.domain.glyphs import ERROR_HANDLER, can_show


class TerminalError(UserFacingError):
    """The terminal cannot show the full-screen app."""


def check_terminal() -> None:
    """Raise TerminalError when the terminal cannot show a full-screen app."""
    if os.environ.get("TERM") == "dumb":
        raise TerminalError(
            "this terminal (TERM=dumb) cannot show the full-screen app; run planner in a "
            "full-screen terminal, or use 'planner export', which works anywhere"
        )
    # Textual reads keys from stdin and draws on the original stderr.
    for name, stream in (("input", sys.stdin), ("output", sys.stdout), ("error", sys.__stderr__)):
        if not is_terminal(stream):
            raise TerminalError(
                f"standard {name} is not a terminal, so the full-screen app cannot start; "
                "run planner in a terminal, or use 'planner export' to print or save the plan"
            )


def is_terminal(stream: TextIO | None) -> bool:
    """Whether ``stream`` is an open stream on a terminal (False for None or a closed one)."""
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False


def fit_output_encoding() -> bool:
    """Make the app's output stream write stand-ins for glyphs its encoding cannot hold.

    Textual draws on the process's original stderr. Returns whether stand-ins are used.
    """
    stream = sys.__stderr__
    if not isinstance(stream, io.TextIOWrapper) or can_show(stream.encoding):
        return False
    stream.reconfigure(errors=ERROR_HANDLER)
    return True
