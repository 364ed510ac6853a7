"""Every hand edit of the plan: add, remove, move, reorder, change a dose, rest days.

Each edit is one change (``change.change``), refused in one wording when the data
file is read-only. Edits that need the user's say first (a second copy of an
exercise on a day, an exercise on a rest day, a rest day over planned exercises) have
a ``*_question`` function that returns the question to ask, or "" when there is none;
the edit itself then does what the question said.
"""

from __future__ import annotations

import contextlib
from datetime import date

from planner.domain.catalogue import Catalogue
from planner.domain.dates import long_date
from planner.domain.models import Dose, Exercise, PlanItem
from planner.domain.ramp import dose_for_day
from planner.domain.wording import counted
from planner.planbook.change import change
from planner.planbook.week import exercise_name
from planner.storage.store import Store


def dose_on(store: Store, exercise: Exercise, day: date) -> Dose:
    """The dose an exercise joins ``day`` at: where the plan's ramp has got to, else its start."""
    profile = store.profile()
    return exercise.start if profile is None else dose_for_day(exercise, profile, day)


def place_question(store: Store, catalogue: Catalogue, day: date, exercise_id: str) -> str:
    """What to ask before putting ``exercise_id`` on ``day`` (added or moved there), or ""."""
    name = exercise_name(catalogue, exercise_id)
    when = long_date(day, year=False)
    questions = []
    if any(item.exercise_id == exercise_id for item in store.items_on(day)):
        questions.append(f"{when} already has {name}. Add it a second time?")
    if day in store.rest_days_between(day, day):
        questions.append(f"{when} is a rest day. Make it a training day for {name}?")
    return " ".join(questions)


def add_exercise(store: Store, catalogue: Catalogue, day: date, exercise_id: str) -> PlanItem:
    """Put an exercise at the end of ``day`` at the plan's dose (a rest day turns training)."""
    exercise = catalogue.get(exercise_id)
    with change(store):
        _make_training_day(store, day)
        return store.add_item(day, exercise_id, dose_on(store, exercise, day))


def remove_item(store: Store, item_id: str) -> None:
    """Take an item off its day (one already gone is no error: the view reloads anyway)."""
    with change(store), contextlib.suppress(KeyError):
        store.remove_item(item_id)


def move_item(store: Store, item_id: str, day: date) -> PlanItem:
    """Move an item to the end of ``day``; a rest day becomes a training day."""
    with change(store):
        _make_training_day(store, day)
        return store.move_item(item_id, day)


def reorder_item(store: Store, item_id: str, offset: int) -> PlanItem:
    """Move an item ``offset`` places up (negative) or down within its day."""
    with change(store):
        return store.reorder_item(item_id, offset)


def set_dose(store: Store, item_id: str, dose: Dose) -> PlanItem:
    """Change one item's dose (a hand-set dose is no longer held by the feedback rules)."""
    with change(store):
        return store.set_dose(item_id, dose)


def rest_question(store: Store, day: date) -> str:
    """What to ask before making ``day`` a rest day over planned exercises, or ""."""
    count = len(store.items_on(day))
    if not count or day in store.rest_days_between(day, day):
        return ""
    them = "it" if count == 1 else "them"
    return (
        f"{long_date(day, year=False)} has {counted(count, 'exercise')}. "
        f"Take {them} off and make it a rest day?"
    )


def toggle_rest(store: Store, day: date) -> str:
    """Make ``day`` a rest day (taking its exercises off) or a training day; say which."""
    with change(store):
        items = store.items_on(day)
        rest = store.toggle_rest_day(day)
        if rest:
            for item in items:
                store.remove_item(item.id)
    when = long_date(day, year=False)
    return f"{when} is a rest day." if rest else f"{when} is no longer a rest day."


def _make_training_day(store: Store, day: date) -> None:
    if day in store.rest_days_between(day, day):
        store.toggle_rest_day(day)
