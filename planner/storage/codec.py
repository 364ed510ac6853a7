"""Turn domain values into the JSON-friendly dicts TinyDB stores, and back.

Kept apart from the Store so the mapping is one small, testable place: a
round trip through ``*_to_doc`` and ``*_from_doc`` gives back an equal value.

Reading is as strict as the catalogue loader: every field is checked for its
type and range (doses within the catalogue's limits, pain 0-10, settings within
the settings dialog's, days within ``date_limits``), and every text is one line
of printable text of bounded length (``text_rules``). A record that breaks any
rule raises RecordError (a ValueError), so the file is refused as damaged and
no bad value ever reaches a screen or a sum.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime, time
from enum import StrEnum
from functools import cache
from operator import itemgetter
from typing import Any, TypeVar

from planner.domain import record_limits as limits
from planner.domain.advice import Advice, Priority
from planner.domain.calendar_reminders import MAX_REMIND_MIN, clock_text, parse_clock
from planner.domain.catalogue import DOSE_LIMITS, CatalogueError, parse_exercise
from planner.domain.date_limits import DateRangeError, check_day
from planner.domain.figure import figure_to_doc
from planner.domain.models import (
    Activity,
    Dose,
    Effort,
    Exercise,
    ExerciseLog,
    PlanItem,
    Profile,
    SessionLog,
    Settings,
)
from planner.domain.plan_inputs import MAX_MINUTES, MAX_WEEKS, MIN_MINUTES, MIN_WEEKS
from planner.domain.red_flags import BY_ID as RED_FLAG_IDS
from planner.domain.red_flags import RED_FLAGS
from planner.domain.text_rules import line_problem

Doc = dict[str, Any]

_Choice = TypeVar("_Choice", bound=StrEnum)
_MAX_EXERCISE_ID = 40


@cache
def _values(enum: type[StrEnum]) -> frozenset[str]:
    return frozenset(member.value for member in enum)


class RecordError(ValueError):
    """A stored record that breaks a rule; the message names the field."""


_MAX_KNOWN = 50_000
"""At most this many days (about 137 years of them) and doses are remembered."""
_KNOWN_DAYS: dict[str, date] = {}
"""Days already read, by their text: a year's records name each day a dozen times."""


class _Reader:
    """Reads the fields of one stored record, raising RecordError that names the field."""

    def __init__(self, doc: object, where: str = "") -> None:
        # The plain-dict test first: parsed JSON is always a dict, and the ABC check is slow.
        if type(doc) is not dict and not isinstance(doc, Mapping):
            raise RecordError(f"{where or 'record'} is not an object")
        self.doc = doc
        self.where = where

    def fail(self, field: str, problem: str) -> RecordError:
        return RecordError(f"field '{self.where}{field}' {problem}")

    def value(self, field: str) -> Any:
        try:
            return self.doc[field]
        except KeyError:
            raise RecordError(f"missing field '{self.where}{field}'") from None

    def whole(self, field: str, low: int, high: int) -> int:
        value = self.value(field)
        if type(value) is not int or not low <= value <= high:
            raise self.fail(field, f"must be a whole number from {low} to {high}")
        return value

    def optional_whole(self, field: str, low: int, high: int) -> int | None:
        return None if self.doc.get(field) is None else self.whole(field, low, high)

    def number(self, field: str, low: float, high: float) -> float:
        value = self.value(field)
        if type(value) not in (int, float) or not math.isfinite(value) or not low <= value <= high:
            raise self.fail(field, f"must be a number from {low} to {high}")
        return float(value)

    def flag(self, field: str, default: bool | None = None) -> bool:
        if default is not None and field not in self.doc:
            return default
        value = self.value(field)
        if type(value) is not bool:
            raise self.fail(field, "must be true or false")
        return value

    def text(self, field: str, max_len: int, *, required: bool = True, default: str = "") -> str:
        if not required and field not in self.doc:
            return default
        problem = line_problem(self.value(field), max_len, required=required)
        if problem is not None:
            raise self.fail(field, problem)
        text: str = self.doc[field]
        return text

    def exercise_id(self, field: str) -> str:
        return self.text(field, _MAX_EXERCISE_ID)

    def day(self, field: str) -> date:
        value = self.value(field)
        known = _KNOWN_DAYS.get(value) if type(value) is str else None
        if known is not None:
            return known
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            day = check_day(date.fromisoformat(value))
        except DateRangeError as error:
            raise self.fail(field, str(error)) from None
        except ValueError:
            raise self.fail(field, "must be a date written YYYY-MM-DD") from None
        if len(_KNOWN_DAYS) < _MAX_KNOWN:
            _KNOWN_DAYS[value] = day
        return day

    def moment(self, field: str) -> datetime:
        value = self.value(field)
        try:
            if not isinstance(value, str) or len(value) > 40:
                raise ValueError
            moment = datetime.fromisoformat(value)
            check_day(moment.date())
        except DateRangeError as error:
            raise self.fail(field, str(error)) from None
        except ValueError:
            raise self.fail(field, "must be a date and time") from None
        # The app writes local times without an offset; mixing in one with an offset
        # would make logs impossible to compare.
        if moment.tzinfo is not None:
            raise self.fail(field, "must be a local time without a time-zone offset")
        return moment

    def choice(self, field: str, enum: type[_Choice]) -> _Choice:
        value = self.value(field)
        if not isinstance(value, str) or value not in _values(enum):
            raise self.fail(field, f"must be one of {', '.join(m.value for m in enum)}")
        return enum(value)

    def list(self, field: str, max_len: int) -> list[Any]:
        value = self.value(field)
        if not isinstance(value, list) or len(value) > max_len:
            raise self.fail(field, f"must be a list of at most {max_len} entries")
        return value

    def dose(self, field: str) -> Dose:
        return dose_from_doc(self.value(field), where=f"{self.where}{field}.")


def dose_to_doc(dose: Dose) -> Doc:
    return {"hold_s": dose.hold_s, "reps": dose.reps, "sets": dose.sets, "rest_s": dose.rest_s}


_DOSE_FIELDS = tuple(name for name, _, _, _ in DOSE_LIMITS)
_KNOWN_DOSES: dict[tuple[object, ...], Dose] = {}
"""Doses already read, by their numbers: a plan repeats a few dozen doses thousands of times."""


_DOSE_NUMBERS = itemgetter(*_DOSE_FIELDS)
_ALL_WHOLE = (int,) * len(_DOSE_FIELDS)


def _known_dose(doc: object) -> Dose | None:
    """The dose ``doc`` holds when the same numbers were read before, else None."""
    if type(doc) is not dict:
        return None
    try:
        numbers = _DOSE_NUMBERS(doc)
    except KeyError:
        return None
    # Whole numbers only: True == 1 and 1.0 == 1 would find another record's dose.
    if tuple(map(type, numbers)) == _ALL_WHOLE:
        return _KNOWN_DOSES.get(numbers)
    return None


def dose_from_doc(doc: Doc, *, where: str = "") -> Dose:
    """A dose, each number within the catalogue's limits; RecordError otherwise."""
    known = _known_dose(doc)
    if known is not None:
        return known
    fields = _Reader(doc, where)
    dose = Dose(**{name: fields.whole(name, low, high) for name, low, high, _ in DOSE_LIMITS})
    if len(_KNOWN_DOSES) < _MAX_KNOWN:
        _KNOWN_DOSES[tuple(getattr(dose, name) for name in _DOSE_FIELDS)] = dose
    return dose


def profile_to_doc(profile: Profile) -> Doc:
    return {
        "pain": profile.pain,
        "activity": profile.activity.value,
        "weekdays": sorted(profile.weekdays),
        "minutes": profile.minutes,
        "weeks": profile.weeks,
        "start": profile.start.isoformat(),
        "avoid_bending": profile.avoid_bending,
    }


def profile_from_doc(doc: Doc) -> Profile:
    """The plan's inputs, each within what the wizard accepts; RecordError otherwise."""
    fields = _Reader(doc)
    weekdays = fields.list("weekdays", 7)
    if any(type(day) is not int or not 0 <= day <= 6 for day in weekdays):
        raise fields.fail("weekdays", "must hold day numbers from 0 (Monday) to 6 (Sunday)")
    advice_list_from_doc(doc)
    return Profile(
        pain=fields.whole("pain", *limits.PAIN),
        activity=fields.choice("activity", Activity),
        weekdays=frozenset(weekdays),
        minutes=fields.whole("minutes", MIN_MINUTES, MAX_MINUTES),
        weeks=fields.whole("weeks", MIN_WEEKS, MAX_WEEKS),
        start=fields.day("start"),
        avoid_bending=fields.flag("avoid_bending", default=False),
    )


_MAX_ADVICE_ENTRIES = 20
_PRIORITIES = {priority.label: priority for priority in Priority}


def advice_to_doc(advice: Advice) -> Doc:
    return {"priority": advice.priority.label, "kind": advice.kind, "text": advice.text}


def advice_from_doc(doc: object, *, where: str = "") -> Advice:
    """One piece of advice: a known priority, a short kind, one line of text."""
    fields = _Reader(doc, where)
    priority = fields.text("priority", 10)
    if priority not in _PRIORITIES:
        raise fields.fail("priority", f"must be one of {', '.join(_PRIORITIES)}")
    return Advice(
        priority=_PRIORITIES[priority],
        text=fields.text("text", limits.MAX_ADVICE),
        kind=fields.text("kind", _MAX_EXERCISE_ID, required=False, default="note"),
    )


def advice_list_from_doc(doc: Doc) -> tuple[Advice, ...]:
    """The advice list stored with the plan in the profile record (empty when there is none)."""
    if "advice" not in doc:
        return ()
    entries = _Reader(doc).list("advice", _MAX_ADVICE_ENTRIES)
    return tuple(
        advice_from_doc(entry, where=f"advice.{number}.") for number, entry in enumerate(entries, 1)
    )


def item_to_doc(item: PlanItem) -> Doc:
    doc: Doc = {
        "id": item.id,
        "day": item.day.isoformat(),
        "exercise_id": item.exercise_id,
        "dose": dose_to_doc(item.dose),
        "position": item.position,
        # Always written, even when empty: TinyDB's update merges keys, so a key left
        # out would keep its old value and a cleared hold would come back.
        "held_reason": item.held_reason,
        "unheld_dose": dose_to_doc(item.unheld_dose) if item.unheld_dose else None,
        "left_out": item.left_out,
    }
    return doc


def item_from_doc(doc: Doc) -> PlanItem:
    """One plan item; RecordError when any field is out of its range."""
    return _common_item(doc) or checked_item_from_doc(doc)


def _plain_line(value: object, max_len: int) -> bool:
    """Whether ``value`` is printable ASCII text, not blank, of at most ``max_len`` characters
    once stripped: text that ``line_problem`` accepts at once."""
    return (
        type(value) is str
        and value.isascii()
        and value.isprintable()
        and 0 < len(value.strip()) <= max_len
    )


def _common_item(doc: object) -> PlanItem | None:
    """The plan item ``doc`` holds when every field is of the common kind (plain text, a day
    and doses already read, no stray types), else None and the full reading decides.

    Never accepts what ``checked_item_from_doc`` would refuse, and gives the same value: a
    year's export decodes thousands of these.
    """
    if not isinstance(doc, dict):  # TinyDB's documents are dicts too
        return None
    get = doc.get
    day_text, dose, unheld = get("day"), get("dose"), get("unheld_dose")
    held, position, left_out = get("held_reason", ""), get("position", 0), get("left_out", False)
    day = _KNOWN_DAYS.get(day_text) if type(day_text) is str else None
    known_dose = _known_dose(dose)
    known_unheld = None if unheld is None else _known_dose(unheld)
    if (
        day is None
        or known_dose is None
        or (unheld is not None and known_unheld is None)
        or type(position) is not int
        or not 0 <= position <= limits.MAX_POSITION
        or type(left_out) is not bool
        or not _plain_line(get("id"), limits.MAX_RECORD_ID)
        or not _plain_line(get("exercise_id"), _MAX_EXERCISE_ID)
        or not (held == "" or _plain_line(held, limits.MAX_REASON))
    ):
        return None
    return PlanItem(
        id=doc["id"],
        day=day,
        exercise_id=doc["exercise_id"],
        dose=known_dose,
        position=position,
        held_reason=held,
        unheld_dose=known_unheld,
        left_out=left_out,
    )


def checked_item_from_doc(doc: Doc) -> PlanItem:
    """``item_from_doc`` with every field read by the full rules (the shortcut's reference)."""
    fields = _Reader(doc)
    return PlanItem(
        id=fields.text("id", limits.MAX_RECORD_ID),
        day=fields.day("day"),
        exercise_id=fields.exercise_id("exercise_id"),
        dose=fields.dose("dose"),
        position=fields.whole("position", 0, limits.MAX_POSITION) if "position" in doc else 0,
        held_reason=fields.text("held_reason", limits.MAX_REASON, required=False),
        unheld_dose=fields.dose("unheld_dose") if doc.get("unheld_dose") is not None else None,
        left_out=fields.flag("left_out", default=False),
    )


def exercise_log_to_doc(entry: ExerciseLog) -> Doc:
    return {
        "exercise_id": entry.exercise_id,
        "planned": dose_to_doc(entry.planned),
        "sets_done": entry.sets_done,
        "reps_done": entry.reps_done,
        "holds_done": entry.holds_done,
        "seconds": round(entry.seconds, 2),
        "completed": entry.completed,
        "skipped": entry.skipped,
        "name": entry.name,
    }


def exercise_log_from_doc(doc: Doc, *, where: str = "") -> ExerciseLog:
    """What was done of one exercise in a session; RecordError when out of range."""
    fields = _Reader(doc, where)
    return ExerciseLog(
        exercise_id=fields.exercise_id("exercise_id"),
        planned=fields.dose("planned"),
        sets_done=fields.whole("sets_done", 0, limits.MAX_COUNT),
        reps_done=fields.whole("reps_done", 0, limits.MAX_COUNT),
        holds_done=fields.whole("holds_done", 0, limits.MAX_COUNT),
        seconds=fields.number("seconds", 0, limits.MAX_SECONDS),
        completed=fields.flag("completed"),
        skipped=fields.flag("skipped", default=False),
        name=fields.text("name", limits.MAX_NAME, required=False),
    )


def log_to_doc(log: SessionLog) -> Doc:
    return {
        "id": log.id,
        "day": log.day.isoformat(),
        "started_at": log.started_at.isoformat(),
        "ended_at": log.ended_at.isoformat(),
        "exercises": [exercise_log_to_doc(e) for e in log.exercises],
        "pain_before": log.pain_before,
        "pain_after": log.pain_after,
        "effort": log.effort.value if log.effort else None,
        "note": log.note,
        "done_on": log.done_on.isoformat() if log.done_on else None,
    }


def log_from_doc(doc: Doc) -> SessionLog:
    """One session log; RecordError when any field is out of its range."""
    fields = _Reader(doc)
    entries = fields.list("exercises", limits.MAX_EXERCISES_IN_SESSION)
    return SessionLog(
        id=fields.text("id", limits.MAX_RECORD_ID),
        day=fields.day("day"),
        started_at=fields.moment("started_at"),
        ended_at=fields.moment("ended_at"),
        exercises=tuple(
            exercise_log_from_doc(entry, where=f"exercises.{number}.")
            for number, entry in enumerate(entries, 1)
        ),
        pain_before=fields.optional_whole("pain_before", *limits.PAIN),
        pain_after=fields.optional_whole("pain_after", *limits.PAIN),
        effort=fields.choice("effort", Effort) if doc.get("effort") is not None else None,
        note=fields.text("note", limits.MAX_NOTE, required=False),
        done_on=fields.day("done_on") if doc.get("done_on") is not None else None,
    )


def exercise_to_doc(exercise: Exercise) -> Doc:
    """The same shape as an entry of routines.json, so one validator reads both."""
    return {
        "id": exercise.id,
        "name": exercise.name,
        "short_name": exercise.short_name,
        "level": exercise.level,
        "kind": exercise.kind.value,
        "sides": exercise.sides.value,
        "position": exercise.position,
        "steps": list(exercise.steps),
        "start": dose_to_doc(exercise.start),
        "target": dose_to_doc(exercise.target),
        "tempo_s": exercise.tempo_s,
        "benefits": list(exercise.benefits),
        "cautions": list(exercise.cautions),
        "dose_note": exercise.dose_note,
        # Always written, even as null: TinyDB's update merges keys, so a figure taken
        # away would otherwise come back.
        "figure": figure_to_doc(exercise.figure) if exercise.figure else None,
    }


def exercise_from_doc(doc: Doc) -> Exercise:
    """A custom exercise, judged by the same validator as routines.json; RecordError if bad."""
    # Records from before figures existed, or without one, say so with a null.
    if "figure" in doc and doc["figure"] is None:
        doc = {key: value for key, value in doc.items() if key != "figure"}
    try:
        return parse_exercise(doc, source="custom exercise", custom=True)
    except CatalogueError as error:
        raise RecordError(str(error)) from None


_MAX_THEME_NAME = 80
"""Longest theme name kept (Textual's own are short; a longer one is not a theme)."""


def settings_to_doc(settings: Settings) -> Doc:
    return {
        "bell": settings.bell,
        "countdown_beeps": settings.countdown_beeps,
        "welcomed": settings.welcomed,
        "get_ready_s": settings.get_ready_s,
        "switch_sides_s": settings.switch_sides_s,
        "figure_motion": settings.figure_motion,
        "red_flags": None if settings.red_flags is None else list(settings.red_flags),
        "calendar_at": clock_text(settings.calendar_at),
        "calendar_remind_min": settings.calendar_remind_min,
        "theme": settings.theme,
    }


def settings_from_doc(doc: Doc) -> Settings:
    """The user's settings, within the settings dialog's limits; missing ones take defaults."""
    defaults = Settings()
    fields = _Reader(doc)

    def pause(field: str, default: int) -> int:
        return fields.whole(field, 0, limits.MAX_PAUSE_S) if field in doc else default

    return Settings(
        bell=fields.flag("bell", defaults.bell),
        countdown_beeps=fields.flag("countdown_beeps", defaults.countdown_beeps),
        welcomed=fields.flag("welcomed", defaults.welcomed),
        get_ready_s=pause("get_ready_s", defaults.get_ready_s),
        switch_sides_s=pause("switch_sides_s", defaults.switch_sides_s),
        figure_motion=fields.flag("figure_motion", defaults.figure_motion),
        red_flags=_red_flags(fields),
        calendar_at=_calendar_at(fields, defaults.calendar_at),
        calendar_remind_min=(
            fields.whole("calendar_remind_min", 0, MAX_REMIND_MIN)
            if "calendar_remind_min" in doc
            else defaults.calendar_remind_min
        ),
        theme=_theme(fields.doc.get("theme", defaults.theme)),
    )


def _calendar_at(fields: _Reader, default: time) -> time:
    """The time of day the .ics export uses, as the settings dialog and ``--at`` accept it."""
    if "calendar_at" not in fields.doc:
        return default
    value = fields.text("calendar_at", len("00:00"))
    try:
        return parse_clock(value)
    except ValueError as error:
        raise fields.fail("calendar_at", str(error)) from None


def _theme(value: object) -> str:
    """The saved theme name; one that cannot be a theme name is dropped, not refused:
    a look is not worth setting the user's data aside for."""
    if isinstance(value, str) and line_problem(value, _MAX_THEME_NAME, required=False) is None:
        return value.strip()
    return ""


def _red_flags(fields: _Reader) -> tuple[str, ...] | None:
    """The red-flag questions answered yes, or None while the checklist is unanswered."""
    if fields.doc.get("red_flags") is None:
        return None
    answers = fields.list("red_flags", len(RED_FLAGS))
    if any(answer not in RED_FLAG_IDS for answer in answers):
        raise fields.fail("red_flags", "must hold ids of the red-flag questions")
    return tuple(answers)


def day_from_doc(doc: Doc) -> date:
    """The ``day`` of any dated record (plan item, rest day, log); RecordError when it is not
    a supported date."""
    return _Reader(doc).day("day")


def dated_between(
    docs: Mapping[str, Doc], lo: str, hi: str
) -> tuple[dict[str, Doc], tuple[str, RecordError] | None]:
    """The records of ``docs`` dated from ``lo`` to ``hi`` (ISO days), by key, once the day
    of every record is checked; with the key of the first whose ``day`` is not a supported
    date and why (``day_from_doc``'s error), or None when every day is one."""
    known = _KNOWN_DAYS
    wanted: dict[str, Doc] = {}
    for key, doc in docs.items():
        # The common case at once: a day already read (a year's records share 365 days).
        value = doc.get("day") if type(doc) is dict else None
        if type(value) is not str or value not in known:
            try:
                day_from_doc(doc)
            except RecordError as error:
                return wanted, (key, error)
            value = doc["day"]
        if lo <= value <= hi:
            wanted[key] = doc
    return wanted, None


def rest_day_from_doc(doc: Doc) -> date:
    """The day of a rest-day record; RecordError when it is not a supported date."""
    return day_from_doc(doc)


def archive_cutoff_from_doc(doc: Doc) -> date | None:
    """The archive cutoff a meta record holds, if any; RecordError when it is not a date."""
    return None if doc.get("archive_cutoff") is None else _Reader(doc).day("archive_cutoff")
