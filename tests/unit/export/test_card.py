"""The text card and its Markdown twin: how-to once per exercise, a week grid to tick, safety first.

The card's limits (80 columns; six weeks of three days in at most 120 lines) are
checked over plans the real generator makes from the real catalogue, for any
profile hypothesis picks; the layout itself is pinned by the golden files in
test_export_formats.py.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.advice import Advice, Priority
from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.export import ExportWindow, render_markdown, render_text
from planner.domain.models import Activity, Dose, Exercise, Kind, PlanItem, Profile, Sides
from planner.domain.progression import PlanRefused, generate_plan
from tests.unit.export.test_export_formats import check_golden

CATALOGUE = load_catalogue()
MONDAY = date(2026, 11, 30)

CARD_WIDTH = 80
CARD_LINES_SIX_WEEKS_OF_THREE = 120

OWN = Exercise(
    id="custom-lean",
    name="Wall lean",
    level=1,
    kind=Kind.REPS,
    sides=Sides.NONE,
    position="Stand an arm's length from a wall.",
    steps=("Lean gently", "Come back up"),
    start=Dose(reps=5),
    target=Dose(reps=10),
    cautions=("Keep the heels down.", "Stop if the back hurts."),
    custom=True,
)


def plan_window(profile: Profile, catalogue: Catalogue = CATALOGUE) -> ExportWindow:
    plan = generate_plan(profile, catalogue)
    return ExportWindow(
        profile.start, profile.weeks, plan.items, plan.rest_days, plan.advice, profile
    )


def six_weeks_of_three(pain: int = 2, minutes: int = 30) -> ExportWindow:
    return plan_window(Profile(pain, Activity.MEDIUM, frozenset({0, 2, 4}), minutes, 6, MONDAY))


def section(text: str, title: str) -> list[str]:
    """The lines under the ``── title`` heading, up to the next heading."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"── {title}"))
    rest = lines[start + 1 :]
    end = next((i for i, line in enumerate(rest) if line.startswith("── ")), len(rest))
    return rest[:end]


def test_a_six_week_plan_card_matches_its_golden_file() -> None:
    """The whole card of a real plan, as a user prints it (UPDATE_GOLDEN=1 rewrites it)."""
    card = render_text(six_weeks_of_three(), CATALOGUE)
    check_golden("card-6-weeks.txt", card.encode())
    assert len(card.splitlines()) <= CARD_LINES_SIX_WEEKS_OF_THREE


def test_safety_comes_before_everything_else_on_the_card() -> None:
    advice = (
        Advice(Priority.NOTE, "How the plan was made.", "note"),
        Advice(Priority.PAUSED, "Progress is paused this week.", "paused"),
        Advice(Priority.SAFETY, "See a doctor: pain of 8 was reported.", "doctor"),
    )
    window = six_weeks_of_three()
    card = render_text(ExportWindow(MONDAY, 6, window.items, frozenset(), advice), CATALOGUE)
    lines = card.splitlines()
    assert lines[1] == "! See a doctor: pain of 8 was reported."
    assert lines[2].startswith("! Safety: Stop any exercise")
    assert any(line == "! Progress is paused this week." for line in lines[2:6])
    assert "How the plan was made." not in card  # a planning note: the Markdown keeps it
    assert card.index("! Safety:") < card.index("── How to do them")


def test_how_to_comes_once_per_exercise_with_start_every_step_and_cautions() -> None:
    window = six_weeks_of_three()
    card = render_text(window, CATALOGUE)
    how = "\n".join(section(card, "How to do them"))
    planned = {item.exercise_id for item in window.items}
    assert len(planned) >= 5
    for exercise_id in planned:
        exercise = CATALOGUE.get(exercise_id)
        short = exercise.brief_name
        tag = "" if exercise.name.startswith(short) else f" [{short}]"
        assert how.count(f"{exercise.name}{tag} · Start: ") == 1
        # The grid's short name can be found among the how-tos.
        assert how.count(short) >= 1
        # Wrapped at spaces, never cut: joined back, every sentence is there whole.
        flowing = " ".join(line.strip() for line in how.splitlines())
        assert exercise.position in flowing
        for number, step in enumerate(exercise.steps, start=1):
            assert f"{number}. {step}" in flowing
        assert f"Take care: {' '.join(exercise.cautions)}" in flowing
    assert "…" not in card


def test_each_custom_step_has_a_line_of_its_own() -> None:
    catalogue = CATALOGUE.with_custom([OWN])
    items = (PlanItem("a", MONDAY, OWN.id, Dose(reps=6)),)
    card = render_text(ExportWindow(MONDAY, 1, items, frozenset()), catalogue)
    assert "  1. Lean gently\n  2. Come back up\n" in card
    assert "Lean gently Come back up" not in card
    markdown = render_markdown(ExportWindow(MONDAY, 1, items, frozenset()), catalogue)
    assert "1. Lean gently\n2. Come back up\n" in markdown


def test_the_grid_has_a_row_to_tick_per_session_day_and_says_repeats_once() -> None:
    window = six_weeks_of_three()
    card = render_text(window, CATALOGUE)
    rows = [line for line in card.splitlines() if line.startswith("[ ] ")]
    session_days = sorted({item.day for item in window.items if not item.left_out})
    assert len(rows) == len(session_days) == 18
    assert all(line.endswith("pain __/10") for line in rows)
    assert all(len(line) == CARD_WIDTH for line in rows)  # the pain column lines up
    # Wednesday and Friday repeat Monday's exercises: said in a word, not listed again.
    assert sum(" as Monday" in row for row in rows) >= 6


def test_a_day_that_leaves_one_out_says_which() -> None:
    wed = MONDAY + timedelta(days=2)
    tilt, squat = CATALOGUE.get("pelvic-tilt"), CATALOGUE.get("deep-squat")
    items = (
        PlanItem("1", MONDAY, tilt.id, Dose(hold_s=5, reps=5), 0),
        PlanItem("2", MONDAY, squat.id, Dose(reps=5), 1),
        PlanItem("3", wed, tilt.id, Dose(hold_s=5, reps=5), 0),
    )
    card = render_text(ExportWindow(MONDAY, 1, items, frozenset()), CATALOGUE)
    wed_row = next(line for line in card.splitlines() if line.startswith("[ ] Wed"))
    assert f"as Monday, without {squat.name}" in wed_row


def test_markdown_has_the_same_structure_and_no_trailing_space_breaks() -> None:
    window = six_weeks_of_three()
    markdown = render_markdown(window, CATALOGUE, history="## History\n\nA table.\n")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings[:2] == ["## How to do them", "## Week by week"]
    assert headings[2].startswith("## See a doctor first")
    assert markdown.index("**Safety:**") < markdown.index("## How to do them")
    assert not [line for line in markdown.splitlines() if line.endswith("  ")]
    rows = re.findall(r"^\| \[ \] \| .* \| __/10 \|$", markdown, flags=re.MULTILINE)
    assert len(rows) == 18
    assert markdown.count("**Take care:**") == len({i.exercise_id for i in window.items})


@st.composite
def profiles(draw: st.DrawFn, *, days: int | None = None, weeks: int | None = None) -> Profile:
    """Any profile the wizard accepts; ``days`` and ``weeks`` pin those two when given."""
    weekdays = (
        st.frozensets(st.integers(0, 6), min_size=2)
        if days is None
        else st.frozensets(st.integers(0, 6), min_size=days, max_size=days)
    )
    return Profile(
        pain=draw(st.integers(0, 8)),
        activity=draw(st.sampled_from(list(Activity))),
        weekdays=draw(weekdays),
        minutes=draw(st.integers(5, 60)),
        weeks=weeks or draw(st.integers(1, 12)),
        start=MONDAY + timedelta(days=draw(st.integers(0, 400))),
        avoid_bending=draw(st.booleans()),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles(days=3, weeks=6))
def test_six_weeks_of_three_days_fit_on_120_lines_of_80_columns(profile: Profile) -> None:
    try:
        window = plan_window(profile)
    except PlanRefused:
        return
    lines = render_text(window, CATALOGUE).splitlines()
    assert len(lines) <= CARD_LINES_SIX_WEEKS_OF_THREE
    assert max(len(line) for line in lines) <= CARD_WIDTH


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_every_card_line_fits_80_columns(profile: Profile) -> None:
    try:
        window = plan_window(profile)
    except PlanRefused:
        return
    assert max(len(line) for line in render_text(window, CATALOGUE).splitlines()) <= CARD_WIDTH


@pytest.mark.parametrize("name", ["A" * 60, "Stretch " * 7])
def test_long_custom_names_and_steps_still_fit(name: str) -> None:
    own = Exercise(
        id="custom-long",
        name=name.strip(),
        level=1,
        kind=Kind.HOLD,
        sides=Sides.EACH,
        position="x" * 120,
        steps=("y" * 200,),
        start=Dose(hold_s=10),
        target=Dose(hold_s=30),
        custom=True,
    )
    items = (PlanItem("a", MONDAY, own.id, Dose(hold_s=10, reps=3, sets=2)),)
    card = render_text(ExportWindow(MONDAY, 1, items, frozenset()), CATALOGUE.with_custom([own]))
    assert max(len(line) for line in card.splitlines()) <= CARD_WIDTH
