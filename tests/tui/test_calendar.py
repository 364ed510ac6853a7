"""The calendar (home screen): what it shows and every edit it offers, driven through Pilot."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from icalendar import Calendar
from textual.widgets import Static

from planner.domain.advice import Advice, Priority
from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import (
    Activity,
    Dose,
    ExerciseLog,
    Plan,
    PlanItem,
    Profile,
    SessionLog,
    Settings,
)
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.calendar import CalendarScreen
from planner.tui.screens.confirm import ConfirmDialog
from planner.tui.screens.session import SessionScreen
from planner.tui.screens.welcome import WelcomeScreen
from planner.tui.screens.wizard import PlanWizard
from planner.tui.widgets.week_grid import WeekGrid
from tests.conftest import FakeClock
from tests.tui.shown_messages import shown_messages

TODAY = date(2026, 11, 25)
DAY_IDS = ("pelvic-tilt", "leg-lift", "deep-squat")
HELD_DAY = date(2026, 12, 9)


def seeded_store(catalogue: Catalogue) -> Store:
    """A welcomed user in week 3 of 6: Mon, Wed, Fri planned; Monday done; Sunday rest."""
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    profile = Profile(
        pain=3,
        activity=Activity.MEDIUM,
        weekdays=frozenset({0, 2, 4}),
        minutes=15,
        weeks=6,
        start=date(2026, 11, 9),
    )
    items = [
        PlanItem(
            id=f"{day}-{exercise_id}",
            day=date(2026, 11, day),
            exercise_id=exercise_id,
            dose=catalogue.get(exercise_id).start,
            position=position,
        )
        for day in (23, 25, 27)
        for position, exercise_id in enumerate(DAY_IDS)
    ]
    # A hold far enough ahead that the feedback review on start-up leaves it alone.
    items += [
        PlanItem("held-0", HELD_DAY, "pelvic-tilt", catalogue.get("pelvic-tilt").start, 0),
        PlanItem(
            "held-1",
            HELD_DAY,
            "leg-lift",
            catalogue.get("leg-lift").start,
            1,
            held_reason="Held: pain rose after the last sessions",  # as the feedback rules word it
        ),
    ]
    store.save_plan(
        Plan(profile, tuple(items), frozenset({date(2026, 11, 29)})), keep_before=date(2026, 11, 1)
    )
    monday = [item for item in items if item.day == date(2026, 11, 23)]
    store.log_session(
        SessionLog(
            id="monday",
            day=date(2026, 11, 23),
            started_at=datetime(2026, 11, 23, 8),
            ended_at=datetime(2026, 11, 23, 8, 12),
            exercises=tuple(ExerciseLog(i.exercise_id, i.dose, completed=True) for i in monday),
        )
    )
    return store


@pytest.fixture
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def store(catalogue: Catalogue) -> Store:
    return seeded_store(catalogue)


def make_app(store: Store, catalogue: Catalogue, fake_clock: FakeClock) -> PlannerApp:
    return PlannerApp(store, catalogue, fake_clock.as_clock())


def calendar(app: PlannerApp) -> CalendarScreen:
    screen = app.screen
    assert isinstance(screen, CalendarScreen)
    return screen


def column(app: PlannerApp, weekday: int) -> str:
    """The text a day column shows (Monday is 0)."""
    return calendar(app).query_one(WeekGrid).columns[weekday].text


def text_of(app: PlannerApp, selector: str) -> str:
    return str(calendar(app).query_one(selector, Static).render())


def toasts(app: PlannerApp) -> str:
    """Every message shown now: toasts, and the calendar's status line."""
    return "\n".join(shown_messages(app))


def ids_on(store: Store, day: date) -> list[str]:
    return [item.exercise_id for item in store.items_on(day)]


async def test_opens_on_this_week_with_today_selected(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        header = text_of(app, "#calendar-header")
        assert "2026-W48" in header
        assert "plan week 3 of 6" in header
        assert "sessions done 1/3" in header
        assert "min planned" in header
        # The selected day's heading is drawn on the selection band; the others are not.
        grid = calendar(app).query_one(WeekGrid)
        top = grid.render_line(0)
        headings = []
        for weekday in range(7):
            region = grid.column_region(weekday)
            start = region.x - grid.content_region.x + 1  # past the blank before each day
            cells = top.crop(start, start + 3)
            headings.append({segment.style.bgcolor for segment in cells if segment.style})
        assert headings[2] != headings[1] and headings[1] == headings[3]
        assert "today" in column(app, 2)
        assert "done" in column(app, 0)
        assert "rest" in column(app, 6)
        assert "planned" in column(app, 4)
        detail = text_of(app, "#calendar-detail")
        assert "Wednesday 25 November" in detail
        assert "Pelvic tilt (pelvic lift) · 5 reps, each held 5 s" in detail


async def test_held_item_shows_why_in_the_detail(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert "=Leg lift" in column(app, 2)
        await pilot.press("down")
        assert "pain rose after the last sessions" in text_of(app, "#calendar-detail")


async def test_add_an_exercise_from_the_picker(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("right", "a")
        await pilot.pause()
        await pilot.press(*"knees", "enter")
        await pilot.pause()
        assert ids_on(store, date(2026, 11, 26)) == ["double-knees-to-chest"]
        assert "Both knees" in column(app, 3)
        assert "Double knees to chest" in text_of(app, "#calendar-detail")


async def test_move_an_exercise_to_another_day(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert ids_on(store, TODAY) == ["leg-lift", "deep-squat"]
        assert ids_on(store, date(2026, 11, 26)) == ["pelvic-tilt"]
        assert calendar(app).selection.day == date(2026, 11, 26)
        assert "Pelvic tilt" in column(app, 3)
        assert "Pelvic" not in column(app, 2)


async def test_move_to_a_day_of_next_week_shows_that_week(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("right_square_bracket", "enter")
        await pilot.pause()
        assert ids_on(store, date(2026, 12, 2)) == ["pelvic-tilt"]
        assert "2026-W49" in text_of(app, "#calendar-header")


async def test_reorder_within_a_day(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("shift+down")
        assert ids_on(store, TODAY) == ["leg-lift", "pelvic-tilt", "deep-squat"]
        await pilot.press("shift+down")
        assert ids_on(store, TODAY) == ["leg-lift", "deep-squat", "pelvic-tilt"]
        await pilot.press("shift+up", "shift+up", "shift+up")
        assert ids_on(store, TODAY) == ["pelvic-tilt", "leg-lift", "deep-squat"]
        assert "Pelvic tilt" in text_of(app, "#calendar-detail")


async def test_change_the_dose(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", "8", "tab", "ctrl+a", "ctrl+k", *"12", "enter")
        await pilot.pause()
        assert store.items_on(TODAY)[0].dose == Dose(hold_s=8, reps=12, sets=1, rest_s=30)
        assert "12 reps, each held 8 s" in text_of(app, "#calendar-detail")


async def test_dose_out_of_range_is_refused_inline(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("tab", "tab", "ctrl+a", "ctrl+k", *"40", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#dose-error", Static).render())
        assert "Sets: between 1 and 10" in error
        await pilot.press("escape")
        await pilot.pause()
        assert store.items_on(TODAY)[0].dose == catalogue.get("pelvic-tilt").start


async def test_remove_asks_first(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert "Remove Pelvic tilt (pelvic lift)" in str(
            app.screen.query_one("#confirm-question", Static).render()
        )
        await pilot.press("escape")
        await pilot.pause()
        assert len(store.items_on(TODAY)) == 3
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert ids_on(store, TODAY) == ["leg-lift", "deep-squat"]
        assert "Pelvic" not in column(app, 2)


async def test_rest_day_toggles_asking_first_over_planned_exercises(
    store, catalogue, fake_clock
) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        planned = len(store.items_on(TODAY))
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert f"has {planned} exercises" in str(app.screen.question)
        await pilot.press("y")
        await pilot.pause()
        assert store.rest_days_between(TODAY, TODAY) == {TODAY}
        assert store.items_on(TODAY) == []
        assert "rest" in column(app, 2)
        assert "sessions done 1/2" in text_of(app, "#calendar-header")
        await pilot.press("r")  # a rest day with nothing on it: no question
        await pilot.pause()
        assert store.rest_days_between(TODAY, TODAY) == set()
        assert "free" in column(app, 2)


async def test_weeks_back_and_forth_and_today(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        assert "2026-W49" in text_of(app, "#calendar-header")
        assert "Wed 2" in column(app, 2)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert "2026-W47" in text_of(app, "#calendar-header")
        assert "missed" not in column(app, 0)
        await pilot.press("t")
        assert "2026-W48" in text_of(app, "#calendar-header")
        assert calendar(app).selection.day == TODAY


async def test_day_keys_cross_into_the_next_week(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "right", "right", "right")
        assert calendar(app).selection.day == date(2026, 11, 30)
        assert "2026-W49" in text_of(app, "#calendar-header")


async def test_clicks_select_days_and_items(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        friday = calendar(app).query_one(WeekGrid).column_region(4)
        grid_x = calendar(app).query_one(WeekGrid).content_region.x
        await pilot.click("#calendar-grid", offset=(friday.x - grid_x + 3, 0))
        assert calendar(app).selection.day == date(2026, 11, 27)
        # Lines 0-1 are the date and status; each exercise takes two lines after them.
        await pilot.click("#calendar-grid", offset=(friday.x - grid_x + 3, 6))
        selected = calendar(app).selected_item
        assert selected is not None
        assert selected.exercise_id == "deep-squat"
        assert "Deep squat" in text_of(app, "#calendar-detail")


async def test_read_only_store_refuses_edits(catalogue, fake_clock) -> None:
    store = seeded_store(catalogue)
    store.read_only = True
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        assert "read-only" in text_of(app, "#calendar-header")
        for key in ("a", "x", "m", "d", "r", "shift+down"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, CalendarScreen), key
        assert "read-only" in toasts(app)
        assert ids_on(store, TODAY) == list(DAY_IDS)
        assert store.rest_days_between(TODAY, TODAY) == set()


async def test_markup_in_a_name_shows_literally(store, catalogue, fake_clock) -> None:
    odd = replace(
        catalogue.get("deep-squat"), id="odd", name="[bold]x[/] sq", short_name="", custom=True
    )
    catalogue.put_custom(odd)
    store.add_item(date(2026, 11, 26), "odd", odd.start)
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("right")
        assert "[bold]x[/]" in column(app, 3)
        assert "[bold]x[/] sq · 5 reps" in text_of(app, "#calendar-detail")


async def test_first_launch_welcome_leads_to_the_wizard_and_a_plan(catalogue, fake_clock) -> None:
    store = Store.in_memory()
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanWizard)
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        assert store.settings().welcomed
        profile = store.profile()
        assert profile is not None and profile.pain == 3
        assert store.items_on(TODAY), "the new plan starts today"
        assert "plan week 1 of 6" in text_of(app, "#calendar-header")
        assert "planned" in column(app, 2)
        assert "Your 6-week plan is ready." in toasts(app)


async def test_welcome_not_now_leaves_the_calendar_empty(catalogue, fake_clock) -> None:
    store = Store.in_memory()
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        assert store.settings().welcomed
        assert store.profile() is None
        assert "no plan yet: press w to build one" in text_of(app, "#calendar-header")
        assert "w builds a plan" in text_of(app, "#calendar-detail")
        # And w does: the wizard opens from the empty calendar.
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, PlanWizard)


async def test_wizard_replaces_the_plan_from_today(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, PlanWizard)
        await pilot.press("ctrl+a", "ctrl+k", "2", "enter")
        await pilot.pause()
        # This store's plan was laid out by hand, not by the generator: the wizard asks.
        assert isinstance(app.screen, ConfirmDialog)
        assert "by hand from Wed 25 Nov on" in str(app.screen.question)
        await pilot.press("y")
        await pilot.pause()
        profile = store.profile()
        assert profile is not None and profile.pain == 2 and profile.start == TODAY
        # Monday is history and stays as it was.
        assert ids_on(store, date(2026, 11, 23)) == list(DAY_IDS)
        assert store.items_between(TODAY, date(2026, 11, 29)) != []


async def test_start_session_and_record_its_log(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # an empty pain box starts without a score
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert session.day == TODAY
        assert [exercise.id for exercise, _ in session.pairs] == list(DAY_IDS)
        # What the session screen hands back when every exercise was done.
        log = SessionLog(
            id="wednesday",
            day=TODAY,
            started_at=datetime(2026, 11, 25, 9, 30),
            ended_at=datetime(2026, 11, 25, 9, 42),
            exercises=tuple(
                ExerciseLog(item.exercise_id, item.dose, completed=True)
                for item in store.items_on(TODAY)
            ),
            pain_before=3,
            pain_after=2,
        )
        session.dismiss(log)
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        assert [entry.id for entry in store.logs_between(TODAY, TODAY)] == ["wednesday"]
        assert "done" in column(app, 2)
        assert "sessions done 2/3" in text_of(app, "#calendar-header")
        assert toasts(app)


async def test_start_session_on_an_empty_day_says_so(store, catalogue, fake_clock) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        assert "Nothing is planned" in toasts(app)


async def test_export_writes_a_new_file_each_time(
    store, catalogue, fake_clock, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        first = tmp_path / "back-plan-2026-W48.txt"
        text = first.read_text(encoding="utf-8")
        assert "Pelvic tilt" in text
        assert str(first) in toasts(app)
        await pilot.press("e")
        await pilot.pause()
        assert (tmp_path / "back-plan-2026-W48-2.txt").read_text(encoding="utf-8") == text
        assert first.read_text(encoding="utf-8") == text
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "back-plan-2026-W48-2.ics",
            "back-plan-2026-W48-2.txt",
            "back-plan-2026-W48.ics",
            "back-plan-2026-W48.txt",
        ]


async def test_export_writes_the_calendar_at_the_time_and_reminder_of_the_settings(
    store, catalogue, fake_clock, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store.save_settings(replace(store.settings(), calendar_at=time(7, 30), calendar_remind_min=30))
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        calendar = Calendar.from_ical((tmp_path / "back-plan-2026-W48.ics").read_bytes())
        starts = {event.decoded("DTSTART").time() for event in calendar.walk("VEVENT")}
        assert starts == {time(7, 30)}
        triggers = {alarm.decoded("TRIGGER") for alarm in calendar.walk("VALARM")}
        assert triggers == {timedelta(minutes=-30)}
        assert "sessions at 07:30, a reminder 30 min before." in toasts(app)


async def test_export_to_a_missing_folder_says_why(
    store, catalogue, fake_clock, tmp_path, monkeypatch
) -> None:
    # A working folder deleted under the app: no file can go there, even for root.
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert "Could not write the plan" in toasts(app)
        assert isinstance(app.screen, CalendarScreen)
    assert list(tmp_path.iterdir()) == []


class TestCalendarSnapshots:
    """How the calendar looks with a plan, at the usual size and at the smallest supported one."""

    def test_week_with_a_plan_at_100x32(self, snap_compare, catalogue, fake_clock) -> None:
        """This week: Monday done, today selected with its first exercise, Sunday a rest day."""
        app = make_app(seeded_store(catalogue), catalogue, fake_clock)
        assert snap_compare(app, terminal_size=(100, 32))

    def test_week_with_a_plan_at_80x24(self, snap_compare, catalogue, fake_clock) -> None:
        """At 80 columns names end in an ellipsis and doses shorten; the detail line has it all."""
        app = make_app(seeded_store(catalogue), catalogue, fake_clock)
        assert snap_compare(app, terminal_size=(80, 24))

    def test_held_exercise_selected(self, snap_compare, catalogue, fake_clock) -> None:
        """Two weeks ahead, the held exercise is selected and the detail line says why."""
        app = make_app(seeded_store(catalogue), catalogue, fake_clock)
        keys = ["right_square_bracket", "right_square_bracket", "down"]
        assert snap_compare(app, press=keys, terminal_size=(100, 32))

    def test_dose_dialog_at_80x24(self, snap_compare, catalogue, fake_clock) -> None:
        """The dose form fits an 80x24 terminal."""
        app = make_app(seeded_store(catalogue), catalogue, fake_clock)
        assert snap_compare(app, press=["d"], terminal_size=(80, 24))


async def test_a_long_day_scrolls_to_keep_the_selection_in_sight(
    store, catalogue, fake_clock
) -> None:
    thursday = date(2026, 11, 26)
    for exercise in list(catalogue)[:7] * 2:
        store.add_item(thursday, exercise.id, exercise.start)
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("right")
        assert "▸Leg lift" in column(app, 3)
        assert "more" in column(app, 3)
        await pilot.press(*["down"] * 13)
        assert "▸Deep squ" in column(app, 3)
        assert "↑" in column(app, 3)
        assert "more" not in column(app, 3)
        assert "Deep squat" in text_of(app, "#calendar-detail")


async def test_advice_banner_shows_with_the_plan_safety_first(store, catalogue, fake_clock) -> None:
    store.set_plan_advice(
        [
            Advice(Priority.NOTE, "Sunday stays a rest day.", "rest-day"),
            Advice(Priority.SAFETY, "Pain is high: [b]see a doctor[/b] before going on.", "doctor"),
        ]
    )
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        banner = calendar(app).query_one("#calendar-advice", Static)
        assert banner.display
        lines = str(banner.render()).splitlines()
        assert "[b]see a doctor[/b]" in lines[0]
        assert "Sunday stays a rest day." in lines[-1]


async def test_a_session_left_before_anything_was_done_says_nothing_was_logged(
    store, catalogue, fake_clock
) -> None:
    app = make_app(store, catalogue, fake_clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # an empty pain box starts without a score
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        session.dismiss(None)
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        assert "nothing was logged" in toasts(app)
        assert store.logs_between(TODAY, TODAY) == []
