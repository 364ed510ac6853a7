"""A full disk or read-only folder while the app saves: a clear notice, nothing lost."""

from __future__ import annotations

import errno
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button

from planner.domain.catalogue import load_catalogue
from planner.domain.errors import UserFacingError
from planner.domain.models import ExerciseLog, SessionLog, Settings
from planner.storage import open_store
from planner.tui.app import PlannerApp
from planner.tui.errors import (
    ErrorReportingApp,
    reports_user_errors,
    reports_user_errors_async,
)
from planner.tui.screens.calendar import CalendarScreen
from planner.tui.screens.welcome import WelcomeScreen
from tests.conftest import FakeClock
from tests.reliability.support import fill_disk, open_file_store, toasts
from tests.unit.storage.faults import read_only_folder

THURSDAY = date(2026, 11, 26)


async def test_adding_an_item_on_a_full_disk_says_so_and_the_next_add_works(
    tmp_path: Path, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "planner.json"
    catalogue = load_catalogue()
    store = open_file_store(path, catalogue)
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        before = path.read_bytes()
        planned = [item.exercise_id for item in store.items_on(THURSDAY)]
        fill_disk(monkeypatch)
        await pilot.press("right", "a")
        await pilot.pause()
        await pilot.press(*"knees", "enter")
        await pilot.pause()
        await pilot.press("y")  # Thursday is a rest day: yes, make it a training day
        await pilot.pause()

        assert app.is_running and isinstance(app.screen, CalendarScreen)
        shown = "\n".join(toasts(app))
        assert f"could not save to {path} (No space left on device)" in shown
        assert "still holds everything saved before" in shown
        assert path.read_bytes() == before
        assert [item.exercise_id for item in store.items_on(THURSDAY)] == planned

        monkeypatch.undo()  # the disk has room again
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"knees", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "Added Double knees to chest" in "\n".join(toasts(app))
    store.close()
    with open_store(path) as reopened:
        added = [item.exercise_id for item in reopened.items_on(THURSDAY)]
        assert not reopened.rest_days_between(THURSDAY, THURSDAY)
    assert added == [*planned, "double-knees-to-chest"]


async def test_a_folder_turned_read_only_when_the_welcome_closes_keeps_the_app_running(
    tmp_path: Path, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The calendar saves "welcomed" in the welcome's result callback without a
    # try/except of its own: the app-wide hook is what keeps this from crashing.
    path = tmp_path / "data" / "planner.json"
    catalogue = load_catalogue()
    store = open_store(path)
    store.save_settings(Settings(welcomed=False))
    before = path.read_bytes()
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        read_only_folder(path.parent, monkeypatch)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CalendarScreen)
        assert any("Read-only file system" in toast for toast in toasts(app))
        assert path.read_bytes() == before

        # Keys still work, and once the folder is writable again so do saves.
        monkeypatch.undo()
        await pilot.press("r")
        await pilot.pause()
        assert any("is a rest day" in toast for toast in toasts(app))
    store.close()
    with open_store(path) as reopened:
        assert reopened.rest_days_between(date(2026, 11, 25), date(2026, 11, 25))


class Ask(ModalScreen[bool]):
    """A dialog that answers at once."""

    def on_mount(self) -> None:
        self.dismiss(True)


class Failing(ErrorReportingApp[None]):
    """Raises the error it is given from each place app code runs, the app's way."""

    BINDINGS = [
        Binding("1", "fail", "from an action"),
        Binding("2", "ask", "after a dialog, in a @work flow"),
        Binding("3", "in_worker", "from a worker"),
        Binding("4", "in_timer", "from a timer"),
        Binding("k", "count", "a key that still works"),
    ]

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Button("fail", id="fail")

    def fail(self, *args: object) -> None:
        raise self.error

    def action_fail(self) -> None:
        self.fail()

    @work
    @reports_user_errors_async
    async def action_ask(self) -> None:
        if await self.push_screen_wait(Ask()):
            self.fail()

    @work
    @reports_user_errors_async
    async def action_in_worker(self) -> None:
        self.fail()

    def action_in_timer(self) -> None:
        self.set_timer(0.01, self.timer_fires)

    @reports_user_errors
    def timer_fires(self) -> None:
        self.fail()

    def action_count(self) -> None:
        self.count += 1

    @on(Button.Pressed)
    @reports_user_errors
    def fail_on_press(self) -> None:
        self.fail()


@pytest.mark.parametrize(
    "key", ["1", "2", "3", "4", "click"], ids=["action", "dialog", "worker", "timer", "handler"]
)
async def test_a_user_facing_error_becomes_a_notice_and_keys_keep_working(key: str) -> None:
    app = Failing(UserFacingError("could not save [b]here[/b]"))
    async with app.run_test(notifications=True) as pilot:
        if key == "click":
            await pilot.click("#fail")
        else:
            await pilot.press(key)
        await pilot.pause(0.05)
        await pilot.pause()
        await pilot.press("k", "k")
        await pilot.pause()
        assert app.count == 2
        assert toasts(app) == ["could not save [b]here[/b]"]
    assert not app.return_code  # never set to a failure status


async def test_other_errors_are_left_to_textual() -> None:
    app = Failing(ZeroDivisionError("a bug"))
    with pytest.raises(ZeroDivisionError):
        async with app.run_test() as pilot:
            await pilot.press("1")
            await pilot.pause()
    assert app.return_code == 1


async def test_a_session_finished_on_a_full_disk_is_kept_and_saved_by_the_next_change(
    tmp_path: Path, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The work the user just did is not thrown away because the disk was full."""
    path = tmp_path / "planner.json"
    catalogue = load_catalogue()
    store = open_file_store(path, catalogue)
    today = fake_clock.now().date()
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        calendar = app.screen
        assert isinstance(calendar, CalendarScreen)
        log = SessionLog(
            id="on-a-full-disk",
            day=today,
            started_at=fake_clock.now(),
            ended_at=fake_clock.now(),
            exercises=tuple(
                ExerciseLog(item.exercise_id, item.dose, completed=True)
                for item in store.items_on(today)
            ),
            pain_before=3,
            pain_after=2,
        )
        no_room_for(path, monkeypatch)  # the big data file no longer fits; the small side file does
        calendar.record(log)
        await pilot.pause()
        assert app.is_running
        assert "Your session is not saved yet" in "\n".join(toasts(app))
        assert "It waits on disk" in "\n".join(toasts(app))
        assert store.logs_between(today, today) == []

        monkeypatch.undo()  # room again: the next change saves the session first
        await pilot.press("r")
        await pilot.pause()
        assert "not saved before, is saved now" in "\n".join(toasts(app))
    store.close()
    with open_store(path) as reopened:
        assert [entry.id for entry in reopened.logs_between(today, today)] == ["on-a-full-disk"]


async def test_a_session_whose_save_fails_is_saved_once_with_its_plan_update(
    tmp_path: Path, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The log and the feedback rules' de-load are one change: the retry lands both, no twin."""
    path = tmp_path / "planner.json"
    catalogue = load_catalogue()
    store = open_file_store(path, catalogue)
    today = fake_clock.now().date()
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        calendar = app.screen
        assert isinstance(calendar, CalendarScreen)
        log = SessionLog(
            id="pain-rose",
            day=today,
            started_at=fake_clock.now(),
            ended_at=fake_clock.now(),
            exercises=tuple(
                ExerciseLog(item.exercise_id, item.dose, completed=True)
                for item in store.items_on(today)
            ),
            pain_before=2,
            # Pain of 7 after: the rules must write a de-load for next week. (A rise to 5
            # was used before issue 12; in this plan's first weeks the week cap already
            # keeps next week's doses where they are, so a hold would write nothing.)
            pain_after=7,
        )
        real_replace = os.replace
        writes = []

        def full_disk_for_the_data_file(source: Any, destination: Any) -> None:
            if Path(destination) == path:
                writes.append(destination)
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real_replace(source, destination)

        before = path.read_bytes()
        monkeypatch.setattr(os, "replace", full_disk_for_the_data_file)
        calendar.record(log)
        await pilot.pause()
        assert len(writes) == 1  # the log with its review: one write, refused
        assert path.read_bytes() == before
        assert "Your session is not saved yet" in "\n".join(toasts(app))
        assert store.logs_between(today, today) == []
        assert [entry.log.id for entry in store.pending_logs()] == ["pain-rose"]

        monkeypatch.undo()
        await pilot.press("r")
        await pilot.pause()
        assert "not saved before, is saved now" in "\n".join(toasts(app))
    store.close()
    with open_store(path) as reopened:
        assert [entry.id for entry in reopened.logs_between(today, today)] == ["pain-rose"]
        held = [item for item in reopened.items_between(today, today + timedelta(days=14))]
        # Week 1 is at the start doses, which a de-load never goes below: what the pause
        # writes is the new exercise left out of next week.
        assert any(item.left_out and "pause" in item.held_reason for item in held)
        assert reopened.pending_logs() == []


def no_room_for(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every write of the data file fail as on a full disk (other files still fit)."""
    real_replace = os.replace

    def no_space(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        if Path(target) == path:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", no_space)
