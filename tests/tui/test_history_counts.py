"""The history cards count in plain English when there is only one of something."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from planner.domain.models import Activity, Dose, Plan, PlanItem, Profile
from tests.conftest import FIXED_NOW
from tests.tui.history_support import history_app, history_store
from tests.unit.feedback.factories import session

TODAY = FIXED_NOW.date()
LAST_MONDAY = TODAY - timedelta(days=TODAY.weekday() + 7)


async def test_one_week_one_session_and_one_planned_day_read_as_singulars() -> None:
    store = history_store()
    this_monday = LAST_MONDAY + timedelta(weeks=1)
    items = tuple(
        PlanItem(f"i{n}", day, "deep-squat", Dose(reps=5), 0)
        for n, day in enumerate((LAST_MONDAY, this_monday))
    )
    profile = Profile(3, Activity.MEDIUM, frozenset({0}), 15, 2, LAST_MONDAY)
    store.save_plan(Plan(profile, items), keep_before=LAST_MONDAY)
    store.log_session(session(LAST_MONDAY))
    app = history_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()

        def card(name: str) -> str:
            shown = app.screen.query_one(f"#history-card-{name}", Static)
            return f"{shown.border_title}: {shown.render()}".replace("\n", " / ")

        assert card("streak") == "Streak: 1 week / at plan"
        assert card("recent") == "Last 1 week: 100% / 1 of 1 done"
        assert card("this-week") == "This week: 0 of 1 / session done"
        assert card("total").endswith(" / 1 session")
