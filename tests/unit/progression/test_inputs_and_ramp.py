"""Plan inputs (weekdays, ranges) and the per-exercise dose ramp."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

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
from planner.domain.ramp import climb_pace, dose_ladder, entry_week, work_seconds
from planner.domain.thresholds import WORK_RISE_LIMIT

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


def test_pace_follows_activity_and_slows_with_moderate_pain() -> None:
    paces = {a: climb_pace(replace(GOOD, activity=a)) for a in Activity}
    assert paces == {a: a for a in Activity}
    assert climb_pace(replace(GOOD, pain=5, activity=Activity.HIGH)) is Activity.MEDIUM
    assert climb_pace(replace(GOOD, pain=5, activity=Activity.MEDIUM)) is Activity.LOW
    assert climb_pace(replace(GOOD, pain=5, activity=Activity.LOW)) is Activity.LOW


def test_a_slower_pace_takes_smaller_steps() -> None:
    # Rule changed with issue 12: activity sets how much one step may add (10%, 17.5%,
    # 25%), no longer how many weeks the ramp lasts; a smaller step means more of them.
    tilt = CATALOGUE.get("pelvic-tilt")
    lengths = [
        len(dose_ladder(tilt, pace)) for pace in (Activity.HIGH, Activity.MEDIUM, Activity.LOW)
    ]
    assert lengths == sorted(lengths) and lengths[0] < lengths[-1]


def test_levels_come_in_by_week_and_later_with_pain() -> None:
    assert [entry_week(level, 0) for level in (1, 2, 3)] == [0, 1, 2]
    assert [entry_week(level, 5) for level in (1, 2, 3)] == [0, 2, 3]


@pytest.mark.parametrize("pace", list(Activity))
@pytest.mark.parametrize("exercise", list(CATALOGUE), ids=lambda e: e.id)
def test_ladder_climbs_from_start_to_target_in_small_steps(
    exercise: Exercise, pace: Activity
) -> None:
    ladder = dose_ladder(exercise, pace)
    assert ladder[0] == exercise.start
    assert ladder[-1] == exercise.target
    for lower, higher in pairwise(ladder):
        assert lower != higher
        # The pace's share where the doses allow a step that small, never over the cap.
        assert work_seconds(exercise, higher) <= WORK_RISE_LIMIT * work_seconds(exercise, lower)
        # Never less of anything that counts: sets, total reps, total seconds held.
        assert lower.sets <= higher.sets
        assert lower.sets * lower.reps <= higher.sets * higher.reps
        assert lower.sets * lower.reps * lower.hold_s <= higher.sets * higher.reps * higher.hold_s
        for dose in (lower, higher):
            assert exercise.start.hold_s <= dose.hold_s <= exercise.target.hold_s
            assert dose.reps <= exercise.target.reps and dose.sets <= exercise.target.sets


def test_dose_for_day_climbs_one_rung_a_week_from_the_start() -> None:
    tilt = CATALOGUE.get("pelvic-tilt")
    ladder = dose_ladder(tilt, GOOD.activity)
    assert dose_for_day(tilt, GOOD, START) == tilt.start
    assert dose_for_day(tilt, GOOD, START - timedelta(days=30)) == tilt.start
    assert dose_for_day(tilt, GOOD, START + timedelta(days=6)) == tilt.start
    assert dose_for_day(tilt, GOOD, START + timedelta(days=7)) == ladder[1]
    assert dose_for_day(tilt, GOOD, START + timedelta(days=14)) == ladder[2]
    assert dose_for_day(tilt, GOOD, START + timedelta(days=7 * 200)) == tilt.target


def test_dose_for_day_stays_at_start_with_high_pain() -> None:
    tilt = CATALOGUE.get("pelvic-tilt")
    sore = replace(GOOD, pain=7)
    assert dose_for_day(tilt, sore, START + timedelta(days=60)) == tilt.start
