"""The plan as iCalendar: one event per session day, with a reminder before it.

Loaded only when an .ics is written (icalendar takes about a tenth of a second to
import). Times are floating, so 18:00 means 18:00 wherever the calendar app is
and no time-zone table is embedded. Each event's UID comes from its date, so
importing a fresh export again updates the same events instead of doubling them.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from planner.domain.catalogue import Catalogue
from planner.domain.export_model import SAFETY_NOTE, ExportDay, ExportWindow, export_days

EVENT_TIME = time(18, 0)
"""When sessions are put in the calendar: early evening, after a day at the desk."""

REMINDER_BEFORE = timedelta(minutes=15)
"""How long before a session the calendar app nags."""

UID_DOMAIN = "back-planner.local"


def _description(day: ExportDay) -> str:
    # Names and doses only: the how-to reminders and the safety note go once in the
    # calendar's own description. Repeated in every event they tripled the file and
    # the time to write it (icalendar folds long lines one character at a time).
    lines = [
        f"{number}. {entry.name}: {entry.dose}" if entry.dose else f"{number}. {entry.name}"
        for number, entry in enumerate(day.entries, start=1)
    ]
    return "\n".join(lines)


def _calendar_description(window: ExportWindow, days: list[ExportDay]) -> str:
    reminders: dict[str, str] = {}
    for day in days:
        for entry in day.entries:
            if entry.reminder:
                reminders.setdefault(entry.name, entry.reminder)
    lines = [f"{name}: {how}" for name, how in reminders.items()]
    if window.advice:
        lines += ["", window.advice]
    lines += ["", SAFETY_NOTE]
    return "\n".join(lines)


def _event(day: ExportDay, stamp: datetime) -> Event:
    start = datetime.combine(day.day, EVENT_TIME)
    count = len(day.entries)
    summary = f"Back exercises: {count} exercise{'s' if count != 1 else ''}, {day.minutes} min"
    event = Event.new(
        uid=f"{day.day:%Y%m%d}-session@{UID_DOMAIN}",
        summary=summary,
        description=_description(day),
        start=start,
        end=start + timedelta(minutes=max(1, day.minutes)),
        stamp=stamp,
    )
    alarm = Alarm.new(description=summary)
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -REMINDER_BEFORE)
    event.add_component(alarm)
    return event


def render_ics(
    window: ExportWindow, catalogue: Catalogue, *, stamp: datetime | None = None
) -> bytes:
    """The exported window as an iCalendar file (``stamp`` is DTSTAMP, default now in UTC)."""
    when = stamp or datetime.now(UTC)
    calendar = Calendar.new(
        prodid="-//Back Planner//planner//EN",
        name="Back exercises",
        uid=f"{window.start:%Y%m%d}-{window.weeks}w@{UID_DOMAIN}",
    )
    days = export_days(window, catalogue)
    calendar.add("description", _calendar_description(window, days))
    for day in days:
        if day.entries:
            calendar.add_component(_event(day, when))
    data: bytes = calendar.to_ical()
    return data
