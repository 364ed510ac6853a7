"""The line that opens the rating after a session: praise only for a session really done.

"Well done!" after a session where most exercises were skipped reads as a joke; the
line says instead how much was done, in plain counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.domain.models import ExerciseLog


def _exercises(count: int) -> str:
    return f"{count} exercise" if count == 1 else f"{count} exercises"


def session_summary(logs: Sequence[ExerciseLog], *, ended_early: bool) -> str:
    """How the session went, in one line ending with the question "How was it?"."""
    total = len(logs)
    done = sum(1 for log in logs if log.completed)
    skipped = sum(1 for log in logs if log.skipped)
    partly = total - done - skipped
    if total and done == total and not ended_early:
        return "Well done! How was it?"
    parts = [f"{done} of {_exercises(total)} done"]
    if partly:
        parts.append(f"{partly} partly")
    if skipped:
        parts.append(f"{skipped} skipped")
    lead = "Session ended early: " if ended_early else ""
    return f"{lead}{', '.join(parts)}. How was it?"
