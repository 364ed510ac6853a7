"""The one dose grammar: full wording per built-in exercise and per kind and sides, and the
shorter forms a narrow calendar column shows."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.dose_words import dose_forms, dose_text
from planner.domain.models import SHORT_NAME_MAX, Dose, Exercise, Kind, Sides
from planner.domain.ramp import dose_ladder

COLUMN_AT_100 = SHORT_NAME_MAX
"""Cells a calendar column has for a dose at 100 terminal columns (the same as for a name)."""


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def exercise(kind: Kind, sides: Sides = Sides.NONE) -> Exercise:
    hold = 0 if kind is Kind.REPS else 10
    return Exercise(
        id="x",
        name="X",
        level=1,
        kind=kind,
        sides=sides,
        position="p",
        steps=("s",),
        start=Dose(hold_s=hold),
        target=Dose(hold_s=hold),
    )


# The built-in exercises at their start and target doses, as every surface words them.
BUILT_IN = [
    ("leg-lift", "15 s hold, each side", "2 × 30 s hold, each side"),
    (
        "single-knee-to-chest",
        "4 × 10 s hold, alternating: 2 a side",
        "6 × 20 s hold, alternating: 3 a side",
    ),
    (
        "double-knees-to-chest",
        "2 × 10 s hold, both sides together",
        "3 × 20 s hold, both sides together",
    ),
    ("pelvic-tilt", "5 reps, each held 5 s", "3 × 10 reps, each held 10 s"),
    ("seated-hamstring-stretch", "2 × 10 s hold", "3 × 15 s hold"),
    ("hip-flexion-lunge", "10 reps, alternating: 5 a side", "20 reps, alternating: 10 a side"),
    ("deep-squat", "5 reps", "3 × 10 reps"),
]


@pytest.mark.parametrize(("exercise_id", "start", "target"), BUILT_IN)
def test_each_built_in_exercise_at_its_start_and_target(
    catalogue: Catalogue, exercise_id: str, start: str, target: str
) -> None:
    shown = catalogue.get(exercise_id)
    assert dose_text(shown.start, shown) == start
    assert dose_text(shown.target, shown) == target


def test_the_table_covers_every_built_in_exercise(catalogue: Catalogue) -> None:
    assert [row[0] for row in BUILT_IN] == list(catalogue.ids)


@pytest.mark.parametrize(
    ("kind", "sides", "dose", "words"),
    [
        # holds: one, several, in sets; sides say what the count is per
        (Kind.HOLD, Sides.NONE, Dose(hold_s=15), "15 s hold"),
        (Kind.HOLD, Sides.NONE, Dose(hold_s=1), "1 s hold"),
        (Kind.HOLD, Sides.NONE, Dose(hold_s=15, reps=2), "2 × 15 s hold"),
        (Kind.HOLD, Sides.NONE, Dose(hold_s=15, sets=3), "3 × 15 s hold"),
        (Kind.HOLD, Sides.NONE, Dose(hold_s=15, reps=3, sets=2), "2 sets of 3 × 15 s hold"),
        (Kind.HOLD, Sides.EACH, Dose(hold_s=15, reps=2), "2 × 15 s hold, each side"),
        (Kind.HOLD, Sides.EACH, Dose(hold_s=30), "30 s hold, each side"),
        (Kind.HOLD, Sides.BOTH, Dose(hold_s=20, reps=3), "3 × 20 s hold, both sides together"),
        (Kind.HOLD, Sides.ALTERNATING, Dose(hold_s=10), "2 × 10 s hold, alternating: 1 a side"),
        (
            Kind.HOLD,
            Sides.ALTERNATING,
            Dose(hold_s=10, reps=3),
            "6 × 10 s hold, alternating: 3 a side",
        ),
        # paced reps: a set, several sets, one rep
        (Kind.REPS, Sides.NONE, Dose(reps=10), "10 reps"),
        (Kind.REPS, Sides.NONE, Dose(reps=1), "1 rep"),
        (Kind.REPS, Sides.NONE, Dose(reps=10, sets=3), "3 × 10 reps"),
        (Kind.REPS, Sides.NONE, Dose(reps=1, sets=2), "2 × 1 rep"),
        (Kind.REPS, Sides.EACH, Dose(reps=8), "8 reps, each side"),
        (Kind.REPS, Sides.BOTH, Dose(reps=8), "8 reps, both sides together"),
        (Kind.REPS, Sides.ALTERNATING, Dose(reps=5), "10 reps, alternating: 5 a side"),
        (
            Kind.REPS,
            Sides.ALTERNATING,
            Dose(reps=5, sets=2),
            "2 × 10 reps, alternating: 5 a side",
        ),
        # reps with a hold at the top
        (Kind.HOLD_REPS, Sides.NONE, Dose(hold_s=5, reps=10), "10 reps, each held 5 s"),
        (Kind.HOLD_REPS, Sides.NONE, Dose(hold_s=5, reps=1), "1 rep, each held 5 s"),
        (Kind.HOLD_REPS, Sides.NONE, Dose(hold_s=8, reps=12, sets=3), "3 × 12 reps, each held 8 s"),
        (Kind.HOLD_REPS, Sides.EACH, Dose(hold_s=5, reps=6), "6 reps, each held 5 s, each side"),
    ],
)
def test_wording_by_kind_and_sides(kind: Kind, sides: Sides, dose: Dose, words: str) -> None:
    assert dose_text(dose, exercise(kind, sides)) == words


@pytest.mark.parametrize(
    ("dose", "words"),
    [
        (Dose(hold_s=15, reps=2), "2 × 15 s hold"),
        (Dose(hold_s=15), "15 s hold"),
        (Dose(reps=10, sets=3), "3 × 10 reps"),
        (Dose(reps=1), "1 rep"),
    ],
)
def test_an_exercise_no_longer_known_is_worded_on_its_numbers(dose: Dose, words: str) -> None:
    assert dose_text(dose) == words


@pytest.mark.parametrize(
    ("kind", "sides", "dose", "forms"),
    [
        (Kind.HOLD, Sides.EACH, Dose(hold_s=30, reps=2), ("2×30s a side", "2×30s")),
        (Kind.HOLD, Sides.EACH, Dose(hold_s=15), ("15s a side", "15s hold")),
        (Kind.HOLD, Sides.ALTERNATING, Dose(hold_s=20, reps=3), ("3×20s a side", "3×20s")),
        (Kind.HOLD, Sides.BOTH, Dose(hold_s=20, reps=3), ("3×20s",)),
        (Kind.HOLD, Sides.NONE, Dose(hold_s=15, reps=3, sets=2), ("2×3×15s",)),
        (Kind.REPS, Sides.NONE, Dose(reps=10, sets=3), ("3×10 reps",)),
        (Kind.REPS, Sides.ALTERNATING, Dose(reps=10), ("10 reps a side", "10 a side")),
        (Kind.REPS, Sides.EACH, Dose(reps=1), ("1 rep a side", "1 a side")),
        (
            Kind.HOLD_REPS,
            Sides.NONE,
            Dose(hold_s=10, reps=10, sets=3),
            ("3×10 reps, 10s hold", "3×10 reps"),
        ),
    ],
)
def test_shorter_forms_for_narrow_columns(
    kind: Kind, sides: Sides, dose: Dose, forms: tuple[str, ...]
) -> None:
    shown = exercise(kind, sides)
    assert dose_forms(dose, shown) == (dose_text(dose, shown), *forms)


def test_every_built_in_dose_fits_a_column_at_100_columns(catalogue: Catalogue) -> None:
    """Every rung of every ladder has a form that fits, and sided ones still say "a side"."""
    for shown in catalogue:
        for dose in dose_ladder(shown):
            fitting = [form for form in dose_forms(dose, shown) if len(form) <= COLUMN_AT_100]
            assert fitting, (shown.id, dose)
            if shown.sides in (Sides.EACH, Sides.ALTERNATING):
                assert "a side" in fitting[0], (shown.id, dose, fitting[0])


kinds = st.sampled_from(list(Kind))
all_sides = st.sampled_from(list(Sides))
doses = st.builds(
    Dose,
    hold_s=st.integers(1, 600),
    reps=st.integers(1, 100),
    sets=st.integers(1, 10),
    rest_s=st.integers(0, 600),
)
# Every × is followed by a count and then its unit (or another ×): never a bare "3×10".
UNIT_AFTER_TIMES = re.compile(r"× ?\d+ ?(s\b|reps?\b|a side\b|×)")


@given(kinds, all_sides, doses)
def test_every_form_names_its_unit_and_agrees_in_number(
    kind: Kind, sides: Sides, dose: Dose
) -> None:
    shown = exercise(kind, sides)
    if kind is Kind.REPS:
        dose = Dose(reps=dose.reps, sets=dose.sets, rest_s=dose.rest_s)
    forms = dose_forms(dose, shown)
    assert [len(form) for form in forms] == sorted((len(form) for form in forms), reverse=True)
    for form in forms:
        for times in re.finditer("×", form):
            assert UNIT_AFTER_TIMES.match(form, times.start()), form
        assert not re.search(r"\b1 reps\b|\b1 sets\b", form), form
        assert "  " not in form and form == form.strip()
    full = forms[0]
    if sides is Sides.EACH:
        assert full.endswith(", each side")
    if sides is Sides.ALTERNATING:
        assert full.endswith(f", alternating: {dose.reps} a side")
    if kind is not Kind.REPS:
        assert f"{dose.hold_s} s" in full
