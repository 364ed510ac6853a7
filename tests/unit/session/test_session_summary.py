"""The line before the rating: praise for a whole session, plain counts otherwise."""

from __future__ import annotations

import pytest

from planner.domain.models import Dose, ExerciseLog
from planner.domain.session_summary import session_summary

DOSE = Dose(reps=3)
DONE = ExerciseLog("a", DOSE, reps_done=3, completed=True)
PART = ExerciseLog("b", DOSE, reps_done=1)
SKIPPED = ExerciseLog("c", DOSE, skipped=True)


@pytest.mark.parametrize(
    ("logs", "ended_early", "expected"),
    [
        ((DONE, DONE), False, "Well done! How was it?"),
        ((DONE, SKIPPED, SKIPPED), False, "1 of 3 exercises done, 2 skipped. How was it?"),
        ((DONE, PART), False, "1 of 2 exercises done, 1 partly. How was it?"),
        ((SKIPPED,), False, "0 of 1 exercise done, 1 skipped. How was it?"),
        (
            (DONE, PART, SKIPPED),
            True,
            "Session ended early: 1 of 3 exercises done, 1 partly, 1 skipped. How was it?",
        ),
        ((DONE, DONE), True, "Session ended early: 2 of 2 exercises done. How was it?"),
    ],
)
def test_summary(logs: tuple[ExerciseLog, ...], ended_early: bool, expected: str) -> None:
    assert session_summary(logs, ended_early=ended_early) == expected
