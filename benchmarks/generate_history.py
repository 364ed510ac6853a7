"""Write a realistic database of several years: per year about 2,400 plan items and 360 sessions.

Years of a user who exercises six days a week with the seven built-in
exercises (an eighth item on some days), logs most sessions (a few twice a day),
rates pain and effort, and leaves a note now and then. Deterministic: the same
seed gives the same file. Run it alone to make a file to try the app on:

    python -m benchmarks.generate_history /tmp/five-years.json [--years 1|5|20]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path

from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import (
    Activity,
    Effort,
    ExerciseLog,
    Plan,
    PlanItem,
    Profile,
    SessionLog,
    Settings,
)
from planner.domain.weeks import monday_of
from planner.storage import open_store
from planner.storage.archive import archive_cutoff

YEARS = 5
"""The history size the benchmarks use unless told otherwise (``--years``)."""
ITEMS_A_YEAR = 2_400
SESSIONS_A_YEAR = 360


def _items_and_rest(
    catalogue: Catalogue, first: date, years: int, rng: random.Random
) -> tuple[list[PlanItem], set[date]]:
    exercises = catalogue.builtin()
    days = [first + timedelta(days=n) for n in range(years * 52 * 7 + 14)]
    rest = {day for day in days if day.weekday() == 6}
    training = [day for day in days if day not in rest]
    wanted = max(0, years * ITEMS_A_YEAR - len(training) * len(exercises))
    extra_days = set(rng.sample(training, min(wanted, len(training))))
    items: list[PlanItem] = []
    for day in training:
        chosen = list(exercises) + ([rng.choice(exercises)] if day in extra_days else [])
        for position, exercise in enumerate(chosen):
            dose = exercise.target if day > first + timedelta(weeks=8) else exercise.start
            items.append(
                PlanItem(uuid.UUID(int=rng.getrandbits(128)).hex, day, exercise.id, dose, position)
            )
    return items, rest


def _logs(items: list[PlanItem], today: date, years: int, rng: random.Random) -> list[SessionLog]:
    by_day: dict[date, list[PlanItem]] = {}
    for item in items:
        if item.day < today:
            by_day.setdefault(item.day, []).append(item)
    days = sorted(by_day)
    twice_count = years * SESSIONS_A_YEAR // 7
    logged = sorted(rng.sample(days, min(len(days), years * SESSIONS_A_YEAR - twice_count)))
    twice = rng.sample(logged, twice_count)
    logs: list[SessionLog] = []
    notes = ["", "", "", "felt stiff in the morning", "good one", "[b]bold?[/b] left hip tight"]
    for day in sorted(logged + twice):
        started = datetime.combine(day, time(18, rng.randrange(60)))
        partial = rng.random() < 0.1
        entries = tuple(
            ExerciseLog(
                exercise_id=item.exercise_id,
                planned=item.dose,
                sets_done=item.dose.sets,
                reps_done=item.dose.reps * 2,
                holds_done=item.dose.reps if item.dose.hold_s else 0,
                seconds=60.0,
                completed=not (partial and index > 3),
            )
            for index, item in enumerate(by_day[day])
        )
        pain = rng.randint(1, 5)
        logs.append(
            SessionLog(
                id=uuid.UUID(int=rng.getrandbits(128)).hex,
                day=day,
                started_at=started,
                ended_at=started + timedelta(minutes=15),
                exercises=entries,
                pain_before=pain,
                pain_after=max(0, pain - rng.randint(0, 2)),
                effort=rng.choice(list(Effort)),
                note=rng.choice(notes),
            )
        )
    return logs


def write_history(
    path: Path, today: date | None = None, seed: int = 48, years: int = YEARS
) -> tuple[int, int]:
    """Write ``years`` of history to ``path``; returns (plan items, sessions).

    Old weeks are then archived as the app does on a start on ``today``, so ``path``
    holds what a real five-year user's data file holds: the recent weeks.
    """
    today = today or date.today()
    rng = random.Random(seed)
    catalogue = load_catalogue()
    first = monday_of(today) - timedelta(weeks=years * 52 - 2)
    items, rest = _items_and_rest(catalogue, first, years, rng)
    profile = Profile(4, Activity.MEDIUM, frozenset(range(6)), 20, 12, first)
    logs = _logs(items, today, years, rng)
    with open_store(path) as store:
        store.save_plan(Plan(profile, tuple(items), frozenset(rest)), keep_before=first)
        store.import_logs(logs)
        store.save_settings(Settings(welcomed=True))
        store.archive_before(archive_cutoff(today))
    return len(items), len(logs)


@contextmanager
def benchmark_history(doc: str | None) -> Iterator[tuple[Path, Path, int]]:
    """For a benchmark: read ``--years``, write that much history into a throw-away folder.

    Yields the folder (a private HOME for the processes started), the data file and the
    number of years; ``doc`` is the benchmark's docstring, whose first line is its help.
    """
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    years_argument(parser)
    years: int = parser.parse_args().years
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        db = home / "history.json"
        write_history(db, years=years)
        yield home, db, years


def years_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--years`` (the history size) to a benchmark's arguments."""
    parser.add_argument(
        "--years", type=int, choices=(1, 5, 20), default=YEARS, help="years of history"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, nargs="?", default=Path("history.json"))
    years_argument(parser)
    args = parser.parse_args()
    target: Path = args.target
    if target.exists():
        parser.exit(2, f"{target} exists; pick a new file name\n")
    items, sessions = write_history(target, years=args.years)
    size = target.stat().st_size / 1e6
    with open_store(target, read_only=True) as store:
        archives = store.archive.paths
    archived = sum(path.stat().st_size for path in archives) / 1e6
    print(
        f"wrote {target}: {items} plan items, {sessions} sessions, {size:.2f} MB "
        f"(and {archived:.1f} MB of older weeks in {len(archives)} archive files)"
    )


if __name__ == "__main__":
    main()
