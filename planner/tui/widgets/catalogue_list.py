"""The catalogue's exercise list: names with their level, the user's own ones marked.

Option ids are exercise ids, so the screen can map a highlighted line back to
its exercise; prompts are ``Content`` so custom names are never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from planner.domain.models import Exercise
from planner.domain.text_rules import terminal_safe


def matches(exercise: Exercise, query: str) -> bool:
    """True when every word of ``query`` appears in the exercise's name (any case)."""
    name = exercise.name.casefold()
    return all(word in name for word in query.casefold().split())


def _prompt(exercise: Exercise) -> Content:
    tag = f"level {exercise.level}" + (" · yours" if exercise.custom else "")
    return Content.assemble(terminal_safe(exercise.name), "\n", (tag, "dim"))


class ExerciseList(OptionList):
    """A list of exercises; the highlighted option's id is the exercise id."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(self, exercises: Iterable[Exercise], keep: str | None = None) -> None:
        """Replace the list with ``exercises``, highlighting ``keep`` if it is among them."""
        shown = list(exercises)
        self.clear_options()
        self.add_options(Option(_prompt(e), id=e.id) for e in shown)
        ids = [e.id for e in shown]
        if keep in ids:
            self.highlighted = ids.index(keep)
        elif ids:
            self.highlighted = 0

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted exercise, or None when the list is empty."""
        if self.highlighted is None or self.option_count == 0:
            return None
        return self.get_option_at_index(self.highlighted).id
