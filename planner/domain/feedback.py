"""The feedback rules: how what the user did and felt this week shapes next week's doses.

The plan generator lays out a ramp of doses; these rules decide, week by week,
whether the next step of that ramp is taken. They are pure: given the items of the
week under review, the items of the week after, the session logs and today's date,
:func:`review_week` says which of next week's items change and whether progress is
paused. Running it again on its own output changes nothing (it always recomputes
from the dose the generator, or the user, chose: ``PlanItem.unheld_dose``).

The rules, and why a physiotherapist would want them:

- Pain after a session 2 or more points above pain before it: the tissues complained
  about that load, so each exercise done in it stays at this week's dose next week.
- Effort "hard" in the last two sessions containing an exercise: the load is at the
  edge of what the user manages; repeat it before asking for more.
- Pain of 7 or more reported in the last two weeks, or moderate pain (4+) that is no
  lower than two weeks earlier: exercise is not settling it, so every dose is held and
  a banner says to get it looked at. Mild steady pain (3 or less) does not pause:
  it is common and gentle loading is part of getting it better.
- Fewer than two thirds of this week's planned sessions done (a partial session counts
  half): the body has not had the loading the next step assumes. Two thirds lets a
  three-day plan absorb one missed day, which is ordinary life, but not two.
- When the reasons clear, doses climb again, but one step at a time: an item that was
  held moves to the dose it skipped, never above the generator's dose for its week,
  so a hold shifts the ramp by a week instead of making it jump.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from statistics import fmean

from planner.domain.dates import WEEKDAYS
from planner.domain.models import Dose, Effort, PlanItem, SessionLog

SEVERE_PAIN = 7
"""Pain at or above this, reported in the last two weeks, pauses all progression."""
PAIN_RISE = 2
"""Pain after a session this many points above pain before holds its exercises."""
STUCK_PAIN_FLOOR = 4
"""Weekly pain below this never counts as 'not improving': low steady pain is fine."""
DONE_SHARE = 2 / 3
"""Share of the week's planned sessions that must be done before doses climb."""

PAUSE_BANNER_PREFIX = "Progress is paused"
"""Every banner these rules write starts with this, so they can tell it from other advice."""

STEP_BACK_REASON = "Climbing one step a week since an earlier hold"


@dataclass(frozen=True, slots=True)
class Pause:
    """Why progression is paused: a short reason for items and a banner for the calendar."""

    reason: str
    banner: str


@dataclass(frozen=True, slots=True)
class Review:
    """What the review of one week decided for the week after it."""

    changed: tuple[PlanItem, ...]
    """Next week's items whose dose or reason changed (already updated)."""
    pause: Pause | None
    """Set when progression is paused; its banner belongs on the calendar."""

    def held(self) -> tuple[PlanItem, ...]:
        """The changed items that are now held (or stepped) below their planned dose."""
        return tuple(item for item in self.changed if item.unheld_dose is not None)

    def released(self) -> tuple[PlanItem, ...]:
        """The changed items that are back at their planned dose."""
        return tuple(item for item in self.changed if item.unheld_dose is None)


def review_week(
    monday: date,
    reviewed: Sequence[PlanItem],
    upcoming: Sequence[PlanItem],
    logs: Sequence[SessionLog],
    today: date,
) -> Review:
    """Apply the feedback rules of the week starting ``monday`` to the week after it.

    ``reviewed`` are the plan items of the week under review, ``upcoming`` those of the
    next week; ``logs`` may cover any period (only the three weeks up to the end of the
    reviewed week are read). Sessions on days after ``today`` are ignored.
    """
    week_end = monday + timedelta(days=6)
    recent = [log for log in logs if log.day <= min(week_end, today)]
    this_week = [log for log in recent if log.day >= monday]
    two_weeks = [log for log in recent if log.day >= monday - timedelta(days=7)]

    pause = pause_reason(monday, recent)
    exercise_reasons = _exercise_reasons(this_week, two_weeks)
    adherence = _adherence_reason(monday, reviewed, this_week, today)
    last_dose = _last_dose_by_exercise(reviewed)

    changed = []
    for item in upcoming:
        reason = ""
        if pause is not None:
            reason = pause.reason
        elif item.exercise_id in exercise_reasons:
            reason = exercise_reasons[item.exercise_id]
        elif adherence:
            reason = adherence
        decided = _decide(item, last_dose.get(item.exercise_id), reason)
        if decided != item:
            changed.append(decided)
    return Review(changed=tuple(changed), pause=pause)


def pause_reason(monday: date, logs: Sequence[SessionLog]) -> Pause | None:
    """Whether pain reported up to the end of the week at ``monday`` pauses progression.

    Looks at the two weeks ending with that week for severe pain, and compares the
    week's average pain with the average two weeks earlier.
    """
    week_end = monday + timedelta(days=6)
    window = [log for log in logs if monday - timedelta(days=7) <= log.day <= week_end]
    worst = max((p for log in window for p in _pains(log)), default=None)
    if worst is not None and worst >= SEVERE_PAIN:
        return Pause(
            reason=f"Paused: pain of {worst}/10 was reported in the last two weeks",
            banner=(
                f"{PAUSE_BANNER_PREFIX}: you reported pain of {worst} out of 10. "
                "Please have a doctor or physiotherapist check your back before doing more; "
                "until then keep to gentle movement that does not hurt."
            ),
        )
    now = _week_mean_pain(logs, monday)
    before = _week_mean_pain(logs, monday - timedelta(days=14))
    if now is not None and before is not None and now >= STUCK_PAIN_FLOOR and now >= before:
        return Pause(
            reason="Paused: pain has not eased over two weeks",
            banner=(
                f"{PAUSE_BANNER_PREFIX}: your pain has not eased in two weeks "
                f"(about {now:.0f} out of 10). A doctor or physiotherapist should look at it "
                "before the exercises get harder."
            ),
        )
    return None


def held_dose(this_week: Dose, planned: Dose) -> Dose:
    """The dose to repeat: this week's, but never above the planned dose in any part."""
    return Dose(
        hold_s=min(this_week.hold_s, planned.hold_s),
        reps=min(this_week.reps, planned.reps),
        sets=min(this_week.sets, planned.sets),
        rest_s=this_week.rest_s,
    )


def _decide(item: PlanItem, this_week: PlanItem | None, reason: str) -> PlanItem:
    """One upcoming item after the rules: held, stepped, or back at its planned dose."""
    planned = _planned_dose(item)
    if this_week is not None and reason:
        target = held_dose(this_week.dose, planned)
    elif this_week is not None and this_week.unheld_dose is not None and this_week.held_reason:
        # The reviewed week was below plan: take the step it skipped, not two at once.
        target = held_dose(this_week.unheld_dose, planned)
        reason = STEP_BACK_REASON
    else:
        target = planned
    if target == planned:
        return replace(item, dose=planned, held_reason="", unheld_dose=None)
    return replace(item, dose=target, held_reason=reason, unheld_dose=planned)


def _planned_dose(item: PlanItem) -> Dose:
    """The dose the item would have without the rules.

    An item with a saved dose but no reason was re-dosed by the user after a hold
    (the store clears the reason on a manual change): their dose wins.
    """
    if item.unheld_dose is not None and item.held_reason:
        return item.unheld_dose
    return item.dose


def _last_dose_by_exercise(items: Iterable[PlanItem]) -> dict[str, PlanItem]:
    """The last item of each exercise in a week: the dose the user ended the week on."""
    last: dict[str, PlanItem] = {}
    for item in sorted(items, key=lambda i: (i.day, i.position)):
        last[item.exercise_id] = item
    return last


def _exercise_reasons(
    this_week: Sequence[SessionLog], two_weeks: Sequence[SessionLog]
) -> dict[str, str]:
    """Per exercise, why its dose should hold: hard twice in a row, or a pain rise."""
    reasons: dict[str, str] = {}
    by_exercise: dict[str, list[SessionLog]] = {}
    for log in sorted(two_weeks, key=lambda log: log.started_at):
        for exercise_id in _done_exercises(log):
            by_exercise.setdefault(exercise_id, []).append(log)
    for exercise_id, sessions in by_exercise.items():
        last_two = sessions[-2:]
        if len(last_two) == 2 and all(log.effort is Effort.HARD for log in last_two):
            reasons[exercise_id] = "Held: the last two sessions with it felt hard"
    # A pain rise is the stronger signal, so its reason wins when both apply.
    for log in sorted(this_week, key=lambda log: log.started_at):
        if log.pain_before is None or log.pain_after is None:
            continue
        if log.pain_after >= log.pain_before + PAIN_RISE:
            weekday = WEEKDAYS[log.day.weekday()]
            for exercise_id in _done_exercises(log):
                reasons[exercise_id] = f"Held: pain went up after {weekday}'s session"
    return reasons


def _adherence_reason(
    monday: date, reviewed: Sequence[PlanItem], this_week: Sequence[SessionLog], today: date
) -> str:
    """A reason to hold every dose when too few of the sessions due so far were done."""
    credit = session_credit(this_week)
    planned_days = {item.day for item in reviewed}
    # A planned day counts once it is over, or today once its session is logged.
    due = [day for day in planned_days if day < today or (day == today and day in credit)]
    if not due:
        return ""
    done = min(float(len(due)), sum(credit.values()))
    if done >= DONE_SHARE * len(due):
        return ""
    if monday + timedelta(days=6) >= today:
        return f"Held for now: {_count(done)} of {len(due)} planned sessions done so far this week"
    return f"Held: {_count(done)} of {len(due)} planned sessions done the week before"


def session_credit(logs: Iterable[SessionLog]) -> dict[date, float]:
    """Per day, how much of a session was done: 1 for a complete one, 0.5 for a partial one.

    Several sessions on one day still count as one day's session: adherence is about
    turning up on the planned days, not doing extra.
    """
    credit: dict[date, float] = {}
    for log in logs:
        value = 1.0 if log.completed else 0.5
        credit[log.day] = max(credit.get(log.day, 0.0), value)
    return credit


def _done_exercises(log: SessionLog) -> set[str]:
    """Exercises actually worked in a session (skipped ones did not load anything)."""
    return {entry.exercise_id for entry in log.exercises if not entry.skipped}


def _pains(log: SessionLog) -> list[int]:
    return [p for p in (log.pain_before, log.pain_after) if p is not None]


def _week_mean_pain(logs: Iterable[SessionLog], monday: date) -> float | None:
    """The average of every pain rating given in the week at ``monday`` (None without any)."""
    week_end = monday + timedelta(days=6)
    values = [p for log in logs if monday <= log.day <= week_end for p in _pains(log)]
    return fmean(values) if values else None


def _count(value: float) -> str:
    return f"{value:g}"
