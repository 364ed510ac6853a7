"""Undo and redo of plan edits, for as long as the app runs.

An edit runs inside ``UndoHistory.edit``: the days it touches (and, for a new plan,
the plan's profile) are read before and after it, inside the edit's own
transaction, and the pair is kept as one step. Undo puts those days back as they
were before, redo as they were after, each as one transaction. Either is done only
while the days still look exactly as the step left them: a day changed since (by
another program, or by the feedback rules) is never overwritten; the history is
then cleared and the user is told why.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from planner.domain.catalogue import Catalogue
from planner.domain.errors import UserFacingError
from planner.planbook.change import change
from planner.storage.store import Store

if TYPE_CHECKING:  # loaded by the first edit (planbook.undo_steps says why)
    from planner.planbook.undo_steps import EditLabel, PlanState, Step

HISTORY_LIMIT = 200
"""Steps kept for undo; the oldest go first (a step holds only the days it touched)."""


class UndoConflict(UserFacingError):
    """The plan changed since the step was recorded; nothing was written."""


class UndoHistory:
    """The app's undo and redo stacks over one store.

    ``catalogue`` is the catalogue the screens share: undoing a custom exercise's
    change updates it too. ``on_change`` is called after every change to the stacks
    (the app refreshes its undo keys).
    """

    def __init__(
        self,
        store: Store,
        catalogue: Catalogue | None = None,
        *,
        limit: int = HISTORY_LIMIT,
        on_change: Callable[[], object] | None = None,
    ) -> None:
        self.store = store
        self.catalogue = catalogue
        self.limit = limit
        self.on_change = on_change
        self._undo: list[Step] = []
        self._redo: list[Step] = []

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to redo."""
        return bool(self._redo)

    @contextlib.contextmanager
    def edit(
        self,
        label: str,
        days: Iterable[date] = (),
        *,
        plan_from: date | None = None,
        custom: str | None = None,
    ) -> Iterator[EditLabel]:
        """Run one edit as one change and keep it as a step (when it changed anything).

        ``days`` are the days the edit may change; ``plan_from`` is given for a new
        plan, which replaces every day from then on and the profile; ``custom`` is the
        id of a custom exercise the edit creates, changes or deletes. A failed edit (an
        exception, a file changed by another program) keeps no step.
        """
        from planner.planbook.undo_steps import EditLabel, Scope, Step, read_state, with_empty_days

        scope = Scope(frozenset(days), plan_from, custom)
        name = EditLabel(label)
        with change(self.store):
            before = read_state(self.store, scope)
            yield name
            after = read_state(self.store, scope, (day.day for day in before.days))
        before = with_empty_days(before, after)
        if before != after:
            self._undo.append(Step(name.text, scope, before, after))
            del self._undo[: -self.limit]
            self._redo.clear()
            self._changed()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def undo(self) -> Step:
        """Put the plan back as it was before the last edit; the step undone.

        Raises UndoConflict (history cleared, nothing written) when the days changed
        since, and the store's errors (step kept) when the change cannot be saved.
        """
        return self._replay(self._undo, self._redo, backwards=True)

    def redo(self) -> Step:
        """Make the last undone edit again; the step redone (errors as for ``undo``)."""
        return self._replay(self._redo, self._undo, backwards=False)

    def _replay(self, source: list[Step], target: list[Step], *, backwards: bool) -> Step:
        verb = "undone" if backwards else "redone"
        if not source:
            raise UndoConflict(f"There is nothing to be {verb}.")
        step = source[-1]
        expected, wanted = (step.after, step.before) if backwards else (step.before, step.after)
        self._put_back(step, expected, wanted, verb)
        target.append(source.pop())
        self._changed()
        return step

    def _put_back(self, step: Step, expected: PlanState, wanted: PlanState, verb: str) -> None:
        from planner.planbook.undo_steps import read_state, sync_catalogue, write_state

        with change(self.store):
            now = read_state(self.store, step.scope, (day.day for day in expected.days))
            if now != expected:
                self._undo.clear()
                self._redo.clear()
                self._changed()
                raise UndoConflict(
                    f"The plan has changed since then, so “{step.label}” was not {verb}; "
                    "the earlier edits can no longer be undone either."
                )
            write_state(self.store, wanted)
        if self.catalogue is not None:
            sync_catalogue(self.catalogue, wanted)
