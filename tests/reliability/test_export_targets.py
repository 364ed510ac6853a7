"""Issue 13: ``planner export -o`` never replaces a device, FIFO or socket, follows links, and
clears what a killed export left behind."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.cli import main
from planner.storage.export_target import (
    ExportTargetError,
    leftover_temp_files,
    write_export,
    write_export_new,
)
from tests.reliability.hostile_data import one_line


def export_to(db: Path, target: Path | str, *extra: str) -> int:
    return main(["--db", str(db), "export", "-o", str(target), *extra])


@pytest.fixture
def device(tmp_path: Path) -> Path:
    """A character device node (the null device) inside the test folder; root only."""
    node = tmp_path / "device"
    try:
        os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return node


@pytest.fixture
def a_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def test_export_to_a_device_with_force_is_refused_and_the_node_kept(
    tmp_path: Path, device: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export_to(tmp_path / "db.json", device, "--force") == 1
    assert "is a device" in one_line(capsys.readouterr().err)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_export_to_a_fifo_with_force_is_refused_and_the_fifo_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert export_to(tmp_path / "db.json", fifo, "--force") == 1
    assert "pipe" in one_line(capsys.readouterr().err)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_export_to_a_socket_with_force_is_refused(
    tmp_path: Path, a_socket: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export_to(tmp_path / "db.json", a_socket, "--force") == 1
    assert "socket" in one_line(capsys.readouterr().err)
    assert stat.S_ISSOCK(os.lstat(a_socket).st_mode)


def test_export_to_a_link_to_standard_output_with_force_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "reader"
    os.mkfifo(fifo)
    link = tmp_path / "out"
    # A link to /proc/self/fd/N resolves to whatever that descriptor is: here a pipe.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        link.symlink_to(f"/proc/self/fd/{reader}")
        assert export_to(tmp_path / "db.json", link, "--force") == 1
    finally:
        os.close(reader)
    one_line(capsys.readouterr().err)
    assert link.is_symlink()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_export_through_a_link_replaces_its_target_and_keeps_the_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real = elsewhere / "plan.txt"
    real.write_text("old\n")
    link = tmp_path / "plan.txt"
    link.symlink_to(real)
    assert export_to(tmp_path / "db.json", link, "--force") == 0
    assert link.is_symlink() and link.resolve() == real
    assert "Week" in real.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_interrupted_export_leaves_a_temp_file_the_next_export_removes(tmp_path: Path) -> None:
    # What a kill between writing and renaming leaves: a temporary file nobody holds.
    leftover = tmp_path / ".plan.txt.planner-export-0123456789ab.tmp"
    leftover.write_bytes(b"half")
    someone_elses = tmp_path / ".plan.txt.0123456789ab.tmp"
    someone_elses.write_bytes(b"not ours")
    assert list(leftover_temp_files(tmp_path)) == [leftover]
    write_export(tmp_path / "other.txt", b"new\n", force=False)
    assert not leftover.exists()
    assert someone_elses.read_bytes() == b"not ours"
    assert (tmp_path / "other.txt").read_bytes() == b"new\n"


def test_a_temp_file_still_being_written_is_not_removed(tmp_path: Path) -> None:
    import fcntl

    busy = tmp_path / ".plan.txt.planner-export-aaaaaaaaaaaa.tmp"
    busy.write_bytes(b"busy")
    fd = os.open(busy, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        write_export(tmp_path / "plan.txt", b"x", force=False)
        assert busy.exists()
    finally:
        os.close(fd)


def test_a_new_export_never_replaces_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("mine")
    written = write_export_new(tmp_path, ["a.txt", "a-2.txt"], b"plan")
    assert written == tmp_path / "a-2.txt"
    assert (tmp_path / "a.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-2.txt", "a.txt"]


def test_an_existing_file_without_force_and_a_missing_folder_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("mine")
    with pytest.raises(ExportTargetError, match="--force"):
        write_export(tmp_path / "a.txt", b"x", force=False)
    with pytest.raises(ExportTargetError, match="does not exist"):
        write_export(tmp_path / "nowhere" / "a.txt", b"x", force=True)
    assert (tmp_path / "a.txt").read_text() == "mine"
