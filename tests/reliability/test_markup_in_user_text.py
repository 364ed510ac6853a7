"""Text that looks like Textual markup, in every field a user fills in, is shown as typed.

Parsed as markup, ``a [/b] c`` would crash the app with a MarkupError, ``[bold]x[/]``
would lose its brackets, and ``[@click=app.quit]go[/]`` would become a live action.
"""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import OptionList

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import Dose, Exercise, Kind, Settings, Sides
from planner.storage import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.catalogue import CatalogueScreen
from planner.tui.screens.help import HelpScreen
from planner.tui.screens.history import HistoryScreen
from tests.conftest import FakeClock
from tests.reliability.support import toasts
from tests.unit.storage.samples import session_log

TODAY = date(2026, 11, 25)

NAME = "[@click=app.quit]go[/]"
POSITION = "[bold]x[/] against a wall"
STEPS = ("a [/b] c", "[/]", "[red]slide down")
BENEFITS = ("thighs [/i]",)
CAUTIONS = ("stop [@click=app.bell]now[/] if [b]it hurts",)
NOTE = "felt a [/b] c, [bold]x[/] and [@click=app.quit]go[/]"
NOTICE = "Data kept as [b]old[/].json [/] a [/b] c"


def custom_exercise() -> Exercise:
    return Exercise(
        id="custom-wall-sit",
        name=NAME,
        level=1,
        kind=Kind.HOLD,
        sides=Sides.NONE,
        position=POSITION,
        steps=STEPS,
        start=Dose(hold_s=10, reps=2),
        target=Dose(hold_s=30, reps=3),
        benefits=BENEFITS,
        cautions=CAUTIONS,
        custom=True,
    )


def make_app(fake_clock: FakeClock) -> tuple[PlannerApp, Store]:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    exercise = custom_exercise()
    store.save_custom_exercise(exercise)
    store.add_item(TODAY, exercise.id, exercise.start)
    store.log_session(session_log(TODAY, note=NOTE))
    catalogue: Catalogue = load_catalogue().with_custom(store.custom_exercises())
    return PlannerApp(store, catalogue, fake_clock.as_clock(), notice=NOTICE), store


def screen_text(app: PlannerApp) -> str:
    """Every character on the terminal, line by line, as the user sees it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def click_on_go(pilot: Pilot[None], app: PlannerApp, selector: str) -> None:
    """Click the word "go" of NAME inside ``selector``: a live link there would quit the app."""
    region = app.screen.query_one(selector).region
    lines = screen_text(app).splitlines()
    for y in range(region.y, region.bottom):
        if NAME in lines[y]:
            x = lines[y].index(NAME) + NAME.index("go") - region.x
            await pilot.click(selector, offset=(x, y - region.y))
            await pilot.pause()
            return
    raise AssertionError(f"{NAME!r} is not shown in {selector}")


async def test_calendar_shows_the_name_and_the_notice_as_typed(fake_clock: FakeClock) -> None:
    app, _ = make_app(fake_clock)
    async with app.run_test(size=(250, 80), notifications=True) as pilot:
        await pilot.pause()
        assert NOTICE in toasts(app)
        shown = screen_text(app)
        assert NAME in shown  # the detail line under the week
        await click_on_go(pilot, app, "#calendar-detail")
        assert app.is_running  # the click ran no action


async def test_catalogue_detail_shows_every_field_as_typed(fake_clock: FakeClock) -> None:
    app, _ = make_app(fake_clock)
    async with app.run_test(size=(250, 80)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)
        app.screen.query_one(OptionList).focus()
        await pilot.press("end")
        await pilot.pause()
        shown = screen_text(app)
        for text in (NAME, POSITION, *STEPS, *BENEFITS, *CAUTIONS):
            assert text in shown, text
        await click_on_go(pilot, app, "#detail-title")
        assert app.is_running


async def test_history_shows_the_note_as_typed(fake_clock: FakeClock) -> None:
    app, _ = make_app(fake_clock)
    async with app.run_test(size=(250, 80)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert NOTE in screen_text(app)


async def test_help_opens_over_each_screen_with_user_text_in_it(fake_clock: FakeClock) -> None:
    app, _ = make_app(fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for mode in ("c", "l", "h"):
            await pilot.press(mode)
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            await pilot.pause()
        assert app.is_running
