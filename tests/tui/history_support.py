"""Apps for the history tests: an in-memory store, empty or with a year of generated sessions."""

from __future__ import annotations

from datetime import date

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Activity, Plan, Profile, Settings
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from tests.conftest import FIXED_NOW, FakeClock
from tests.unit.feedback.factories import generate_history


def history_store(*, weeks: int = 0) -> Store:
    """A store past the welcome; with ``weeks`` > 0, that many weeks of plan and sessions."""
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    if weeks:
        items, logs = generate_history(FIXED_NOW.date(), weeks=weeks)
        start: date = items[0].day
        profile = Profile(
            pain=5,
            activity=Activity.MEDIUM,
            weekdays=frozenset({0, 2, 4}),
            minutes=15,
            weeks=12,
            start=start,
        )
        store.save_plan(Plan(profile=profile, items=tuple(items)), keep_before=start)
        for log in logs:
            store.log_session(log)
    return store


def history_app(store: Store) -> PlannerApp:
    """The whole app over ``store``, at the fixed test clock."""
    return PlannerApp(store, load_catalogue(), FakeClock().as_clock())
