"""The calendar's part of the record rules: today follows the clock, a future day asks first,
ctrl+q during a session asks, and the session screen checkpoints what was done."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import Dose, SessionLog, Settings
from planner.storage import open_store
from planner.storage.opening import lock_path
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.calendar import CalendarScreen
from planner.tui.screens.confirm import ConfirmDialog
from planner.tui.screens.session import SessionScreen
from tests.conftest import FakeClock
from tests.tui.test_calendar import TODAY, column, seeded_store, text_of, toasts


@pytest.fixture
def catalogue() -> Catalogue:
    return load_catalogue()


async def test_the_calendar_rolls_over_at_midnight(
    catalogue: Catalogue, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CalendarScreen, "DATE_CHECK_S", 0.05)
    store = seeded_store(catalogue)
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert "today" in column(app, 2)
        fake_clock.wall = datetime(2026, 11, 26, 0, 0, 30)  # past midnight into Thursday
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        assert screen.today == date(2026, 11, 26)
        assert "today" in column(app, 3) and "today" not in column(app, 2)
        assert screen.selection.day == date(2026, 11, 26)  # the cursor was on today: it moves
        # Wednesday's session was not done: once the day is over it reads missed.
        assert "missed" in column(app, 2)


async def test_t_goes_to_the_clocks_today(catalogue: Catalogue, fake_clock: FakeClock) -> None:
    store = seeded_store(catalogue)
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        fake_clock.wall += timedelta(days=7)
        await pilot.press("t")
        await pilot.pause()
        assert "2026-W49" in text_of(app, "#calendar-header")
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        assert screen.selection.day == TODAY + timedelta(days=7)


async def test_a_future_days_session_asks_first(
    catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    store = seeded_store(catalogue)
    friday = TODAY + timedelta(days=2)
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.question == "This is Friday's session — do it now?"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        [session] = [s for s in app.screen_stack if isinstance(s, SessionScreen)]
        assert session.day == friday


async def test_ctrl_q_during_a_session_asks_and_a_quit_keeps_it(
    catalogue: Catalogue, fake_clock: FakeClock
) -> None:
    kept: list[SessionLog] = []
    store = Store.in_memory()
    items = [
        store.add_item(TODAY, "deep-squat", Dose(reps=1)),
        store.add_item(TODAY, "pelvic-tilt", Dose(reps=1)),
    ]
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    screen = SessionScreen(
        TODAY, items, catalogue, store.settings(), fake_clock.as_clock(), kept.append
    )
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.push_screen(screen)
        await pilot.pause()
        await pilot.press("enter")  # no pain score (an empty box)
        await pilot.pause()
        await pilot.press("enter")  # get ready, cut short
        fake_clock.advance(2)
        await pilot.press("enter")  # the one rep, done: the first exercise is over
        await pilot.pause()
        phase = screen.engine.state().phase
        assert phase is not None and phase.exercise_index == 1
        assert [sum(e.completed for e in log.exercises) for log in kept] == [1]  # a checkpoint
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"  # asked, not quit
        assert app.is_running
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        # The question paused the session while it covered it: that was a checkpoint too.
        assert len(kept) == 2
        await pilot.press("space")  # a pause by hand checkpoints
        await pilot.pause()
        assert len(kept) == 3 and {log.id for log in kept} == {screen.log_id}
        app.keep_sessions_in_progress()  # what SIGTERM, SIGHUP and a quit do before exiting
        assert len(kept) == 4


async def test_a_plan_changed_by_another_program_is_shown_not_written_over(
    catalogue: Catalogue, fake_clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "planner.json"
    store = open_store(path)
    store.save_settings(Settings(welcomed=True))
    store.add_item(TODAY, "pelvic-tilt", Dose(reps=5))
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        # The lock file is deleted and another planner saves the day its own way.
        lock_path(path).unlink()
        with open_store(path) as other:
            other.add_item(TODAY, "deep-squat", Dose(reps=3))
        theirs = path.read_bytes()
        await pilot.press("r", "y")  # our change: make today a rest day
        await pilot.pause()
        assert "changed by another program" in toasts(app)
        assert path.read_bytes() == theirs
        assert "Deep squat" in column(app, 2)  # the calendar shows the file as it is now
    store.close()
