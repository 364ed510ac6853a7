"""Modes whose screen is painted as soon as it is ready, not 50 ms later.

Textual's ``App.switch_mode`` holds every paint back for 50 ms (it calls the public
``App.delay_update()``), to hide a screen that is still being built. On the history
that wait was most of what ``h`` cost once the screen had been shown before (the
README's benchmarks say how much). A prompt mode's screen fills itself in
before its first paint and its footer (``SteadyFooter``) never shows stale keys, so
there is nothing to hide: its switch paints as soon as the app is idle. The paints
Textual would make in the middle of the switch itself (while it re-applies styles)
are held back with the public ``batch_update()`` instead.

tests/tui/test_prompt_modes.py fails if Textual stops calling ``delay_update`` from
``switch_mode`` (the override below would then do nothing and can go).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ReturnType
from textual.widget import AwaitMount


class PromptModesApp(App[ReturnType]):
    """An App whose ``PROMPT_MODES`` are painted without Textual's 50 ms wait."""

    PROMPT_MODES: ClassVar[frozenset[str]] = frozenset()
    """The modes switched to without the wait."""

    _switching_promptly = False

    def switch_mode(self, mode: str) -> AwaitMount:
        """Switch to ``mode``; a prompt mode's screen paints as soon as it is ready."""
        if mode not in self.PROMPT_MODES:
            return super().switch_mode(mode)
        self._switching_promptly = True
        try:
            with self.batch_update():
                return super().switch_mode(mode)
        finally:
            self._switching_promptly = False

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual's paint delay, skipped while switching to a prompt mode."""
        if not self._switching_promptly:
            super().delay_update(delay)
