"""Names and doses of every built-in exercise fit where the app shows them: the calendar's
columns at 100x32 and the live session's "Next:" line at 80x24."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rich.cells import cell_len
from textual.widgets import Static

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.dose_words import dose_text
from planner.domain.models import Activity, Dose, Plan, PlanItem, Profile, Settings, Sides
from planner.domain.ramp import dose_ladder
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.calendar import CalendarScreen
from planner.tui.widgets.fitted_label import FittedLabel
from planner.tui.widgets.week_grid import WeekGrid
from tests.conftest import FakeClock
from tests.tui.session_support import SessionHarness, items_for
from tests.tui.test_calendar import seeded_store

MONDAY = date(2026, 11, 23)
CATALOGUE = load_catalogue()


def _longest_dose(exercise_id: str) -> Dose:
    """The rung of the exercise's ladder with the longest wording."""
    exercise = CATALOGUE.get(exercise_id)
    return max(dose_ladder(exercise), key=lambda dose: len(dose_text(dose, exercise)))


def every_exercise_every_day(catalogue: Catalogue) -> Store:
    """All seven exercises on Monday to Saturday, at the doses with the longest wording."""
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    profile = Profile(2, Activity.HIGH, frozenset(range(6)), 60, 6, MONDAY - timedelta(weeks=5))
    items = tuple(
        PlanItem(f"{day}-{exercise.id}", day, exercise.id, _longest_dose(exercise.id), position)
        for day in (MONDAY + timedelta(days=n) for n in range(6))
        for position, exercise in enumerate(catalogue)
    )
    store.save_plan(
        Plan(profile, items, frozenset({MONDAY + timedelta(days=6)})), keep_before=MONDAY
    )
    return store


SESSION = (
    ("leg-lift", Dose(hold_s=30, reps=2, rest_s=10)),
    ("single-knee-to-chest", Dose(hold_s=20, reps=2, rest_s=5)),
    ("double-knees-to-chest", Dose(hold_s=20, reps=2, rest_s=10)),
    ("pelvic-tilt", Dose(hold_s=10, reps=2, sets=2, rest_s=30)),
    ("seated-hamstring-stretch", Dose(hold_s=15, reps=2, rest_s=15)),
    ("hip-flexion-lunge", Dose(reps=10)),
    ("deep-squat", Dose(reps=2, sets=2, rest_s=45)),
)
"""A day of all seven, with as few steps as still reach every kind of "next" at its longest."""


def app_with_every_exercise(fake_clock: FakeClock) -> PlannerApp:
    return PlannerApp(every_exercise_every_day(CATALOGUE), CATALOGUE, fake_clock.as_clock())


async def test_no_built_in_name_or_dose_is_cut_at_100x32(fake_clock: FakeClock) -> None:
    app = app_with_every_exercise(fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        columns = [column.text for column in screen.query_one(WeekGrid).columns]
        shown = "\n".join(columns)
        assert "…" not in shown
        for exercise in CATALOGUE:
            assert shown.count(exercise.short_name) >= 6, exercise.short_name
        # Sided exercises still say what their count is per, even in a column.
        sided = {e.short_name for e in CATALOGUE if e.sides in (Sides.EACH, Sides.ALTERNATING)}
        for column in columns[:6]:
            lines = [line.strip(" ▸=") for line in column.splitlines()[2:]]
            doses = dict(zip(lines[::2], lines[1::2], strict=True))
            assert set(doses) == {exercise.short_name for exercise in CATALOGUE}
            assert all("a side" in doses[name] for name in sided), doses


async def test_the_next_line_fits_at_80x24_through_a_whole_session(fake_clock: FakeClock) -> None:
    """Every exercise, with the longest sides and counts: whatever comes next is said uncut."""
    items = items_for(*SESSION)
    harness = SessionHarness(fake_clock, items, extra=tuple(CATALOGUE))
    async with harness.app.run_test(size=(80, 24)) as pilot:
        await harness.open(pilot)
        label = harness.screen.query_one("#session-next", FittedLabel)
        seen: set[str] = set()
        while harness.screen.is_current and len(seen) < 400:
            text, width = label.text, label.content_size.width
            lines = text.split("\n")
            assert len(lines) <= label.content_size.height, text
            assert all(cell_len(line) <= width for line in lines), (text, width)
            seen.add(text)
            await pilot.press("n")
        assert {f"Next: {exercise.short_name}" for exercise in list(CATALOGUE)[1:]} <= seen
        # Too narrow for one line: the phase goes on a second one, without its rep numbers.
        assert "Next (0:30):\nHold — right side" in seen
        assert "Next (0:04):\nRep 10 — right side" in seen


class TestLongestNamesSnapshots:
    """The calendar with every built-in exercise at its longest wording."""

    def test_every_exercise_at_100x32(self, snap_compare, fake_clock) -> None:
        """Short names and doses in full view in every column; the detail line has it all."""
        assert snap_compare(app_with_every_exercise(fake_clock), terminal_size=(100, 32))


@pytest.mark.parametrize(
    ("size", "first_line"),
    [
        (
            (100, 32),
            "Wednesday 9 December · Leg lift (lying hamstring stretch) · 15 s hold, each side",
        ),
        ((80, 24), "Wed 9 Dec · Leg lift (lying hamstring stretch) · 15 s hold, each side"),
    ],
)
async def test_the_detail_line_keeps_room_for_why_a_dose_is_held(
    fake_clock: FakeClock, size: tuple[int, int], first_line: str
) -> None:
    """The selected exercise takes one line, so the reason its dose is held is not pushed out."""
    app = PlannerApp(seeded_store(CATALOGUE), CATALOGUE, fake_clock.as_clock())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket", "down")
        await pilot.pause()
        detail = app.screen.query_one("#calendar-detail", Static)
        lines = str(detail.render()).splitlines()
        assert lines == [first_line, "Dose held this week: pain rose after the last sessions"]
        assert all(cell_len(line) <= detail.content_size.width for line in lines)
