"""Weeks read again only when the store has changed since."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Dose
from planner.planbook import week as week_module
from planner.planbook.week import WeekCache
from planner.storage.store import Store

MONDAY = date(2026, 11, 23)
TODAY = date(2026, 11, 25)
CATALOGUE = load_catalogue()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """The Mondays of the weeks actually read from the store."""
    seen: list[date] = []
    real = week_module.read_week

    def counted(store: Store, catalogue: object, monday: date, today: date) -> week_module.Week:
        seen.append(monday)
        return real(store, catalogue, monday, today)  # type: ignore[arg-type]

    monkeypatch.setattr(week_module, "read_week", counted)
    return seen


def test_back_and_forth_reads_each_week_once(reads: list[date]) -> None:
    store = Store.in_memory()
    cache = WeekCache(store)
    for _ in range(3):
        cache.read(CATALOGUE, MONDAY, TODAY)
        cache.read(CATALOGUE, MONDAY + timedelta(weeks=1), TODAY)
    assert reads == [MONDAY, MONDAY + timedelta(weeks=1)]


def test_a_change_is_seen_at_once(reads: list[date]) -> None:
    store = Store.in_memory()
    cache = WeekCache(store)
    assert cache.read(CATALOGUE, MONDAY, TODAY).items[TODAY] == []
    store.add_item(TODAY, "pelvic-tilt", Dose(reps=10))
    assert [i.exercise_id for i in cache.read(CATALOGUE, MONDAY, TODAY).items[TODAY]] == [
        "pelvic-tilt"
    ]
    assert reads == [MONDAY, MONDAY]


def test_another_day_or_catalogue_is_another_read(reads: list[date]) -> None:
    store = Store.in_memory()
    cache = WeekCache(store)
    cache.read(CATALOGUE, MONDAY, TODAY)
    cache.read(CATALOGUE, MONDAY, TODAY + timedelta(days=1))  # past midnight: statuses change
    cache.read(load_catalogue(), MONDAY, TODAY)
    assert len(reads) == 3


def test_a_read_inside_a_transaction_is_not_kept(reads: list[date]) -> None:
    store = Store.in_memory()
    cache = WeekCache(store)

    class Undone(Exception):
        pass

    with pytest.raises(Undone), store.transaction():
        store.add_item(TODAY, "pelvic-tilt", Dose(reps=10))
        assert cache.read(CATALOGUE, MONDAY, TODAY).items[TODAY]
        raise Undone
    assert cache.read(CATALOGUE, MONDAY, TODAY).items[TODAY] == []


def test_only_the_most_recent_weeks_are_kept(reads: list[date]) -> None:
    store = Store.in_memory()
    cache = WeekCache(store, size=3)
    mondays = [MONDAY - timedelta(weeks=n) for n in range(4)]
    for monday in mondays:
        cache.read(CATALOGUE, monday, TODAY)
    cache.read(CATALOGUE, mondays[-1], TODAY)  # kept
    cache.read(CATALOGUE, mondays[0], TODAY)  # the oldest used: dropped, read again
    assert reads == [*mondays, mondays[0]]
