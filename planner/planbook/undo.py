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
from dataclasses import dataclass, field
from datetime import date

from planner.domain.advice import Advice
from planner.domain.catalogue import Catalogue
from planner.domain.errors import UserFacingError
from planner.domain.models import Exercise, PlanItem, Profile
from planner.planbook.change import change
from planner.storage.store import Store

HISTORY_LIMIT = 200
"""Steps kept for undo; the oldest go first (a step holds only the days it touched)."""


class UndoConflict(UserFacingError):
    """The plan changed since the step was recorded; nothing was written."""


@dataclass(frozen=True)
class DayState:
    """One day as saved: its items in order (ids, doses and positions) and whether it rests."""

    day: date
    items: tuple[PlanItem, ...] = ()
    rest: bool = False


@dataclass(frozen=True)
class PlanState:
    """The days a step touched, and the plan's profile and advice when it touched those."""

    days: tuple[DayState, ...]
    profile: tuple[Profile | None, tuple[Advice, ...]] | None = None
    custom: tuple[str, Exercise | None] | None = None
    """A custom exercise the step touched, by id, as it was (None: there was none)."""


@dataclass(frozen=True)
class Step:
    """One edit: what it was (a past-tense sentence) and the plan before and after it."""

    label: str
    scope: Scope
    before: PlanState
    after: PlanState


@dataclass
class EditLabel:
    """What an edit did, in the past tense; the edit may set it once it knows."""

    text: str


@dataclass(frozen=True)
class Scope:
    """What an edit touches: some days, for a new plan every day from its start on, and
    a custom exercise the edit creates, changes or deletes."""

    days: frozenset[date] = frozenset()
    plan_from: date | None = None
    custom: str | None = None


def read_state(store: Store, scope: Scope, extra_days: Iterable[date] = ()) -> PlanState:
    """The saved state of every day in ``scope`` (and ``extra_days``)."""
    days: dict[date, DayState] = {}
    for day in {*scope.days, *extra_days}:
        if scope.plan_from is not None and day >= scope.plan_from:
            days[day] = DayState(day)  # read with the range below
            continue
        rest = day in store.rest_days_between(day, day)
        days[day] = DayState(day, tuple(store.items_on(day)), rest)
    profile = None
    if scope.plan_from is not None:
        # A new plan touches every day from its start: read them in one go.
        start = scope.plan_from
        items: dict[date, list[PlanItem]] = {}
        for item in store.items_between(start, date.max):
            items.setdefault(item.day, []).append(item)
        rest_days = store.rest_days_between(start, date.max)
        for day in items.keys() | rest_days:
            days[day] = DayState(day, tuple(items.get(day, ())), day in rest_days)
        profile = (store.profile(), store.plan_advice())
    custom = None
    if scope.custom is not None:
        found = [e for e in store.custom_exercises() if e.id == scope.custom]
        custom = (scope.custom, found[0] if found else None)
    return PlanState(tuple(days[day] for day in sorted(days)), profile, custom)


def write_state(store: Store, state: PlanState) -> None:
    """Put the days (and the profile, when kept) back as ``state`` holds them."""
    for day in state.days:
        store.restore_day(day.day, day.items, rest=day.rest)
    if state.profile is not None:
        store.restore_profile(*state.profile)
    if state.custom is not None:
        exercise_id, exercise = state.custom
        if exercise is None:
            # The record only: the days above already hold what the plan had.
            store.delete_custom_exercise(exercise_id, from_day=date.max)
        else:
            store.save_custom_exercise(exercise)


def _sync_catalogue(catalogue: Catalogue, state: PlanState) -> None:
    """Make the shared catalogue hold the custom exercise as ``state`` has it."""
    if state.custom is None:
        return
    exercise_id, exercise = state.custom
    if exercise is not None:
        catalogue.put_custom(exercise)
    elif exercise_id in catalogue:
        catalogue.remove_custom(exercise_id)


@dataclass
class UndoHistory:
    """The app's undo and redo stacks over one store."""

    store: Store
    catalogue: Catalogue | None = None
    """The catalogue the screens share: undoing a custom exercise's change updates it too."""
    limit: int = HISTORY_LIMIT
    on_change: Callable[[], object] | None = None
    """Called after every change to the stacks (the app refreshes its undo keys)."""
    _undo: list[Step] = field(default_factory=list)
    _redo: list[Step] = field(default_factory=list)

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
        scope = Scope(frozenset(days), plan_from, custom)
        name = EditLabel(label)
        with change(self.store):
            before = read_state(self.store, scope)
            yield name
            after = read_state(self.store, scope, (day.day for day in before.days))
        before = _with_empty_days(before, after)
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
            _sync_catalogue(self.catalogue, wanted)


def _with_empty_days(before: PlanState, after: PlanState) -> PlanState:
    """``before`` with an empty entry for every day only ``after`` holds (a day a new
    plan or a move filled), so undo knows to empty it again."""
    known = {day.day for day in before.days}
    extra = [DayState(day.day) for day in after.days if day.day not in known]
    if not extra:
        return before
    days = tuple(sorted((*before.days, *extra), key=lambda day: day.day))
    return PlanState(days, before.profile, before.custom)
