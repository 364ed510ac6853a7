"""Plan inputs (weekdays, ranges) and the per-exercise dose ramp."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Activity, Exercise, Profile
from planner.domain.progression import (
    ProfileError,
    dose_for_day,
    parse_start,
    parse_weekdays,
    validate_profile,
)
from planner.domain.ramp import dose_ladder, entry_week, ramp_weeks

CATALOGUE = load_catalogue()
START = date(2026, 11, 23)
GOOD = Profile(
    pain=2,
    activity=Activity.MEDIUM,
    weekdays=frozenset({0, 2, 4}),
    minutes=15,
    weeks=6,
    start=START,
)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("mon,wed,fri", {0, 2, 4}),
        ("Monday, Friday", {0, 4}),
        ("TUE,thurs,sat,sun", {1, 3, 5, 6}),
        ("mon,mon", {0}),
    ],
)
def test_weekdays_are_read_from_names(text: str, days: set[int]) -> None:
    assert parse_weekdays(text) == frozenset(days)


@pytest.mark.parametrize("text", ["funday", "mon,xyz", "", " , ", "t", "s"])
def test_unknown_weekdays_are_refused_with_a_message(text: str) -> None:
    with pytest.raises(ValueError, match="day"):
        parse_weekdays(text)


def test_start_dates_are_read_or_refused() -> None:
    assert parse_start("2026-11-30") == date(2026, 11, 30)
    with pytest.raises(ValueError, match="'2026-02-30' is not a date"):
        parse_start("2026-02-30")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"pain": 12}, "pain must be a whole number from 0 to 10, not 12"),
        ({"pain": -1}, "pain must be"),
        ({"weekdays": frozenset({3})}, "at least 2 exercise days"),
        ({"weekdays": frozenset({0, 9})}, "weekdays must be"),
        ({"minutes": 2}, "minutes per session must be from 5 to 60, not 2"),
        ({"minutes": 90}, "not 90"),
        ({"weeks": 0}, "from 1 to 12 weeks, not 0"),
        ({"weeks": 13}, "not 13"),
    ],
)
def test_out_of_range_inputs_are_refused(change: dict[str, object], message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        validate_profile(replace(GOOD, **change))  # type: ignore[arg-type]


def test_a_good_profile_passes() -> None:
    validate_profile(GOOD)


def test_ramp_lengths_follow_activity_and_stretch_with_pain() -> None:
    lengths = {a: ramp_weeks(replace(GOOD, activity=a)) for a in Activity}
    assert lengths == {Activity.LOW: 6, Activity.MEDIUM: 4, Activity.HIGH: 3}
    assert ramp_weeks(replace(GOOD, pain=5, activity=Activity.MEDIUM)) == 6
    assert ramp_weeks(replace(GOOD, pain=5, activity=Activity.HIGH)) == 5


def test_levels_come_in_by_week_and_later_with_pain() -> None:
    assert [entry_week(level, 0) for level in (1, 2, 3)] == [0, 1, 2]
    assert [entry_week(level, 5) for level in (1, 2, 3)] == [0, 2, 3]


@pytest.mark.parametrize("exercise", list(CATALOGUE), ids=lambda e: e.id)
def test_ladder_climbs_from_start_to_target_in_rounded_steps(exercise: Exercise) -> None:
    ladder = dose_ladder(exercise)
    assert ladder[0] == exercise.start
    assert ladder[-1] == exercise.target
    for lower, higher in zip(ladder, ladder[1:], strict=False):
        assert lower != higher
        assert lower.hold_s <= higher.hold_s and lower.reps <= higher.reps
        assert lower.sets <= higher.sets
    for middle in ladder[1:-1]:
        assert middle.hold_s % 5 == 0 and middle.rest_s % 5 == 0


def test_dose_for_day_starts_low_and_reaches_target_at_the_end_of_the_ramp() -> None:
    tilt = CATALOGUE.get("pelvic-tilt")
    assert dose_for_day(tilt, GOOD, START) == tilt.start
    assert dose_for_day(tilt, GOOD, START - timedelta(days=30)) == tilt.start
    # Medium activity: four weeks of ramp, so the target arrives in week 4 (day 21 on).
    assert dose_for_day(tilt, GOOD, START + timedelta(days=20)) != tilt.target
    assert dose_for_day(tilt, GOOD, START + timedelta(days=21)) == tilt.target
    assert dose_for_day(tilt, GOOD, START + timedelta(days=200)) == tilt.target


def test_dose_for_day_stays_at_start_with_high_pain() -> None:
    tilt = CATALOGUE.get("pelvic-tilt")
    sore = replace(GOOD, pain=7)
    assert dose_for_day(tilt, sore, START + timedelta(days=60)) == tilt.start
