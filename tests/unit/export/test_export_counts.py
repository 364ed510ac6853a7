"""Every export counts in plain English when a week has one session of one exercise."""

from __future__ import annotations

from datetime import UTC, date, datetime

from icalendar import Calendar

from planner.domain.catalogue import load_catalogue
from planner.domain.export import ExportWindow, render_ics, render_markdown, render_text
from planner.domain.models import Activity, Dose, PlanItem, Profile

MONDAY = date(2026, 11, 23)
CATALOGUE = load_catalogue()


def one_session_window() -> ExportWindow:
    item = PlanItem("one", MONDAY, "deep-squat", Dose(reps=5), 0)
    profile = Profile(3, Activity.LOW, frozenset({0}), 10, 1, MONDAY)
    return ExportWindow(MONDAY, 1, (item,), frozenset(), (), profile)


def test_the_text_card_says_1_session() -> None:
    text = render_text(one_session_window(), CATALOGUE)
    assert " · 1 session, about " in text
    assert "1 sessions" not in text


def test_markdown_says_1_session_over_1_week() -> None:
    markdown = render_markdown(one_session_window(), CATALOGUE)
    assert ": 1 session, about " in markdown
    assert "over 1 week from" in markdown
    assert "1 sessions" not in markdown and "1 weeks" not in markdown


def test_the_calendar_event_says_1_exercise() -> None:
    stamp = datetime(2026, 11, 20, tzinfo=UTC)
    [event] = Calendar.from_ical(render_ics(one_session_window(), CATALOGUE, stamp=stamp)).walk(
        "VEVENT"
    )
    assert str(event["SUMMARY"]).startswith("Back exercises: 1 exercise, ")
    assert "Deep squat: 5 reps" in str(event["DESCRIPTION"])
