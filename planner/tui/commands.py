"""The command palette's view of the keys: every action bound on the screen is a command too.

The palette is opened over some screen; this provider lists the bindings active
there (the focused widget's, the screen's and the app's), so whatever a key does
can also be found by name with ctrl+p, with a sentence on what it does (the
binding's tooltip) and its key underneath. Mode switches are offered as well.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

_MODES = {
    "calendar": "Go to the calendar",
    "catalogue": "Go to the catalogue",
    "history": "Go to history",
}
"""Mode name -> command name, for the mode switches."""

CLEARER_WORDS = {
    "app.focus_next": "Next field or list",
    "app.focus_previous": "Previous field or list",
    "screen.copy_text": "Copy selected text",
    "command_palette": "Command palette: find any action by name",
    "toggle_pause": "Pause or resume the session",
} | {f"switch_mode({mode!r})": name for mode, name in _MODES.items()}
"""Descriptions from Textual itself and the short footer words for modes, said more plainly."""

_HIDDEN_ACTIONS = {"command_palette"}
"""Actions that make no sense as palette commands (the palette is already open)."""


@dataclass(frozen=True)
class BoundCommand:
    """One action the user can run, with the key that also runs it."""

    name: str
    key: str
    action: str
    namespace: DOMNode
    sentence: str = ""
    """What the action does, in full (the binding's tooltip), when it has one."""

    @property
    def help(self) -> str:
        """The hint shown under the command in the palette: the sentence, then the key."""
        if self.sentence and self.key:
            return f"{self.sentence} · key {self.key}"
        if self.sentence:
            return self.sentence
        return f"Key: {self.key}" if self.key else ""


def bound_commands(screen: Screen[object]) -> Iterator[BoundCommand]:
    """Every enabled, described binding active on ``screen``, once per action."""
    app = screen.app
    seen: set[tuple[int, str]] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        marker = (id(active.node), binding.action)
        if not active.enabled or not binding.description or marker in seen:
            continue
        if binding.action in _HIDDEN_ACTIONS:
            continue
        seen.add(marker)
        name = CLEARER_WORDS.get(binding.action, binding.description)
        key = app.get_key_display(binding)
        yield BoundCommand(name, key, binding.action, active.node, binding.tooltip)
    if screen.is_modal:
        # A dialog waits for its answer; leaving for another mode would strand it.
        return
    current = app.current_mode
    for mode, name in _MODES.items():
        if mode != current and (id(app), f"switch_mode({mode!r})") not in seen:
            yield BoundCommand(name, "", f"switch_mode({mode!r})", app)


class BindingCommands(Provider):
    """Offers every key of the screen below the palette as a named command."""

    def _commands(self) -> list[BoundCommand]:
        return list(bound_commands(self.screen))

    def _runner(self, command: BoundCommand) -> Callable[[], Awaitable[bool]]:
        return partial(self.app.run_action, command.action, command.namespace)

    async def discover(self) -> Hits:
        """All commands, before the user types anything."""
        for command in self._commands():
            yield DiscoveryHit(command.name, self._runner(command), help=command.help)

    async def search(self, query: str) -> Hits:
        """The commands whose name matches what the user typed."""
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.name),
                    self._runner(command),
                    text=command.name,
                    help=command.help,
                )
