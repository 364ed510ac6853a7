"""The user's own exercises: create, edit and delete them with the plan days they touch.

Deleting one takes it off the plan from today on; days before today keep it, so the
history (what was planned, what was done, the streak) reads as it did.
"""

from __future__ import annotations

from datetime import date

from planner.domain.catalogue import Catalogue
from planner.domain.models import Exercise
from planner.planbook.change import change
from planner.storage.store import Store


def save_exercise(store: Store, catalogue: Catalogue, exercise: Exercise) -> None:
    """Create a custom exercise or replace the one with its id, in the store and the catalogue."""
    with change(store):
        store.save_custom_exercise(exercise)
    catalogue.put_custom(exercise)


def days_planned(store: Store, exercise_id: str, today: date) -> set[date]:
    """The plan days from ``today`` on that hold ``exercise_id`` (what deleting it changes)."""
    return {
        item.day for item in store.items_between(today, date.max) if item.exercise_id == exercise_id
    }


def delete_exercise(store: Store, catalogue: Catalogue, exercise_id: str, today: date) -> int:
    """Delete a custom exercise and take it off the plan from ``today`` on; returns how many
    days it was taken off. Earlier days keep it: history never changes."""
    with change(store):
        days = days_planned(store, exercise_id, today)
        store.delete_custom_exercise(exercise_id, from_day=today)
    catalogue.remove_custom(exercise_id)
    return len(days)
