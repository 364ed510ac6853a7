"""Custom exercises in the shared Catalogue: added, replaced and removed in place."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner.domain.catalogue import Catalogue, CatalogueError, load_catalogue
from planner.domain.models import Dose, Exercise, Kind, Sides


def own_exercise(exercise_id: str = "cat-camel", name: str = "Cat and camel") -> Exercise:
    return Exercise(
        id=exercise_id,
        name=name,
        level=1,
        kind=Kind.REPS,
        sides=Sides.NONE,
        position="On hands and knees.",
        steps=("Round the back.", "Let it sag."),
        start=Dose(reps=5),
        target=Dose(reps=10),
        custom=True,
    )


@pytest.fixture
def catalogue() -> Catalogue:
    return load_catalogue()


def test_put_custom_adds_after_the_built_in_ones(catalogue: Catalogue) -> None:
    catalogue.put_custom(own_exercise())
    assert "cat-camel" in catalogue
    assert catalogue.ids[-1] == "cat-camel"
    assert len(catalogue) == 8
    assert [e.id for e in catalogue.builtin()] == list(catalogue.ids[:7])


def test_put_custom_replaces_a_custom_one_in_place(catalogue: Catalogue) -> None:
    catalogue.put_custom(own_exercise())
    catalogue.put_custom(own_exercise(name="Cat-cow"))
    assert catalogue.get("cat-camel").name == "Cat-cow"
    assert len(catalogue) == 8


def test_put_custom_marks_the_exercise_as_custom(catalogue: Catalogue) -> None:
    catalogue.put_custom(replace(own_exercise(), custom=False))
    assert catalogue.get("cat-camel").custom


def test_put_custom_refuses_to_replace_a_built_in_one(catalogue: Catalogue) -> None:
    with pytest.raises(CatalogueError, match='exercise "pelvic-tilt": field "id": is taken by'):
        catalogue.put_custom(own_exercise("pelvic-tilt"))
    assert not catalogue.get("pelvic-tilt").custom
    assert catalogue.get("pelvic-tilt").name == "Pelvic tilt (pelvic lift)"


def test_remove_custom_takes_it_out(catalogue: Catalogue) -> None:
    catalogue.put_custom(own_exercise())
    catalogue.remove_custom("cat-camel")
    assert "cat-camel" not in catalogue
    assert len(catalogue) == 7


def test_remove_custom_refuses_a_built_in_one(catalogue: Catalogue) -> None:
    with pytest.raises(CatalogueError, match="is built in and cannot be removed"):
        catalogue.remove_custom("deep-squat")
    assert "deep-squat" in catalogue


def test_remove_custom_of_an_unknown_id_is_a_key_error(catalogue: Catalogue) -> None:
    with pytest.raises(KeyError):
        catalogue.remove_custom("nothing-here")


def test_with_custom_builds_a_new_catalogue_and_leaves_this_one(catalogue: Catalogue) -> None:
    combined = catalogue.with_custom([own_exercise(), own_exercise("bridge", "Bridge")])
    assert combined.ids[7:] == ("cat-camel", "bridge")
    assert len(catalogue) == 7
    assert combined.guidance == catalogue.guidance


def test_with_custom_replaces_earlier_custom_ones(catalogue: Catalogue) -> None:
    catalogue.put_custom(own_exercise())
    combined = catalogue.with_custom([own_exercise("bridge", "Bridge")])
    assert "cat-camel" not in combined
    assert "bridge" in combined


def test_with_custom_refuses_a_custom_id_that_shadows_a_built_in_one(
    catalogue: Catalogue,
) -> None:
    with pytest.raises(CatalogueError, match='"leg-lift"'):
        catalogue.with_custom([own_exercise("leg-lift")])


def test_iterating_while_editing_is_safe(catalogue: Catalogue) -> None:
    catalogue.put_custom(own_exercise())
    for exercise in catalogue:
        if exercise.custom:
            catalogue.remove_custom(exercise.id)
    assert len(catalogue) == 7


def test_contains_is_false_for_non_ids(catalogue: Catalogue) -> None:
    assert 3 not in catalogue
    assert "Pelvic tilt (pelvic lift)" not in catalogue


def test_two_exercises_with_one_id_cannot_make_a_catalogue() -> None:
    with pytest.raises(CatalogueError, match="is used by two exercises"):
        Catalogue([own_exercise(), own_exercise()])
