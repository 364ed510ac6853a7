"""The history screen driven with Pilot: empty, a year of sessions, refresh, keys."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Static

from planner.domain.history import history_stats
from planner.domain.models import Activity, Effort, Plan, Profile
from planner.tui.screens.history import HistoryScreen
from planner.tui.widgets.history_pain import BLOCKS, PainBars
from planner.tui.widgets.history_sessions import RecentSessions
from planner.tui.widgets.history_weeks import HistoryWeeks
from planner.tui.widgets.title_bar import TitleBar
from tests.conftest import FIXED_NOW
from tests.tui.history_support import history_app, history_store
from tests.unit.feedback.factories import NOTES, generate_history, session

TODAY = FIXED_NOW.date()


def _text(widget: Static) -> str:
    return str(widget.render())


async def test_h_opens_history_and_an_empty_log_gets_a_friendly_page() -> None:
    app = history_app(history_store())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        empty = screen.query_one("#history-empty", Static)
        assert empty.display and empty.region.height > 0
        assert "No history yet" in _text(empty)
        assert screen.query_one("#history-body").region.height == 0


async def test_a_year_of_sessions_fills_table_cards_sparklines_and_list() -> None:
    store = history_store(weeks=52)
    items, logs = generate_history(TODAY)
    expected = history_stats(logs, items, TODAY)
    app = history_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert not screen.has_class("-empty")
        table = screen.query_one(HistoryWeeks)
        assert table.row_count == 52
        newest = table.get_row_at(0)
        assert str(newest[0]) == "2026-W48"
        assert str(table.get_row_at(1)[0]) == "2026-W47"
        streak = _text(screen.query_one("#history-card-streak", Static))
        assert f"{expected.streak} weeks" in streak and expected.streak > 0
        total = _text(screen.query_one("#history-card-total", Static))
        assert f"{expected.total_sessions} sessions" in total
        bars = screen.query_one(PainBars)
        before, after, dates = str(bars.render()).splitlines()
        # At 100 columns one cell a week: well over a year's worth of bars fits.
        for row in (before, after):
            assert sum(row.count(block) for block in BLOCKS) >= 20
        assert dates.strip().endswith("23 Nov")
        entries = screen.query(".history-session")
        assert len(entries) == 20
        assert "Mon 23 Nov" in _text(entries.first(Static))


async def test_notes_are_shown_exactly_as_typed() -> None:
    store = history_store()
    note = NOTES[5]
    assert "[bold]" in note
    store.log_session(session(TODAY, note=note, effort=Effort.HARD))
    app = history_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        notes = [_text(n) for n in app.screen.query(".history-note").results(Static)]
        assert notes == [note]


async def test_a_session_logged_elsewhere_shows_when_history_is_reopened() -> None:
    store = history_store(weeks=3)
    app = history_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        before = len(app.screen.query(".history-session"))
        await pilot.press("c")
        await pilot.pause()
        store.log_session(session(TODAY + timedelta(days=0), note="Evening session, felt loose."))
        await pilot.press("h")
        await pilot.pause()
        assert len(app.screen.query(".history-session")) == before + 1
        first_note = app.screen.query(".history-note").first(Static)
        assert _text(first_note) == "Evening session, felt loose."


async def test_r_refreshes_and_w_s_move_the_focus() -> None:
    store = history_store()
    app = history_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert app.screen.has_class("-empty")
        store.log_session(session(TODAY))
        await pilot.press("r")
        await pilot.pause()
        assert not app.screen.has_class("-empty")
        await pilot.press("s")
        assert isinstance(app.focused, RecentSessions)
        await pilot.press("w")
        assert isinstance(app.focused, DataTable)


async def test_every_history_key_is_in_the_footer() -> None:
    app = history_app(history_store(weeks=2))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        shown = {
            binding.id
            for (_, binding, enabled, _) in app.screen.active_bindings.values()
            if binding.show and enabled
        }
        assert {"history.weeks", "history.sessions", "history.refresh"} <= shown


async def test_pane_keys_are_hidden_while_there_is_nothing_to_show() -> None:
    app = history_app(history_store())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        shown = {binding.id for (_, binding, _, _) in app.screen.active_bindings.values()}
        assert "history.weeks" not in shown and "history.sessions" not in shown
        assert "history.refresh" in shown


async def test_a_plan_with_nothing_logged_yet_shows_its_weeks_without_failing() -> None:
    """A new user with a plan and no session yet: the weeks show what was due, nothing done."""
    store = history_store()
    items, _ = generate_history(TODAY, weeks=3)
    profile = Profile(3, Activity.LOW, frozenset({0, 2, 4}), 15, 6, items[0].day)
    store.save_plan(Plan(profile=profile, items=tuple(items)), keep_before=items[0].day)
    app = history_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert "nothing logged yet" in str(screen.query_one(TitleBar).render())
        table = screen.query_one(HistoryWeeks)
        assert table.row_count >= 3
