"""``planner export --format ics --at HH:MM --remind N``, the settings behind them, and re-imports.

A calendar app takes an event it already has (same UID) as an update only when the
new copy's SEQUENCE is not lower, Outlook only when it is higher; so every export
must carry a higher SEQUENCE than the one before, under the same UIDs.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from planner.cli import main
from planner.domain.catalogue import load_catalogue
from planner.domain.export import ExportWindow, render_ics
from planner.domain.models import Activity, Profile, Settings
from planner.domain.progression import generate_plan
from planner.domain.weeks import monday_of
from planner.planbook.settings import save_settings
from planner.storage import open_store
from planner.storage.codec import RecordError, settings_from_doc, settings_to_doc

CATALOGUE = load_catalogue()
START_DAY = monday_of(date.today()) + timedelta(weeks=1)
STAMP = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def window() -> ExportWindow:
    profile = Profile(3, Activity.MEDIUM, frozenset({0, 2, 4}), 15, 2, START_DAY)
    plan = generate_plan(profile, CATALOGUE)
    return ExportWindow(START_DAY, 2, plan.items, plan.rest_days, plan.advice, profile)


@pytest.fixture
def planned_db(tmp_path: Path) -> Path:
    db = tmp_path / "plan.json"
    args = ["--pain", "3", "--activity", "medium", "--days", "mon,wed,fri", "--minutes", "15"]
    start = ["--weeks", "2", "--start", START_DAY.isoformat()]
    assert main(["--db", str(db), "plan", *args, *start]) == 0
    return db


def export_ics(db: Path, target: Path, *extra: str) -> Calendar:
    args = ["--db", str(db), "export", "--format", "ics", "--from", START_DAY.isoformat()]
    assert main([*args, "-o", str(target), "--force", *extra]) == 0
    return Calendar.from_ical(target.read_bytes())


def test_at_and_remind_set_every_session_time_and_alarm(
    planned_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calendar = export_ics(planned_db, tmp_path / "back.ics", "--at", "07:30", "--remind", "30")
    found = list(calendar.walk("VEVENT"))
    assert len(found) == 3
    assert {e.decoded("DTSTART").time() for e in found} == {time(7, 30)}
    assert {a.decoded("TRIGGER") for a in calendar.walk("VALARM")} == {timedelta(minutes=-30)}


def test_without_options_the_saved_settings_are_used(planned_db: Path, tmp_path: Path) -> None:
    with open_store(planned_db) as store:
        save_settings(store, replace(Settings(), calendar_at=time(6, 45), calendar_remind_min=5))
    calendar = export_ics(planned_db, tmp_path / "back.ics")
    assert {e.decoded("DTSTART").time() for e in calendar.walk("VEVENT")} == {time(6, 45)}
    assert {a.decoded("TRIGGER") for a in calendar.walk("VALARM")} == {timedelta(minutes=-5)}


def test_by_default_sessions_are_at_18_00_with_a_15_minute_reminder() -> None:
    calendar = Calendar.from_ical(render_ics(window(), CATALOGUE, stamp=STAMP))
    assert {e.decoded("DTSTART").time() for e in calendar.walk("VEVENT")} == {time(18, 0)}
    assert {a.decoded("TRIGGER") for a in calendar.walk("VALARM")} == {timedelta(minutes=-15)}


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--at", "25:00", "argument --at: must be HH:MM from 00:00 to 23:59"),
        ("--at", "7.30", "argument --at: must be HH:MM from 00:00 to 23:59"),
        ("--at", "07:60", "argument --at: must be HH:MM from 00:00 to 23:59"),
        ("--remind", "-1", "argument --remind: must be whole minutes from 0 to 1440"),
        ("--remind", "1441", "argument --remind: must be whole minutes"),
        ("--remind", "ten", "argument --remind: must be whole minutes"),
    ],
)
def test_a_bad_time_or_reminder_is_one_line_and_status_2(
    planned_db: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    before = planned_db.read_bytes()
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(planned_db), "export", "--format", "ics", f"{option}={value}"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert planned_db.read_bytes() == before


def test_at_with_another_format_is_a_usage_error(
    planned_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(planned_db), "export", "--at", "07:30"]) == 2
    err = capsys.readouterr().err
    assert err == "planner: --at and --remind work only with --format ics\n"


def test_a_calendar_is_published_and_a_later_export_updates_the_same_events() -> None:
    first = Calendar.from_ical(render_ics(window(), CATALOGUE, stamp=STAMP))
    later = Calendar.from_ical(render_ics(window(), CATALOGUE, stamp=STAMP + timedelta(minutes=1)))
    assert str(first["METHOD"]) == str(later["METHOD"]) == "PUBLISH"
    uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in later.walk("VEVENT")]
    old = {int(e.decoded("SEQUENCE")) for e in first.walk("VEVENT")}
    new = {int(e.decoded("SEQUENCE")) for e in later.walk("VEVENT")}
    assert len(old) == len(new) == 1 and max(old) < min(new)
    assert min(new) < 2**31  # RFC 5545 integers are 32-bit


def test_calendar_settings_round_trip_and_a_bad_stored_time_is_refused() -> None:
    settings = replace(Settings(), calendar_at=time(7, 5), calendar_remind_min=90)
    assert settings_from_doc(settings_to_doc(settings)) == settings
    assert settings_from_doc({}) == Settings()  # files from before these settings
    for field, value in (("calendar_at", "7:5"), ("calendar_at", 730), ("calendar_remind_min", -3)):
        with pytest.raises(RecordError, match=field):
            settings_from_doc({**settings_to_doc(settings), field: value})
