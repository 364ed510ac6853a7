"""History from weekly tallies: the same numbers as counting every record, read once per year."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.history import history_from_tallies, history_stats, merge_tallies, tally_weeks
from planner.domain.models import Activity, Plan, Profile
from planner.storage import Store, open_store
from planner.storage import atomic as atomic_module
from planner.storage.summaries import summary_path
from tests.unit.feedback.factories import generate_history

TODAY = date(2026, 11, 25)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), weeks=st.integers(1, 30), cut=st.integers(0, 400))
def test_tallies_of_any_split_add_up_to_the_tally_of_everything(
    seed: int, weeks: int, cut: int
) -> None:
    items, logs = generate_history(TODAY, weeks=weeks, seed=seed)
    rng = random.Random(seed)
    # A session done on another day than planned, so weeks by plan day and by done day differ.
    logs = [
        replace(log, done_on=log.day + timedelta(days=rng.choice((0, 0, 1, 3)))) for log in logs
    ]
    day = TODAY - timedelta(days=cut)
    # Split as the archive does: by plan day, each part tallied on its own.
    parts = [
        tally_weeks([g for g in logs if g.day < day], [i for i in items if i.day < day]),
        tally_weeks([g for g in logs if g.day >= day], [i for i in items if i.day >= day]),
    ]
    assert history_from_tallies(merge_tallies(*parts), TODAY) == history_stats(logs, items, TODAY)


def five_years(path: Path) -> tuple[Store, list, list]:  # type: ignore[type-arg]
    items, logs = generate_history(TODAY, weeks=5 * 52, seed=5)
    store = open_store(path)
    profile = Profile(4, Activity.MEDIUM, frozenset({0, 2, 4}), 15, 12, items[0].day)
    store.save_plan(Plan(profile, tuple(items), frozenset()), keep_before=date.min)
    store.import_logs(logs)
    store.archive_before(TODAY - timedelta(weeks=8))
    return store, items, logs


def test_the_store_s_tallies_give_the_history_of_every_record(db_path: Path) -> None:
    store, items, logs = five_years(db_path)
    with store:
        expected = history_stats(logs, items, TODAY)
        assert history_from_tallies(store.week_tallies(), TODAY) == expected
        assert store.recent_logs(6) == sorted(logs, key=lambda g: g.started_at)[::-1][:6]
    # Reopened: the archived years come from the kept summaries, no archive file is read.
    with open_store(db_path) as store:
        reads: list[Path] = []
        real = atomic_module.load_tables

        def counting(path: Path) -> object:
            reads.append(path)
            return real(path)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("planner.storage.archive.load_tables", counting)
            assert history_from_tallies(store.week_tallies(), TODAY) == expected
        assert reads == []


def test_an_archive_change_makes_its_year_tallied_again_and_the_rest_kept(
    db_path: Path,
) -> None:
    store, items, logs = five_years(db_path)
    with store:
        store.week_tallies()
        old_day = items[10].day
        store.remove_item(items[10].id)  # an archived day: its year gets a new file
        items = [i for i in items if i.id != items[10].id]
        assert history_from_tallies(store.week_tallies(), TODAY) == history_stats(
            logs, [replace(i, position=0) if i.day == old_day else i for i in items], TODAY
        )


def test_a_damaged_summary_file_is_rebuilt_without_a_word(db_path: Path) -> None:
    store, items, logs = five_years(db_path)
    with store:
        store.week_tallies()
    summary_path(db_path).write_bytes(b"\x00garbage")
    with open_store(db_path) as store:
        assert history_from_tallies(store.week_tallies(), TODAY) == history_stats(
            logs, items, TODAY
        )
    assert summary_path(db_path).read_bytes().startswith(b'{"format":1')


def test_tallies_are_kept_once_tallied_until_an_archived_year_changes(db_path: Path) -> None:
    store, items, _ = five_years(db_path)
    with store:
        assert not store.week_tallies_kept()  # never tallied on this file
        store.week_tallies()
        assert store.week_tallies_kept()
        store.remove_item(items[10].id)  # its archived year is written anew
        assert not store.week_tallies_kept()
        store.week_tallies()
        assert store.week_tallies_kept()
    with open_store(db_path) as store:  # kept on disk for the next run
        assert store.week_tallies_kept()
    assert Store.in_memory().week_tallies_kept()  # nothing archived: nothing to tally
