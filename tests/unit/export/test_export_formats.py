"""The three export formats for one fixed plan, checked against golden files.

Set UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change, then
read the diff before committing it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from icalendar import Calendar

from planner.domain.advice import Advice, Priority
from planner.domain.catalogue import Catalogue
from planner.domain.export import ExportWindow, render_ics, render_markdown, render_text
from planner.domain.models import Activity, Dose, Exercise, Kind, PlanItem, Profile, Sides

GOLDEN = Path(__file__).parent / "golden"
MONDAY = date(2026, 11, 23)
STAMP = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)

TILT = Exercise(
    id="pelvic-tilt",
    name="Pelvic tilt",
    level=1,
    kind=Kind.HOLD_REPS,
    sides=Sides.NONE,
    position="Lie on your back, knees bent.",
    steps=("Tighten the stomach.", "Lift the hips a little and hold.", "Lower slowly."),
    start=Dose(hold_s=5, reps=5, sets=1, rest_s=30),
    target=Dose(hold_s=10, reps=10, sets=3, rest_s=30),
    cautions=("Stop if the lower back *pinches*.",),
)
LEG = Exercise(
    id="leg-lift",
    name="Leg lift",
    level=1,
    kind=Kind.HOLD,
    sides=Sides.EACH,
    position="Lie on your back, one knee bent.",
    steps=(
        "Raise the straight leg toward the ceiling and hold it behind the knee with both "
        "hands, keeping the head and the lower back resting on the floor all the time.",
    ),
    start=Dose(hold_s=15, reps=1, rest_s=10),
    target=Dose(hold_s=30, reps=2, rest_s=10),
)
ODD = Exercise(
    id="odd-one",
    name="My *own* [stretch] <b>",
    level=1,
    kind=Kind.REPS,
    sides=Sides.ALTERNATING,
    position="Standing.",
    steps=(),
    start=Dose(reps=4),
    target=Dose(reps=8),
    custom=True,
)
CATALOGUE = Catalogue([TILT, LEG, ODD])


def item(day: date, exercise: Exercise, dose: Dose, position: int) -> PlanItem:
    return PlanItem(f"{day}-{exercise.id}", day, exercise.id, dose, position)


def fixed_window() -> ExportWindow:
    week2 = MONDAY + timedelta(days=7)
    items = (
        item(MONDAY, LEG, Dose(hold_s=15, reps=1, rest_s=10), 0),
        item(MONDAY, TILT, Dose(hold_s=5, reps=5, sets=1, rest_s=30), 1),
        item(MONDAY + timedelta(days=2), TILT, Dose(hold_s=5, reps=6, sets=2, rest_s=30), 0),
        item(MONDAY + timedelta(days=2), ODD, Dose(reps=4), 1),
        item(MONDAY + timedelta(days=4), LEG, Dose(hold_s=20, reps=2, rest_s=10), 0),
        item(week2, TILT, Dose(hold_s=10, reps=10, sets=3, rest_s=30), 0),
        item(week2, ODD, Dose(reps=5), 1),
        PlanItem("gone", week2, "deleted-one", Dose(reps=3), 2),
        item(week2 + timedelta(days=3), LEG, Dose(hold_s=30, reps=2, rest_s=10), 0),
        # Left out by the feedback rules during a pause: not part of the session.
        replace(item(week2 + timedelta(days=3), TILT, Dose(hold_s=5, reps=5), 1), left_out=True),
        # Outside the window: must not show.
        item(week2 + timedelta(days=7), LEG, Dose(hold_s=30, reps=2, rest_s=10), 0),
    )
    rest = frozenset(MONDAY + timedelta(days=d) for d in (1, 3, 5, 6, 8, 9, 11, 12, 13))
    profile = Profile(5, Activity.MEDIUM, frozenset({0, 2, 4}), 10, 6, MONDAY)
    advice = (
        Advice(Priority.NOTE, "Take it slowly this week.", "note"),
        Advice(Priority.SAFETY, "See a doctor: pain of 8 was reported.", "feedback-doctor"),
    )
    return ExportWindow(MONDAY, 2, items, rest, advice, profile)


def check_golden(name: str, actual: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(actual)
    assert actual == path.read_bytes(), f"{name} differs from its golden file"


def test_text_matches_golden_and_fits_80_columns() -> None:
    text = render_text(fixed_window(), CATALOGUE)
    check_golden("plan.txt", text.encode())
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "Safety:" in text
    assert "deleted-one (no longer in the catalogue)" in text
    assert "Tue 8 Dec" not in text  # the item after the window is left out


def test_markdown_matches_golden_and_escapes_user_text() -> None:
    markdown = render_markdown(fixed_window(), CATALOGUE, history="## History\n\nA table.\n")
    check_golden("plan.md", markdown.encode())
    assert r"My \*own\* \[stretch\] \<b\>" in markdown
    assert markdown.rstrip().endswith("A table.")


def test_ics_matches_golden() -> None:
    check_golden("plan.ics", render_ics(fixed_window(), CATALOGUE, stamp=STAMP))


def test_ics_parses_back_with_one_event_and_alarm_per_session_day() -> None:
    calendar = Calendar.from_ical(render_ics(fixed_window(), CATALOGUE, stamp=STAMP))
    events = list(calendar.walk("VEVENT"))
    alarms = list(calendar.walk("VALARM"))
    assert len(events) == 5
    assert len(alarms) == 5
    assert str(calendar["METHOD"]) == "PUBLISH"
    starts = sorted(event.decoded("DTSTART") for event in events)
    assert starts[0] == datetime(2026, 11, 23, 18, 0)
    assert starts[0].tzinfo is None  # floating: 18:00 wherever the user is
    assert len({str(event["UID"]) for event in events}) == 5
    assert "20261123-session@back-planner.local" in {str(e["UID"]) for e in events}
    for alarm in alarms:
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") < timedelta(0)
    assert not list(calendar.walk("VTIMEZONE"))
    monday = next(e for e in events if e.decoded("DTSTART").date() == MONDAY)
    assert "Leg lift: 15 s hold, each side" in str(monday["DESCRIPTION"])


def test_ics_uids_are_stable_between_exports() -> None:
    later = datetime(2027, 1, 1, tzinfo=UTC)
    first = Calendar.from_ical(render_ics(fixed_window(), CATALOGUE, stamp=STAMP))
    second = Calendar.from_ical(render_ics(fixed_window(), CATALOGUE, stamp=later))
    assert [str(e["UID"]) for e in first.walk("VEVENT")] == [
        str(e["UID"]) for e in second.walk("VEVENT")
    ]


@pytest.mark.parametrize(
    "stamp",
    [
        datetime(2026, 11, 25, 10, 30, tzinfo=timezone(timedelta(hours=1))),
        datetime(2026, 11, 25, 9, 30),
    ],
    ids=["an hour east of UTC", "naive, taken as UTC"],
)
def test_the_ics_stamp_is_written_in_utc(stamp: datetime) -> None:
    ics = render_ics(fixed_window(), CATALOGUE, stamp=stamp)
    stamps = {line for line in ics.decode().splitlines() if line.startswith("DTSTAMP")}
    assert stamps == {"DTSTAMP:20261125T093000Z"}


def test_importing_export_does_not_load_icalendar() -> None:
    code = (
        "import sys, planner.domain.export; "
        "print('icalendar' in sys.modules, 'textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "False"], result.stderr


@pytest.mark.parametrize("weeks", [1, 3])
def test_empty_window_still_renders_every_week(weeks: int) -> None:
    window = ExportWindow(MONDAY, weeks, (), frozenset())
    text = render_text(window, CATALOGUE)
    assert text.count("· no sessions") == weeks
    assert "How to do them" not in text and "[ ]" not in text
    calendar = Calendar.from_ical(render_ics(window, CATALOGUE, stamp=STAMP))
    assert not list(calendar.walk("VEVENT"))
