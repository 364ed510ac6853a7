"""The red-flag checklist as one compact widget: a line per question, space to tick."""

from __future__ import annotations

from collections.abc import Collection

from textual.content import Content
from textual.widgets import SelectionList

from planner.domain.red_flags import RED_FLAGS


class RedFlagChecklist(SelectionList[str]):
    """Tick every question that is true now; ``answers`` gives the ticked ids."""

    DEFAULT_CSS = """
    RedFlagChecklist {
        height: auto;
        max-height: 12;
        border: none;
        padding: 0;
        background: transparent;
    }
    """

    def __init__(self, ticked: Collection[str] = (), *, id: str | None = None) -> None:
        super().__init__(
            *((Content(flag.question), flag.id, flag.id in ticked) for flag in RED_FLAGS),
            id=id,
        )

    @property
    def answers(self) -> tuple[str, ...]:
        """The ids of the ticked questions, in checklist order."""
        chosen = set(self.selected)
        return tuple(flag.id for flag in RED_FLAGS if flag.id in chosen)
