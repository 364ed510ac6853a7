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
    # Plain add() calls: Event.new() does the same with a third more overhead per event.
    event = Event()
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=max(1, day.minutes)))
    event.add("dtstamp", stamp)
    event.add("uid", f"{day.day:%Y%m%d}-session@{UID_DOMAIN}")
    event.add("description", _description(day))
    alarm = Alarm()
    alarm.add("description", summary)
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
    return b"".join(fold(line).encode() + b"\r\n" for line in calendar.content_lines() if line)


FOLD_OCTETS = 75
"""RFC 5545 asks for content lines of at most 75 octets; icalendar folds before the 75th."""


def fold(line: str) -> str:
    """Fold one content line exactly as icalendar's ``Contentline.to_ical`` does, but fast.

    icalendar folds one character at a time, encoding each to count its octets; a
    year's plan has thousands of long description lines, and that loop was most of
    the export's time. Lines that are pure ASCII (nearly all) are cut by slicing;
    anything else takes the character loop. Same rule as icalendar: never end a
    piece on a backslash or caret, so an escape is not split across the fold.
    """
    if len(line.encode()) < FOLD_OCTETS:
        return line
    pieces: list[str] = []
    if line.isascii():
        start = 0
        while len(line) - start > FOLD_OCTETS - 1:
            end = start + FOLD_OCTETS - 1
            if line[end - 1] in "\\^":
                end -= 1
            pieces.append(line[start:end])
            start = end
        pieces.append(line[start:])
        return "\r\n ".join(pieces)
    current: list[str] = []
    octets = 0
    for char in line:
        size = len(char.encode())
        if current and octets + size >= FOLD_OCTETS:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                pieces.append("".join(current))
                current, octets = [carried], len(carried.encode())
            else:
                pieces.append("".join(current))
                current, octets = [], 0
        current.append(char)
        octets += size
    pieces.append("".join(current))
    return "\r\n ".join(pieces)
