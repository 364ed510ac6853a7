"""The plan as JSON, for people who script against it and for tests that check it from outside.

The document is versioned (``JSON_SCHEMA_VERSION``); README "JSON export" documents
every field. A change that removes or renames a field raises the version; adding a
field does not.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from planner.domain.advice import ordered
from planner.domain.catalogue import Catalogue
from planner.domain.dose_words import dose_text
from planner.domain.export_model import SAFETY_NOTE, ExportWindow
from planner.domain.models import PlanItem, SessionLog
from planner.domain.phases import estimate_seconds

JSON_SCHEMA = "back-planner/plan"
JSON_SCHEMA_VERSION = 1


def _item(item: PlanItem, catalogue: Catalogue) -> dict[str, Any]:
    exercise = catalogue.get(item.exercise_id) if item.exercise_id in catalogue else None
    seconds = estimate_seconds([(exercise, item.dose)]) if exercise is not None else None
    return {
        "exercise_id": item.exercise_id,
        "name": exercise.name if exercise is not None else None,
        "hold_s": item.dose.hold_s,
        "reps": item.dose.reps,
        "sets": item.dose.sets,
        "rest_s": item.dose.rest_s,
        "dose_text": dose_text(item.dose, exercise),
        "estimated_s": round(seconds, 1) if seconds is not None else None,
        "held_reason": item.held_reason,
        "left_out": item.left_out,
    }


def _session(log: SessionLog) -> dict[str, Any]:
    return {
        "id": log.id,
        "date": log.day.isoformat(),
        "started_at": log.started_at.isoformat(),
        "ended_at": log.ended_at.isoformat(),
        "pain_before": log.pain_before,
        "pain_after": log.pain_after,
        "effort": log.effort.value if log.effort is not None else None,
        "note": log.note,
        "exercises": [
            {
                "exercise_id": entry.exercise_id,
                "sets_done": entry.sets_done,
                "reps_done": entry.reps_done,
                "holds_done": entry.holds_done,
                "seconds": round(entry.seconds, 1),
                "completed": entry.completed,
                "skipped": entry.skipped,
            }
            for entry in log.exercises
        ],
    }


def plan_document(
    window: ExportWindow, catalogue: Catalogue, sessions: Sequence[SessionLog] | None = None
) -> dict[str, Any]:
    """The window as a JSON-ready dict; ``sessions`` (when given) are added as ``sessions``."""
    by_day: dict[str, list[PlanItem]] = {}
    for item in sorted(window.items, key=lambda i: (i.day, i.position)):
        if window.start <= item.day <= window.end:
            by_day.setdefault(item.day.isoformat(), []).append(item)
    profile = window.profile
    document: dict[str, Any] = {
        "schema": JSON_SCHEMA,
        "version": JSON_SCHEMA_VERSION,
        "from": window.start.isoformat(),
        "to": window.end.isoformat(),
        "profile": None
        if profile is None
        else {
            "pain": profile.pain,
            "activity": profile.activity.value,
            "weekdays": sorted(profile.weekdays),
            "minutes": profile.minutes,
            "weeks": profile.weeks,
            "start": profile.start.isoformat(),
            "avoid_bending": profile.avoid_bending,
        },
        "advice": [
            {"priority": a.priority.label, "kind": a.kind, "text": a.text}
            for a in ordered(window.advice)
        ],
        "days": [
            {
                "date": day.isoformat(),
                "rest": day in window.rest_days and not by_day.get(day.isoformat()),
                "items": [_item(i, catalogue) for i in by_day.get(day.isoformat(), [])],
            }
            for day in window.days()
        ],
        "safety_note": SAFETY_NOTE,
    }
    if sessions is not None:
        document["sessions"] = [
            _session(log) for log in sorted(sessions, key=lambda log: log.started_at)
        ]
    return document


def render_json(
    window: ExportWindow, catalogue: Catalogue, sessions: Sequence[SessionLog] | None = None
) -> bytes:
    """The window as a JSON document (UTF-8, indented, ending in a newline)."""
    text = json.dumps(plan_document(window, catalogue, sessions), ensure_ascii=False, indent=2)
    return (text + "\n").encode()
