"""``planner plan`` and ``planner export`` as a user runs them: output, files, exit status."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from planner.cli import main
from planner.domain.dates import long_date, short_date
from planner.domain.weeks import monday_of, week_label
from planner.storage import open_store

PLANNER = Path(sys.executable).parent / "planner"
# The commands read the real date (days before today are history and never rewritten),
# so every date here is counted from the Monday after the real today.
START_DAY = monday_of(date.today()) + timedelta(weeks=1)
START = START_DAY.isoformat()
PLAN_ARGS = ["--pain", "4", "--activity", "medium", "--days", "mon,wed,fri,sat"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PLANNER), *args], capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "plan.json"


def make_plan(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    status = main(
        ["--db", str(db), "plan", *PLAN_ARGS, "--minutes", "15", "--weeks", "6", "--start", START]
    )
    assert status == 0
    return capsys.readouterr().out


def test_plan_then_export_two_weeks_from_a_clean_start(tmp_path: Path) -> None:
    db = str(tmp_path / "x.json")
    made = run("--db", db, "plan", *PLAN_ARGS, "--minutes", "15", "--weeks", "6", "--start", START)
    assert made.returncode == 0, made.stderr
    assert f"6-week plan from {short_date(START_DAY, year=True)}" in made.stdout
    assert "24 sessions" in made.stdout

    shown = run("--db", db, "export", "--from", START, "--weeks", "2")
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    second_week = START_DAY + timedelta(weeks=1)
    assert f"Week 1 of 2 · {week_label(START_DAY)}" in out
    assert f"Week 2 of 2 · {week_label(second_week)}" in out
    for day in (START_DAY, second_week + timedelta(days=5)):  # the first Monday, last Saturday
        assert f"[ ] {short_date(day)} " in out
    assert f"[ ] {short_date(START_DAY + timedelta(days=1))} " not in out  # a rest day: no row
    assert "Pelvic tilt" in out and "Safety:" in out
    assert all(len(line) <= 80 for line in out.splitlines())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["plan", "--pain", "12", "--activity", "low", "--days", "mon,wed", "--minutes", "15"],
            "pain must be a whole number from 0 to 10, not 12",
        ),
        (
            ["plan", "--pain", "3", "--activity", "low", "--days", "funday", "--minutes", "15"],
            "'funday' is not a day of the week",
        ),
        (
            [
                "plan",
                "--pain",
                "3",
                "--activity",
                "low",
                "--days",
                "mon,tue",
                "--minutes",
                "15",
                "--start",
                "2026-02-31",
            ],
            "'2026-02-31' is not a date",
        ),
        (
            ["plan", "--pain", "3", "--activity", "low", "--days", "mon,tue", "--minutes", "99"],
            "minutes per session must be from 5 to 60",
        ),
        (["export", "--from", "yesterday"], "'yesterday' is not a date"),
        (["export", "--week", "2026-W60"], "2026 has no week 60"),
        (["export", "--weeks", "0"], "--weeks must be from 1 to 52"),
        (["export", "--with-history"], "--with-history works only with --format markdown or json"),
    ],
)
def test_bad_input_gives_one_line_and_status_two(
    db: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["--db", str(db), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("planner: ")
    assert message in err
    assert not db.exists() or "export" in args


def test_bad_input_from_the_real_command_has_no_traceback(db: Path) -> None:
    result = run("--db", str(db), "plan", *PLAN_ARGS, "--minutes", "15", "--start", "30/11/2027")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "Traceback" not in result.stderr


def test_replanning_keeps_logged_past_days(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_plan(db, capsys)
    later = START_DAY + timedelta(weeks=2)
    with open_store(db) as store:
        before = store.items_between(START_DAY, START_DAY + timedelta(days=31))
    # A new plan from today leaves the earlier days alone only when they are in the past;
    # starting later than the old plan, the old plan's first days stay as they were.
    status = main(
        [
            "--db",
            str(db),
            "plan",
            "--pain",
            "2",
            "--activity",
            "high",
            "--days",
            "tue,thu",
            "--minutes",
            "20",
            "--weeks",
            "2",
            "--start",
            later.isoformat(),
        ]
    )
    assert status == 0
    with open_store(db) as store:
        kept = store.items_between(START_DAY, later - timedelta(days=1))
        new = store.items_between(later, START_DAY + timedelta(days=31))
    assert kept == [i for i in before if i.day < later]
    assert {i.day.weekday() for i in new} == {1, 3}


def test_export_to_a_file_refuses_to_overwrite_without_force(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(db, capsys)
    target = tmp_path / "plan.txt"
    target.write_text("mine, keep me")
    assert main(["--db", str(db), "export", "--from", START, "-o", str(target)]) == 1
    assert "already exists; add --force" in capsys.readouterr().err
    assert target.read_text() == "mine, keep me"

    assert main(["--db", str(db), "export", "--from", START, "-o", str(target), "--force"]) == 0
    assert target.read_text().startswith(f"Back exercise plan: {long_date(START_DAY)}")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_ics_file_parses_with_events_and_alarms(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(db, capsys)
    target = tmp_path / "plan.ics"
    week = week_label(START_DAY)
    args = ["--db", str(db), "export", "--format", "ics", "--week", week, "-o", str(target)]
    assert main(args) == 0
    calendar = Calendar.from_ical(target.read_bytes())
    assert len(list(calendar.walk("VEVENT"))) == 4  # mon, wed, fri, sat
    assert len(list(calendar.walk("VALARM"))) == 4


def test_export_markdown_with_history(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_plan(db, capsys)
    result = run(
        "--db", str(db), "export", "--format", "markdown", "--from", START, "--with-history"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Back exercise plan")
    assert "## History" in result.stdout


def test_export_works_while_the_app_holds_the_data_file(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(db, capsys)
    with open_store(db):  # the running app holds the lock for its whole life
        result = run("--db", str(db), "export", "--from", START)
    assert result.returncode == 0, result.stderr
    assert "Pelvic tilt" in result.stdout


def test_export_does_not_load_textual(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_plan(db, capsys)
    code = (
        "import sys; from planner.cli import main; "
        f"status = main(['--db', {str(db)!r}, 'export', '--from', {START!r}]); "
        "print('TEXTUAL' if 'textual' in sys.modules else 'NO-TEXTUAL', status)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.rstrip().endswith("NO-TEXTUAL 0"), result.stderr


def test_plan_is_refused_while_the_app_holds_the_data_file(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(db, capsys)
    before = db.read_bytes()
    with open_store(db):
        result = run("--db", str(db), "plan", *PLAN_ARGS, "--minutes", "20", "--start", START)
    assert result.returncode == 1
    assert "another Back Planner is using" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


def test_export_without_a_plan_says_how_to_make_one(tmp_path: Path) -> None:
    db = tmp_path / "never-made.json"
    result = run("--db", str(db), "export", "--from", START)
    assert result.returncode == 0
    assert "· no sessions" in result.stdout and "[ ]" not in result.stdout
    assert "planner plan" in result.stderr
    assert not db.exists()


def test_a_plan_that_starts_in_the_past_leaves_the_past_alone_and_says_so(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = date.today()
    last_week = monday_of(today) - timedelta(weeks=1)
    args = ["--minutes", "15", "--weeks", "2", "--start", last_week.isoformat()]
    assert main(["--db", str(db), "plan", *PLAN_ARGS, *args]) == 0
    out = capsys.readouterr().out
    asked = short_date(last_week, year=True)
    assert f"The start you gave ({asked}) is in the past, so the plan starts today" in out
    assert f"plan from {short_date(today, year=True)}" in out
    with open_store(db) as store:
        assert store.items_between(last_week, today - timedelta(days=1)) == []
        saved_days = {item.day for item in store.items_between(today, today + timedelta(weeks=2))}
        profile = store.profile()
    # Two whole plan weeks from today, not what was left of two weeks from the past start.
    assert profile is not None and profile.start == today
    assert saved_days and max(saved_days) > today + timedelta(days=7)
    assert f"{len(saved_days)} sessions" in out


def test_export_to_a_folder_says_it_is_a_folder_even_with_force(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(db, capsys)
    for extra in ([], ["--force"]):
        assert main(["--db", str(db), "export", "-o", str(tmp_path), *extra]) == 1
        assert capsys.readouterr().err == (
            f"planner: {tmp_path} is a folder; give a file name after -o\n"
        )


def test_a_pain_7_plan_is_not_said_to_rise(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """At pain 7 the plan keeps to the lowest doses: the summary says it stays there."""
    args = ["--pain", "7", "--activity", "low", "--days", "mon,wed,fri", "--minutes", "15"]
    assert main(["--db", str(db), "plan", *args, "--start", START]) == 0
    out = capsys.readouterr().out
    assert "rising" not in out
    assert "staying there to week 6." in out
    assert ": 18 sessions, 24 rest days." in out
