"""Checkpoints and recovery: a live session's progress outlives the process, and is told once."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Dose, ExerciseLog, SessionLog
from planner.planbook.journal import checkpoint_session, recover_sessions, settle
from planner.storage import open_store

TUESDAY = date(2026, 12, 1)


def log(*, done: int, log_id: str = "live") -> SessionLog:
    start = datetime(2026, 12, 1, 7, 30)
    exercises = tuple(
        ExerciseLog(
            "deep-squat",
            Dose(reps=5),
            completed=index < done,
            seconds=40.0 if index < done else 0.0,
            name="Deep squat",
        )
        for index in range(3)
    )
    return SessionLog(
        id=log_id,
        day=TUESDAY,
        done_on=TUESDAY,
        started_at=start,
        ended_at=start + timedelta(minutes=4),
        exercises=exercises,
    )


def test_a_checkpoint_left_by_a_kill_is_kept_as_a_partial_session_and_told_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "planner.json"
    with open_store(path) as store:
        checkpoint_session(store, log(done=1))
        checkpoint_session(store, log(done=2))  # the next boundary replaces the first
    # The process died here. The next launch:
    with open_store(path) as store:
        recovered = recover_sessions(store)
        assert recovered.notice == (
            "Your session of Tue 1 Dec was interrupted; what you did is kept."
        )
        [saved] = store.logs()
        assert saved.id == "live" and not saved.completed
        assert sum(entry.completed for entry in saved.exercises) == 2
    with open_store(path) as store:
        assert recover_sessions(store).notice == ""  # said once
        assert len(store.logs()) == 1


def test_a_checkpoint_before_anything_was_done_is_dropped_silently(tmp_path: Path) -> None:
    path = tmp_path / "planner.json"
    with open_store(path) as store:
        checkpoint_session(store, log(done=0))
    with open_store(path) as store:
        assert recover_sessions(store).notice == ""
        assert store.logs() == [] and store.pending_logs() == []


def test_a_read_only_copy_leaves_the_checkpoint_for_the_app_that_can_write(
    tmp_path: Path,
) -> None:
    path = tmp_path / "planner.json"
    with open_store(path) as store:
        checkpoint_session(store, log(done=1))
    with open_store(path, read_only=True) as reader:
        assert recover_sessions(reader).notice == ""
    with open_store(path) as store:
        assert "interrupted" in recover_sessions(store).notice


def test_a_finished_session_waiting_on_disk_is_saved_with_its_review(tmp_path: Path) -> None:
    path = tmp_path / "planner.json"
    catalogue = load_catalogue()
    with open_store(path) as store:
        store.save_pending_log(log(done=3, log_id="finished"), interrupted=False)
        message = settle(store, catalogue, TUESDAY)
        assert message.startswith("Your session of Tue 1 Dec, not saved before, is saved now.")
        assert [saved.id for saved in store.logs()] == ["finished"]
        assert store.pending_logs() == []
