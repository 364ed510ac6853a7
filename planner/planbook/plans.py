"""Building a new plan (the wizard and ``planner plan``): what it replaces, what it keeps.

A new plan replaces the saved one from its first day on. It never starts in the past
(a past start becomes today, and the summary says so), it keeps every day from then on
whose session is already done, and it counts the days the user changed by hand, so the
app can ask before replacing them and the command can say it did.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime

from planner.domain.advice import ordered
from planner.domain.catalogue import Catalogue
from planner.domain.dates import short_date
from planner.domain.errors import UserFacingError
from planner.domain.models import Dose, Plan, PlanItem, Profile
from planner.domain.pain_gate import pain_check_log
from planner.domain.plan_size import minutes_trend
from planner.domain.progression import generate_plan, weekly_work_seconds
from planner.domain.red_flags import red_flag_advice
from planner.domain.wording import a_or_an, counted
from planner.planbook.change import change
from planner.planbook.review import apply_review
from planner.storage.store import Store


@dataclass(frozen=True)
class PlanDraft:
    """A generated plan and what saving it would do to the saved one."""

    plan: Plan
    """The plan as it will be saved: done days keep what they had."""
    asked_start: date
    """The start the user gave (today when it was in the past, see ``plan.profile.start``)."""
    kept_days: frozenset[date]
    """Days from the start on whose session is done: their exercises stay as they are."""
    hand_edits: int
    """Days from the start on that the user changed by hand, which the plan replaces."""

    @property
    def start_moved(self) -> bool:
        """Whether the asked-for start was in the past and the plan starts today instead."""
        return self.asked_start != self.plan.profile.start


def new_plan(profile: Profile, catalogue: Catalogue, today: date) -> Plan:
    """The generated plan for ``profile``, starting today if its start is in the past.

    Raises the generator's UserFacingError for inputs it refuses (before any file is opened).
    """
    if profile.start < today:
        profile = replace(profile, start=today)
    return generate_plan(profile, catalogue)


def draft_plan(store: Store, catalogue: Catalogue, fresh: Plan, asked: date) -> PlanDraft:
    """What saving the ``fresh`` plan (``asked`` for this start) keeps and replaces."""
    start = fresh.profile.start
    saved_items = store.items_between(start, date.max)
    done = frozenset(log.day for log in store.logs_between(start, date.max))
    kept_items = tuple(item for item in saved_items if item.day in done)
    kept_rest = frozenset(store.rest_days_between(start, date.max)) & done
    plan = replace(
        fresh,
        items=tuple(item for item in fresh.items if item.day not in done) + kept_items,
        rest_days=frozenset(day for day in fresh.rest_days if day not in done) | kept_rest,
    )
    edits = _hand_edited_days(store.profile(), catalogue, saved_items, start, done)
    return PlanDraft(plan, asked, done, edits)


def rebuild_question(draft: PlanDraft) -> str:
    """What to ask before a new plan replaces days changed by hand, or ""."""
    if not draft.hand_edits:
        return ""
    days = counted(draft.hand_edits, "day")
    since = short_date(draft.plan.profile.start)
    them = "it" if draft.hand_edits == 1 else "them"
    return f"You changed {days} of the plan by hand from {since} on. The new plan replaces {them}."


def save_plan(store: Store, draft: PlanDraft) -> None:
    """Save the drafted plan in one change; days before its start stay as they were."""
    with change(store):
        store.save_plan(draft.plan, keep_before=draft.plan.profile.start)


def summary(draft: PlanDraft, catalogue: Catalogue) -> str:
    """A few lines on what was saved: dates, sessions, minutes a week at first and at the end."""
    plan, profile = draft.plan, draft.plan.profile
    sessions = len({item.day for item in plan.items})
    lines = [
        f"Saved {a_or_an(profile.weeks)} {profile.weeks}-week plan "
        f"from {short_date(profile.start, year=True)} "
        f"to {short_date(plan.end, year=True)}: "
        f"{counted(sessions, 'session')}, {counted(len(plan.rest_days), 'rest day')}.",
    ]
    if draft.start_moved:
        lines.append(
            f"The start you gave ({short_date(draft.asked_start, year=True)}) is in the past, "
            "so the plan starts today; earlier days are history and were left as they were."
        )
    if draft.kept_days:
        count = len(draft.kept_days)
        lines.append(f"Kept {counted(count, 'day')} whose session is already done.")
    if draft.hand_edits:
        lines.append(f"Replaced {counted(draft.hand_edits, 'day')} changed by hand.")
    weekly_work = weekly_work_seconds(plan, catalogue)
    if weekly_work:
        minutes = [round(seconds / 60) for seconds in weekly_work]
        lines.append(
            f"About {counted(minutes[0], 'minute')} of exercise in week 1{minutes_trend(minutes)}."
        )
    # Safety advice goes before the summary, the other notes after it.
    lines = [a.text for a in plan.advice if a.is_safety] + lines
    lines += [a.text for a in ordered(plan.advice) if not a.is_safety]
    return "\n".join(lines)


class RedFlagRefusal(UserFacingError):
    """No plan: a question of the red-flag checklist was answered yes."""


def refuse_after_red_flags(store: Store) -> None:
    """Raise RedFlagRefusal, with what to do instead, after a yes on the checklist."""
    flagged = red_flag_advice(store.settings().red_flags or ())
    if flagged is not None:
        raise RedFlagRefusal(f"{flagged.text} (your answers to the red-flag questions)")


def pause_for_pain(
    store: Store, catalogue: Catalogue, pain: int, today: date, now: datetime
) -> str:
    """Keep a pain answer that stopped a session or a new plan, and let the plan pause on it.

    One change: the pain check is logged and the feedback rules applied; returns what
    they say.
    """
    with change(store):
        store.log_session(pain_check_log(uuid.uuid4().hex, today, now, pain))
        return apply_review(store, catalogue, today)


def _hand_edited_days(
    profile: Profile | None,
    catalogue: Catalogue,
    saved: list[PlanItem],
    start: date,
    done: frozenset[date],
) -> int:
    """Days from ``start`` on (done days aside) where the saved plan differs from its own
    generator's output: the user's hand edits. Doses the feedback rules held count as
    the plan's own."""
    if profile is None:
        return 0
    try:
        generated = generate_plan(profile, catalogue).items
    except UserFacingError:
        return 0

    def by_day(items: tuple[PlanItem, ...] | list[PlanItem]) -> dict[date, list[tuple[str, Dose]]]:
        days: dict[date, list[tuple[str, Dose]]] = {}
        for item in sorted(items, key=lambda i: (i.day, i.position)):
            if item.day >= start and item.day not in done:
                days.setdefault(item.day, []).append(
                    (item.exercise_id, item.unheld_dose or item.dose)
                )
        return days

    ours, theirs = by_day(saved), by_day(generated)
    return sum(1 for day in ours.keys() | theirs.keys() if ours.get(day) != theirs.get(day))
