"""The feedback rules with made-up logs: hold, pause, resume climbing, idempotency."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner.domain.feedback import (
    PAUSE_BANNER_PREFIX,
    STEP_BACK_REASON,
    Review,
    held_dose,
    review_week,
)
from planner.domain.models import Dose, Effort, PlanItem, SessionLog
from tests.unit.feedback.factories import ramp_dose, session, week_items

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


def test_severe_pain_pauses_everything_and_raises_the_banner() -> None:
    logs = full_week(W47)
    logs[2] = replace(logs[2], pain_before=7, pain_after=7)
    result = review(logs)
    assert result.pause is not None
    assert result.pause.banner.startswith(PAUSE_BANNER_PREFIX)
    assert "doctor" in result.pause.banner
    assert len(result.changed) == 9
    assert all(item.held_reason.startswith("Paused:") for item in result.changed)
    assert all(item.dose == ramp_dose(1) for item in result.changed)


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
            item.held_reason == "Paused: pain has not eased over two weeks"
            for item in result.changed
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
    assert held[0].held_reason == "Held for now: 0 of 1 planned sessions done so far this week"


def test_a_hold_is_lifted_when_the_reason_clears() -> None:
    held = review([session(W47)]).changed
    upcoming = {item.id: item for item in week_items(W48, ramp_dose(2))} | {i.id: i for i in held}
    cleared = review_week(
        W47, week_items(W47, ramp_dose(1)), list(upcoming.values()), full_week(W47), AFTER_W47
    )
    assert len(cleared.changed) == 9
    assert all(item.dose == ramp_dose(2) and not item.held_reason for item in cleared.changed)
    assert all(item.unheld_dose is None for item in cleared.changed)


def test_after_a_held_week_climbing_resumes_one_step_at_a_time() -> None:
    # W47 was held at W46's dose (ramp 0) instead of its planned ramp 1.
    held_w47 = [
        replace(item, dose=ramp_dose(0), unheld_dose=ramp_dose(1), held_reason="Held: x")
        for item in week_items(W47, ramp_dose(1))
    ]
    result = review(full_week(W47), reviewed=held_w47)
    assert len(result.changed) == 9
    for item in result.changed:
        # The skipped step (ramp 1), not the generator's ramp 2: no jump of two steps.
        assert item.dose == ramp_dose(1)
        assert item.unheld_dose == ramp_dose(2)
        assert item.held_reason == STEP_BACK_REASON


def test_resuming_never_goes_above_the_generators_dose() -> None:
    held_w47 = [
        replace(item, dose=ramp_dose(0), unheld_dose=ramp_dose(3), held_reason="Held: x")
        for item in week_items(W47, ramp_dose(3))
    ]
    result = review(full_week(W47), reviewed=held_w47)
    # Next week's plan (ramp 2) is below the skipped step (ramp 3): plan wins, nothing held.
    assert all(item.dose == ramp_dose(2) for item in result.changed)
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
