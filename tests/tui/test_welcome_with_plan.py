"""The first-launch welcome for someone who already made a plan with ``planner plan``."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Button

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import Activity, Profile
from planner.domain.progression import generate_plan
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.calendar import CalendarScreen
from planner.tui.screens.welcome import WelcomeScreen
from tests.conftest import FakeClock


def labels(app: App[None]) -> list[str]:
    return [str(button.label) for button in app.screen.query(Button)]


class Host(App[None]):
    """A bare app that opens the welcome and keeps its answers."""

    def __init__(self, catalogue: Catalogue, has_plan: bool) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.has_plan = has_plan
        self.answers: list[bool | None] = []

    def on_mount(self) -> None:
        self.push_screen(WelcomeScreen(self.catalogue, has_plan=self.has_plan), self.answers.append)


async def test_with_a_plan_the_welcome_offers_to_show_it_not_to_build_one() -> None:
    app = Host(load_catalogue(), has_plan=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert labels(app) == ["Show my plan"]
        assert app.screen.focused is app.screen.query_one("#welcome-show")
        await pilot.press("enter")
        await pilot.pause()
        app.push_screen(WelcomeScreen(app.catalogue, has_plan=True), app.answers.append)
        await pilot.pause()
        await pilot.click("#welcome-show")
        await pilot.pause()
    assert app.answers == [False, False]


async def test_enter_away_from_the_button_still_shows_the_plan() -> None:
    app = Host(load_catalogue(), has_plan=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.screen.set_focus(None)
        await pilot.press("enter")
        await pilot.pause()
    assert app.answers == [False]


async def test_without_a_plan_the_welcome_still_offers_to_build_one() -> None:
    app = Host(load_catalogue(), has_plan=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert labels(app) == ["Build my plan", "Not now"]
        app.screen.set_focus(None)
        await pilot.press("enter")
        await pilot.pause()
    assert app.answers == [True]


async def test_first_launch_with_a_cli_plan_goes_to_that_plan(fake_clock: FakeClock) -> None:
    catalogue = load_catalogue()
    store = Store.in_memory()
    profile = Profile(3, Activity.MEDIUM, frozenset({0, 2, 4}), 15, 6, fake_clock.now().date())
    store.save_plan(generate_plan(profile, catalogue), keep_before=profile.start)
    assert not store.settings().welcomed
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert labels(app) == ["Show my plan"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        assert store.settings().welcomed
        assert store.profile() == profile
