"""The plan book's record_session and review_plan on a real (in-memory) store."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from planner.domain.advice import Advice, Priority
from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import Activity, Dose, Plan, Profile
from planner.planbook.change import ReadOnlyError
from planner.planbook.journal import record_session
from planner.planbook.review import review_plan
from planner.storage.store import Store
from tests.unit.feedback.factories import ramp_dose, session, week_items

W47 = date(2026, 11, 16)
W48 = date(2026, 11, 23)
W49 = date(2026, 11, 30)
TODAY = date(2026, 11, 25)
"""Wednesday of W48."""


@pytest.fixture
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def store() -> Store:
    """A plan of three weeks, W47 to W49, on Monday, Wednesday and Friday; W47 all done."""
    store = Store.in_memory()
    profile = Profile(
        pain=3,
        activity=Activity.MEDIUM,
        weekdays=frozenset({0, 2, 4}),
        minutes=15,
        weeks=3,
        start=W47,
    )
    items = [
        *week_items(W47, ramp_dose(1)),
        *week_items(W48, ramp_dose(2)),
        *week_items(W49, ramp_dose(3)),
    ]
    store.save_plan(Plan(profile=profile, items=tuple(items)), keep_before=W47)
    for day in (0, 2, 4):
        store.log_session(session(W47 + timedelta(days=day)))
    store.log_session(session(W48))
    return store


def doses(store: Store, monday: date) -> set[tuple[Dose, str]]:
    items = store.items_between(monday, monday + timedelta(days=6))
    return {(item.dose, item.held_reason) for item in items}


def test_a_good_session_changes_nothing(store: Store, catalogue: Catalogue) -> None:
    message = record_session(store, catalogue, session(TODAY), TODAY)
    assert message == ""
    assert len(store.logs_between(TODAY, TODAY)) == 1
    assert doses(store, W49) == {(ramp_dose(3), "")}
    assert store.plan_advice() == ()


def test_a_pain_rise_holds_next_week_and_says_so(store: Store, catalogue: Catalogue) -> None:
    log = session(TODAY, pain_before=2, pain_after=5, exercises=["pelvic-tilt"])
    message = record_session(store, catalogue, log, TODAY)
    name = catalogue.get("pelvic-tilt").name
    assert message == (
        f"Next week stays at this week's dose for {name}: pain went up after Wednesday's session."
    )
    held = [i for i in store.items_between(W49, W49 + timedelta(days=6)) if i.held_reason]
    assert {i.exercise_id for i in held} == {"pelvic-tilt"}
    assert all(i.dose == ramp_dose(2) and i.unheld_dose == ramp_dose(3) for i in held)


def test_the_doctor_banner_goes_on_and_comes_off(store: Store, catalogue: Catalogue) -> None:
    message = record_session(store, catalogue, session(TODAY, pain_before=8, pain_after=8), TODAY)
    doctor, paused = store.plan_advice()
    assert doctor.priority is Priority.SAFETY and doctor.text.startswith("See a doctor")
    assert paused.text.startswith("Progress is paused")
    assert message == f"{doctor.text} {paused.text}"
    assert all(
        reason.startswith(("De-loaded one step", "Left out during the pause"))
        for _, reason in doses(store, W49)
    )
    # Two weeks later, after clean sessions, the banner is gone and doses climb again.
    later = W49 + timedelta(days=7)
    for day in (0, 2, 4):
        store.log_session(session(W49 + timedelta(days=day)))
    store.save_plan(
        Plan(profile=store.profile(), items=tuple(week_items(later, ramp_dose(4)))),  # type: ignore[arg-type]
        keep_before=later,
    )
    review_plan(store, catalogue, later + timedelta(days=1))
    assert store.plan_advice() == ()


def test_review_is_idempotent(store: Store, catalogue: Catalogue) -> None:
    store.log_session(session(TODAY, pain_before=2, pain_after=6))
    first = review_plan(store, catalogue, TODAY)
    snapshot = store.items_between(W47, W49 + timedelta(days=6))
    assert first != ""
    assert review_plan(store, catalogue, TODAY) == ""
    assert store.items_between(W47, W49 + timedelta(days=6)) == snapshot


def test_last_week_is_settled_when_the_app_opens(store: Store, catalogue: Catalogue) -> None:
    # Nobody opened the app during W48 after Monday: Wednesday and Friday were missed.
    next_monday = W49
    message = review_plan(store, catalogue, next_monday)
    assert "1 of 3 planned sessions done the week before" in message
    assert doses(store, W49) == {
        (ramp_dose(2), "Held: 1 of 3 planned sessions done the week before")
    }


def test_a_lifted_hold_clears_on_disk(store: Store, catalogue: Catalogue) -> None:
    review_plan(store, catalogue, W48 + timedelta(days=3))  # Thursday: Wednesday missed
    assert any(reason for _, reason in doses(store, W49))
    # The user logs Wednesday's session late: back on plan.
    message = record_session(store, catalogue, session(W48 + timedelta(days=2)), TODAY)
    assert message.startswith("Back on plan: ")
    assert doses(store, W49) == {(ramp_dose(3), "")}
    assert all(i.unheld_dose is None for i in store.items_between(W49, W49 + timedelta(days=6)))


def test_advice_from_the_plan_generator_is_left_alone(store: Store, catalogue: Catalogue) -> None:
    note = Advice(Priority.NOTE, "Sunday stays a rest day.", "rest-day")
    store.set_plan_advice([note])
    record_session(store, catalogue, session(TODAY, pain_before=8, pain_after=9), TODAY)
    advice = store.plan_advice()
    # The pause's advice goes first, the generator's note stays after it.
    assert [a.priority for a in advice] == [Priority.SAFETY, Priority.PAUSED, Priority.NOTE]
    assert advice[-1] == note
    assert "pain of 9" in advice[0].text


def test_read_only_store_says_nothing_was_saved(store: Store, catalogue: Catalogue) -> None:
    store.read_only = True
    with pytest.raises(ReadOnlyError, match="read-only"):
        record_session(store, catalogue, session(TODAY), TODAY)
    assert store.logs_between(TODAY, TODAY) == []
    assert review_plan(store, catalogue, TODAY) == ""
