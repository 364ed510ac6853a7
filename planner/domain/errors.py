"""The base of every error whose message is written for the user, not the developer."""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message can be shown to the user as it is (one line, no traceback)."""

    def as_sentence(self) -> str:
        """The message as a sentence standing on its own: a capital first, a full stop last.

        Messages are written to follow "planner: " on the command line, so most start
        in lower case; a notification shows them on their own.
        """
        message = str(self)
        ending = "" if message.endswith((".", "!", "?")) else "."
        return f"{message[:1].upper()}{message[1:]}{ending}"


class UserError(UserFacingError):
    """A mistake in what the user asked for (an argument, a date); its message is shown as is."""
