"""The shipped routines.json: seven exercises whose targets are the doses in the facts."""

from __future__ import annotations

import pytest

from planner.domain.catalogue import GUIDANCE_KEYS, Catalogue, load_catalogue
from planner.domain.models import SHORT_NAME_MAX, Dose, Kind, Sides

# (id, kind, sides, target hold_s, reps, sets): the numbers of /work/shared/exercise-facts.md,
# with our stated choices where the facts give none (reps of 2, 3 and 5; the dose of 6).
FACTS = [
    ("leg-lift", Kind.HOLD, Sides.EACH, 30, 2, 1),
    ("single-knee-to-chest", Kind.HOLD, Sides.ALTERNATING, 20, 3, 1),
    ("double-knees-to-chest", Kind.HOLD, Sides.BOTH, 20, 3, 1),
    ("pelvic-tilt", Kind.HOLD_REPS, Sides.NONE, 10, 10, 3),
    ("seated-hamstring-stretch", Kind.HOLD, Sides.NONE, 15, 3, 1),
    ("hip-flexion-lunge", Kind.REPS, Sides.ALTERNATING, 0, 10, 1),
    ("deep-squat", Kind.REPS, Sides.NONE, 0, 10, 3),
]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def test_loads_the_seven_exercises_in_order(catalogue: Catalogue) -> None:
    assert catalogue.ids == tuple(row[0] for row in FACTS)
    assert len(catalogue) == 7
    assert all(not exercise.custom for exercise in catalogue)


@pytest.mark.parametrize(("exercise_id", "kind", "sides", "hold_s", "reps", "sets"), FACTS)
def test_target_matches_the_facts(
    catalogue: Catalogue,
    exercise_id: str,
    kind: Kind,
    sides: Sides,
    hold_s: int,
    reps: int,
    sets: int,
) -> None:
    exercise = catalogue.get(exercise_id)
    assert (exercise.kind, exercise.sides) == (kind, sides)
    assert (exercise.target.hold_s, exercise.target.reps, exercise.target.sets) == (
        hold_s,
        reps,
        sets,
    )


def test_pelvic_tilt_starts_at_five_seconds_and_reaches_ten(catalogue: Catalogue) -> None:
    tilt = catalogue.get("pelvic-tilt")
    assert tilt.start.hold_s == 5
    assert tilt.target == Dose(hold_s=10, reps=10, sets=3, rest_s=30)


@pytest.mark.parametrize("exercise_id", [row[0] for row in FACTS])
def test_every_start_is_gentler_than_its_target(catalogue: Catalogue, exercise_id: str) -> None:
    exercise = catalogue.get(exercise_id)
    start, target = exercise.start, exercise.target
    assert (start.hold_s, start.reps, start.sets) != (target.hold_s, target.reps, target.sets)
    assert start.hold_s <= target.hold_s and start.reps <= target.reps and start.sets <= target.sets


def test_every_exercise_is_fully_described(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        assert 3 <= len(exercise.steps) <= 6, exercise.id
        assert exercise.position and exercise.benefits and exercise.level_note, exercise.id
        assert any("sharp" in caution for caution in exercise.cautions), exercise.id
        assert exercise.dose_note, exercise.id
        if exercise.kind is not Kind.HOLD:
            assert exercise.tempo_s > 0, exercise.id


def test_every_exercise_has_a_short_name_for_narrow_columns(catalogue: Catalogue) -> None:
    shorts = [exercise.short_name for exercise in catalogue]
    assert all(0 < len(short) <= SHORT_NAME_MAX for short in shorts), shorts
    assert len(set(shorts)) == len(shorts)
    assert all(exercise.brief_name == exercise.short_name for exercise in catalogue)


def test_levels_bring_harder_exercises_in_later(catalogue: Catalogue) -> None:
    levels = {exercise.id: exercise.level for exercise in catalogue}
    assert levels["leg-lift"] == levels["single-knee-to-chest"] == 1
    assert levels["double-knees-to-chest"] == 1
    assert levels["seated-hamstring-stretch"] == levels["hip-flexion-lunge"] == 2
    assert levels["deep-squat"] == 3


def test_the_lying_exercises_flow_into_each_other(catalogue: Catalogue) -> None:
    chain = ["leg-lift"]
    while catalogue.get(chain[-1]).flows_into:
        chain.append(catalogue.get(chain[-1]).flows_into)
    assert chain == ["leg-lift", "single-knee-to-chest", "double-knees-to-chest", "pelvic-tilt"]


def test_guidance_carries_every_topic(catalogue: Catalogue) -> None:
    assert set(catalogue.guidance) == set(GUIDANCE_KEYS)
    assert all(catalogue.guidance[key] for key in GUIDANCE_KEYS)
    assert any("23%" in line for line in catalogue.guidance["prevalence"])
    assert any("Ochsner" in line for line in catalogue.guidance["why_it_helps"])
    assert any("doctor" in line for line in catalogue.guidance["see_a_doctor"])
