"""The base of every error whose message is written for the user, not the developer."""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message can be shown to the user as it is (one line, no traceback)."""
