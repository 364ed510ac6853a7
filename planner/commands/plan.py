"""``planner plan``: build a gradual plan from the command line and save it.

The same inputs as the app's plan wizard, and the same plan book operation. The plan
replaces the saved plan from its first day on (today, if it was given in the past):
earlier days, days already done and every logged session are kept.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from planner.commands import output
from planner.domain.catalogue import load_catalogue
from planner.domain.errors import UserError
from planner.domain.models import Activity, Profile
from planner.domain.progression import PlanRefused, parse_start, parse_weekdays
from planner.planbook.plans import (
    draft_plan,
    new_plan,
    pause_for_pain,
    refuse_after_red_flags,
    save_plan,
    summary,
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
        avoid_bending=args.bending_worse,
    )


def run_plan(args: argparse.Namespace, db_path: Path) -> int:
    """Generate the plan the arguments ask for, save it, print a summary; return 0."""
    today = date.today()
    profile = profile_from_args(args, today)
    catalogue = load_catalogue(args.routines)
    if not db_path.exists():
        new_plan(profile, catalogue, today)  # bad input is refused before any file is made
    with open_store(db_path) as store:
        refuse_after_red_flags(store)
        try:
            fresh = new_plan(profile, catalogue, today)
        except PlanRefused as refused:
            if store.profile() is None:
                raise
            # A plan is in place: it pauses on this pain, and its advice says why.
            pause_for_pain(store, catalogue, profile.pain, today, datetime.now())
            raise PlanRefused(
                f"{refused}; the current plan is paused until the pain eases"
            ) from None
        draft = draft_plan(store, catalogue, fresh, profile.start)
        save_plan(store, draft)
    output.write_text(summary(draft, catalogue))
    return 0
