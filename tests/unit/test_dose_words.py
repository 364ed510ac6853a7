"""A dose in words, in full and squeezed for a narrow calendar column."""

from __future__ import annotations

import pytest

from planner.domain.models import Dose


@pytest.mark.parametrize(
    ("dose", "full", "compact"),
    [
        (Dose(hold_s=5, reps=10, sets=3), "3×10 · hold 5 s", "3×10 5s"),
        (Dose(hold_s=30, reps=2), "2 reps · hold 30 s", "2 reps 30s"),
        (Dose(hold_s=15), "hold 15 s", "15s"),
        (Dose(reps=10), "10 reps", "10 reps"),
        (Dose(reps=1), "1 rep", "1 rep"),
    ],
)
def test_describe(dose: Dose, full: str, compact: str) -> None:
    assert dose.describe() == full
    assert dose.describe(compact=True) == compact
