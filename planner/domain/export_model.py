"""What every export format shows, worked out once: the days of a window and what each holds.

The text, Markdown and iCalendar writers only lay this out; the choices (what a
day's length is, how a dose is worded, which days repeat which) live here
so the three formats never disagree.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from planner.domain.advice import Advice, Priority, ordered
from planner.domain.catalogue import Catalogue
from planner.domain.dose_words import dose_forms, dose_text
from planner.domain.models import Dose, Exercise, PlanItem, Profile
from planner.domain.phases import estimate_seconds
from planner.domain.red_flags import CHECKLIST_TITLE, checklist_lines
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

    def advice_around_safety_note(self, *, notes: bool = True) -> tuple[list[str], list[str]]:
        """The advice to print before the standing safety note, and after it.

        Before: the plan's own safety advice; after: paused progress and, with
        ``notes``, how the plan was made (the card leaves those to the other exports).
        So every export opens with what is about safety.
        """
        before, after = [], []
        for advice in ordered(self.advice):
            if advice.priority is Priority.SAFETY:
                before.append(terminal_safe(advice.text))
            elif notes or advice.priority is not Priority.NOTE:
                after.append(terminal_safe(advice.text))
        return before, after

    @property
    def end(self) -> date:
        """The last day of the window (inclusive)."""
        return self.start + timedelta(days=7 * self.weeks - 1)

    def days(self) -> list[date]:
        """Every day of the window, in order."""
        return [self.start + timedelta(days=i) for i in range(7 * self.weeks)]


@dataclass(frozen=True)
class HowTo:
    """How to do one exercise, said once per export: start position, every step, cautions."""

    name: str
    position: str
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    grid_name: str = ""
    """The short name the card's grid calls it by, when the full name does not start with it
    (empty otherwise), so the grid's "One knee" can be found among the how-tos."""


def how_to(exercise: Exercise) -> HowTo:
    """The exercise's instructions from the catalogue, safe to print."""
    short = exercise.brief_name
    return HowTo(
        terminal_safe(exercise.name),
        terminal_safe(exercise.position),
        tuple(terminal_safe(step) for step in exercise.steps),
        tuple(terminal_safe(caution) for caution in exercise.cautions),
        "" if exercise.name.startswith(short) else terminal_safe(short),
    )


@dataclass(frozen=True)
class ExportEntry:
    """One exercise of a day, worded for people."""

    name: str
    dose: str
    how: HowTo | None = None
    """How to do it (None when the exercise is no longer in the catalogue)."""
    grid_name: str = ""
    """The name where room is short (the card's week grid)."""
    grid_dose: str = ""
    """The dose where room is short, in the same grammar as ``dose``."""


@dataclass(frozen=True)
class ExportDay:
    """One day of the window: its exercises and its length."""

    day: date
    entries: tuple[ExportEntry, ...]
    seconds: float

    @property
    def minutes(self) -> int:
        """The session length rounded up to whole minutes (0 for no session)."""
        return math.ceil(self.seconds / 60)


def dose_words(exercise: Exercise | None, dose: Dose, *, compact: bool = False) -> str:
    """The dose as every export words it (the one grammar of ``dose_words.dose_text``).

    ``compact`` is the same grammar squeezed for the card's grid (``2×30s a side``,
    ``5 reps, 5s hold``): the shortest form that still says the side and the hold.
    """
    if not compact:
        return dose_text(dose, exercise)
    forms = dose_forms(dose, exercise)
    return forms[min(1, len(forms) - 1)]


def export_days(window: ExportWindow, catalogue: Catalogue) -> list[ExportDay]:
    """The days of ``window`` with their entries in session order."""
    by_day: dict[date, list[PlanItem]] = defaultdict(list)
    start, end = window.start, window.end
    for item in window.items:
        # Items the feedback rules left out for now are not part of the session.
        if start <= item.day <= end and not item.left_out:
            by_day[item.day].append(item)
    # A year's plan repeats the same few (exercise, dose) pairs thousands of times: each
    # is worded and timed once. Doses are told apart by identity, which is cheaper than
    # their hash: the storage reads equal doses as one object, and two equal doses that
    # are not are merely worded twice, the same way. The window's items keep them alive.
    worded: dict[tuple[str, int], tuple[ExportEntry, float]] = {}
    days = []
    for day in window.days():
        items = sorted(by_day.get(day, []), key=lambda i: i.position)
        entries = []
        seconds = 0.0
        for item in items:
            key = (item.exercise_id, id(item.dose))
            if key not in worded:
                worded[key] = _entry(catalogue, item.exercise_id, item.dose)
            entry, entry_seconds = worded[key]
            entries.append(entry)
            seconds += entry_seconds
        days.append(ExportDay(day, tuple(entries), seconds))
    return days


def _entry(catalogue: Catalogue, exercise_id: str, dose: Dose) -> tuple[ExportEntry, float]:
    """One exercise of a day worded for people, and its length in seconds."""
    exercise = catalogue.get(exercise_id) if exercise_id in catalogue else None
    if exercise is None:
        # A custom exercise deleted since: still listed, so the export hides nothing.
        name = f"{terminal_safe(exercise_id)} (no longer in the catalogue)"
        short = dose_words(None, dose, compact=True)
        return ExportEntry(name, dose_words(None, dose), None, name, short), 0.0
    entry = ExportEntry(
        terminal_safe(exercise.name),
        dose_words(exercise, dose),
        how_to(exercise),
        terminal_safe(exercise.brief_name),
        dose_words(exercise, dose, compact=True),
    )
    return entry, estimate_seconds([(exercise, dose)])


def how_tos(days: list[ExportDay]) -> list[HowTo]:
    """Each exercise of ``days`` once, in the order it first comes up."""
    seen: dict[str, HowTo] = {}
    for day in days:
        for entry in day.entries:
            if entry.how is not None:
                seen.setdefault(entry.how.name, entry.how)
    return list(seen.values())


@dataclass(frozen=True)
class CardRow:
    """One session day of the card's week grid."""

    day: ExportDay
    like: date | None = None
    """An earlier session day of the same week that this day repeats (None: listed in full)."""
    without: tuple[str, ...] = ()
    """Exercises of ``like`` this day leaves out (every other one is the same, dose and all)."""


def _card_row(
    day: ExportDay, earlier: list[CardRow], codes: Callable[[ExportEntry], int]
) -> CardRow:
    """``day`` as a repeat of the earliest listed day it takes only whole entries from."""
    mine = set(map(codes, day.entries))
    for row in earlier:
        listed = row.day.entries
        # Only what is left out is said, so at least half must be the same to be worth it.
        if row.like is None and mine <= set(map(codes, listed)) and 2 * len(mine) >= len(listed):
            without = tuple(e.grid_name for e in listed if codes(e) not in mine)
            return CardRow(day, row.day.day, without)
    return CardRow(day)


def _entry_codes(days: list[ExportDay]) -> Callable[[ExportEntry], int]:
    """A number for each entry of ``days``, the same for equal entries: a year's card
    compares sets of entries thousands of times, and an entry's own hash walks all its
    texts each time. ``export_days`` shares one entry among the days that repeat it."""
    by_value: dict[ExportEntry, int] = {}
    by_object: dict[int, int] = {}
    for day in days:
        for entry in day.entries:
            if id(entry) not in by_object:
                by_object[id(entry)] = by_value.setdefault(entry, len(by_value))
    return lambda entry: by_object[id(entry)]


@dataclass(frozen=True)
class CardWeek:
    """One week of the card's grid: a row per session day, and the week's totals."""

    number: int
    first: date
    rows: tuple[CardRow, ...]
    minutes: int


def card_weeks(window: ExportWindow, days: list[ExportDay]) -> list[CardWeek]:
    """The window's weeks as the card shows them: only days with a session get a row."""
    weeks = []
    codes = _entry_codes(days)  # days keeps every entry alive, so no id is reused
    for week in range(window.weeks):
        block = days[7 * week : 7 * week + 7]
        rows: list[CardRow] = []
        for day in block:
            if day.entries:
                rows.append(_card_row(day, rows, codes))
        minutes = sum(d.minutes for d in block if d.entries)
        weeks.append(CardWeek(week + 1, block[0].day, tuple(rows), minutes))
    return weeks
