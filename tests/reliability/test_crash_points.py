"""Every user action, killed after each write-side system call it makes: old state or new, whole.

See ``crash_points.py`` for how the harness works; the README in this folder lists the
number of crash points per action. The actions are the plan book's operations the app
and the CLI run, called the way they call them (one goes to the store directly to reach
archived days); the data holds archived weeks, a custom exercise on old
and new days, and a logged session, so the archive is part of every check.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest

from planner.cli import main as planner_main
from planner.domain.catalogue import Catalogue, load_catalogue
from planner.domain.models import Dose, Settings
from planner.planbook import custom, edits
from planner.planbook import settings as planbook_settings
from planner.planbook.journal import checkpoint_session, record_session
from planner.planbook.upkeep import move_old_weeks
from planner.storage import open_store
from planner.storage.archive import archive_cutoff
from planner.storage.recovery import open_for_app
from tests.reliability.crash_points import Action, crash_every_point, run_in_child, visible_state
from tests.reliability.support import PLAN_START
from tests.unit.storage.samples import (
    TILT,
    custom_exercise,
    plan,
    rewrite_as_version_4,
    session_log,
)

TODAY = PLAN_START + timedelta(days=2)
OLD_MONDAY = date(2026, 6, 1)
CUSTOM = custom_exercise("Wall sit")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder with a data file and its archive, as after months of use."""
    folder = tmp_path_factory.mktemp("prepared")
    with open_store(folder / "planner.json") as store:
        store.save_settings(Settings(welcomed=True))
        store.save_plan(plan(OLD_MONDAY), keep_before=OLD_MONDAY)
        store.save_custom_exercise(CUSTOM)
        store.add_item(OLD_MONDAY, CUSTOM.id, CUSTOM.start)
        store.log_session(session_log(OLD_MONDAY))
        store.save_plan(plan(PLAN_START), keep_before=PLAN_START)
        store.add_item(PLAN_START + timedelta(days=2), CUSTOM.id, CUSTOM.start)
        assert store.archive_before(archive_cutoff(TODAY))
    yield folder


def plan_command(path: Path) -> None:
    """`planner plan` replacing the saved plan, through the real command line."""
    status = planner_main(
        ["--db", str(path), "plan", "--pain", "3", "--activity", "medium", "--days",
         "mon,wed,fri", "--minutes", "15", "--weeks", "6", "--start", "2027-01-04"]
    )  # fmt: skip
    assert status == 0


def catalogue() -> Catalogue:
    return load_catalogue().with_custom([CUSTOM])


def settings(path: Path) -> None:
    with open_store(path) as store:
        planbook_settings.save_settings(store, Settings(welcomed=True, bell=False, get_ready_s=8))


def add(path: Path) -> None:
    with open_store(path) as store:
        edits.add_exercise(store, catalogue(), TODAY, "pelvic-tilt")


def add_to_rest_day(path: Path) -> None:
    """Adding to a rest day makes it a training day in the same change."""
    with open_store(path) as store:
        rest_day = next(iter(store.rest_days_between(PLAN_START, PLAN_START + timedelta(13))))
        edits.add_exercise(store, catalogue(), rest_day, "pelvic-tilt")


def remove(path: Path) -> None:
    with open_store(path) as store:
        edits.remove_item(store, store.items_on(PLAN_START)[0].id)


def move(path: Path) -> None:
    with open_store(path) as store:
        edits.move_item(store, store.items_on(PLAN_START)[0].id, PLAN_START + timedelta(days=1))


def reorder(path: Path) -> None:
    with open_store(path) as store:
        edits.reorder_item(store, store.items_on(TODAY)[0].id, 1)


def dose(path: Path) -> None:
    with open_store(path) as store:
        edits.set_dose(store, store.items_on(PLAN_START)[0].id, Dose(hold_s=10, reps=12, sets=2))


def rest_day(path: Path) -> None:
    """A training day made a rest day: its exercises come off in the same change."""
    with open_store(path) as store:
        edits.toggle_rest(store, TODAY)


def session(path: Path) -> None:
    """A finished session saved with its feedback review, as the calendar does."""
    log = replace(session_log(TODAY), id="today", pain_before=3, pain_after=6)
    with open_store(path) as store:
        record_session(store, catalogue(), log, TODAY)


def checkpoint(path: Path) -> None:
    log = replace(session_log(TODAY), id="running", pain_after=None, effort=None, note="")
    with open_store(path) as store:
        checkpoint_session(store, log)


def create_custom(path: Path) -> None:
    with open_store(path) as store:
        custom.save_exercise(store, catalogue(), replace(CUSTOM, id="custom-bridge", name="Bridge"))


def edit_custom(path: Path) -> None:
    with open_store(path) as store:
        custom.save_exercise(store, catalogue(), replace(CUSTOM, name="Wall sit, lower"))


def delete_custom(path: Path) -> None:
    """Deleting a custom exercise takes it off the plan from today on; history keeps it."""
    with open_store(path) as store:
        assert custom.delete_exercise(store, catalogue(), CUSTOM.id, TODAY) == 1


def delete_custom_everywhere(path: Path) -> None:
    """The store's own delete reaches archived days too (the archive and the data file)."""
    with open_store(path) as store:
        store.delete_custom_exercise(CUSTOM.id)


def edit_archived_day(path: Path) -> None:
    with open_store(path) as store:
        edits.remove_item(store, store.items_on(OLD_MONDAY)[0].id)


def archive_move(path: Path) -> None:
    """The first start of a week ten weeks on moves more weeks into the archive."""
    with open_for_app(path).store as store:
        assert move_old_weeks(store, TODAY + timedelta(weeks=10)) == ""


ACTIONS: dict[str, Action] = {
    "planner plan replacing a plan": plan_command,
    "settings saved": settings,
    "exercise added to a day": add,
    "exercise added to a rest day": add_to_rest_day,
    "exercise removed": remove,
    "exercise moved to another day": move,
    "exercise reordered": reorder,
    "dose changed": dose,
    "rest day toggled": rest_day,
    "session logged with its feedback review": session,
    "live session checkpointed": checkpoint,
    "custom exercise created": create_custom,
    "custom exercise edited": edit_custom,
    "custom exercise deleted": delete_custom,
    "custom exercise deleted from archived days too (store)": delete_custom_everywhere,
    "archived day edited (archive and data file)": edit_archived_day,
    "weeks moved to the archive at start-up": archive_move,
}


@pytest.mark.parametrize("name", ACTIONS)
def test_a_kill_after_any_write_leaves_the_state_before_or_after(
    name: str, prepared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = crash_every_point(name, prepared, ACTIONS[name], tmp_path)
    assert report.old >= 1 and report.new >= 1  # both sides of the commit were hit
    with capsys.disabled():
        print(f"\n  crash points: {report.line()}", end="")


@pytest.fixture(scope="module")
def prepared_version_4(prepared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same data as ``prepared`` in data version 4's layout: its archived year one file."""
    folder = tmp_path_factory.mktemp("prepared-v4")
    shutil.copytree(prepared, folder, dirs_exist_ok=True)
    assert len(rewrite_as_version_4(folder / "planner.json")) == 1
    return folder


@pytest.mark.parametrize(
    "name",
    [
        "archived day edited (archive and data file)",
        "weeks moved to the archive at start-up",
        "custom exercise deleted from archived days too (store)",
    ],
)
def test_a_kill_while_a_version_4_year_is_first_written_in_two_leaves_before_or_after(
    name: str, prepared_version_4: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = crash_every_point(name, prepared_version_4, ACTIONS[name], tmp_path)
    assert report.old >= 1 and report.new >= 1
    with capsys.disabled():
        print(f"\n  crash points (from version 4): {report.line()}", end="")


def write_a_year_in_two(path: Path) -> None:
    """A start whose cutoff moves nothing still writes a version-4 year as its two files."""
    with open_for_app(path).store as store:
        assert move_old_weeks(store, TODAY) == ""


def logs_apart(path: Path) -> list[int]:
    """The archived years the data file lists with a logs file of their own."""
    meta = orjson.loads(path.read_bytes())["meta"].values()
    return next(doc.get("archive_logs_apart", []) for doc in meta if "schema_version" in doc)


def test_a_kill_while_a_start_writes_a_version_4_year_in_two_changes_nothing_seen(
    prepared_version_4: Path, tmp_path: Path
) -> None:
    """The upkeep's rewrite of an untouched year: nothing a user sees changes, so every
    crash point must open to the same state, the year whole or in two."""

    def copy(name: str) -> Path:
        return Path(shutil.copytree(prepared_version_4, tmp_path / name)) / "planner.json"

    before = visible_state(copy("before"))
    after = copy("after")
    calls, _ = run_in_child(write_a_year_in_two, after, None)
    assert logs_apart(after) == [OLD_MONDAY.year] and visible_state(after) == before
    layouts = set()
    for point in range(1, calls + 1):
        data = copy(f"point-{point}")
        _, killed = run_in_child(write_a_year_in_two, data, point)
        assert killed, f"not killed at crash point {point} of {calls}"
        assert visible_state(data) == before, f"crash point {point} of {calls}"
        layouts.add(tuple(logs_apart(data)))
    assert layouts == {(), (OLD_MONDAY.year,)}  # killed both before and after the commit


def test_the_harness_catches_an_action_made_of_two_commits(prepared: Path, tmp_path: Path) -> None:
    """The harness itself can fail: two separate commits for one action are caught."""

    def two_commits(path: Path) -> None:
        with open_store(path) as store:
            store.save_settings(Settings(welcomed=True, bell=False))
            store.add_item(TODAY, "pelvic_tilt", TILT)

    with pytest.raises(AssertionError, match="mixed state"):
        crash_every_point("two commits", prepared, two_commits, tmp_path)
