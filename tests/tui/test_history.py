"""The history screen driven with Pilot: empty, a year of sessions, refresh, keys."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.screen import Screen
from textual.widgets import DataTable, Static

from planner.domain.history import WeekTally, history_stats
from planner.domain.models import Activity, Effort, Plan, Profile
from planner.storage.store import Store
from planner.tui.app import HISTORY_READY_DELAY_S
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


def session_lines(screen: Screen[object]) -> list[str]:
    """The recent sessions' list as its lines of text."""
    return _text(screen.query_one("#history-session-list", Static)).splitlines()


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
        newest, before = str(table.get_row_at(0)[0]), str(table.get_row_at(1)[0])
        week = next(week for week in expected.weeks if week.label == "2026-W48")
        assert week.adherence is not None and week.pain_before is not None
        assert week.pain_after is not None
        pain = f"{week.pain_before:.1f}→{week.pain_after:.1f}"
        numbers = [str(week.planned), f"{week.done:g}", f"{week.adherence:.0%}"]
        assert newest.split() == ["2026-W48", *numbers, f"{week.minutes:.0f}", pain]
        assert before.startswith("2026-W47 ")
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
        lines = session_lines(app.screen)
        assert len([line for line in lines if " min" in line]) == 20  # one per session
        assert lines[0].startswith("Mon 23 Nov  done")


async def test_notes_are_shown_exactly_as_typed() -> None:
    store = history_store()
    note = NOTES[5]
    assert "[bold]" in note
    store.log_session(session(TODAY, note=note, effort=Effort.HARD))
    app = history_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert session_lines(app.screen)[2] == f"  {note}"


async def test_a_session_logged_elsewhere_shows_when_history_is_reopened() -> None:
    store = history_store(weeks=3)
    app = history_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        before = session_lines(app.screen)
        await pilot.press("c")
        await pilot.pause()
        store.log_session(session(TODAY + timedelta(days=0), note="Evening session, felt loose."))
        await pilot.press("h")
        await pilot.pause()
        after = session_lines(app.screen)
        assert after[2] == "  Evening session, felt loose."
        assert after[3:] == before  # the new session on top, the others as they were


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


def count_tally_reads(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one each time the store's weekly tallies are read."""
    reads: list[int] = []
    real = store.week_tallies

    def counting() -> list[WeekTally]:
        reads.append(1)
        return real()

    monkeypatch.setattr(store, "week_tallies", counting)
    return reads


async def test_the_history_is_read_ahead_after_the_first_frame_and_shown_by_h(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = history_store(weeks=3)
    reads = count_tally_reads(store, monkeypatch)
    app = history_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause(HISTORY_READY_DELAY_S + 0.2)
        assert len(reads) == 1  # no key pressed yet
        await pilot.press("h")
        await pilot.pause()
        assert len(reads) == 1  # the read made ahead is the one shown
        assert session_lines(app.screen)[0].startswith("Mon 23 Nov")
        await pilot.press("r")  # refresh reads again
        await pilot.pause()
        assert len(reads) == 2


async def test_a_session_logged_after_the_read_ahead_is_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = history_store(weeks=3)
    app = history_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause(HISTORY_READY_DELAY_S + 0.2)
        store.log_session(session(TODAY, note="Logged after the read-ahead."))
        await pilot.press("h")
        await pilot.pause()
        assert session_lines(app.screen)[2] == "  Logged after the read-ahead."


async def test_no_read_ahead_while_archived_years_still_need_tallying(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = history_store(weeks=3)
    reads = count_tally_reads(store, monkeypatch)
    monkeypatch.setattr(store, "week_tallies_kept", lambda: False)
    app = history_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause(HISTORY_READY_DELAY_S + 0.2)
        assert reads == []  # tallying years would stall the keys: h pays for it
        await pilot.press("h")
        await pilot.pause()
        assert len(reads) == 1
        assert not app.screen.has_class("-empty")
