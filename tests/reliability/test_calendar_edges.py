"""Week 53, year ends, daylight-saving changes and a locale whose weeks start on Sunday."""

from __future__ import annotations

import calendar
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from planner.cli import main
from planner.domain.catalogue import load_catalogue
from planner.domain.models import Activity, Plan, Profile, Settings
from planner.domain.progression import generate_plan
from planner.domain.weeks import monday_of, parse_week_label, plan_week_number, week_label
from planner.storage import Store, open_store
from planner.tui.app import PlannerApp
from planner.tui.widgets.week_grid import WeekGrid
from tests.conftest import FakeClock

PLANNER = Path(sys.executable).parent / "planner"
EVERY_DAY_BUT_SATURDAY = frozenset({0, 1, 2, 3, 4, 6})


def make_plan(start: date, weeks: int, weekdays: frozenset[int] = EVERY_DAY_BUT_SATURDAY) -> Plan:
    profile = Profile(
        pain=2, activity=Activity.HIGH, weekdays=weekdays, minutes=20, weeks=weeks, start=start
    )
    return generate_plan(profile, load_catalogue())


def saved(path: Path, plan: Plan) -> Path:
    with open_store(path) as store:
        store.save_settings(Settings(welcomed=True))
        store.save_plan(plan, keep_before=plan.profile.start)
    return path


def test_week_53_and_the_iso_year() -> None:
    assert week_label(date(2026, 12, 28)) == "2026-W53"
    assert week_label(date(2027, 1, 3)) == "2026-W53"  # a Sunday of 2027 in 2026's week
    assert week_label(date(2027, 1, 4)) == "2027-W01"
    assert week_label(date(2025, 12, 29)) == "2026-W01"  # a Monday of 2025 in 2026's week
    assert monday_of(date(2027, 1, 1)) == date(2026, 12, 28)
    assert parse_week_label("2026-W53") == date(2026, 12, 28)
    with pytest.raises(ValueError, match="2027 has no week 53"):
        parse_week_label("2027-W53")


def test_a_plan_over_the_year_end_keeps_its_days_and_weeks() -> None:
    start = date(2026, 12, 30)
    plan = make_plan(start, weeks=3)
    days = sorted({item.day for item in plan.items})
    assert days[0] >= start and days[-1].year == 2027
    assert all(day.weekday() in EVERY_DAY_BUT_SATURDAY for day in days)
    # Three plan weeks from a Wednesday touch four ISO weeks.
    assert days[-1] <= start + timedelta(weeks=3, days=-1)
    assert {week_label(day) for day in days} == {"2026-W53", "2027-W01", "2027-W02", "2027-W03"}
    # Plan weeks are seven-day blocks from the start (Wednesday), not ISO weeks.
    assert plan_week_number(start, date(2027, 1, 5)) == 1
    assert plan_week_number(start, date(2027, 1, 6)) == 2
    # Each plan week, cut at Mondays across the year end, still has a rest day.
    for monday in (date(2026, 12, 28), date(2027, 1, 4), date(2027, 1, 11)):
        week = {monday + timedelta(days=i) for i in range(7)}
        assert week & set(plan.rest_days) or week - set(days), monday


def test_export_of_week_53_shows_both_years(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = saved(tmp_path / "planner.json", make_plan(date(2026, 12, 28), weeks=2))
    assert main(["--db", str(db), "export", "--week", "2026-W53"]) == 0
    out = capsys.readouterr().out
    assert "2026-W53" in out
    assert "Monday 28 December 2026" in out and "Sunday 3 January 2027" in out
    assert out.index("Monday 28 December 2026") < out.index("Sunday 3 January 2027")
    assert main(["--db", str(db), "export", "--week", "2027-W53"]) == 2
    assert capsys.readouterr().err == "planner: 2027 has no week 53\n"


@pytest.fixture
def berlin_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run as someone in Europe, where clocks change on 2026-03-29 and 2026-10-25."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("berlin_time")
@pytest.mark.parametrize(
    "change", [date(2026, 3, 29), date(2026, 10, 25)], ids=["spring", "autumn"]
)
def test_a_clock_change_moves_no_day_and_no_reminder(
    change: date, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monday = monday_of(change)
    plan = make_plan(monday, weeks=2)
    assert change in {item.day for item in plan.items}  # the Sunday the clocks change
    db = saved(tmp_path / "planner.json", plan)
    args = ["--db", str(db), "export", "--format", "ics", "--from", monday.isoformat()]
    assert main([*args, "--weeks", "2"]) == 0
    ics = capsys.readouterr().out
    events = Calendar.from_ical(ics).walk("VEVENT")
    starts = {event.decoded("dtstart") for event in events}
    # Floating times: 18:00 wherever and whenever the calendar app shows them, so a
    # clock change neither shifts a session by an hour nor moves it to another day.
    assert starts == {
        datetime.combine(day, datetime.min.time()).replace(hour=18)
        for day in sorted({item.day for item in plan.items})
    }
    assert all(start.tzinfo is None for start in starts)
    assert "TZID" not in ics and "VTIMEZONE" not in ics
    assert f"DTSTART:{change:%Y%m%d}T180000\r\n" in ics


def test_a_sunday_first_process_still_gets_monday_first_weeks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = saved(tmp_path / "planner.json", make_plan(date(2026, 11, 23), weeks=1))
    calendar.setfirstweekday(calendar.SUNDAY)
    try:
        assert main(["--db", str(db), "export", "--week", "2026-W48"]) == 0
    finally:
        calendar.setfirstweekday(calendar.MONDAY)
    out = capsys.readouterr().out
    assert out.index("Monday 23 November 2026") < out.index("Sunday 29 November 2026")


def test_a_us_locale_in_the_environment_changes_no_week(tmp_path: Path) -> None:
    db = saved(tmp_path / "planner.json", make_plan(date(2026, 11, 23), weeks=1))
    env = os.environ | {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "LC_TIME": "en_US.UTF-8"}
    result = subprocess.run(
        [str(PLANNER), "--db", str(db), "export", "--week", "2026-W48"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.index("Monday 23 November 2026") < out.index("Sunday 29 November 2026")


async def test_the_calendar_starts_on_monday_in_a_sunday_first_process(
    fake_clock: FakeClock,
) -> None:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    calendar.setfirstweekday(calendar.SUNDAY)
    try:
        app = PlannerApp(store, load_catalogue(), fake_clock.as_clock())
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            lines = [strip.text for strip in app.screen._compositor.render_strips()]
            first_column = app.screen.query_one(WeekGrid).column_region(0)
    finally:
        calendar.setfirstweekday(calendar.MONDAY)
    headings = next(line for line in lines if "Mon 23" in line)
    assert headings.index("Mon 23") < headings.index("Sun 29")
    assert headings[first_column.x : first_column.right].strip().startswith("Mon 23")
