"""Issue 13: a data path (or --routines) that is a link, a FIFO or a device.

A link is followed: saves replace the file it points to, in that file's folder, and
the link stays a link. A FIFO or a device is refused in one line instead of hanging
or reading forever, and moving a damaged file aside renames only inside its folder.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.storage import open_store
from planner.storage.recovery import open_for_app
from tests.reliability.hostile_data import NOW, START, make_valid_files, one_line, the_archive
from tests.reliability.in_terminal import run_in_terminal

PLANNER = Path(sys.executable).parent / "planner"
PLAN = ["plan", "--pain", "3", "--activity", "low", "--days", "mon,thu", "--minutes", "10"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # A timeout: the failure this guards against is a command that never returns.
    return subprocess.run(
        [str(PLANNER), *args],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=20,
        # A terminal the app would accept, so the data path is what gets refused.
        env={**os.environ, "TERM": "xterm-256color"},
    )


def test_a_data_path_that_is_a_link_saves_into_its_target_and_keeps_the_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real_folder = tmp_path / "synced"
    real_folder.mkdir()
    real = real_folder / "planner.json"
    link = tmp_path / "planner.json"
    link.symlink_to(real)
    assert main(["--db", str(link), *PLAN, "--start", "2030-01-07"]) == 0
    first = real.read_bytes()
    assert main(["--db", str(link), *PLAN, "--start", "2030-01-14"]) == 0
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes() != first  # the second save reached the real file
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    with open_store(link, read_only=True) as store:
        profile = store.profile()
        assert profile is not None and profile.start.isoformat() == "2030-01-14"
    # Nothing was written beside the link: the lock and temporary files live by the file.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["planner.json", "synced"]
    capsys.readouterr()


def test_moving_a_damaged_file_aside_never_touches_anything_outside_the_data_folder(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    stranger = outside / "notes.txt"
    stranger.write_bytes(b"not a data file")
    os.chmod(stranger, 0o644)
    folder = tmp_path / "data"
    folder.mkdir()
    real = folder / "planner.json"
    real.write_bytes(b"{broken")
    link = tmp_path / "planner.json"
    link.symlink_to(real)
    # A link named like an archive file: never followed, renamed or chmodded.
    (folder / "planner.archive-2026-7.json").symlink_to(stranger)
    opened = open_for_app(link, now=NOW)
    opened.store.close()
    assert stranger.read_bytes() == b"not a data file"
    assert stat.S_IMODE(stranger.stat().st_mode) == 0o644
    assert (folder / "planner.archive-2026-7.json").is_symlink()
    # The damaged file is kept beside itself; the link stays and leads to the new file.
    assert (folder / "planner.json.damaged-20261125-093000").read_bytes() == b"{broken"
    assert link.is_symlink() and link.resolve() == real and real.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "outside", "planner.json"]


def test_a_data_path_linked_to_dev_zero_is_refused_in_one_line(tmp_path: Path) -> None:
    link = tmp_path / "planner.json"
    link.symlink_to("/dev/zero")
    for args in (["export"], PLAN):
        result = run("--db", str(link), *args)
        assert result.returncode == 1, result.stderr
        assert "is a device" in one_line(result.stderr)
    status, shown = run_in_terminal("--db", str(link))  # the app, which needs a terminal
    assert status == 1 and "is a device" in one_line(shown)
    assert link.is_symlink()


def test_a_fifo_at_the_data_path_is_refused_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "planner.json"
    os.mkfifo(fifo)
    for args in (["export"], PLAN):
        result = run("--db", str(fifo), *args)
        assert result.returncode == 1, result.stderr
        assert "pipe (FIFO)" in one_line(result.stderr)
    status, shown = run_in_terminal("--db", str(fifo))  # the app, which needs a terminal
    assert status == 1 and "pipe (FIFO)" in one_line(shown)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_fifo_given_to_routines_is_refused_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "routines.json"
    os.mkfifo(fifo)
    result = run("--db", str(tmp_path / "db.json"), "--routines", str(fifo), "export")
    assert result.returncode == 2
    assert "FIFO" in one_line(result.stderr)


def test_a_fifo_archive_is_refused_instead_of_hanging(tmp_path: Path) -> None:
    db = tmp_path / "planner.json"
    make_valid_files(db)
    archive = the_archive(db)
    archive.unlink()
    os.mkfifo(archive)
    result = run("--db", str(db), "export", "--from", START.isoformat())
    assert result.returncode == 1
    assert "pipe (FIFO)" in one_line(result.stderr)
