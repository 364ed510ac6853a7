"""Shared set-up for the live-session Pilot and snapshot tests."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot

from planner.domain.catalogue import Catalogue
from planner.domain.models import Dose, Exercise, PlanItem, SessionLog, Settings
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.session import SessionScreen
from tests.conftest import FakeClock
from tests.unit.session.seven import SEVEN

DAY = date(2026, 11, 25)


def items_for(*doses: tuple[str, Dose]) -> list[PlanItem]:
    """Plan items for ``DAY``, in the order given."""
    return [
        PlanItem(id=f"item-{n}", day=DAY, exercise_id=exercise_id, dose=dose, position=n)
        for n, (exercise_id, dose) in enumerate(doses)
    ]


class SessionHarness:
    """A real PlannerApp with a session pushed over the calendar, on a fake clock."""

    def __init__(
        self,
        clock: FakeClock,
        items: list[PlanItem],
        settings: Settings | None = None,
        extra: tuple[Exercise, ...] = (),
    ) -> None:
        self.clock = clock
        self.store = Store.in_memory()
        self.store.save_settings(Settings(welcomed=True))
        self.catalogue = Catalogue(SEVEN + extra)
        self.app = PlannerApp(self.store, self.catalogue, clock.as_clock())
        self.screen = SessionScreen(
            DAY, items, self.catalogue, settings or Settings(welcomed=True), clock.as_clock()
        )
        self.results: list[SessionLog | None] = []

    def _keep(self, log: SessionLog | None) -> None:
        # What the calendar does with the result: keep it in the store.
        self.results.append(log)
        if log is not None:
            self.store.log_session(log)

    async def open(self, pilot: Pilot[None], pain_before: str = "") -> None:
        """Push the session screen and answer (or skip) the pain-before question."""
        await pilot.pause()
        self.app.push_screen(self.screen, self._keep)
        await pilot.pause()
        await pilot.press(*pain_before, "enter")
        await pilot.pause()

    async def run_for(self, pilot: Pilot[None], seconds: float, step: float = 0.25) -> None:
        """Let ``seconds`` pass, the screen looking at the clock every ``step`` like its timer."""
        for _ in range(round(seconds / step)):
            self.clock.advance(step)
            self.screen.refresh_session()
        await pilot.pause()

    def shown(self, widget_id: str) -> str:
        """The text a label or static on the session screen shows."""
        return str(self.screen.query_one(f"#{widget_id}").render())
