"""The weekly review: the feedback rules applied to the store, and the sentences that say so.

``review_plan`` reviews two weeks: last week decides this week's doses, this week (so
far) decides next week's. The calendar runs it when it opens, so a week that ended
unseen is settled, and ``journal.record_session`` runs it with every new log. The
rules are idempotent, so reviewing as often as we like is safe.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from planner.domain.advice import replace_feedback
from planner.domain.catalogue import Catalogue
from planner.domain.feedback import STEP_BACK_REASON, Review, review_week
from planner.domain.models import Activity, PlanItem
from planner.domain.ramp import climb_pace
from planner.domain.weeks import monday_of
from planner.planbook.change import change
from planner.storage.store import Store

_WEEK = timedelta(days=7)


def review_plan(store: Store, catalogue: Catalogue, today: date) -> str:
    """Apply the feedback rules to this week and next; one line about what changed, or "".

    One transaction; a read-only store is left as it is and nothing is said.
    """
    if store.read_only:
        return ""
    with change(store):
        return apply_review(store, catalogue, today)


def apply_review(store: Store, catalogue: Catalogue, today: date) -> str:
    """``review_plan``'s writes, for a caller that already holds a transaction."""
    this_monday = monday_of(today)
    profile = store.profile()
    pace = climb_pace(profile) if profile is not None else Activity.HIGH
    last = _review(store, catalogue, pace, this_monday - _WEEK, today)
    current = _review(store, catalogue, pace, this_monday, today)
    advice = replace_feedback(store.plan_advice(), current.pause.advice if current.pause else ())
    if advice != store.plan_advice():
        store.set_plan_advice(advice)
    return _describe(catalogue, current, last)


def _review(
    store: Store, catalogue: Catalogue, pace: Activity, monday: date, today: date
) -> Review:
    """Review the week at ``monday`` and save what it changes in the week after."""
    sunday = monday + timedelta(days=6)
    review = review_week(
        monday,
        store.items_between(monday, sunday),
        store.items_between(monday + _WEEK, sunday + _WEEK),
        # Three weeks back: the pain trend compares this week with two weeks earlier; and
        # the week after, where a session run ahead of its day reports today's pain.
        store.logs_between(monday - 2 * _WEEK, sunday + _WEEK),
        today,
        catalogue=catalogue,
        pace=pace,
    )
    store.update_items(review.changed)
    return review


def _describe(catalogue: Catalogue, current: Review, last: Review) -> str:
    """A one-line summary of the changes, the pause first since it matters most."""
    changed = current.held() + last.held()
    if current.pause and changed:
        return current.pause.banner
    held = [item for item in changed if item.held_reason != STEP_BACK_REASON]
    stepped = [item for item in changed if item.held_reason == STEP_BACK_REASON]
    released = _names(catalogue, current.released() + last.released())
    parts = []
    if held:
        # Reasons read "Held: why"; the sentence around them already says held.
        why = held[0].held_reason.split(": ", 1)[-1]
        names = ", ".join(_names(catalogue, held))
        parts.append(f"Next week stays at this week's dose for {names}: {why}.")
    if stepped:
        parts.append(f"Climbing one step at a time again: {', '.join(_names(catalogue, stepped))}.")
    if released:
        parts.append(f"Back on plan: {', '.join(released)}.")
    return " ".join(parts)


def _names(catalogue: Catalogue, items: Sequence[PlanItem]) -> list[str]:
    """Exercise names, each once, in plan order (an unknown id is shown as it is)."""
    names: dict[str, None] = {}
    for item in sorted(items, key=lambda i: (i.day, i.position)):
        try:
            names[catalogue.get(item.exercise_id).name] = None
        except KeyError:
            names[item.exercise_id] = None
    return list(names)
