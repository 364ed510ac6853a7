"""Advice shown with a plan: a list with priorities, safety always first.

A plan can carry several notes at once (see a doctor, progress paused, Sunday stays
a rest day, an exercise that did not fit). Each is an :class:`Advice` with a priority
and a kind; every surface shows them through :func:`ordered`, so the safety advice
comes first wherever advice is shown, and the feedback rules can replace their own
notes without touching the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum


class Priority(IntEnum):
    """How urgent a piece of advice is; a lower number is shown first."""

    SAFETY = 0
    """See a doctor: pain too high, a red flag."""
    PAUSED = 1
    """Progress is paused or de-loaded by the feedback rules."""
    NOTE = 2
    """Everything else: rest days, what did not fit, how far the plan gets."""

    @property
    def label(self) -> str:
        """The priority's name in exports and the JSON schema."""
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Advice:
    """One piece of advice with its priority and what wrote it."""

    priority: Priority
    text: str
    kind: str = "note"
    """What wrote it: ``doctor``, ``rest-day``, ``did-not-fit``, ``short-of-target``,
    ``bend-forward``, or ``feedback-...`` for the notes the feedback rules own."""

    @property
    def is_safety(self) -> bool:
        """True for advice that must come before any other (see a doctor, paused)."""
        return self.priority <= Priority.PAUSED


FEEDBACK_KIND_PREFIX = "feedback"
"""Advice kinds starting with this belong to the feedback rules, which replace them freely."""


def ordered(advice: Iterable[Advice]) -> tuple[Advice, ...]:
    """The advice in the order to show it: safety first, then paused, then notes (stable)."""
    return tuple(sorted(advice, key=lambda a: a.priority))


def replace_feedback(advice: Iterable[Advice], new: Iterable[Advice]) -> tuple[Advice, ...]:
    """The plan's advice with the feedback rules' notes swapped for ``new``, in order."""
    kept = [a for a in advice if not a.kind.startswith(FEEDBACK_KIND_PREFIX)]
    return ordered([*kept, *new])


def as_lines(advice: Iterable[Advice]) -> list[str]:
    """The advice texts in the order to show them."""
    return [a.text for a in ordered(advice)]
