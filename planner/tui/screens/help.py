"""The ``?`` screen: every key that works right now, grouped by where it comes from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from planner.tui.commands import CLEARER_WORDS


@dataclass(frozen=True)
class KeyRow:
    """One line of the help: a key, what it does, and whether it works right now."""

    key: str
    description: str
    enabled: bool


@dataclass(frozen=True)
class KeyGroup:
    """The keys that belong to one screen, widget or the app as a whole."""

    title: str
    rows: tuple[KeyRow, ...]


_GENERAL = "General"
"""The group for Textual's own keys (focus, copy, palette), which carry no binding id."""


def _group_title(node: DOMNode) -> str:
    if isinstance(node, App):
        return "Anywhere"
    # CalendarScreen -> "Calendar", PickDayDialog -> "Pick day", WeekGrid -> "Week grid".
    name = re.sub(r"(Screen|Dialog)$", "", type(node).__name__) or type(node).__name__
    words = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name)
    return " ".join(words).capitalize() if words else name


def key_groups(screen: Screen[object]) -> list[KeyGroup]:
    """The bindings active on ``screen``, grouped: focused widget first, the app last."""
    app = screen.app
    groups: dict[str, dict[str, KeyRow]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description:
            continue
        # Our bindings all carry an id; the ones without come from Textual itself.
        title = _group_title(active.node) if binding.id else _GENERAL
        description = CLEARER_WORDS.get(binding.action, binding.description)
        key = app.get_key_display(binding)
        rows = groups.setdefault(title, {})
        old = rows.get(binding.action)
        if old is None:
            rows[binding.action] = KeyRow(key, description, active.enabled)
        elif key not in old.key.split(" / "):
            # Two keys for one action (x and delete): one line with both.
            rows[binding.action] = KeyRow(f"{old.key} / {key}", old.description, old.enabled)
    # The screen's own keys first, then the app's, then Textual's.
    order = sorted(groups, key=lambda title: (title == _GENERAL, title == "Anywhere"))
    return [KeyGroup(title, tuple(groups[title].values())) for title in order]


def _render_group(group: KeyGroup, key_width: int) -> Content:
    lines: list[Content] = []
    for row in group.rows:
        line = Content.assemble(
            # The gap lives inside the key's part: a separate spaces-only part got dropped.
            (row.key.ljust(key_width + 2), "bold $text-accent"),
            row.description if row.enabled else (f"{row.description} (not now)", "dim"),
        )
        lines.append(line)
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the screen it was opened over, and the app's own keys."""

    CSS_PATH = "../tcss/help.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="help.close"),
        Binding("question_mark", "dismiss", "Close", key_display="?", id="help.close_again"),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.groups = key_groups(screen)

    def compose(self) -> ComposeResult:
        widest = max((len(r.key) for g in self.groups for r in g.rows), default=1)
        # The whole box scrolls, so a short terminal still reaches every key.
        with VerticalScroll(id="help-box"):
            yield Static("Keys", id="help-title")
            yield Static(
                "Every action is also in the command palette: press ctrl+p and type its name. "
                "Escape closes this list.",
                id="help-hint",
                markup=False,
            )
            for group in self.groups:
                yield Static(Content(group.title), classes="help-group-title")
                yield Static(_render_group(group, widest), classes="help-group")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's below

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()
