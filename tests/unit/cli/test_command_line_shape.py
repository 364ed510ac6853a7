"""Issue 16's command line: options after the sub-command, exit statuses, help, ``-o -``, no TTY."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.cli import build_parser, main
from planner.commands.terminal import TerminalError, check_terminal
from planner.domain.weeks import monday_of
from planner.storage import open_store

PLANNER = Path(sys.executable).parent / "planner"
ROOT = Path(__file__).parents[3]
README = ROOT / "README.md"
START = (monday_of(date.today()) + timedelta(weeks=1)).isoformat()
PLAN = ["--pain", "3", "--activity", "low", "--days", "mon,thu", "--minutes", "10"]


def test_db_after_the_sub_command_is_the_same_data_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tmp_path / "before.json"
    after = tmp_path / "after.json"
    assert main(["--db", str(before), "plan", *PLAN, "--start", START]) == 0
    assert main(["plan", "--db", str(after), *PLAN, "--start", START]) == 0
    capsys.readouterr()
    assert before.exists() and after.exists()
    assert main(["--db", str(before), "export", "--from", START]) == 0
    from_before = capsys.readouterr().out
    assert main(["export", "--from", START, "--db", str(after)]) == 0
    assert capsys.readouterr().out == from_before
    assert "Monday" in from_before


def test_the_sub_commands_db_wins_over_the_one_before_it(tmp_path: Path) -> None:
    args = build_parser().parse_args(["--db", "a.json", "export", "--db", "b.json"])
    assert args.db == Path("b.json")
    args = build_parser().parse_args(["--db", "a.json", "export"])
    assert args.db == Path("a.json") and args.routines is None
    assert build_parser().parse_args(["plan", *PLAN]).db is None


def test_routines_after_the_sub_command_is_the_catalogue_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine.json"
    mine.write_bytes((ROOT / "routines.json").read_bytes())
    db = tmp_path / "db.json"
    assert main(["plan", "--routines", str(mine), "--db", str(db), *PLAN, "--start", START]) == 0
    capsys.readouterr()
    broken = tmp_path / "broken.json"
    broken.write_text("{ nope", encoding="utf-8")
    for args in (["plan", *PLAN], ["export"]):
        assert main([args[0], "--routines", str(broken), "--db", str(db), *args[1:]]) == 2
        assert capsys.readouterr().err.startswith(f"planner: {broken}")


@pytest.mark.parametrize("command", ["plan", "export"])
def test_help_shows_db_and_routines_on_the_sub_command(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([command, "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert "--db PATH" in out and "--routines PATH" in out
    assert "examples:" in out and "exit status: 0" in out


def test_help_shows_defaults_examples_and_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    helps = {}
    for args in ([], ["plan"], ["export"]):
        with pytest.raises(SystemExit):
            main([*args, "--help"])
        helps[" ".join(args)] = capsys.readouterr().out
    assert "examples:" in helps[""] and "planner --db /tmp/try.json" in helps[""]
    assert "exit status:" in helps[""]
    assert "1  a right command that could not be carried out" in helps[""]
    assert "2  a usage error" in helps[""]
    assert "(default: 6)" in helps["plan"]  # --weeks
    assert "(default: text)" in helps["export"] and "(default: 1)" in helps["export"]
    # Options without a real default do not say "default: None" or "default: False".
    assert "None" not in "".join(helps.values()) and "False" not in "".join(helps.values())


def test_the_readme_documents_the_exit_statuses() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Command line") :]
    section = section[: section.index("\n## ")]
    assert "exit status" in section and "-o -" in section
    assert "\n| 1 | a right command" in section and "\n| 2 | a usage error" in section


# Exit statuses: 2 for what is wrong on the command line, 1 for what failed while running.


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--pain", "eleven", *PLAN[2:]],
        ["plan", *PLAN[:-1], "99"],
        ["plan", *PLAN, "--start", "2026-02-31"],
        ["export", "--week", "2026-W60"],
        ["export", "--routines", "/no/such/routines.json"],
    ],
    ids=["not_a_number", "minutes_out_of_range", "not_a_date", "no_such_week", "no_routines"],
)
def test_usage_errors_exit_2(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        status = main(["--db", str(tmp_path / "db.json"), *args])
    except SystemExit as stopped:  # argparse's own errors
        status = int(stopped.code or 0)
    assert status == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_a_plan_refused_at_pain_9_exits_1_and_makes_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    assert main(["--db", str(db), "plan", "--pain", "9", *PLAN[2:]]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "see a doctor first" in err
    assert not db.exists()


def test_runtime_failures_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "db.json"
    assert main(["--db", str(db), "plan", *PLAN, "--start", START]) == 0
    existing = tmp_path / "plan.txt"
    existing.write_text("keep me")
    assert main(["--db", str(db), "export", "-o", str(existing)]) == 1  # exists, no --force
    assert existing.read_text() == "keep me"
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{ not json")
    assert main(["--db", str(damaged), "export"]) == 1
    with open_store(db):  # held, as by the app
        assert main(["--db", str(db), "plan", *PLAN]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 3 and all(line.startswith("planner: ") for line in errors)


def test_a_full_standard_output_exits_1(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [str(PLANNER), "export", "--db", str(tmp_path / "db.json"), "-o", "-"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=30,
        )
    assert result.returncode == 1
    assert "could not write to standard output" in result.stderr


# -o -


def test_output_dash_is_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "db.json"
    assert main(["--db", str(db), "plan", *PLAN, "--start", START]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "export", "--from", START]) == 0
    plain = capsys.readouterr().out
    assert main(["--db", str(db), "export", "--from", START, "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out == plain and "Wrote" not in captured.err
    assert not (tmp_path / "-").exists()
    # A file really named "-" is still reachable as ./-
    assert main(["--db", str(db), "export", "--from", START, "-o", "./-"]) == 0
    assert (tmp_path / "-").read_text(encoding="utf-8") == plain


# The app without a terminal


def test_the_app_without_a_terminal_refuses_in_one_line_and_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    screen = tmp_path / "screen.txt"
    env = {key: value for key, value in os.environ.items() if key != "TERM"} | {"TERM": "xterm"}
    with screen.open("w") as out:
        result = subprocess.run(
            [str(PLANNER), "--db", str(db)],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=30,
            env=env,
        )
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "not a terminal" in lines[0] and "planner export" in lines[0]
    assert screen.read_text() == ""  # no escape codes written into the file
    assert not db.exists()


@pytest.mark.parametrize("missing", ["input", "output", "error"])
def test_each_standard_stream_must_be_a_terminal(
    missing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "xterm")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    streams = {"input": "stdin", "output": "stdout", "error": "__stderr__"}
    for name, attribute in streams.items():
        monkeypatch.setattr(sys, attribute, io.StringIO() if name == missing else Terminal())
    with pytest.raises(TerminalError, match=f"standard {missing} is not a terminal"):
        check_terminal()


def test_with_every_stream_a_terminal_the_check_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("planner.commands.terminal.is_terminal", lambda stream: True)
    check_terminal()
    monkeypatch.setenv("TERM", "dumb")
    with pytest.raises(TerminalError, match="TERM=dumb"):
        check_terminal()
