"""Old weeks move to the archive after the calendar's first frame, not before it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from planner.domain.catalogue import load_catalogue
from planner.planbook.upkeep import move_old_weeks
from planner.storage import Store, open_store
from planner.storage.archive import archive_cutoff
from planner.tui.app import UPKEEP_DELAY_S, PlannerApp
from planner.tui.screens.calendar_view import READ_AHEAD_DELAY_S
from tests.conftest import FakeClock
from tests.reliability.support import open_file_store
from tests.unit.storage.samples import TILT


async def test_the_app_moves_old_weeks_once_it_is_on_screen(
    tmp_path: Path, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "planner.json"
    catalogue = load_catalogue()
    store = open_file_store(path, catalogue)
    today = fake_clock.now().date()
    old_day = today - timedelta(weeks=20)
    store.add_item(old_day, "pelvic_tilt", TILT)
    assert store.archive_cutoff is None
    # What the store held when the first frame was up (Textual's Ready event), however
    # long a busy machine took to get there: a pause timed in seconds could not tell.
    at_first_frame: list[object] = []
    ready = PlannerApp.on_ready

    def noted(self: PlannerApp) -> None:
        at_first_frame.append(store.archive_cutoff)
        ready(self)

    monkeypatch.setattr(PlannerApp, "on_ready", noted)
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert at_first_frame == [None]  # the first frame does not wait for it
        await pilot.pause(UPKEEP_DELAY_S + 0.2)
        assert store.archive_cutoff == archive_cutoff(today)
        assert [item.day for item in store.items_on(old_day)] == [old_day]
    store.close()
    assert old_day.isoformat() not in path.read_text()  # it lives in the archive now


def test_moving_old_weeks_on_a_read_only_store_does_nothing(tmp_path: Path) -> None:
    path = tmp_path / "planner.json"
    today = FakeClock().now().date()
    with open_store(path) as writer:
        writer.add_item(today, "pelvic_tilt", TILT)
        with open_store(path, read_only=True) as reader:
            assert move_old_weeks(reader, today + timedelta(weeks=30)) == ""
            assert reader.archive_cutoff is None


def archive_read(store: Store) -> bool:
    """Whether any archive file has been read into ``store`` yet."""
    return store.archive.loaded


async def test_going_back_a_week_reads_the_archived_weeks_before_it_ahead_of_the_keys(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    path = tmp_path / "planner.json"
    catalogue = load_catalogue()
    today = fake_clock.now().date()
    old_day = archive_cutoff(today) - timedelta(days=3)
    with open_file_store(path, catalogue) as writer:
        writer.add_item(old_day, "pelvic_tilt", TILT)
        assert writer.archive_before(archive_cutoff(today))
    store = open_store(path)
    app = PlannerApp(store, catalogue, fake_clock.as_clock())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause(UPKEEP_DELAY_S + 0.2)
        assert not archive_read(store)  # this week needs no archive
        await pilot.press("left_square_bracket")  # last week: still in the data file
        await pilot.pause(READ_AHEAD_DELAY_S + 0.2)
        # Its eight weeks before reach the archive: read now, not on the key that gets there.
        assert archive_read(store)
    store.close()
