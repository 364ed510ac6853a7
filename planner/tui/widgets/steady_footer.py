"""A footer of keys that is rebuilt only when the keys it shows change, and only while in view."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

Key = tuple[str, str, str, str, bool, str | None]
"""A key of the screen: key, how it is written, action, description, enabled, tooltip."""
KeysShown = tuple[tuple[Key, ...], bool, bool]
"""The screen's keys, and the footer's show_command_palette and compact settings."""


class SteadyFooter(Footer):
    """Textual's Footer, rebuilt only when what it would show differs from what it shows.

    Textual's footer rebuilds every key whenever its screen's keys may have changed:
    twice each time its screen comes back, and also while its screen waits behind
    another mode, where the app shows that mode's key instead of another. That
    screen then came back with the wrong keys for a frame, and spent a few
    milliseconds on rebuilds that changed nothing. Its first keys came a few frames
    after its screen's first paint; here they are in it.
    """

    _shown: KeysShown | None = None
    """The keys as last composed; None before the first composition that showed keys."""

    def keys_shown(self) -> KeysShown:
        """Whatever the footer draws from: every key of the screen now, and its settings."""
        app = self.app
        keys = tuple(
            (
                binding.key,
                app.get_key_display(binding),
                binding.action,
                binding.description,
                enabled,
                tooltip,
            )
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
        )
        return keys, self.show_command_palette, self.compact

    def compose(self) -> ComposeResult:
        children = list(super().compose())
        self._shown = self.keys_shown() if children else None
        yield from children

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild after the screen's next refresh, as Textual does; the first keys at once.

        Textual waits for a refresh even for the first keys, so a screen's first frame
        showed an empty footer, filled in a few frames later.
        """
        super().bindings_changed(screen)
        if self._shown is None and screen is self.screen:
            self.call_later(self.recompose)

    async def recompose(self) -> None:
        """Rebuild the keys, unless the screen is in the background or they are the same."""
        if self.screen is not self.app.screen or self.keys_shown() == self._shown:
            return
        await super().recompose()
