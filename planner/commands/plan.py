"""``planner plan``: build a gradual plan from the command line and save it.

The same inputs as the app's plan wizard. The plan replaces the saved plan from
its first day on (or from today, if it starts in the past): earlier days and
every logged session are kept.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from planner.cli import UserError
from planner.domain.catalogue import load_catalogue
from planner.domain.dates import short_date
from planner.domain.models import Activity, Plan, Profile
from planner.domain.progression import (
    generate_plan,
    parse_start,
    parse_weekdays,
    weekly_work_seconds,
)
from planner.storage import open_store


def profile_from_args(args: argparse.Namespace, today: date) -> Profile:
    """The profile the arguments describe; UserError for a day name or date that is not one."""
    try:
        weekdays = parse_weekdays(args.days)
        start = parse_start(args.start) if args.start else today
    except ValueError as error:
        raise UserError(str(error)) from None
    return Profile(
        pain=args.pain,
        activity=Activity(args.activity),
        weekdays=weekdays,
        minutes=args.minutes,
        weeks=args.weeks,
        start=start,
    )


def summary(plan: Plan, weekly_work: list[float], saved_from: date) -> str:
    """A few lines on what was saved: dates, sessions, minutes a week at first and at the end.

    Days before ``saved_from`` (today, for a plan that starts in the past) are history
    and were left as they were, so their sessions are not counted as saved.
    """
    profile = plan.profile
    sessions = len({item.day for item in plan.items if item.day >= saved_from})
    lines = [
        f"Saved a {profile.weeks}-week plan from {short_date(profile.start, year=True)} "
        f"to {short_date(plan.end, year=True)}: "
        f"{sessions} sessions, {len(plan.rest_days)} rest days.",
    ]
    if saved_from > profile.start:
        lines.append(
            f"Days before {short_date(saved_from)} are history and were left as they were."
        )
    if weekly_work:
        first, last = round(weekly_work[0] / 60), round(weekly_work[-1] / 60)
        lines.append(
            f"About {first} minutes of exercise in the first week"
            + (f", rising to {last} by the last." if len(weekly_work) > 1 else ".")
        )
    if plan.advice:
        lines.append(plan.advice)
    return "\n".join(lines)


def run_plan(args: argparse.Namespace, db_path: Path) -> int:
    """Generate the plan the arguments ask for, save it, print a summary; return 0."""
    today = date.today()
    profile = profile_from_args(args, today)
    catalogue = load_catalogue(args.routines)
    plan = generate_plan(profile, catalogue)
    saved_from = max(profile.start, today)
    with open_store(db_path) as store:
        store.save_plan(plan, keep_before=saved_from)
    print(summary(plan, weekly_work_seconds(plan, catalogue), saved_from))
    return 0
