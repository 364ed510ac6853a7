"""The plain data the whole app speaks: exercises, doses, plans, session logs.

Everything here is a frozen dataclass or an enum with no behaviour beyond small
derived properties, so the domain, the store and the screens can pass values
around without worrying about who changes what.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from planner.domain.advice import Advice
from planner.domain.calendar_reminders import DEFAULT_AT, DEFAULT_REMIND_MIN
from planner.domain.figure import Figure


class Kind(StrEnum):
    """How an exercise is dosed."""

    HOLD = "hold"
    """Get into position and hold it for a number of seconds."""
    REPS = "reps"
    """Move through repetitions at a steady tempo, no hold."""
    HOLD_REPS = "hold_reps"
    """Repetitions, each with a short hold at the top."""


class Sides(StrEnum):
    """Which side(s) of the body an exercise works, and in what order."""

    NONE = "none"
    """Symmetric: no sides to speak of."""
    EACH = "each"
    """All reps on one side, then all reps on the other."""
    BOTH = "both"
    """Both sides at once (for example both knees together)."""
    ALTERNATING = "alternating"
    """Left, right, left, right: one rep a side at a time."""

    @property
    def side_count(self) -> int:
        """How many times a rep is performed per rep counted (2 for sided exercises)."""
        return 2 if self in (Sides.EACH, Sides.ALTERNATING) else 1


class Activity(StrEnum):
    """How active the user is day to day; sets how fast doses climb."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Effort(StrEnum):
    """How hard a session felt, as the user rates it afterwards."""

    EASY = "easy"
    ABOUT_RIGHT = "about_right"
    HARD = "hard"

    @property
    def label(self) -> str:
        """Words to show a user."""
        return {"easy": "Easy", "about_right": "About right", "hard": "Hard"}[self.value]


class DayStatus(StrEnum):
    """What the calendar shows for a day."""

    EMPTY = "empty"
    """Nothing planned and not marked as rest."""
    PLANNED = "planned"
    DONE = "done"
    PARTIAL = "partial"
    MISSED = "missed"
    REST = "rest"


@dataclass(frozen=True, slots=True)
class Dose:
    """How much of an exercise to do in one session.

    ``hold_s`` is 0 for exercises without a hold; ``reps`` counts repetitions
    per side for sided exercises; ``rest_s`` is the pause between sets (and
    between held reps).
    """

    hold_s: int = 0
    reps: int = 1
    sets: int = 1
    rest_s: int = 0


SHORT_NAME_MAX = 12
"""A calendar column at 100 terminal columns holds 12 characters of a name."""


@dataclass(frozen=True, slots=True)
class Exercise:
    """One exercise of the catalogue, built in or the user's own."""

    id: str
    name: str
    level: int
    kind: Kind
    sides: Sides
    position: str
    steps: tuple[str, ...]
    start: Dose
    target: Dose
    tempo_s: float = 3.0
    """Seconds for one paced repetition (used for rep timing and time estimates)."""
    benefits: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    dose_note: str = ""
    """Where a dose is our conservative choice rather than the source's, say so here."""
    custom: bool = False
    level_note: str = ""
    """Why the exercise has its level, which decides the week it enters a plan."""
    flows_into: str = ""
    """The id of the exercise that follows on from the same position, or empty."""
    figure: Figure | None = None
    """The start and end pose its figure is drawn in, or None for an exercise without one."""
    bends_forward: bool = False
    """The exercise bends the lower back forward (left out for pain worse bending forward)."""
    short_name: str = ""
    """A name of at most ``SHORT_NAME_MAX`` characters for narrow columns (empty: none given)."""

    @property
    def brief_name(self) -> str:
        """The name for narrow places: the short name, or the full name when there is none."""
        return self.short_name or self.name


@dataclass(frozen=True, slots=True)
class Profile:
    """What the plan wizard asks: the inputs to the plan generator."""

    pain: int
    activity: Activity
    weekdays: frozenset[int]
    """ISO weekday numbers counted from 0: Monday is 0, Sunday is 6."""
    minutes: int
    weeks: int
    start: date
    """The Monday of the plan's first week, or the first day the user picked."""
    avoid_bending: bool = False
    """Bending forward makes the pain worse or sends it down a leg: leave out the
    exercises that bend the lower back forward."""


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One exercise scheduled on one day, with its dose for that day."""

    id: str
    day: date
    exercise_id: str
    dose: Dose
    position: int = 0
    """Order within the day, 0 first."""
    held_reason: str = ""
    """Why the dose did not climb this week (empty when it did, or was never due to)."""
    unheld_dose: Dose | None = None
    """The dose this item had before the feedback rules held it back (None when they did not)."""
    left_out: bool = False
    """Left out for now by the feedback rules (a pause brings in nothing new and keeps to the
    gentle exercises): shown on the calendar with its reason, skipped by the session."""


@dataclass(frozen=True, slots=True)
class Plan:
    """A generated plan: the profile it came from, its items and its rest days."""

    profile: Profile
    items: tuple[PlanItem, ...]
    rest_days: frozenset[date] = frozenset()
    advice: tuple[Advice, ...] = ()
    """Advice to show with the plan, safety first (see ``planner.domain.advice``)."""

    @property
    def end(self) -> date:
        """The last day covered by the plan (inclusive)."""
        return self.profile.start + timedelta(days=7 * self.profile.weeks - 1)


@dataclass(frozen=True, slots=True)
class ExerciseLog:
    """What was done of one planned exercise during a session."""

    exercise_id: str
    planned: Dose
    sets_done: int = 0
    reps_done: int = 0
    """Reps completed, counting each side of a sided exercise separately."""
    holds_done: int = 0
    seconds: float = 0.0
    completed: bool = False
    skipped: bool = False
    name: str = ""
    """The exercise's name when it was done, so history reads the same after it is deleted."""


@dataclass(frozen=True, slots=True)
class SessionLog:
    """One session as it was lived: what was done, when, and how it felt.

    ``day`` is the plan day the session was for (that day shows done on the calendar);
    ``done_on`` is the user's local date when it was done, which history and streaks
    count. Both are plain dates, so viewing the log in another time zone moves neither.
    """

    id: str
    day: date
    started_at: datetime
    ended_at: datetime
    exercises: tuple[ExerciseLog, ...]
    pain_before: int | None = None
    pain_after: int | None = None
    effort: Effort | None = None
    note: str = ""
    done_on: date | None = None
    """The local date the session was done (None in logs saved before it was kept: ``day``)."""

    @property
    def done_day(self) -> date:
        """The day the session was done, which history and streaks count."""
        return self.done_on or self.day

    @property
    def completed(self) -> bool:
        """True when every planned exercise was done in full."""
        return bool(self.exercises) and all(e.completed for e in self.exercises)

    @property
    def minutes(self) -> float:
        """Active minutes, from the exercise timings."""
        return sum(e.seconds for e in self.exercises) / 60


@dataclass(frozen=True, slots=True)
class Settings:
    """User preferences that persist between runs."""

    bell: bool = True
    """Ring the terminal bell at each phase change."""
    countdown_beeps: bool = True
    """Beep 3-2-1 before a hold ends."""
    welcomed: bool = False
    """The first-launch welcome has been seen."""
    get_ready_s: int = 5
    switch_sides_s: int = 5
    figure_motion: bool = True
    """Move the session's figure with the exercise; off, it shows the end pose, still."""
    red_flags: tuple[str, ...] | None = None
    """The red-flag questions answered yes (ids), or None while the checklist is unanswered."""
    calendar_at: time = DEFAULT_AT
    """When the .ics export puts each session in the calendar."""
    calendar_remind_min: int = DEFAULT_REMIND_MIN
    """How many minutes before a session the .ics export's reminder goes off."""
    theme: str = ""
    """The Textual theme last chosen (its name); "" for the app's default."""
