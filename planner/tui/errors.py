"""Keep the app running when an action fails for a reason the user can act on.

A ``UserFacingError`` (a full disk, a read-only file, a refused change) becomes an
error notification and the app carries on; any other error is a bug and is left to
Textual. Only public Textual APIs are used:

- ``ErrorReportingApp.run_action`` covers every key, palette command and click that
  runs an action.
- ``reports_user_errors`` wraps the other places app code runs: the body of a
  ``@work`` dialog flow, a message handler, a timer callback.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine, Mapping
from typing import Any, TypeVar, cast

from textual.actions import ActionParseResult
from textual.app import App, ReturnType
from textual.dom import DOMNode

from planner.domain.errors import UserFacingError
from planner.planbook.change import StoreChangedError

Handler = TypeVar("Handler", bound=Callable[..., None])
Flow = TypeVar("Flow", bound=Callable[..., Coroutine[Any, Any, None]])


def report(node: DOMNode, error: UserFacingError) -> None:
    """Show ``error``'s message, literally, as an error notification.

    When another program changed the data file, the store has read it again: every
    open screen that shows it (those with a ``reload`` method) reads it again too.
    """
    node.app.notify(str(error), severity="error", markup=False, timeout=10)
    if isinstance(error, StoreChangedError):
        for screen in node.app.screen_stack:
            reload = getattr(screen, "reload", None)
            if callable(reload):
                reload()


def reports_user_errors(method: Handler) -> Handler:
    """Wrap a handler or timer callback: a UserFacingError from it is shown, not raised."""

    @functools.wraps(method)
    def wrapper(node: DOMNode, /, *args: object, **kwargs: object) -> None:
        try:
            method(node, *args, **kwargs)
        except UserFacingError as error:
            report(node, error)

    return cast(Handler, wrapper)


def reports_user_errors_async(method: Flow) -> Flow:
    """``reports_user_errors`` for a coroutine: the body of a ``@work`` dialog flow."""

    @functools.wraps(method)
    async def wrapper(node: DOMNode, /, *args: object, **kwargs: object) -> None:
        try:
            await method(node, *args, **kwargs)
        except UserFacingError as error:
            report(node, error)

    return cast(Flow, wrapper)


class ErrorReportingApp(App[ReturnType]):
    """An App that shows a UserFacingError from an action instead of crashing on it."""

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
            report(self, error)
            return True
