"""The undo history: each plan edit undone and redone exactly, and never over a changed file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import Activity, Dose, Profile
from planner.planbook import custom, edits
from planner.planbook.plans import draft_plan, new_plan, save_plan
from planner.planbook.undo import UndoConflict, UndoHistory
from planner.storage import Store, open_store
from planner.storage.errors import StoreChangedError
from planner.storage.opening import lock_path
from tests.unit.storage.samples import custom_exercise

MONDAY = date(2026, 11, 30)
TUESDAY = MONDAY + timedelta(days=1)
WEDNESDAY = MONDAY + timedelta(days=2)


@pytest.fixture
def catalogue() -> Catalogue:
    return load_catalogue()


def profile(weeks: int = 2, minutes: int = 15) -> Profile:
    return Profile(
        pain=3,
        activity=Activity.MEDIUM,
        weekdays=frozenset({0, 2, 4}),
        minutes=minutes,
        weeks=weeks,
        start=MONDAY,
    )


def plan_into(store: Store, catalogue: Catalogue, chosen: Profile) -> None:
    fresh = new_plan(chosen, catalogue, MONDAY)
    save_plan(store, draft_plan(store, catalogue, fresh, MONDAY))


def snapshot(store: Store) -> tuple[object, ...]:
    """Everything an edit could change: every item, every rest day, profile and advice."""
    end = MONDAY + timedelta(weeks=8)
    return (
        tuple(store.items_between(MONDAY, end)),
        frozenset(store.rest_days_between(MONDAY, end)),
        store.profile(),
        store.plan_advice(),
    )


def stacks(history: UndoHistory) -> tuple[bool, bool]:
    """(something to undo, something to redo)."""
    return history.can_undo, history.can_redo


@pytest.fixture
def store(catalogue: Catalogue) -> Store:
    store = Store.in_memory()
    plan_into(store, catalogue, profile())
    return store


def test_remove_is_undone_to_the_same_item_and_place_then_redone(store: Store) -> None:
    history = UndoHistory(store)
    first = store.items_on(MONDAY)[0]
    before = snapshot(store)
    with history.edit("Removed it", [first.day]):
        edits.remove_item(store, first.id)
    after = snapshot(store)
    assert stacks(history) == (True, False)

    assert history.undo().label == "Removed it"
    assert snapshot(store) == before
    assert store.items_on(MONDAY)[0] == first
    assert stacks(history) == (False, True)

    history.redo()
    assert snapshot(store) == after
    assert stacks(history) == (True, False)


def test_a_move_is_undone_on_both_days(store: Store) -> None:
    history = UndoHistory(store)
    item = store.items_on(MONDAY)[0]
    before = snapshot(store)
    with history.edit("Moved it", [item.day, TUESDAY]):
        edits.move_item(store, item.id, TUESDAY)
    after = snapshot(store)
    history.undo()
    assert snapshot(store) == before
    history.redo()
    assert snapshot(store) == after
    assert [i.id for i in store.items_on(TUESDAY)] == [item.id]


def test_dose_reorder_add_and_rest_each_undo_and_redo(store: Store, catalogue: Catalogue) -> None:
    history = UndoHistory(store)
    item = store.items_on(MONDAY)[0]
    states = [snapshot(store)]
    with history.edit("Dose", [MONDAY]):
        edits.set_dose(store, item.id, replace(item.dose, sets=item.dose.sets + 1))
    states.append(snapshot(store))
    with history.edit("Reorder", [MONDAY]):
        edits.reorder_item(store, item.id, 1)
    states.append(snapshot(store))
    with history.edit("Add", [TUESDAY]):
        edits.add_exercise(store, catalogue, TUESDAY, item.exercise_id)
    states.append(snapshot(store))
    with history.edit("Rest", [WEDNESDAY]):
        edits.toggle_rest(store, WEDNESDAY)
    states.append(snapshot(store))
    assert len(set(states)) == len(states), "every edit changed something"

    for expected in reversed(states[:-1]):
        history.undo()
        assert snapshot(store) == expected
    assert not history.can_undo
    for expected in states[1:]:
        history.redo()
        assert snapshot(store) == expected
    assert not history.can_redo


def test_a_rest_day_over_exercises_gives_them_back(store: Store) -> None:
    history = UndoHistory(store)
    items = store.items_on(MONDAY)
    assert items
    with history.edit("Rest", [MONDAY]):
        edits.toggle_rest(store, MONDAY)
    assert store.items_on(MONDAY) == [] and MONDAY in store.rest_days_between(MONDAY, MONDAY)
    history.undo()
    assert store.items_on(MONDAY) == items
    assert MONDAY not in store.rest_days_between(MONDAY, MONDAY)


def test_a_new_plan_is_undone_with_its_profile(store: Store, catalogue: Catalogue) -> None:
    history = UndoHistory(store)
    before = snapshot(store)
    longer = profile(weeks=4, minutes=25)
    with history.edit("New plan", plan_from=MONDAY):
        plan_into(store, catalogue, longer)
    after = snapshot(store)
    assert store.profile() == longer and before != after
    history.undo()
    assert snapshot(store) == before
    history.redo()
    assert snapshot(store) == after


def test_the_first_plan_is_undone_to_no_plan(catalogue: Catalogue) -> None:
    store = Store.in_memory()
    history = UndoHistory(store)
    with history.edit("First plan", plan_from=MONDAY):
        plan_into(store, catalogue, profile())
    history.undo()
    assert store.profile() is None
    assert store.items_between(MONDAY, MONDAY + timedelta(weeks=8)) == []


def test_a_new_edit_after_undo_drops_the_redo(store: Store) -> None:
    history = UndoHistory(store)
    first, second = store.items_on(MONDAY)[:2]
    with history.edit("One", [MONDAY]):
        edits.remove_item(store, first.id)
    history.undo()
    with history.edit("Two", [MONDAY]):
        edits.remove_item(store, second.id)
    assert not history.can_redo
    with pytest.raises(UndoConflict, match="nothing to be redone"):
        history.redo()


def test_an_edit_that_changed_nothing_or_failed_is_not_kept(store: Store) -> None:
    history = UndoHistory(store)
    item = store.items_on(MONDAY)[0]
    with history.edit("Same dose", [MONDAY]):
        edits.set_dose(store, item.id, item.dose)
    before = snapshot(store)
    with pytest.raises(RuntimeError), history.edit("Failed", [MONDAY]):
        edits.remove_item(store, item.id)
        raise RuntimeError("the disk said no")
    assert snapshot(store) == before
    assert not history.can_undo


def test_only_the_last_steps_are_kept(store: Store) -> None:
    history = UndoHistory(store, limit=2)
    item = store.items_on(MONDAY)[0]
    for sets in (2, 3, 4):
        with history.edit(f"{sets} sets", [MONDAY]):
            edits.set_dose(store, item.id, replace(item.dose, sets=sets))
    assert history.undo().label == "4 sets"
    assert history.undo().label == "3 sets"
    assert not history.can_undo
    assert store.item(item.id).dose.sets == 2


def test_a_day_changed_since_is_not_overwritten(store: Store) -> None:
    history = UndoHistory(store)
    item = store.items_on(MONDAY)[0]
    with history.edit("Removed", [MONDAY]):
        edits.remove_item(store, item.id)
    other = store.items_on(MONDAY)[0]
    store.set_dose(other.id, Dose(reps=12, sets=3), held_reason="held by the rules")
    changed = snapshot(store)
    with pytest.raises(UndoConflict, match="“Removed” was not undone"):
        history.undo()
    assert snapshot(store) == changed
    assert not history.can_undo and not history.can_redo


def test_undo_after_another_program_wrote_the_file_leaves_their_file(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    db_path = tmp_path / "plan.json"
    mine = open_store(db_path)
    plan_into(mine, catalogue, profile())
    history = UndoHistory(mine)
    item = mine.items_on(MONDAY)[0]
    with history.edit("Removed", [MONDAY]):
        edits.remove_item(mine, item.id)
    # Another program replaces the file (its lock out of the way) with a plan of its own.
    lock_path(db_path).unlink()
    with open_store(db_path) as theirs:
        plan_into(theirs, catalogue, profile(weeks=3, minutes=25))
    their_bytes = db_path.read_bytes()
    with pytest.raises(StoreChangedError):
        history.undo()
    assert db_path.read_bytes() == their_bytes
    # The store now reads their plan, which the step does not match: undo refuses.
    with pytest.raises(UndoConflict):
        history.undo()
    assert db_path.read_bytes() == their_bytes
    mine.close()


def test_a_deleted_own_exercise_comes_back_with_its_plan_days(
    store: Store, catalogue: Catalogue
) -> None:
    history = UndoHistory(store, catalogue)
    cat = custom_exercise()
    with history.edit("Created", custom=cat.id):
        custom.save_exercise(store, catalogue, cat)
    with history.edit("Added", [TUESDAY]):
        edits.add_exercise(store, catalogue, TUESDAY, cat.id)
    planned = snapshot(store)
    days = custom.days_planned(store, cat.id, MONDAY)
    with history.edit("Deleted", days, custom=cat.id):
        custom.delete_exercise(store, catalogue, cat.id, MONDAY)
    assert cat.id not in catalogue and store.custom_exercises() == []

    history.undo()
    assert snapshot(store) == planned
    assert store.custom_exercises() == [cat] and catalogue.get(cat.id) == cat
    history.redo()
    assert cat.id not in catalogue and store.custom_exercises() == []
    history.undo()
    history.undo()  # the add
    history.undo()  # the creation
    assert cat.id not in catalogue and store.custom_exercises() == []


def test_an_edited_own_exercise_is_put_back_as_it_was(store: Store, catalogue: Catalogue) -> None:
    history = UndoHistory(store, catalogue)
    first = custom_exercise()
    custom.save_exercise(store, catalogue, first)
    with history.edit("Changed", custom=first.id):
        custom.save_exercise(store, catalogue, custom_exercise("Wall sit, lower"))
    history.undo()
    assert catalogue.get(first.id).name == first.name
    assert store.custom_exercises() == [first]
