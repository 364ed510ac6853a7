"""Exports are meant to be shared: their permissions follow the umask, unlike the data file's."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.cli import main
from planner.storage.export_target import write_export, write_export_new

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture
def umask() -> Iterator[None]:
    """Lets a test set the umask, and puts the old one back afterwards."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_new_export_gets_what_the_umask_leaves(
    tmp_path: Path, umask: None, mask: int, expected: int
) -> None:
    os.umask(mask)
    written = write_export(tmp_path / "plan.txt", b"plan\n", force=False)
    named = write_export_new(tmp_path, ["card.txt"], b"card\n")
    assert (mode(written), mode(named)) == (expected, expected)


def test_a_replaced_export_keeps_the_permissions_it_had(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "plan.txt"
    target.write_bytes(b"old\n")
    target.chmod(0o600)
    write_export(target, b"new\n", force=True)
    assert target.read_bytes() == b"new\n"
    assert mode(target) == 0o600


def test_planner_export_to_a_file_is_readable_by_others_under_umask_022(
    tmp_path: Path, umask: None
) -> None:
    target = tmp_path / "plan.txt"
    assert main(["--db", str(tmp_path / "db.json"), "export", "-o", str(target)]) == 0
    assert mode(target) == 0o644
