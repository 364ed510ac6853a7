"""Turn domain values into the JSON-friendly dicts TinyDB stores, and back.

Kept apart from the Store so the mapping is one small, testable place: a
round trip through ``*_to_doc`` and ``*_from_doc`` gives back an equal value.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from planner.domain.figure import figure_to_doc, parse_figure
from planner.domain.models import (
    Activity,
    Dose,
    Effort,
    Exercise,
    ExerciseLog,
    Kind,
    PlanItem,
    Profile,
    SessionLog,
    Settings,
    Sides,
)

Doc = dict[str, Any]


def dose_to_doc(dose: Dose) -> Doc:
    return {"hold_s": dose.hold_s, "reps": dose.reps, "sets": dose.sets, "rest_s": dose.rest_s}


def dose_from_doc(doc: Doc) -> Dose:
    return Dose(
        hold_s=int(doc["hold_s"]),
        reps=int(doc["reps"]),
        sets=int(doc["sets"]),
        rest_s=int(doc["rest_s"]),
    )


def profile_to_doc(profile: Profile) -> Doc:
    return {
        "pain": profile.pain,
        "activity": profile.activity.value,
        "weekdays": sorted(profile.weekdays),
        "minutes": profile.minutes,
        "weeks": profile.weeks,
        "start": profile.start.isoformat(),
    }


def profile_from_doc(doc: Doc) -> Profile:
    return Profile(
        pain=int(doc["pain"]),
        activity=Activity(doc["activity"]),
        weekdays=frozenset(int(d) for d in doc["weekdays"]),
        minutes=int(doc["minutes"]),
        weeks=int(doc["weeks"]),
        start=date.fromisoformat(doc["start"]),
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
    }
    return doc


def item_from_doc(doc: Doc) -> PlanItem:
    return PlanItem(
        id=str(doc["id"]),
        day=date.fromisoformat(doc["day"]),
        exercise_id=str(doc["exercise_id"]),
        dose=dose_from_doc(doc["dose"]),
        position=int(doc.get("position", 0)),
        held_reason=str(doc.get("held_reason", "")),
        unheld_dose=dose_from_doc(doc["unheld_dose"]) if doc.get("unheld_dose") else None,
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


def exercise_log_from_doc(doc: Doc) -> ExerciseLog:
    return ExerciseLog(
        exercise_id=str(doc["exercise_id"]),
        planned=dose_from_doc(doc["planned"]),
        sets_done=int(doc["sets_done"]),
        reps_done=int(doc["reps_done"]),
        holds_done=int(doc["holds_done"]),
        seconds=float(doc["seconds"]),
        completed=bool(doc["completed"]),
        skipped=bool(doc.get("skipped", False)),
        name=str(doc.get("name", "")),
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
    effort = doc.get("effort")
    return SessionLog(
        id=str(doc["id"]),
        day=date.fromisoformat(doc["day"]),
        started_at=datetime.fromisoformat(doc["started_at"]),
        ended_at=datetime.fromisoformat(doc["ended_at"]),
        exercises=tuple(exercise_log_from_doc(e) for e in doc["exercises"]),
        pain_before=doc.get("pain_before"),
        pain_after=doc.get("pain_after"),
        effort=Effort(effort) if effort else None,
        note=str(doc.get("note", "")),
        done_on=date.fromisoformat(doc["done_on"]) if doc.get("done_on") else None,
    )


def exercise_to_doc(exercise: Exercise) -> Doc:
    """The same shape as an entry of routines.json, so one validator reads both."""
    return {
        "id": exercise.id,
        "name": exercise.name,
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
    return Exercise(
        id=str(doc["id"]),
        name=str(doc["name"]),
        level=int(doc["level"]),
        kind=Kind(doc["kind"]),
        sides=Sides(doc["sides"]),
        position=str(doc["position"]),
        steps=tuple(str(s) for s in doc["steps"]),
        start=dose_from_doc(doc["start"]),
        target=dose_from_doc(doc["target"]),
        tempo_s=float(doc.get("tempo_s", 3.0)),
        benefits=tuple(str(s) for s in doc.get("benefits", ())),
        cautions=tuple(str(s) for s in doc.get("cautions", ())),
        dose_note=str(doc.get("dose_note", "")),
        custom=True,
        # Records from before figures existed have none: the exercise is shown without one.
        figure=parse_figure(doc["figure"]) if doc.get("figure") is not None else None,
    )


def settings_to_doc(settings: Settings) -> Doc:
    return {
        "bell": settings.bell,
        "countdown_beeps": settings.countdown_beeps,
        "welcomed": settings.welcomed,
        "get_ready_s": settings.get_ready_s,
        "switch_sides_s": settings.switch_sides_s,
        "figure_motion": settings.figure_motion,
    }


def settings_from_doc(doc: Doc) -> Settings:
    defaults = Settings()
    return Settings(
        bell=bool(doc.get("bell", defaults.bell)),
        countdown_beeps=bool(doc.get("countdown_beeps", defaults.countdown_beeps)),
        welcomed=bool(doc.get("welcomed", defaults.welcomed)),
        get_ready_s=int(doc.get("get_ready_s", defaults.get_ready_s)),
        switch_sides_s=int(doc.get("switch_sides_s", defaults.switch_sides_s)),
        figure_motion=bool(doc.get("figure_motion", defaults.figure_motion)),
    )
