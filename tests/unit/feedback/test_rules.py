"""The feedback rules with made-up logs: hold, pause, resume climbing, idempotency."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from functools import partial

import pytest

from planner.domain import feedback
from planner.domain.advice import Priority
from planner.domain.catalogue import load_catalogue
from planner.domain.feedback import (
    PAUSE_BANNER_PREFIX,
    STEP_BACK_REASON,
    Review,
    held_dose,
)
from planner.domain.models import Activity, Dose, Effort, PlanItem, SessionLog
from planner.domain.ramp import dose_ladder, work_seconds
from tests.unit.feedback.factories import EXERCISES, ramp_dose, session, week_items

CATALOGUE = load_catalogue()
review_week = partial(feedback.review_week, catalogue=CATALOGUE)

W46 = date(2026, 11, 9)
W47 = date(2026, 11, 16)
W48 = date(2026, 11, 23)
AFTER_W47 = date(2026, 11, 23)
"""Monday of W48: the whole of W47 is over."""


def review(
    logs: list[SessionLog], *, reviewed: list[PlanItem] | None = None, today: date = AFTER_W47
) -> Review:
    """Review W47 (at ramp dose 1) for W48 (at ramp dose 2)."""
    reviewed = week_items(W47, ramp_dose(1)) if reviewed is None else reviewed
    return review_week(W47, reviewed, week_items(W48, ramp_dose(2)), logs, today)


def full_week(monday: date, **kwargs: object) -> list[SessionLog]:
    return [session(monday + timedelta(days=d), **kwargs) for d in (0, 2, 4)]  # type: ignore[arg-type]


def test_a_good_week_lets_every_dose_climb() -> None:
    result = review(full_week(W47))
    assert result.changed == ()
    assert result.pause is None


def test_pain_rise_holds_the_exercises_of_that_session_only() -> None:
    logs = full_week(W47)
    logs[1] = session(W47 + timedelta(days=2), pain_before=3, pain_after=5, exercises=["leg-lift"])
    result = review(logs)
    assert {item.exercise_id for item in result.changed} == {"leg-lift"}
    for item in result.changed:
        assert item.dose == ramp_dose(1)
        assert item.unheld_dose == ramp_dose(2)
        assert item.held_reason == "Held: pain went up after Wednesday's session"
    assert result.pause is None


def test_pain_rise_of_one_point_does_not_hold() -> None:
    logs = full_week(W47, pain_before=3, pain_after=4)
    assert review(logs).changed == ()


def test_hard_twice_in_a_row_holds_even_across_the_week_boundary() -> None:
    friday_before = session(W46 + timedelta(days=4), effort=Effort.HARD)
    logs = [friday_before, session(W47, effort=Effort.HARD)]
    logs += [session(W47 + timedelta(days=d), exercises=["pelvic-tilt"]) for d in (2, 4)]
    result = review(logs)
    # Pelvic tilt's last two sessions were fine; the other two were last done hard, hard.
    assert {item.exercise_id for item in result.changed} == {"leg-lift", "deep-squat"}
    assert all("felt hard" in item.held_reason for item in result.changed)


def test_hard_then_about_right_does_not_hold() -> None:
    logs = full_week(W47)
    logs[0] = replace(logs[0], effort=Effort.HARD)
    assert review(logs).changed == ()


def test_severe_pain_deloads_one_step_leaves_out_the_harder_ones_and_says_see_a_doctor_first() -> (
    None
):
    # Rule changed with issue 12: a pause de-loads (one step down, gentle exercises only)
    # instead of holding every dose, and its doctor advice comes first.
    logs = full_week(W47)
    logs[2] = replace(logs[2], pain_before=7, pain_after=7)
    result = review(logs)
    assert result.pause is not None
    first, second = result.pause.advice
    assert first.priority is Priority.SAFETY and first.text.startswith("See a doctor")
    assert second.priority is Priority.PAUSED and second.text.startswith(PAUSE_BANNER_PREFIX)
    assert len(result.changed) == 9
    for item in result.changed:
        exercise = CATALOGUE.get(item.exercise_id)
        if exercise.level > 1:
            assert item.left_out and "Left out during the pause" in item.held_reason
        else:
            assert item.held_reason.startswith("De-loaded one step")
            assert work_seconds(exercise, item.dose) < work_seconds(exercise, ramp_dose(1))


def test_severe_pain_from_last_week_still_pauses_but_not_after_two_clean_weeks() -> None:
    severe = [session(W46, pain_before=8, pain_after=8)]
    assert review(severe + full_week(W47)).pause is not None
    # Reviewing W48 after a clean W47 and W48: W46's report is out of the window.
    w48 = review_week(
        W48,
        week_items(W48, ramp_dose(2)),
        week_items(W48 + timedelta(days=7), ramp_dose(3)),
        severe + full_week(W47) + full_week(W48),
        W48 + timedelta(days=7),
    )
    assert w48.pause is None


@pytest.mark.parametrize(
    ("earlier", "now", "paused"),
    [(4, 5, True), (5, 5, True), (6, 4, False), (2, 2, False), (3, 3, False)],
)
def test_pain_not_easing_over_two_weeks_pauses_only_when_moderate(
    earlier: int, now: int, paused: bool
) -> None:
    logs = full_week(W46 - timedelta(days=7), pain_before=earlier, pain_after=earlier)
    logs += full_week(W47, pain_before=now, pain_after=now)
    result = review(logs)
    assert (result.pause is not None) is paused
    if paused:
        assert all(
            "pain has not eased over two weeks" in item.held_reason
            for item in result.changed
            if not item.left_out
        )


def test_too_few_sessions_hold_every_dose() -> None:
    result = review([session(W47)])
    assert len(result.changed) == 9
    assert {item.held_reason for item in result.changed} == {
        "Held: 1 of 3 planned sessions done the week before"
    }


def test_partial_sessions_count_half() -> None:
    two_partials = [
        session(W47),
        *(session(W47 + timedelta(days=d), complete=False) for d in (2, 4)),
    ]
    assert review(two_partials).changed == ()  # 1 + 0.5 + 0.5 = 2 of 3
    one_partial = [session(W47), session(W47 + timedelta(days=2), complete=False)]
    held = review(one_partial).changed
    assert held and held[0].held_reason == "Held: 1.5 of 3 planned sessions done the week before"


def test_mid_week_counts_only_the_days_that_are_due() -> None:
    wednesday = W47 + timedelta(days=2)
    # Monday done, Wednesday (today) not yet: 1 of 1 due, nothing held.
    assert review([session(W47)], today=wednesday).changed == ()
    # Monday missed: 0 of 1 due, held for now.
    held = review([], today=wednesday).changed
    assert held[0].held_reason == "Held for now: 0 of 1 planned session done so far this week"
    # Monday only partly done: half a session of the one due.
    half = review([session(W47, complete=False)], today=wednesday).changed
    assert half[0].held_reason == "Held for now: 0.5 of 1 planned session done so far this week"


def test_a_hold_is_lifted_when_the_reason_clears() -> None:
    held = review([session(W47)]).changed
    upcoming = {item.id: item for item in week_items(W48, ramp_dose(2))} | {i.id: i for i in held}
    cleared = review_week(
        W47, week_items(W47, ramp_dose(1)), list(upcoming.values()), full_week(W47), AFTER_W47
    )
    assert len(cleared.changed) == 9
    assert all(item.dose == ramp_dose(2) and not item.held_reason for item in cleared.changed)
    assert all(item.unheld_dose is None for item in cleared.changed)


def ladder_week(monday: date, rung: int, *, planned: int | None = None) -> list[PlanItem]:
    """Each exercise on Monday, Wednesday, Friday at ``rung`` of its high-pace ladder.

    With ``planned`` the items are held: ``rung`` below their planned rung.
    """
    items = []
    for position, exercise_id in enumerate(EXERCISES):
        ladder = dose_ladder(CATALOGUE.get(exercise_id), Activity.HIGH)
        for weekday in (0, 2, 4):
            item = PlanItem(
                id=f"{monday}-{weekday}-{exercise_id}",
                day=monday + timedelta(days=weekday),
                exercise_id=exercise_id,
                dose=ladder[rung],
                position=position,
            )
            if planned is not None:
                item = replace(item, unheld_dose=ladder[planned], held_reason="Held: x")
            items.append(item)
    return items


def test_after_a_held_week_climbing_resumes_one_step_at_a_time() -> None:
    # W47 was held at rung 0 instead of its planned rung 3; W48 is planned at rung 4.
    result = review_week(
        W47, ladder_week(W47, 0, planned=3), ladder_week(W48, 4), full_week(W47), AFTER_W47
    )
    assert len(result.changed) == 9
    for item in result.changed:
        ladder = dose_ladder(CATALOGUE.get(item.exercise_id), Activity.HIGH)
        # One rung up from what was done, not the generator's rung 4: no jump.
        assert item.dose == ladder[1]
        assert item.unheld_dose == ladder[4]
        assert item.held_reason == STEP_BACK_REASON


def test_resuming_never_goes_above_the_generators_dose() -> None:
    # Next week's plan (rung 1) is the next step anyway: plan wins, nothing held.
    result = review_week(
        W47, ladder_week(W47, 0, planned=3), ladder_week(W48, 1), full_week(W47), AFTER_W47
    )
    assert result.changed == ()


def test_held_dose_never_exceeds_the_plan_in_any_part() -> None:
    this_week = Dose(hold_s=30, reps=4, sets=3, rest_s=15)
    planned = Dose(hold_s=20, reps=8, sets=2, rest_s=30)
    assert held_dose(this_week, planned) == Dose(hold_s=20, reps=4, sets=2, rest_s=15)


def test_a_dose_the_user_changed_after_a_hold_is_respected() -> None:
    # The store clears the reason when the user re-doses an item by hand.
    edited = [
        replace(
            item, dose=Dose(hold_s=12, reps=5, sets=1), unheld_dose=ramp_dose(2), held_reason=""
        )
        for item in week_items(W48, ramp_dose(2))
    ]
    result = review_week(W47, week_items(W47, ramp_dose(1)), edited, full_week(W47), AFTER_W47)
    assert all(item.dose == Dose(hold_s=12, reps=5, sets=1) for item in result.changed)
    assert all(item.unheld_dose is None for item in result.changed)


def _apply(items: list[PlanItem], changed: tuple[PlanItem, ...]) -> list[PlanItem]:
    by_id = {item.id: item for item in items} | {item.id: item for item in changed}
    return list(by_id.values())


@pytest.mark.parametrize("seed", range(40))
def test_reviewing_twice_changes_nothing_the_second_time(seed: int) -> None:
    rng = random.Random(seed)
    logs = [
        session(
            W46 + timedelta(days=d),
            pain_before=rng.randint(0, 8),
            pain_after=rng.randint(0, 9),
            effort=rng.choice(list(Effort)),
            complete=rng.random() > 0.3,
            exercises=rng.sample(["pelvic-tilt", "leg-lift", "deep-squat"], k=rng.randint(1, 3)),
        )
        for d in range(14)
        if rng.random() < 0.5
    ]
    upcoming = week_items(W48, ramp_dose(2))
    today = W47 + timedelta(days=rng.randint(0, 7))
    first = review_week(W47, week_items(W47, ramp_dose(1)), upcoming, logs, today)
    after_first = _apply(upcoming, first.changed)
    second = review_week(W47, week_items(W47, ramp_dose(1)), after_first, logs, today)
    assert second.changed == ()
    assert second.pause == first.pause
