"""Undo and redo of every plan edit from the calendar and the catalogue, driven with keys.

Each test makes one edit, undoes it (ctrl+z) and redoes it (ctrl+y), and checks the
saved plan and what the screen says at each step.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import Settings
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.catalogue import CatalogueScreen
from planner.tui.screens.help import HelpScreen, key_groups
from planner.tui.screens.wizard import PlanWizard
from planner.tui.widgets.catalogue_list import ExerciseList
from tests.conftest import FakeClock
from tests.tui.shown_messages import shown_messages
from tests.tui.test_calendar import TODAY, column, make_app, seeded_store, text_of
from tests.tui.test_catalogue_screen import _own


@pytest.fixture
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def store(catalogue: Catalogue) -> Store:
    """test_calendar's plan in its third week: Mon, Wed, Fri planned, Monday done."""
    return seeded_store(catalogue)


THURSDAY = TODAY + timedelta(days=1)


def plan_state(store: Store) -> tuple[object, ...]:
    """Every item and rest day of the plan, and its profile: what undo must put back."""
    first, last = date(2026, 11, 1), date(2027, 3, 1)
    return (
        tuple(store.items_between(first, last)),
        frozenset(store.rest_days_between(first, last)),
        store.profile(),
    )


def footer_keys(app: PlannerApp) -> dict[str, bool]:
    """Footer description -> shown enabled (not dimmed)."""
    keys = app.screen.query_one(Footer).query(FooterKey)
    return {key.description: not key.has_class("-disabled") for key in keys}


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.pause()


async def edit_undo_redo(
    store: Store, catalogue: Catalogue, fake_clock: FakeClock, keys: Sequence[str]
) -> tuple[PlannerApp, list[str]]:
    """Make the edit ``keys`` make, undo it, redo it; the messages after undo and redo
    and (third) the shown week's columns after the first undo."""
    app = make_app(store, catalogue, fake_clock)
    said = []
    async with app.run_test(size=(100, 32)) as pilot:
        await press(pilot)
        before = plan_state(store)
        await press(pilot, *keys)
        after = plan_state(store)
        assert after != before, "the edit changed the plan"
        await press(pilot, "ctrl+z")
        assert plan_state(store) == before
        said.append("\n".join(shown_messages(app)))
        columns = "\n".join(column(app, weekday) for weekday in range(7))
        await press(pilot, "ctrl+y")
        assert plan_state(store) == after
        said.append("\n".join(shown_messages(app)))
        await press(pilot, "ctrl+z")
        assert plan_state(store) == before
    return app, [*said, columns]


async def test_remove_is_undone_and_redone(store, catalogue, fake_clock) -> None:
    _, said = await edit_undo_redo(store, catalogue, fake_clock, ["x", "y"])
    assert "Undone: Removed Pelvic tilt (pelvic lift) from Wed 25 Nov" in said[0]
    assert "ctrl+y redoes it" in said[0]
    assert "Redone: Removed Pelvic tilt (pelvic lift) from Wed 25 Nov" in said[1]


async def test_move_is_undone_and_redone(store, catalogue, fake_clock) -> None:
    _, said = await edit_undo_redo(store, catalogue, fake_clock, ["m", "down", "enter"])
    assert "Undone: Moved Pelvic tilt (pelvic lift) to Thu 26 Nov" in said[0]


async def test_a_move_to_another_week_is_shown_where_it_is_undone(
    store, catalogue, fake_clock
) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await press(pilot)
        await press(pilot, "m", "right_square_bracket", "enter")
        assert "2026-W49" in text_of(app, "#calendar-header")
        await press(pilot, "ctrl+z")
        # Both weeks changed; the calendar stays on the shown one, with the item gone.
        assert "Pelvic" not in column(app, 2)
        await press(pilot, "left_square_bracket")
        assert "Pelvic tilt" in column(app, 2)


async def test_dose_is_undone_and_redone(store, catalogue, fake_clock) -> None:
    keys = ["d", "ctrl+a", "ctrl+k", "8", "enter"]
    app, said = await edit_undo_redo(store, catalogue, fake_clock, keys)
    assert "Undone: Changed the dose of Pelvic tilt (pelvic lift) on Wed 25 Nov" in said[0]


async def test_reorder_is_undone_and_redone(store, catalogue, fake_clock) -> None:
    _, said = await edit_undo_redo(store, catalogue, fake_clock, ["shift+down"])
    assert "Undone: Moved Pelvic tilt (pelvic lift) down" in said[0]


async def test_rest_day_over_exercises_is_undone_and_redone(store, catalogue, fake_clock) -> None:
    app, said = await edit_undo_redo(store, catalogue, fake_clock, ["r", "y"])
    assert "Undone: Wednesday 25 November is a rest day" in said[0]
    assert "Pelvic tilt" in said[2]


async def test_add_is_undone_and_redone(store, catalogue, fake_clock) -> None:
    keys = ["right", "a", *"knees", "enter"]
    _, said = await edit_undo_redo(store, catalogue, fake_clock, keys)
    assert "Undone: Added Double knees to chest to Thu 26 Nov" in said[0]


async def test_a_new_plan_from_the_wizard_is_undone_and_redone(
    store, catalogue, fake_clock
) -> None:
    keys = ["w", "ctrl+a", "ctrl+k", "2", "enter", "y"]
    _, said = await edit_undo_redo(store, catalogue, fake_clock, keys)
    assert "Undone: Built a new plan" in said[0]


async def test_add_from_the_catalogue_is_undone_there(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await press(pilot, "l")
        assert isinstance(app.screen, CatalogueScreen)
        assert footer_keys(app)["Undo"] is False, "dimmed: nothing to undo yet"
        before = plan_state(store)
        await press(pilot, "a", "down", "enter")
        after = plan_state(store)
        assert after != before
        assert footer_keys(app)["Undo"] is True
        await press(pilot, "ctrl+z")
        assert plan_state(store) == before
        assert (
            "Undone: Added Leg lift (lying hamstring stretch) to Thu 26 Nov"
            in shown_messages(app)[-1]
        )
        # The history lives as long as the app: the calendar redoes what the catalogue did.
        await press(pilot, "c", "ctrl+y")
        assert plan_state(store) == after
        assert "Leg lift" in column(app, 3)


async def test_undo_is_in_footer_help_and_palette(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot)
        assert footer_keys(app)["Undo"] is False
        help_rows = {row.description: row.enabled for g in key_groups(app.screen) for row in g.rows}
        assert help_rows["Undo"] is False and help_rows["Redo"] is False
        await press(pilot, "x", "y")
        assert footer_keys(app)["Undo"] is True
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape")
        # The palette finds undo by name and runs it.
        await press(pilot, "ctrl+p", *"undo")
        await press(pilot, "enter")
        assert [i.exercise_id for i in store.items_on(TODAY)][0] == "pelvic-tilt"
        await press(pilot, "ctrl+p", *"redo")
        await press(pilot, "enter")
        assert [i.exercise_id for i in store.items_on(TODAY)][0] == "leg-lift"


async def test_nothing_to_undo_changes_nothing(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await press(pilot)
        before = plan_state(store)
        await press(pilot, "ctrl+z", "ctrl+y")
        assert plan_state(store) == before


async def test_undo_is_off_in_the_wizard_and_on_history(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await press(pilot, "x", "y")
        removed = plan_state(store)
        await press(pilot, "w")
        assert isinstance(app.screen, PlanWizard)
        await press(pilot, "ctrl+z")
        assert plan_state(store) == removed
        await press(pilot, "escape", "h", "ctrl+z")
        assert plan_state(store) == removed
        assert "Undo" not in footer_keys(app)


async def test_deleting_an_own_exercise_is_undone_with_its_plan_days(catalogue, fake_clock) -> None:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    cat = _own()
    store.save_custom_exercise(cat)
    catalogue.put_custom(cat)
    store.add_item(THURSDAY, cat.id, cat.start)
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await press(pilot, "l", "slash", *"cat", "enter")
        before = (plan_state(store), store.custom_exercises())
        await press(pilot, "x", "y")
        assert cat.id not in catalogue and store.items_on(THURSDAY) == []
        await press(pilot, "ctrl+z")
        assert (plan_state(store), store.custom_exercises()) == before
        assert catalogue.get(cat.id) == cat
        assert "Undone: Deleted Cat stretch" in shown_messages(app)[-1]
        listed = app.screen.query_one(ExerciseList)
        assert cat.id in [listed.get_option_at_index(i).id for i in range(listed.option_count)]
