"""The steps undo keeps: the days an edit touched as saved before and after it.

Read and written by ``planbook.undo``; a module of its own so that the app loads
these classes when the first edit is made, not while it starts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from planner.domain.advice import Advice
from planner.domain.catalogue import Catalogue
from planner.domain.models import Exercise, PlanItem, Profile
from planner.storage.store import Store


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


def sync_catalogue(catalogue: Catalogue, state: PlanState) -> None:
    """Make the shared catalogue hold the custom exercise as ``state`` has it."""
    if state.custom is None:
        return
    exercise_id, exercise = state.custom
    if exercise is not None:
        catalogue.put_custom(exercise)
    elif exercise_id in catalogue:
        catalogue.remove_custom(exercise_id)


def with_empty_days(before: PlanState, after: PlanState) -> PlanState:
    """``before`` with an empty entry for every day only ``after`` holds (a day a new
    plan or a move filled), so undo knows to empty it again."""
    known = {day.day for day in before.days}
    extra = [DayState(day.day) for day in after.days if day.day not in known]
    if not extra:
        return before
    days = tuple(sorted((*before.days, *extra), key=lambda day: day.day))
    return PlanState(days, before.profile, before.custom)
