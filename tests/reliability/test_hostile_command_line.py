"""Issue 13: the command line under hostile arguments, outputs and terminals.

Dates Python cannot hold, a full or closed standard output, TERM=dumb, a terminal
that is not UTF-8, and argument errors: each ends in one line on stderr, never a
traceback, with status 2 for what the user asked and 1 for an output that failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

from planner.cli import main
from planner.domain.glyphs import can_show, to_ascii
from tests.reliability.hostile_data import one_line

PLANNER = Path(sys.executable).parent / "planner"
PLAN = ["plan", "--pain", "3", "--activity", "low", "--days", "mon,thu", "--minutes", "10"]


def run(
    *args: str, stdout: IO[str] | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PLANNER), *args],
        stdin=subprocess.DEVNULL,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=30,
        env=env,
    )


@pytest.fixture
def planned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A data file with a plan, so an export has something to write (and no hint to add)."""
    db = tmp_path / "planner.json"
    assert main(["--db", str(db), *PLAN, "--start", "2030-01-07"]) == 0
    capsys.readouterr()
    return str(db)


@pytest.mark.parametrize(
    "args",
    [
        [*PLAN, "--start", "9999-12-31"],
        ["export", "--from", "9999-12-25", "--weeks", "2"],
        ["export", "--week", "9999-W52"],
    ],
    ids=["plan_start_9999_12_31", "export_from_9999_12_25_two_weeks", "export_week_9999_W52"],
)
def test_dates_past_what_python_holds_are_one_line_and_status_2(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "planner.json"
    assert main(["--db", str(db), *args]) == 2
    assert "outside the dates planner handles" in one_line(capsys.readouterr().err)
    assert not db.exists()


def test_export_to_a_full_standard_output_is_one_line_and_status_1(planned: str) -> None:
    with open("/dev/full", "w") as full:
        result = run("--db", planned, "export", "--week", "2030-W02", stdout=full)
    assert result.returncode == 1
    assert "could not write to standard output" in one_line(result.stderr)


def test_export_with_standard_output_closed_is_one_line_and_status_1(planned: str) -> None:
    result = subprocess.run(
        [str(PLANNER), "--db", planned, "export", "--week", "2030-W02"],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=30,
        # Closes descriptor 1 in the child, as `planner export >&-` does.
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 1
    assert "standard output is closed" in one_line(result.stderr)


def test_plan_and_help_to_a_full_standard_output_fail_in_one_line(planned: str) -> None:
    with open("/dev/full", "w") as full:
        for args in ([*PLAN], ["--help"], ["--version"], ["export", "--help"]):
            result = run("--db", planned, *args, stdout=full)
            assert result.returncode == 1, args
            assert "could not write to standard output" in one_line(result.stderr)


def test_term_dumb_is_one_plain_line_pointing_at_export(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "db.json"), env={**os.environ, "TERM": "dumb"})
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert "full-screen terminal" in line and "planner export" in line
    assert "\x1b" not in result.stderr + result.stdout
    assert not (tmp_path / "db.json").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--pain", "abc"],
        [*PLAN[:-2], "--minutes", "ten"],
        ["export", "--format", "pdf"],
        ["export", "--week", "2026-W48", "--from", "2026-11-23"],
        ["nonsense"],
        ["--no-such-option"],
        ["plan"],
    ],
    ids=[
        "plan_pain_abc",
        "minutes_not_a_number",
        "unknown_format",
        "week_and_from_together",
        "unknown_command",
        "unknown_option",
        "missing_required",
    ],
)
def test_every_argument_error_is_one_line_and_status_2(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    captured = capsys.readouterr()
    assert one_line(captured.err).startswith("planner")
    assert "usage:" not in captured.err and captured.out == ""


def test_a_non_utf8_terminal_gets_ascii_stand_ins_of_the_same_width() -> None:
    assert not can_show("ascii") and not can_show("latin-1") and can_show("utf-8")
    drawn = "Pelvic tilt · 2×10 → ▁▃▅█ ⣿⠁⠀ ┌─┐│ 界"
    plain = to_ascii(drawn)
    assert plain.isascii()
    assert plain == "Pelvic tilt . 2x10 > _-=# :.  +-+| ??"
    # Written through the app's error handler, nothing turns into \\xb7 or \\u2588.
    from planner.domain.glyphs import ERROR_HANDLER

    assert drawn.encode("ascii", errors=ERROR_HANDLER) == plain.encode()
    assert "·".encode("latin-1", errors=ERROR_HANDLER) == "·".encode("latin-1")
