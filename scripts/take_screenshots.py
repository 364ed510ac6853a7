"""Save SVG screenshots of every screen into screenshots/, from a demo plan in memory.

Run: ``.venv/bin/python scripts/take_screenshots.py``. Nothing on disk is read or
written except the SVGs: the store lives in memory and the clock is fixed, so the
pictures come out the same on every run.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta
from pathlib import Path

from textual.pilot import Pilot

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.clock import Clock
from planner.domain.models import Activity, Effort, ExerciseLog, Profile, SessionLog, Settings
from planner.domain.progression import generate_plan
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.session import SessionScreen

OUT = Path(__file__).resolve().parent.parent / "screenshots"


def look_at_the_clock(app: PlannerApp) -> None:
    """What the session's timers do on the real clock: repaint from the (fake) clock now."""
    if isinstance(app.screen, SessionScreen):
        app.screen.refresh_session()


TODAY = datetime(2026, 11, 25, 9, 30)
SIZE = (100, 32)


class DemoClock:
    """A wall clock fixed on a Wednesday morning and a monotonic clock moved by hand."""

    def __init__(self) -> None:
        self.mono = 1000.0

    def monotonic(self) -> float:
        return self.mono

    def now(self) -> datetime:
        return TODAY + timedelta(seconds=self.mono - 1000.0)


def demo_store(catalogue: Catalogue) -> Store:
    """A medium-activity, pain-4 plan from two weeks ago, with a few sessions done."""
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    start = date(2026, 11, 9)
    profile = Profile(4, Activity.MEDIUM, frozenset({0, 2, 4}), 15, 6, start)
    store.save_plan(generate_plan(profile, catalogue), keep_before=start)
    for offset, pain_after, effort in (
        (0, 3, Effort.ABOUT_RIGHT),
        (2, 3, Effort.EASY),
        (7, 2, Effort.ABOUT_RIGHT),
        (14, 2, Effort.EASY),
    ):
        day = start + timedelta(days=offset)
        items = store.items_on(day)
        begun = datetime.combine(day, datetime.min.time()) + timedelta(hours=18)
        logs = tuple(
            ExerciseLog(
                item.exercise_id,
                item.dose,
                item.dose.sets,
                item.dose.reps,
                seconds=90.0,
                completed=True,
            )
            for item in items
        )
        store.log_session(
            SessionLog(
                f"demo-{offset}",
                day,
                begun,
                begun + timedelta(minutes=14),
                logs,
                pain_before=4,
                pain_after=pain_after,
                effort=effort,
            )
        )
    return store


async def settle(pilot: Pilot[None], rounds: int = 3) -> None:
    for _ in range(rounds):
        await pilot.pause()


async def take() -> list[Path]:
    """Visit each screen and save what it shows."""
    OUT.mkdir(exist_ok=True)
    catalogue = load_catalogue()
    clock = DemoClock()
    app = PlannerApp(demo_store(catalogue), catalogue, Clock(clock.monotonic, clock.now))
    saved: list[Path] = []

    def shot(name: str) -> None:
        app.save_screenshot(f"{name}.svg", str(OUT))
        saved.append(OUT / f"{name}.svg")

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shot("calendar")
        await pilot.press("l")
        await settle(pilot)
        shot("catalogue")
        await pilot.press("h")
        await settle(pilot)
        shot("history")
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        shot("help")
        await pilot.press("escape", "w")
        await settle(pilot)
        await pilot.press("backspace", "4")
        await settle(pilot)
        shot("wizard")
        await pilot.press("escape", "s")
        await settle(pilot)
        # The session first asks for the pain before it starts.
        await pilot.press("4", "enter")
        await settle(pilot)
        # Past the get-ready phase and partway into the first hold, a second at a time
        # (the session pauses itself if the clock jumps, as after a laptop sleep).
        for _ in range(12):
            clock.mono += 1
            look_at_the_clock(app)
            await pilot.pause(0.05)
        await settle(pilot)
        shot("session-hold")
        # Finish that hold, so the session has something to keep, then end it early:
        # it asks how it went.
        for _ in range(16):
            clock.mono += 1
            look_at_the_clock(app)
            await pilot.pause(0.05)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        shot("session-rating")
    return saved


def main() -> None:
    for path in asyncio.run(take()):
        print(path)


if __name__ == "__main__":
    main()
