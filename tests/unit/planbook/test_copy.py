"""What the plan book says to a user reads as English for one thing and for several."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import Activity, Dose, Profile
from planner.planbook import edits
from planner.planbook.plans import draft_plan, new_plan, rebuild_question, save_plan, summary
from planner.storage.store import Store

MONDAY = date(2030, 12, 2)
"""Far enough ahead that no day of these plans is ever in the past."""


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def profile(
    pain: int = 3, weeks: int = 6, weekdays: frozenset[int] = frozenset({0, 2, 4})
) -> Profile:
    return Profile(pain, Activity.MEDIUM, weekdays, 15, weeks, MONDAY)


def test_a_rest_day_over_one_exercise_says_it(catalogue: Catalogue) -> None:
    store = Store.in_memory()
    tuesday = MONDAY + timedelta(days=1)
    store.add_item(tuesday, "deep-squat", Dose(reps=5))
    assert edits.rest_question(store, tuesday) == (
        "Tuesday 3 December has 1 exercise. Take it off and make it a rest day?"
    )
    store.add_item(tuesday, "pelvic-tilt", Dose(hold_s=5, reps=5))
    assert "has 2 exercises. Take them off" in edits.rest_question(store, tuesday)


def test_a_rebuild_over_one_hand_edited_day_says_it(catalogue: Catalogue) -> None:
    store = Store.in_memory()
    first = new_plan(profile(), catalogue, MONDAY)
    save_plan(store, draft_plan(store, catalogue, first, MONDAY))
    item = store.items_on(MONDAY)[0]
    edits.set_dose(store, item.id, replace(item.dose, reps=item.dose.reps + 1))
    draft = draft_plan(store, catalogue, new_plan(profile(pain=2), catalogue, MONDAY), MONDAY)
    assert rebuild_question(draft) == (
        "You changed 1 day of the plan by hand from Mon 2 Dec on. The new plan replaces it."
    )


def test_the_summary_of_a_one_week_plan(catalogue: Catalogue) -> None:
    store = Store.in_memory()
    plan = new_plan(profile(weeks=1, weekdays=frozenset({0, 3})), catalogue, MONDAY)
    lines = summary(draft_plan(store, catalogue, plan, MONDAY), catalogue).splitlines()
    assert lines[0].startswith("Saved a 1-week plan from Mon 2 Dec 2030")
    assert lines[0].endswith(": 2 sessions, 5 rest days.")
    assert lines[1].startswith("About ") and lines[1].endswith(" of exercise in week 1.")


@pytest.mark.parametrize(
    ("weeks", "saved"), [(8, "Saved an 8-week plan"), (11, "Saved an 11-week")]
)
def test_the_summary_says_an_8_week_plan(catalogue: Catalogue, weeks: int, saved: str) -> None:
    plan = new_plan(profile(weeks=weeks), catalogue, MONDAY)
    assert summary(draft_plan(Store.in_memory(), catalogue, plan, MONDAY), catalogue).startswith(
        saved
    )
