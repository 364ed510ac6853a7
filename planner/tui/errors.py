"""Keep the app running when a save fails: a UserFacingError becomes a notification.

Screens catch the errors they expect, but a full disk or a folder turned
read-only can surface anywhere a screen writes. Without this, Textual would end
the app with a traceback. ``ErrorReportingApp`` is the base of ``PlannerApp``:

- Actions (keys, the command palette, clicks) run through ``run_action``, which
  reports the error and carries on. This has to happen there and not in
  ``_handle_exception``: Textual 8.2.8 stops the message loop that raised the
  error right after reporting it, so swallowing it there would leave the app
  alive but deaf to every key.
- Textual keeps going after reporting an error from a dialog's result callback
  (``_flush_next_callbacks``), a timer callback (``Timer._tick``) or a worker,
  so those are reported as a notification too.
- Anywhere else the message loop is already lost, so the app ends the way
  Textual would, but shows the one-line message instead of a traceback (Textual
  prints an error that has ``__rich__`` as it is).
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.actions import ActionParseResult
from textual.app import App, ReturnType
from textual.dom import DOMNode
from textual.worker import WorkerFailed

from planner.domain.errors import UserFacingError

_CARRIES_ON_AFTER = frozenset({"_flush_next_callbacks", "_tick"})
"""Textual 8.2.8 functions that report an error and then keep the app running."""

EXIT_STATUS = 2
"""The status the app ends with when an error cannot be turned into a notification."""


def user_error_in(error: BaseException) -> UserFacingError | None:
    """The UserFacingError behind ``error`` (a failed worker wraps it), or None."""
    if isinstance(error, WorkerFailed):
        error = error.error
    return error if isinstance(error, UserFacingError) else None


def textual_carries_on(error: BaseException) -> bool:
    """Whether Textual goes on processing messages after reporting ``error``."""
    if isinstance(error, WorkerFailed):
        return True
    # The first traceback entry is the frame that caught the error: Textual's own.
    caught_in = error.__traceback__
    return caught_in is not None and caught_in.tb_frame.f_code.co_name in _CARRIES_ON_AFTER


class EndedByUserError(Exception):
    """A UserFacingError that ended the app; Textual prints it as one line, no traceback."""

    def __init__(self, error: UserFacingError) -> None:
        super().__init__(str(error))
        self.error = error

    def __rich__(self) -> Text:
        return Text(f"planner: {self.error}")


class ErrorReportingApp(App[ReturnType]):
    """An App that shows a UserFacingError to the user instead of crashing on it."""

    def report_user_error(self, error: UserFacingError) -> None:
        """Show ``error``'s message, literally, as an error notification."""
        self.notify(str(error), severity="error", markup=False, timeout=10)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Run an action; a UserFacingError from it is shown and the app carries on."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except UserFacingError as error:
            self.report_user_error(error)
            return True

    def _handle_exception(self, error: Exception) -> None:
        user_error = user_error_in(error)
        if user_error is None:
            super()._handle_exception(error)
        elif textual_carries_on(error):
            self.report_user_error(user_error)
        else:
            super()._handle_exception(EndedByUserError(user_error))
            self._return_code = EXIT_STATUS
