"""What every export format shows, worked out once: the days of a window and what each holds.

The text, Markdown and iCalendar writers only lay this out; the choices (what a
day's length is, how a dose is worded, what the one-line reminder says) live here
so the three formats never disagree.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from planner.domain.advice import Advice, ordered
from planner.domain.catalogue import Catalogue
from planner.domain.dose_words import dose_text
from planner.domain.models import Dose, Exercise, PlanItem, Profile
from planner.domain.phases import estimate_seconds
from planner.domain.red_flags import CHECKLIST_TITLE, checklist_lines
from planner.domain.status import is_rest
from planner.domain.text_rules import terminal_safe

SAFETY_NOTE = (
    "Stop any exercise that brings sharp, shooting or growing pain. See a doctor if the pain "
    "is severe, lasts more than a few weeks, or began with a fall or another injury."
)
"""Printed with every export: the plan is no substitute for a doctor."""


def safety_footer() -> list[str]:
    """The red-flag checklist every export ends with, after the safety note."""
    return [f"{CHECKLIST_TITLE}:", *checklist_lines()]


@dataclass(frozen=True)
class ExportWindow:
    """The part of the plan to export: ``weeks`` weeks of days from ``start``."""

    start: date
    weeks: int
    items: tuple[PlanItem, ...]
    rest_days: frozenset[date]
    advice: tuple[Advice, ...] = ()
    profile: Profile | None = None

    def advice_lines(self) -> list[str]:
        """The advice texts in the order every export prints them: safety first."""
        return [terminal_safe(a.text) for a in ordered(self.advice)]

    @property
    def end(self) -> date:
        """The last day of the window (inclusive)."""
        return self.start + timedelta(days=7 * self.weeks - 1)

    def days(self) -> list[date]:
        """Every day of the window, in order."""
        return [self.start + timedelta(days=i) for i in range(7 * self.weeks)]


@dataclass(frozen=True)
class ExportEntry:
    """One exercise of a day, worded for people."""

    name: str
    dose: str
    reminder: str
    """One sentence or two on how to do it (empty when the exercise is unknown)."""
    cautions: tuple[str, ...] = ()
    """What to watch for with this exercise, from the catalogue."""


@dataclass(frozen=True)
class ExportDay:
    """One day of the window: its exercises, its length, whether it is a rest day."""

    day: date
    entries: tuple[ExportEntry, ...]
    seconds: float
    rest: bool

    @property
    def minutes(self) -> int:
        """The session length rounded up to whole minutes (0 for no session)."""
        return math.ceil(self.seconds / 60)


def dose_words(exercise: Exercise | None, dose: Dose) -> str:
    """The dose as every export words it (the one grammar of ``dose_words.dose_text``)."""
    return dose_text(dose, exercise)


def reminder(exercise: Exercise) -> str:
    """A short reminder of how: the first two steps, or the start position if none."""
    return terminal_safe(" ".join(exercise.steps[:2]) if exercise.steps else exercise.position)


def export_days(window: ExportWindow, catalogue: Catalogue) -> list[ExportDay]:
    """The days of ``window`` with their entries in session order."""
    by_day: dict[date, list[PlanItem]] = defaultdict(list)
    for item in window.items:
        # Items the feedback rules left out for now are not part of the session.
        if window.start <= item.day <= window.end and not item.left_out:
            by_day[item.day].append(item)
    # A year's plan repeats the same few (exercise, dose) pairs thousands of times: each
    # is worded and timed once.
    worded: dict[tuple[str, Dose], tuple[ExportEntry, float]] = {}
    days = []
    for day in window.days():
        items = sorted(by_day.get(day, []), key=lambda i: i.position)
        entries = []
        seconds = 0.0
        for item in items:
            key = (item.exercise_id, item.dose)
            if key not in worded:
                worded[key] = _entry(catalogue, item.exercise_id, item.dose)
            entry, entry_seconds = worded[key]
            entries.append(entry)
            seconds += entry_seconds
        rest = is_rest(day in window.rest_days, entries)
        days.append(ExportDay(day, tuple(entries), seconds, rest))
    return days


def _entry(catalogue: Catalogue, exercise_id: str, dose: Dose) -> tuple[ExportEntry, float]:
    """One exercise of a day worded for people, and its length in seconds."""
    exercise = catalogue.get(exercise_id) if exercise_id in catalogue else None
    if exercise is None:
        # A custom exercise deleted since: still listed, so the export hides nothing.
        name = f"{terminal_safe(exercise_id)} (no longer in the catalogue)"
        return ExportEntry(name, dose_words(None, dose), ""), 0.0
    entry = ExportEntry(
        terminal_safe(exercise.name),
        dose_words(exercise, dose),
        reminder(exercise),
        tuple(terminal_safe(caution) for caution in exercise.cautions),
    )
    return entry, estimate_seconds([(exercise, dose)])
