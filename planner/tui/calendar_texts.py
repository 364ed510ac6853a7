"""What the calendar shows of a week, worked out from the plan book's ``Week``: the header
line, the day columns' views and the selected day's detail line."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from textual.content import Content

from planner.domain.catalogue import Catalogue
from planner.domain.dates import long_date, short_date
from planner.domain.dose_words import dose_forms, dose_text
from planner.domain.models import DayStatus, PlanItem
from planner.domain.text_rules import terminal_safe
from planner.domain.weeks import week_label
from planner.domain.wording import counted
from planner.planbook.week import Week, exercise_name
from planner.tui.widgets.day_column import DayView, ItemView


def header_text(week: Week, *, read_only: bool) -> str:
    """``Week 2026-W48 · plan week 3 of 6 · 25 min planned · sessions done 1/3``."""
    # With no plan at all (the welcome's "Not now"), the header says how to make one.
    plan = week.plan_text if week.profile is not None else f"{week.plan_text}: press w to build one"
    parts = [
        f"Week {week_label(week.monday)}",
        plan,
        f"{week.planned_minutes} min planned",
        f"sessions done {week.sessions_done}/{week.sessions_planned}",
    ]
    if read_only:
        parts.append("read-only")
    return " · ".join(parts)


def item_views(week: Week, catalogue: Catalogue) -> dict[date, tuple[ItemView, ...]]:
    """What the columns show of each day's exercises (worked out once per week read)."""
    return {
        day: tuple(_item_view(item, catalogue) for item in week.items[day]) for day in week.days
    }


def _item_view(item: PlanItem, catalogue: Catalogue) -> ItemView:
    exercise = catalogue.get(item.exercise_id) if item.exercise_id in catalogue else None
    return ItemView(
        item.id,
        exercise_name(catalogue, item.exercise_id),
        dose_forms(item.dose, exercise),
        bool(item.held_reason),
        short_name=terminal_safe(exercise.brief_name) if exercise else "",
    )


def day_views(
    week: Week,
    items: dict[date, tuple[ItemView, ...]],
    today: date,
    day: date,
    index: int | None,
) -> list[DayView]:
    """The seven columns to draw, with ``day`` (and its item ``index``) selected."""
    return [
        DayView(
            shown,
            items[shown],
            week.statuses[shown],
            today=shown == today,
            selected=shown == day,
            selected_item=index if shown == day else None,
        )
        for shown in week.days
    ]


def detail_text(
    week: Week, catalogue: Catalogue, day: date, item: PlanItem | None, width: int
) -> Content:
    """The selected exercise in full (the columns are too narrow for it), or the day.

    The exercise takes one line of ``width`` cells, so a reason its dose is held fits on
    the second: when the long date and full name do not fit, the short date, then the
    short name.
    """
    when = long_date(day, year=False)
    if item is not None:
        exercise = catalogue.get(item.exercise_id) if item.exercise_id in catalogue else None
        name = exercise_name(catalogue, item.exercise_id)
        brief = terminal_safe(exercise.brief_name) if exercise else name
        dose = dose_text(item.dose, exercise)
        forms = [(when, name), (short_date(day), name), (short_date(day), brief)]
        when, name = next(
            (form for form in forms if cell_len(f"{form[0]} · {form[1]} · {dose}") <= width),
            forms[-1],
        )
        line = Content(f"{when} · ") + Content.styled(name, "bold") + Content(f" · {dose}")
        if item.held_reason:
            line += Content("\n") + Content.styled(
                # The feedback rules word a reason "Held: why"; this line already says held.
                f"Dose held this week: {terminal_safe(item.held_reason.removeprefix('Held: '))}",
                "$warning",
            )
        return line
    items, status = week.items[day], week.statuses[day]
    if not items:
        if status is DayStatus.REST:
            return Content(f"{when} · rest day")
        if week.profile is None:
            return Content(
                f"{when} · no plan yet\n"
                "w builds a plan with you · a adds one exercise · r makes it a rest day"
            )
        return Content(f"{when} · nothing planned\na adds an exercise · r makes it a rest day")
    count = counted(len(items), "exercise")
    return Content(f"{when} · {count} · about {round(week.minutes[day])} min · {status.value}")
