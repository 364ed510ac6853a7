"""The feedback rules: how what the user did and felt this week shapes next week's doses.

The plan generator lays out each exercise's climb; these rules decide, week by week,
whether next week takes its step, holds, or steps back. They are pure: given the items
of the week under review, the items of the week after, the session logs, the catalogue
and today's date, :func:`review_week` says which of next week's items change, whether
progress is paused, and the advice to show. Running it again on its own output changes
nothing (it always works from the dose the generator, or the user, chose:
``PlanItem.unheld_dose``). The numbers live in ``planner.domain.thresholds``.

The rules, and why a physiotherapist would want them:

- A de-load after pain of 7 or more (before or after a session) in the week under
  review, or pain that has not eased over two weeks (4+ and no lower than two weeks
  earlier): next week each exercise drops one step of its ladder (never below its
  start dose), nothing new comes in, only the gentle (level 1) exercises stay, and
  the advice says to see a doctor, first. The pause lasts while pain of 7+ is within
  the last two weeks; during it nothing climbs.
- A hold on every dose when pain is creeping up: pain before a session rising over
  three sessions, or above the pain after the session before.
- A hold on a session's exercises when pain after it was 2 or more points above the
  pain before; on an exercise rated hard in its last two sessions.
- A hold on every dose when fewer than two thirds of the week's planned sessions were
  done (a partial session counts half): two thirds lets a three-day plan absorb one
  missed day, which is ordinary life, but not two.
- Climbing back after a hold or a pause: one step a week, never above the planned
  dose, and each exercise's week within 25% more work than the week before; an
  exercise left out comes back at its start dose, once the whole week's work stays
  within 25% more than the week before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from planner.domain.adherence import session_credit
from planner.domain.advice import FEEDBACK_KIND_PREFIX, Advice, Priority
from planner.domain.catalogue import Catalogue
from planner.domain.dates import WEEKDAYS
from planner.domain.models import Activity, Dose, Effort, Exercise, PlanItem, SessionLog
from planner.domain.pain_signals import (
    creeping_up,
    is_severe,
    not_easing,
    reported_on,
    worst_pain,
)
from planner.domain.ramp import dose_ladder, work_seconds
from planner.domain.thresholds import (
    DONE_SHARE,
    HARD_IN_A_ROW,
    PAIN_RISE,
    WORK_RISE_LIMIT,
)
from planner.domain.wording import share

PAUSE_BANNER_PREFIX = "Progress is paused"
"""The paused advice these rules write starts with this."""

STEP_BACK_REASON = "Climbing one step a week since an earlier hold"
DELOAD_REASON = "De-loaded one step"
BACK_AT_START_REASON = "Back at its start dose after a pause"


@dataclass(frozen=True, slots=True)
class Pause:
    """Why progression is paused: a short reason for items and the advice to show first."""

    reason: str
    advice: tuple[Advice, ...]
    deload: bool
    """True when next week steps down (the reviewed week itself gave the reason)."""

    @property
    def banner(self) -> str:
        """The advice as one text, safety first."""
        return " ".join(a.text for a in self.advice)


@dataclass(frozen=True, slots=True)
class Review:
    """What the review of one week decided for the week after it."""

    changed: tuple[PlanItem, ...]
    """Next week's items whose dose, reason or left-out mark changed (already updated)."""
    pause: Pause | None
    """Set when progression is paused; its advice belongs first on every surface."""

    def held(self) -> tuple[PlanItem, ...]:
        """The changed items that are now held, stepped or left out below their plan."""
        return tuple(i for i in self.changed if i.unheld_dose is not None or i.left_out)

    def released(self) -> tuple[PlanItem, ...]:
        """The changed items that are back at their planned dose."""
        return tuple(i for i in self.changed if i.unheld_dose is None and not i.left_out)


def _doctor(text: str) -> Advice:
    return Advice(Priority.SAFETY, text, f"{FEEDBACK_KIND_PREFIX}-doctor")


def _paused(text: str) -> Advice:
    return Advice(
        Priority.PAUSED, f"{PAUSE_BANNER_PREFIX}: {text}", f"{FEEDBACK_KIND_PREFIX}-paused"
    )


_PAUSE_RULES = (
    "next week each exercise steps one down (never below where it started), "
    "nothing new comes in and only the gentle exercises stay."
)


def pause_reason(monday: date, logs: Sequence[SessionLog]) -> Pause | None:
    """Whether pain reported up to the end of the week at ``monday`` pauses progression."""
    week_end = monday + timedelta(days=6)
    this_week = worst_pain(logs, monday, week_end)
    two_weeks = worst_pain(logs, monday - timedelta(days=7), week_end)
    if is_severe(two_weeks):
        deload = is_severe(this_week)
        return Pause(
            reason=f"Paused: pain of {two_weeks}/10 was reported in the last two weeks",
            advice=(
                _doctor(
                    f"See a doctor: you reported pain of {two_weeks} out of 10. Please have a "
                    "doctor or physiotherapist check your back before doing more; until then "
                    "keep to gentle movement that does not hurt."
                ),
                _paused(
                    _PAUSE_RULES
                    if deload
                    else "nothing climbs and nothing new comes in until two weeks "
                    "pass without pain of 7 or more."
                ),
            ),
            deload=deload,
        )
    stuck = not_easing(logs, monday)
    if stuck is not None:
        return Pause(
            reason="Paused: pain has not eased over two weeks",
            advice=(
                _doctor(
                    f"See a doctor or physiotherapist: your pain has not eased in two weeks "
                    f"(about {stuck:.0f} out of 10); have it looked at before the exercises "
                    "get harder."
                ),
                _paused(_PAUSE_RULES),
            ),
            deload=True,
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


class _Ladders:
    """Each exercise's ladder and work, looked up once; unknown exercises only hold."""

    def __init__(self, catalogue: Catalogue, pace: Activity) -> None:
        self.catalogue = catalogue
        self.pace = pace

    def exercise(self, exercise_id: str) -> Exercise | None:
        try:
            return self.catalogue.get(exercise_id)
        except KeyError:
            return None

    def work(self, exercise_id: str, dose: Dose) -> float:
        exercise = self.exercise(exercise_id)
        return 0.0 if exercise is None else work_seconds(exercise, dose)

    def gentle(self, exercise_id: str) -> bool:
        exercise = self.exercise(exercise_id)
        return exercise is not None and exercise.level <= 1

    def step_down(self, exercise_id: str, dose: Dose) -> Dose:
        """One rung below ``dose`` (never below the start dose, nor above ``dose``)."""
        exercise = self.exercise(exercise_id)
        if exercise is None:
            return dose
        now = work_seconds(exercise, dose)
        below = [r for r in dose_ladder(exercise, self.pace) if work_seconds(exercise, r) < now]
        return below[-1] if below else dose

    def step_up(self, exercise_id: str, dose: Dose, planned: Dose) -> Dose:
        """One rung above ``dose``, never above ``planned`` nor 25% more work; else ``dose``."""
        exercise = self.exercise(exercise_id)
        if exercise is None:
            return dose
        now, cap = work_seconds(exercise, dose), work_seconds(exercise, planned)
        above = [
            r
            for r in (*dose_ladder(exercise, self.pace), planned)
            if now < work_seconds(exercise, r) <= cap
        ]
        if not above:
            return planned if work_seconds(exercise, planned) <= now else dose
        step = min(above, key=lambda r: work_seconds(exercise, r))
        return step if work_seconds(exercise, step) <= WORK_RISE_LIMIT * now else dose


def review_week(
    monday: date,
    reviewed: Sequence[PlanItem],
    upcoming: Sequence[PlanItem],
    logs: Sequence[SessionLog],
    today: date,
    *,
    catalogue: Catalogue,
    pace: Activity = Activity.HIGH,
) -> Review:
    """Apply the feedback rules of the week starting ``monday`` to the week after it.

    ``reviewed`` are the plan items of the week under review, ``upcoming`` those of the
    next week; ``logs`` may cover any period (only the three weeks up to the end of the
    reviewed week are read). Sessions on days after ``today`` are ignored. ``pace`` is
    the activity level whose ladders the plan climbs.
    """
    week_end = monday + timedelta(days=6)
    recent = [log for log in logs if log.day <= min(week_end, today)]
    this_week = [log for log in recent if log.day >= monday]
    two_weeks = [log for log in recent if log.day >= monday - timedelta(days=7)]
    ladders = _Ladders(catalogue, pace)

    # Pain counts from the day it was reported, even in a session run ahead of its day.
    reported = [log for log in logs if reported_on(log) <= min(week_end, today)]
    pause = pause_reason(monday, reported)
    trend = creeping_up(two_weeks, week_end)
    common = f"Held: {trend}" if trend else _adherence_reason(monday, reviewed, this_week, today)
    exercise_reasons = _exercise_reasons(this_week, two_weeks)
    last = _last_dose_by_exercise(reviewed)
    left_before = {i.exercise_id for i in reviewed if i.left_out} - set(last)

    decided: list[PlanItem] = []
    returning: list[PlanItem] = []
    for item in upcoming:
        planned = _planned_dose(item)
        if pause is not None:
            decided.append(_in_pause(item, planned, last.get(item.exercise_id), pause, ladders))
        elif item.exercise_id in last:
            reason = exercise_reasons.get(item.exercise_id, common)
            decided.append(_decide(item, planned, last[item.exercise_id], reason, ladders))
        elif item.exercise_id in left_before:
            returning.append(item)
        else:
            decided.append(_as_planned(item, planned))
    decided += _bring_back(returning, decided, reviewed, ladders)
    by_id = {item.id: item for item in upcoming}
    changed = tuple(item for item in decided if item != by_id[item.id])
    return Review(changed=changed, pause=pause)


def _as_planned(item: PlanItem, planned: Dose) -> PlanItem:
    return replace(item, dose=planned, held_reason="", unheld_dose=None, left_out=False)


def _below_plan(item: PlanItem, planned: Dose, dose: Dose, reason: str) -> PlanItem:
    if dose == planned:
        return _as_planned(item, planned)
    return replace(item, dose=dose, held_reason=reason, unheld_dose=planned, left_out=False)


def _in_pause(
    item: PlanItem, planned: Dose, this_week: PlanItem | None, pause: Pause, ladders: _Ladders
) -> PlanItem:
    """During a pause: de-load or hold what was done, leave out what is new or not gentle."""
    if this_week is None or not ladders.gentle(item.exercise_id):
        why = "new" if this_week is None else "not one of the gentle exercises"
        return replace(
            item,
            dose=planned,
            held_reason=f"Left out during the pause ({why})",
            unheld_dose=None,
            left_out=True,
        )
    dose = held_dose(this_week.dose, planned)
    if pause.deload:
        dose = ladders.step_down(item.exercise_id, dose)
        return _below_plan(
            item, planned, dose, f"{DELOAD_REASON}: {pause.reason.removeprefix('Paused: ')}"
        )
    return _below_plan(item, planned, dose, pause.reason)


def _decide(
    item: PlanItem, planned: Dose, this_week: PlanItem, reason: str, ladders: _Ladders
) -> PlanItem:
    """One upcoming item outside a pause: held, stepped up one rung, or as planned."""
    if reason:
        return _below_plan(item, planned, held_dose(this_week.dose, planned), reason)
    below = this_week.left_out or (this_week.unheld_dose is not None and this_week.held_reason)
    if not below:
        return _as_planned(item, planned)
    # The week under review was below plan: climb one step, not all the way at once.
    dose = ladders.step_up(item.exercise_id, this_week.dose, planned)
    return _below_plan(item, planned, dose, STEP_BACK_REASON)


def _bring_back(
    returning: Sequence[PlanItem],
    decided: Sequence[PlanItem],
    reviewed: Sequence[PlanItem],
    ladders: _Ladders,
) -> list[PlanItem]:
    """Exercises left out last week come back at their start dose while the week cap allows."""
    done = sum(ladders.work(i.exercise_id, i.dose) for i in reviewed if not i.left_out)
    week = sum(ladders.work(i.exercise_id, i.dose) for i in decided if not i.left_out)
    back: list[PlanItem] = []
    admitted: dict[str, bool] = {}
    for item in sorted(returning, key=lambda i: (i.day, i.position)):
        planned = _planned_dose(item)
        exercise = ladders.exercise(item.exercise_id)
        start = exercise.start if exercise is not None else planned
        start = (
            start
            if ladders.work(item.exercise_id, start) <= ladders.work(item.exercise_id, planned)
            else planned
        )
        if item.exercise_id not in admitted:
            times = sum(1 for i in returning if i.exercise_id == item.exercise_id)
            extra = ladders.work(item.exercise_id, start) * times
            admitted[item.exercise_id] = week + extra <= WORK_RISE_LIMIT * done
            if admitted[item.exercise_id]:
                week += extra
        if admitted[item.exercise_id]:
            back.append(_below_plan(item, planned, start, BACK_AT_START_REASON))
        else:
            back.append(
                replace(
                    item,
                    dose=planned,
                    held_reason="Left out until the week has room for it (at most 25% more work)",
                    unheld_dose=None,
                    left_out=True,
                )
            )
    return back


def _planned_dose(item: PlanItem) -> Dose:
    """The dose the item would have without the rules.

    An item with a saved dose but no reason was re-dosed by the user after a hold
    (the store clears the reason on a manual change): their dose wins.
    """
    if item.unheld_dose is not None and item.held_reason:
        return item.unheld_dose
    return item.dose


def _last_dose_by_exercise(items: Iterable[PlanItem]) -> dict[str, PlanItem]:
    """The last item of each exercise done in a week: the dose the user ended the week on."""
    last: dict[str, PlanItem] = {}
    for item in sorted(items, key=lambda i: (i.day, i.position)):
        if not item.left_out:
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
        last = sessions[-HARD_IN_A_ROW:]
        if len(last) == HARD_IN_A_ROW and all(log.effort is Effort.HARD for log in last):
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
    planned_days = {item.day for item in reviewed if not item.left_out}
    # A planned day counts once it is over, or today once its session is logged.
    due = [day for day in planned_days if day < today or (day == today and day in credit)]
    if not due:
        return ""
    done = min(float(len(due)), sum(credit.values()))
    if done >= DONE_SHARE * len(due):
        return ""
    if monday + timedelta(days=6) >= today:
        return f"Held for now: {share(done, len(due), 'planned session')} done so far this week"
    return f"Held: {share(done, len(due), 'planned session')} done the week before"


def _done_exercises(log: SessionLog) -> set[str]:
    """Exercises actually worked in a session (skipped ones did not load anything)."""
    return {entry.exercise_id for entry in log.exercises if not entry.skipped}
