"""Every number the safety and progression rules turn on, in one place.

The plan generator, the feedback rules, the wizard, the pain question before a
session and the history colours all read their limits from here, so a change to
a threshold changes every surface at once. README "How the plan grows" lists
them in a table.
"""

from __future__ import annotations

from enum import IntEnum

from planner.domain.models import Activity

PAIN_MAX = 10
"""Pain is rated from 0 (none) to this (the worst imaginable)."""

MILD_PAIN_MAX = 3
"""Pain up to this is mild: it does not slow a plan, and shows as good news in the history."""

MODERATE_PAIN = 4
"""From this pain on the climb is slower and harder exercises come in a week later."""

GENTLE_ONLY_PAIN = 7
"""From this pain on: see a doctor, and only the gentle (level 1) exercises at low doses."""

NO_SESSION_PAIN = 9
"""From this pain on: no plan and no session, see a doctor first."""

WORK_RISE_LIMIT = 1.25
"""A week's work, for each exercise and in total, is at most this many times the week before's."""

STEP_RISE_LIMIT = {Activity.LOW: 1.10, Activity.MEDIUM: 1.175, Activity.HIGH: WORK_RISE_LIMIT}
"""How much more work one step up an exercise's dose ladder may add, by activity level.

Every exercise climbs at most one step a week, so a smaller step means a slower climb:
low activity grows each exercise's work by at most 10% a week, medium 17.5%, high 25%.
"""

STEPS_PER_WEEK = 1
"""An exercise's dose climbs at most this many steps of its ladder a week."""

MIN_TIMES_A_WEEK = 2
"""Every planned exercise comes in at least this many sessions a week."""

PAIN_RISE = 2
"""Pain after a session this many points above the pain before it holds that session's exercises."""

TREND_SESSIONS = 3
"""Pain before a session rising over this many sessions in a row holds every dose."""

STUCK_PAIN_FLOOR = 4
"""Weekly pain at or above this that has not eased over two weeks de-loads the plan."""

HARD_IN_A_ROW = 2
"""Effort rated hard this many sessions in a row holds that exercise's dose."""

DONE_SHARE = 2 / 3
"""Share of the week's planned sessions that must be done before doses climb."""


class PainBand(IntEnum):
    """What a pain score means for the plan and the sessions, mildest first."""

    MILD = 0
    """0 to 3: plan as usual."""
    MODERATE = 1
    """4 to 6: a slower climb, harder exercises a week later."""
    GENTLE_ONLY = 2
    """7 and 8: see a doctor; gentle exercises only, at low doses."""
    NO_SESSION = 3
    """9 and 10: see a doctor first; no plan, no session."""


def pain_band(pain: float) -> PainBand:
    """The band a pain score falls in (averages are rounded down into their band)."""
    if pain >= NO_SESSION_PAIN:
        return PainBand.NO_SESSION
    if pain >= GENTLE_ONLY_PAIN:
        return PainBand.GENTLE_ONLY
    if pain >= MODERATE_PAIN:
        return PainBand.MODERATE
    return PainBand.MILD
