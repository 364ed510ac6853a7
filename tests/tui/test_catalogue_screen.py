"""The catalogue screen, driven by keyboard: browse, filter, plan, and manage custom exercises."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.dose_words import dose_text
from planner.domain.models import Activity, Dose, Exercise, Kind, Plan, Profile, Settings, Sides
from planner.domain.progression import dose_for_day
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.catalogue import CatalogueScreen
from planner.tui.screens.confirm import ConfirmDialog
from planner.tui.screens.exercise_form import ExerciseForm, slugify, unique_id
from planner.tui.screens.pick_day import PickDayDialog
from planner.tui.widgets.catalogue_list import ExerciseList
from planner.tui.widgets.week_grid import WeekGrid
from tests.conftest import FakeClock
from tests.tui.shown_messages import shown_messages

TODAY = date(2026, 11, 25)
THURSDAY = date(2026, 11, 26)
ALL_TIME = (date.min, date.max)


def _own(name: str = "Cat stretch", exercise_id: str = "cat-stretch") -> Exercise:
    return Exercise(
        id=exercise_id,
        name=name,
        level=1,
        kind=Kind.HOLD,
        sides=Sides.NONE,
        position="On hands and knees.",
        steps=("Round the back.", "Let it sag gently."),
        start=Dose(hold_s=5, reps=2, sets=1, rest_s=5),
        target=Dose(hold_s=10, reps=4, sets=1, rest_s=5),
        custom=True,
    )


@pytest.fixture
def store() -> Store:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    return store


@pytest.fixture
def catalogue() -> Catalogue:
    return load_catalogue()


def _app(store: Store, catalogue: Catalogue, fake_clock: FakeClock) -> PlannerApp:
    return PlannerApp(store, catalogue, fake_clock.as_clock())


async def _open_catalogue(pilot: Pilot[None]) -> CatalogueScreen:
    await pilot.press("l")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CatalogueScreen)
    return screen


def _listed(screen: CatalogueScreen) -> list[str]:
    options = screen.query_one(ExerciseList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def _text(screen: CatalogueScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _notices(pilot: Pilot[None]) -> list[str]:
    return shown_messages(pilot.app)


async def _filter(pilot: Pilot[None], text: str) -> None:
    await pilot.press("slash", *text, "enter")
    await pilot.pause()


async def test_lists_every_exercise_and_shows_the_first_in_detail(
    store: Store, catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    async with _app(store, catalogue, fake_clock).run_test(size=(100, 32)) as pilot:
        screen = await _open_catalogue(pilot)
        listed = _listed(screen)
        first = next(iter(catalogue))
        assert len(listed) == len(catalogue) == 7
        assert listed[0].startswith(first.name)
        assert f"level {first.level}" in listed[0]
        assert _text(screen, "#detail-title") == first.name
        assert _text(screen, "#detail-position") == first.position
        steps = _text(screen, "#detail-steps")
        assert steps.splitlines()[0] == f"1. {first.steps[0]}"
        dose = _text(screen, "#detail-dose")
        assert f"Starts at {dose_text(first.start, first)}; works up to " in dose
        assert f"works up to {dose_text(first.target, first)}." in dose
        notes = _text(screen, "#detail-notes")
        assert first.level_note in notes
        assert f"go on to {catalogue.get(first.flows_into).name}." in notes


async def test_filter_narrows_the_list_and_the_detail_follows(
    store: Store, catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    async with _app(store, catalogue, fake_clock).run_test(size=(100, 32)) as pilot:
        screen = await _open_catalogue(pilot)
        await _filter(pilot, "SQUAT")
        assert [line.splitlines()[0] for line in _listed(screen)] == ["Deep squat"]
        assert _text(screen, "#detail-title") == "Deep squat"
        await pilot.press("slash", *"zzz")
        await pilot.pause()
        assert _listed(screen) == []
        assert _text(screen, "#detail-title") == "No exercise selected"


async def test_add_to_a_day_follows_the_plan_when_there_is_one(
    store: Store, catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    squat = catalogue.get("deep-squat")
    profile = Profile(
        pain=2,
        activity=Activity.HIGH,
        weekdays=frozenset({0, 2, 4}),
        minutes=20,
        weeks=6,
        start=date(2026, 11, 2),
    )
    async with _app(store, catalogue, fake_clock).run_test(size=(100, 32)) as pilot:
        await _open_catalogue(pilot)
        await _filter(pilot, "squat")

        # Escape in the day picker adds nothing.
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PickDayDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert store.items_between(*ALL_TIME) == []

        # No plan yet: the exercise goes in at its start dose.
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "Added Deep squat to Thu 26 Nov." in _notices(pilot)
        [item] = store.items_between(*ALL_TIME)
        assert (item.day, item.exercise_id, item.dose) == (THURSDAY, squat.id, squat.start)

        # With a plan in its fourth week, it joins at the dose the plan has reached.
        store.save_plan(Plan(profile, ()), keep_before=date(2026, 11, 27))
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        # Thursday already has it: the plan book's question comes first.
        question = pilot.app.screen
        assert isinstance(question, ConfirmDialog)
        assert (
            question.question
            == "Thursday 26 November already has Deep squat. Add it a second time?"
        )
        await pilot.press("y")
        await pilot.pause()
        later = store.items_on(THURSDAY)[1]
    assert later.dose == dose_for_day(squat, profile, THURSDAY)
    assert later.dose != squat.start


async def test_built_in_exercises_cannot_be_edited_or_deleted(
    store: Store, catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    async with _app(store, catalogue, fake_clock).run_test(size=(100, 32)) as pilot:
        await _open_catalogue(pilot)
        for key in ("e", "x"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(pilot.app.screen, CatalogueScreen)
        notices = _notices(pilot)
    assert len(notices) == 2
    assert all("built in" in notice for notice in notices)
    assert len(catalogue) == 7


async def _fill_form(pilot: Pilot[None], name: str) -> ExerciseForm:
    form = pilot.app.screen
    assert isinstance(form, ExerciseForm)
    await pilot.press(*name)
    form.query_one("#form-position", Input).value = "On hands and knees."
    form.query_one("#form-steps", TextArea).text = "Round the back.\nLet it sag gently."
    return form


async def test_create_schedule_edit_and_delete_a_custom_exercise(
    store: Store, catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    app = _app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await _open_catalogue(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = await _fill_form(pilot, "Cat stretch")

        # A bad number is refused, the message shown, and everything typed stays.
        form.query_one("#form-start-hold_s", Input).value = "ten"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form
        error = str(form.query_one("#form-error", Static).render())
        assert error.startswith("Starting dose, hold s: must be a whole number")
        assert error.endswith('got "ten"')
        assert pilot.app.focused is form.query_one("#form-start-hold_s", Input)
        assert form.query_one("#form-name", Input).value == "Cat stretch"
        assert store.custom_exercises() == []

        form.query_one("#form-start-hold_s", Input).value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CatalogueScreen)
        [saved] = store.custom_exercises()
        assert saved.id == "cat-stretch"
        assert saved.steps == ("Round the back.", "Let it sag gently.")
        assert saved.start.hold_s == 5
        assert "cat-stretch" in catalogue
        assert _text(screen, "#detail-title") == "Cat stretch"
        assert "your own exercise" in _text(screen, "#detail-meta")
        assert any(line.startswith("Cat stretch\nlevel 1 · yours") for line in _listed(screen))

        # Schedule it today.
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        [item] = store.items_on(TODAY)
        assert (item.exercise_id, item.dose) == ("cat-stretch", saved.start)

        # Edit: the name changes, the id (and so the plan item) stays.
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ExerciseForm)
        assert form.query_one("#form-name", Input).value == "Cat stretch"
        form.query_one("#form-name", Input).value = "Cat and camel"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [edited] = store.custom_exercises()
        assert (edited.id, edited.name) == ("cat-stretch", "Cat and camel")
        assert catalogue.get("cat-stretch").name == "Cat and camel"
        assert _text(screen, "#detail-title") == "Cat and camel"

        # Delete: asks first, names the plan days it leaves.
        await pilot.press("x")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "planned on 1 day from today on and will be removed from it;" in dialog.question
        await pilot.press("y")
        await pilot.pause()
        assert "Deleted Cat and camel; removed from 1 plan day" in _notices(pilot)
        assert all("Cat and camel" not in line for line in _listed(screen))
    assert store.custom_exercises() == []
    assert store.items_between(*ALL_TIME) == []
    assert "cat-stretch" not in catalogue


async def test_declining_the_delete_keeps_the_exercise(
    store: Store, catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    own = _own()
    store.save_custom_exercise(own)
    catalogue.put_custom(own)
    async with _app(store, catalogue, fake_clock).run_test(size=(100, 32)) as pilot:
        await _open_catalogue(pilot)
        await _filter(pilot, "cat")
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
    assert store.custom_exercises() == [own]
    assert "cat-stretch" in catalogue


async def test_cancelled_form_saves_nothing_and_a_built_in_name_gets_its_own_id(
    store: Store, catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    squat = catalogue.get("deep-squat")
    async with _app(store, catalogue, fake_clock).run_test(size=(100, 32)) as pilot:
        await _open_catalogue(pilot)
        await pilot.press("n")
        await pilot.pause()
        await _fill_form(pilot, "Never saved")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CatalogueScreen)
        assert store.custom_exercises() == []
        assert len(catalogue) == 7

        await pilot.press("n")
        await pilot.pause()
        await _fill_form(pilot, "Deep squat")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = store.custom_exercises()
    assert (saved.id, saved.name) == ("deep-squat-2", "Deep squat")
    assert catalogue.get("deep-squat") == squat


async def test_names_with_markup_characters_show_literally(
    store: Store, catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    own = replace(_own("[bold]x[/] a [/b] c", "x-a-b-c"), steps=("[red]lift[/]",))
    store.save_custom_exercise(own)
    catalogue.put_custom(own)
    async with _app(store, catalogue, fake_clock).run_test(size=(100, 32)) as pilot:
        screen = await _open_catalogue(pilot)
        await _filter(pilot, "[bold]")
        assert _listed(screen)[0].splitlines()[0] == "[bold]x[/] a [/b] c"
        assert _text(screen, "#detail-title") == "[bold]x[/] a [/b] c"
        assert _text(screen, "#detail-steps") == "1. [red]lift[/]"
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Added [bold]x[/] a [/b] c to Wed 25 Nov." in _notices(pilot)


async def test_a_read_only_store_refuses_changes_before_asking_anything(
    catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    store.read_only = True
    async with _app(store, catalogue, fake_clock).run_test(size=(100, 32)) as pilot:
        await _open_catalogue(pilot)
        for key in ("n", "a"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(pilot.app.screen, CatalogueScreen)
        assert all("read-only" in notice for notice in _notices(pilot))
    assert store.items_between(*ALL_TIME) == []


def test_slugs_are_lower_case_words_joined_by_hyphens() -> None:
    assert slugify("  Cat & Camel!  ") == "cat-camel"
    assert slugify("Étirement à genoux") == "etirement-a-genoux"


def test_unique_id_adds_a_number_until_free() -> None:
    assert unique_id("Pelvic tilt", {"leg-lift"}) == "pelvic-tilt"
    assert unique_id("Pelvic tilt", {"pelvic-tilt", "pelvic-tilt-2"}) == "pelvic-tilt-3"
    assert unique_id("!!!", set()) == "my-exercise"
    long_id = unique_id("a very long name " * 5, {"a-very-long-name-a-very-long-name-a"})
    assert long_id == "a-very-long-name-a-very-long-name-a-2"
    assert len(long_id) <= 40


async def test_an_own_exercise_can_have_a_short_name_for_the_calendar(
    store: Store, catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    app = _app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await _open_catalogue(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = await _fill_form(pilot, "Cat and camel on all fours")
        short = form.query_one("#form-short-name", Input)
        short.value = "Cat and camel"  # 13 letters: one too many
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(form.query_one("#form-error", Static).render())
        assert error == "Short name: must be at most 12 characters, got 13"
        assert pilot.app.focused is short
        short.value = "Cat & camel"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [saved] = store.custom_exercises()
        assert (saved.short_name, saved.brief_name) == ("Cat & camel", "Cat & camel")
        await pilot.press("a", "enter")  # on today, then back to the calendar
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        column = pilot.app.screen.query_one(WeekGrid).columns[2].text
        assert "Cat & camel" in column and "…" not in column
