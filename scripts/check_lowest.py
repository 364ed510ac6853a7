"""Prove the declared lower bounds: install each runtime dependency at its lowest allowed version
in a fresh virtual environment, then run the unit tests and a real .ics export there.

Run: ``.venv/bin/python scripts/check_lowest.py`` (about a minute; it needs the package index
for the old releases). Besides the unit tests it opens every screen of the app in every state
of the data, so Textual's lower bound is checked too; the whole TUI suite, snapshots included,
was run by hand at the bounds in pyproject.toml.

``--at NAME==VERSION`` tries another version of one dependency instead of its lower bound, even
one outside the declared range, which is how a bound is measured: the release below it should
fail. ``--keep DIR`` builds the environment in DIR and leaves it there.

The test tools come from ``constraints/test.txt`` (only those these tests use: pytest,
pytest-asyncio, hypothesis and hatchling for the wheel test); the strict type check, ruff and
the snapshots are not run here, since they check our code against the pinned tools, not the
lowest runtime.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints" / "test.txt"
UNIT_TEST_TOOLS = ("pytest", "pytest-asyncio", "hypothesis", "hatchling")
DEFAULT_TESTS = ("tests/unit", "tests/tui/test_every_screen_in_every_state.py")
"""The unit tests, and every screen of the app in every state of the data (Textual's share)."""


def lower_bounds(pyproject: Path) -> dict[str, str]:
    """Each runtime dependency's name and the version its ``>=`` names; an error if one has none."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    bounds: dict[str, str] = {}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        lows = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        if len(lows) != 1:
            raise SystemExit(f"{line!r} names no single lower bound (>=)")
        bounds[canonicalize_name(requirement.name)] = lows[0]
    return bounds


def tool_pins(constraints: Path, leave_out: set[str]) -> list[str]:
    """The pinned test tools, less every package whose version this check chooses itself."""
    pins = []
    for raw in constraints.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line and canonicalize_name(Requirement(line).name) not in leave_out:
            pins.append(line)
    return pins


def run(*command: str | Path, cwd: Path = ROOT) -> None:
    print("$", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], cwd=cwd, check=True)


def installed_versions(python: Path, names: list[str]) -> dict[str, str]:
    probe = "import sys, importlib.metadata as m\nfor n in sys.argv[1:]: print(n, m.version(n))"
    out = subprocess.run(
        [str(python), "-c", probe, *names], capture_output=True, text=True, check=True
    ).stdout
    return dict(line.split() for line in out.splitlines())


COUNT_EVENTS = """
import sys, icalendar
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
print(len(calendar.walk("VEVENT")))
"""


def export_ics(venv: Path, work: Path) -> int:
    """Make a plan and export it as .ics with the installed command; return how many events."""
    planner = venv / "bin" / "planner"
    db = work / "lowest.json"
    ics = work / "lowest.ics"
    for leftover in (db, ics):  # from an earlier run with --keep
        leftover.unlink(missing_ok=True)
    plan = ["plan", "--pain", "4", "--activity", "medium", "--days", "mon,wed,fri"]
    run(planner, "--db", db, *plan, "--minutes", "15", "--weeks", "6", "--start", "2026-11-30")
    export = ["export", "--format", "ics", "--from", "2026-11-30", "--weeks", "6"]
    run(planner, "--db", db, *export, "-o", ics)
    out = subprocess.run(
        [str(venv / "bin" / "python"), "-c", COUNT_EVENTS, str(ics)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout)


def check(work: Path, overrides: dict[str, str], pytest_args: list[str]) -> None:
    bounds = lower_bounds(ROOT / "pyproject.toml") | overrides
    venv = work / "venv"
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "venv", venv)
    lowest = work / "lowest.txt"
    lowest.write_text("".join(f"{name}=={v}\n" for name, v in bounds.items()), encoding="utf-8")
    tools = work / "tools.txt"
    tools.write_text("\n".join(tool_pins(CONSTRAINTS, set(bounds))) + "\n", encoding="utf-8")
    pip: list[str | Path] = [python, "-m", "pip", "install", "-qq", "--disable-pip-version-check"]
    if overrides:  # may lie outside the declared range: the project's own requirements are skipped
        run(*pip, "--no-deps", "-e", ROOT)
        run(*pip, "-c", tools, *(f"{name}=={v}" for name, v in bounds.items()), *UNIT_TEST_TOOLS)
    else:
        run(*pip, "-c", lowest, "-c", tools, "-e", ROOT, *UNIT_TEST_TOOLS)
    got = installed_versions(python, list(bounds))
    for name, wanted in bounds.items():
        print(f"  {name:14} wanted {wanted:10} installed {got[name]}")
    wrong = {name for name, wanted in bounds.items() if Version(got[name]) != Version(wanted)}
    if wrong:
        raise SystemExit(f"not installed at the version asked for: {sorted(wrong)}")
    run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_args)
    events = export_ics(venv, work)
    if events == 0:
        raise SystemExit("the .ics export holds no events")
    print(f"lowest versions: the tests passed, a 6-week .ics export holds {events} events")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--at", action="append", default=[], metavar="NAME==VERSION")
    parser.add_argument("--keep", type=Path, metavar="DIR")
    parser.add_argument("pytest_args", nargs="*", default=list(DEFAULT_TESTS))
    args = parser.parse_args(argv)
    overrides: dict[str, str] = {}
    for pin in args.at:
        name, _, version = pin.partition("==")
        overrides[canonicalize_name(name)] = version
    try:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            check(args.keep.resolve(), overrides, args.pytest_args)
        else:
            with tempfile.TemporaryDirectory(prefix="planner-lowest-") as work:
                check(Path(work), overrides, args.pytest_args)
    except subprocess.CalledProcessError as failed:
        print(f"lowest versions: FAILED, exit status {failed.returncode} from {failed.cmd[:3]}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
