"""The plan as iCalendar: one event per session day, with a reminder before it.

Loaded only when an .ics is written (icalendar takes about a tenth of a second to
import). Times are floating, so 18:00 means 18:00 wherever the calendar app is
and no time-zone table is embedded. Each event's UID comes from its date, so
importing a fresh export again updates the same events instead of doubling them.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event, vDatetime, vDuration, vText

from planner.domain.catalogue import Catalogue
from planner.domain.export_model import (
    SAFETY_NOTE,
    ExportDay,
    ExportWindow,
    export_days,
    safety_footer,
)

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
            if entry.reminder or entry.cautions:
                cautions = " ".join(f"Caution: {c}" for c in entry.cautions)
                reminders.setdefault(entry.name, " ".join(filter(None, (entry.reminder, cautions))))
    lines = window.advice_lines()
    if lines:
        lines.append("")
    lines += [f"{name}: {how}" for name, how in reminders.items()]
    lines += ["", SAFETY_NOTE, "", *safety_footer()]
    return "\n".join(lines)


def _event(day: ExportDay, stamp: vDatetime, alarm_fixed: tuple[vText, vDuration]) -> Event:
    start = datetime.combine(day.day, EVENT_TIME)
    count = len(day.entries)
    summary = vText(
        f"Back exercises: {count} exercise{'s' if count != 1 else ''}, {day.minutes} min"
    )
    # Values go in already typed (icalendar would otherwise work out each type anew),
    # and the values every event shares are made once.
    event = Event()
    event.add("summary", summary)
    event.add("dtstart", vDatetime(start))
    event.add("dtend", vDatetime(start + timedelta(minutes=max(1, day.minutes))))
    event.add("dtstamp", stamp)
    event.add("uid", vText(f"{day.day:%Y%m%d}-session@{UID_DOMAIN}"))
    event.add("description", vText(_description(day)))
    action, trigger = alarm_fixed
    alarm = Alarm()
    alarm.add("description", summary)
    alarm.add("action", action)
    alarm.add("trigger", trigger)
    event.add_component(alarm)
    return event


def render_ics(
    window: ExportWindow, catalogue: Catalogue, *, stamp: datetime | None = None
) -> bytes:
    """The exported window as an iCalendar file (``stamp`` is DTSTAMP, default now).

    ``stamp`` may be in any time zone; it is written in UTC.
    """
    when = stamp or datetime.now(UTC)
    calendar = Calendar.new(
        prodid="-//Back Planner//planner//EN",
        name="Back exercises",
        uid=f"{window.start:%Y%m%d}-{window.weeks}w@{UID_DOMAIN}",
    )
    days = export_days(window, catalogue)
    calendar.add("description", _calendar_description(window, days))
    # DTSTAMP is in UTC (RFC 5545); a naive stamp is taken to be UTC already.
    stamp_value = vDatetime(
        when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    )
    alarm_fixed = (vText("DISPLAY"), vDuration(-REMINDER_BEFORE))
    for day in days:
        if day.entries:
            calendar.add_component(_event(day, stamp_value, alarm_fixed))
    return b"".join(fold(line).encode() + b"\r\n" for line in calendar.content_lines() if line)


FOLD_OCTETS = 75
"""RFC 5545 asks for content lines of at most 75 octets; icalendar folds before the 75th."""


def fold(line: str) -> str:
    """Fold one content line exactly as icalendar's ``Contentline.to_ical`` does, but fast.

    icalendar folds one character at a time, encoding each to count its octets; a
    year's plan has thousands of long description lines (most with a "×" in them),
    and that loop was most of the export's time. Here the line is encoded once and
    cut by byte offsets: each piece is the longest run of whole characters that fits
    in 74 octets, and, the same rule as icalendar's, never ends on a backslash or a
    caret, so an escape is not split across the fold.
    """
    data = line.encode()
    if len(data) < FOLD_OCTETS:
        return line
    room = FOLD_OCTETS - 1
    pieces: list[str] = []
    start = 0
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back to the character
            end -= 1
        if data[end - 1] in _NO_FOLD_AFTER:
            end -= 1
        pieces.append(data[start:end].decode())
        start = end
    pieces.append(data[start:].decode())
    return "\r\n ".join(pieces)


_NO_FOLD_AFTER = frozenset(b"\\^")
"""Octets a piece may not end on: the backslash and caret that start an escape."""
