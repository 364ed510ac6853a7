"""The plan as iCalendar: one event per session day, with a reminder before it.

Loaded only when an .ics is written (icalendar takes about a tenth of a second to
import). Times are floating, so 18:00 means 18:00 wherever the calendar app is
and no time-zone table is embedded. Each event's UID comes from its date, so
importing a fresh export again updates the same events instead of doubling them.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event, vDatetime, vDuration, vInt, vText

from planner.domain.calendar_reminders import DEFAULT_AT, DEFAULT_REMIND_MIN
from planner.domain.catalogue import Catalogue
from planner.domain.export_model import (
    SAFETY_NOTE,
    ExportDay,
    ExportWindow,
    HowTo,
    export_days,
    how_tos,
    safety_footer,
)
from planner.domain.wording import counted

UID_DOMAIN = "back-planner.local"

SEQUENCE_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
"""SEQUENCE counts seconds from here: it fits the 32-bit integer RFC 5545 allows until 2094."""


def sequence_at(stamp: datetime) -> int:
    """The SEQUENCE of an export made at ``stamp`` (UTC): later exports get higher numbers."""
    return max(0, int((stamp - SEQUENCE_EPOCH).total_seconds()))


def _description(day: ExportDay) -> str:
    # Names and doses only: the how-to reminders and the safety note go once in the
    # calendar's own description. Repeated in every event they tripled the file and
    # the time to write it (icalendar folds long lines one character at a time).
    lines = [
        f"{number}. {entry.name}: {entry.dose}" if entry.dose else f"{number}. {entry.name}"
        for number, entry in enumerate(day.entries, start=1)
    ]
    return "\n".join(lines)


def _how_lines(how: HowTo) -> list[str]:
    lines = [how.name, f"Start: {how.position}" if how.position else ""]
    lines += [f"{number}. {step}" for number, step in enumerate(how.steps, start=1)]
    lines += [f"Take care: {' '.join(how.cautions)}" if how.cautions else "", ""]
    return [line for line in lines[:-1] if line] + [""]


def _calendar_description(window: ExportWindow, days: list[ExportDay]) -> str:
    before, after = window.advice_around_safety_note()
    lines = [*before, f"Safety: {SAFETY_NOTE}", *after, ""]
    for how in how_tos(days):
        lines += _how_lines(how)
    lines += safety_footer()
    return "\n".join(lines)


def _event(
    day: ExportDay,
    at: time,
    shared: tuple[vDatetime, vInt],
    alarm_fixed: tuple[vText, vDuration],
) -> Event:
    start = datetime.combine(day.day, at)
    stamp, sequence = shared
    summary = vText(f"Back exercises: {counted(len(day.entries), 'exercise')}, {day.minutes} min")
    # Values go in already typed (icalendar would otherwise work out each type anew),
    # and the values every event shares are made once.
    event = Event()
    event.add("summary", summary)
    event.add("dtstart", vDatetime(start))
    event.add("dtend", vDatetime(start + timedelta(minutes=max(1, day.minutes))))
    event.add("dtstamp", stamp)
    event.add("uid", vText(f"{day.day:%Y%m%d}-session@{UID_DOMAIN}"))
    event.add("sequence", sequence)
    event.add("description", vText(_description(day)))
    action, trigger = alarm_fixed
    alarm = Alarm()
    alarm.add("description", summary)
    alarm.add("action", action)
    alarm.add("trigger", trigger)
    event.add_component(alarm)
    return event


def render_ics(
    window: ExportWindow,
    catalogue: Catalogue,
    *,
    stamp: datetime | None = None,
    at: time = DEFAULT_AT,
    remind_min: int = DEFAULT_REMIND_MIN,
) -> bytes:
    """The exported window as an iCalendar file: sessions at ``at``, a reminder
    ``remind_min`` minutes before each (``stamp`` is DTSTAMP and sets SEQUENCE, default now).

    ``stamp`` may be in any time zone; it is written in UTC.
    """
    when = stamp or datetime.now(UTC)
    calendar = Calendar.new(
        prodid="-//Back Planner//planner//EN",
        name="Back exercises",
        uid=f"{window.start:%Y%m%d}-{window.weeks}w@{UID_DOMAIN}",
    )
    days = export_days(window, catalogue)
    calendar.add("method", "PUBLISH")
    calendar.add("description", _calendar_description(window, days))
    # DTSTAMP is in UTC (RFC 5545); a naive stamp is taken to be UTC already.
    utc = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    shared = (vDatetime(utc), vInt(sequence_at(utc)))
    alarm_fixed = (vText("DISPLAY"), vDuration(-timedelta(minutes=remind_min)))
    for day in days:
        if day.entries:
            calendar.add_component(_event(day, at, shared, alarm_fixed))
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
