"""History numbers: adherence per week, streak, minutes, pain; and the Markdown section."""

from __future__ import annotations

from datetime import date, timedelta

from planner.domain.history import history_stats, recent_sessions
from planner.domain.history_report import history_markdown
from tests.unit.feedback.factories import generate_history, ramp_dose, session, week_items

TODAY = date(2026, 11, 25)
W46 = date(2026, 11, 9)
W47 = date(2026, 11, 16)
W48 = date(2026, 11, 23)


def test_nothing_logged_or_planned_is_empty() -> None:
    history = history_stats([], [], TODAY)
    assert history.empty
    assert history.streak == 0


def test_week_counts_planned_done_minutes_and_pain() -> None:
    items = week_items(W47, ramp_dose(1))
    logs = [
        session(W47, pain_before=4, pain_after=2, minutes=10),
        session(W47 + timedelta(days=2), pain_before=2, pain_after=2, complete=False, minutes=5),
        # A second session the same day adds minutes but not adherence.
        session(W47 + timedelta(days=2), pain_before=None, pain_after=None, minutes=3),
    ]
    (week,) = history_stats(logs, items, TODAY).weeks
    assert week.label == "2026-W47"
    assert week.planned == 3
    assert week.done == 2.0  # Monday 1 + Wednesday's best session 1
    assert week.sessions == 3
    assert round(week.minutes) == 18
    assert week.adherence is not None and round(week.adherence, 2) == 0.67
    assert week.pain_before == 3.0 and week.pain_after == 2.0
    assert not week.at_plan


def test_partial_counts_half() -> None:
    logs = [session(W47 + timedelta(days=d), complete=False) for d in (0, 2, 4)]
    (week,) = history_stats(logs, week_items(W47, ramp_dose(1)), TODAY).weeks
    assert week.done == 1.5


def test_future_weeks_are_left_out() -> None:
    items = week_items(W48 + timedelta(days=7), ramp_dose(2)) + week_items(W47, ramp_dose(1))
    assert [w.label for w in history_stats([], items, TODAY).weeks] == ["2026-W47"]


def test_streak_counts_back_from_the_latest_week_at_plan() -> None:
    items = [
        *week_items(W46 - timedelta(days=7), ramp_dose(0)),
        *week_items(W46, ramp_dose(0)),
        *week_items(W47, ramp_dose(1)),
        *week_items(W48, ramp_dose(2)),
    ]
    full = [session(W46 + timedelta(days=d)) for d in (0, 2, 4)]
    full += [session(W47 + timedelta(days=d)) for d in (0, 2, 4)]
    # W45 short, W46 and W47 full, W48 (this week) only Monday so far.
    logs = [session(W46 - timedelta(days=7)), *full, session(W48)]
    assert history_stats(logs, items, TODAY).streak == 2
    # Once this week reaches plan, it counts too.
    logs += [session(W48 + timedelta(days=d)) for d in (2, 4)]
    assert history_stats(logs, items, TODAY).streak == 3


def test_a_week_without_a_plan_does_not_break_the_streak() -> None:
    items = week_items(W46 - timedelta(days=7), ramp_dose(0)) + week_items(W46, ramp_dose(0))
    logs = [session(W46 + timedelta(days=d)) for d in (0, 2, 4)]
    # W45 was planned and missed; W46 at plan; W47 and W48 have neither plan nor sessions.
    assert history_stats(logs, items, TODAY).streak == 1


def test_a_year_of_logs_adds_up() -> None:
    items, logs = generate_history(TODAY)
    history = history_stats(logs, items, TODAY)
    assert len(history.weeks) == 52
    assert history.total_sessions == len(logs)
    assert round(history.total_minutes, 1) == round(sum(log.minutes for log in logs), 1)
    first_pain = history.weeks[0].pain_before
    last_pain = history.weeks[-2].pain_before
    assert first_pain is not None and last_pain is not None and last_pain < first_pain


def test_recent_sessions_are_newest_first() -> None:
    _, logs = generate_history(TODAY, weeks=4)
    recent = recent_sessions(logs, 3)
    assert [log.day for log in recent] == sorted((log.day for log in logs), reverse=True)[:3]


def test_markdown_section_has_the_table_and_the_trend() -> None:
    items, logs = generate_history(TODAY, weeks=20)
    text = history_markdown(logs, items, TODAY)
    assert text.startswith("## History\n")
    assert "| Week | Planned | Done | Adherence | Minutes | Pain before | Pain after |" in text
    rows = [line for line in text.splitlines() if line.startswith("| 2026-W")]
    assert len(rows) == 12
    assert rows[0].startswith("| 2026-W48 |")
    assert "- Pain before sessions: down" in text


def test_markdown_section_for_an_empty_log() -> None:
    assert history_markdown([], [], TODAY) == "## History\n\nNo sessions planned or logged yet.\n"


def test_markdown_pain_trend_steady_and_rising() -> None:
    items = week_items(W46, ramp_dose(0)) + week_items(W47, ramp_dose(1))
    steady = [session(W46, pain_before=3), session(W47, pain_before=3)]
    assert "- Pain before sessions: about the same" in history_markdown(steady, items, TODAY)
    rising = [session(W46, pain_before=2), session(W47, pain_before=5)]
    assert "- Pain before sessions: up 3.0 points" in history_markdown(rising, items, TODAY)
