"""The sdist carries everything the suite needs, so the tests run from an unpacked sdist too."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from .conftest import ROOT

NEEDED = [
    "LICENSE",
    "README.md",
    "pyproject.toml",
    "routines.json",
    ".ci/run",
    "constraints/test.txt",
    "scripts/check_lowest.py",
    "scripts/take_screenshots.py",
    "tests/conftest.py",
    "tests/e2e/conftest.py",
    "tests/test_code_quality.py",
    "planner/__init__.py",
]
"""Named by the test command, the quality checks or the packaging itself."""


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sdist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    (built,) = out.glob("*.tar.gz")
    return built


def members(sdist: Path) -> set[str]:
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    top = {name.split("/", 1)[0] for name in names}
    assert top == {sdist.name.removesuffix(".tar.gz")}, top
    return {name.split("/", 1)[1] for name in names if "/" in name}


def test_the_sdist_holds_what_the_suite_and_ci_name(sdist: Path) -> None:
    inside = members(sdist)
    assert [path for path in NEEDED if path not in inside] == []
    assert not any(
        part in {".venv", "__pycache__", ".git"} for p in inside for part in p.split("/")
    )


def test_the_sdist_holds_every_file_git_tracks(sdist: Path) -> None:
    if not ROOT.joinpath(".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout (an unpacked sdist?): git lists the files to expect")
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    tracked = {path for path in listed if ROOT.joinpath(path).is_file()}  # not deleted-but-unstaged
    assert sorted(tracked - members(sdist)) == []


def test_ruff_passes_on_the_unpacked_sdist(sdist: Path, tmp_path: Path) -> None:
    """The quality checks name scripts/ and benchmarks/: with either missing, ruff fails there."""
    with tarfile.open(sdist) as archive:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 on
            archive.extractall(tmp_path, filter="data")
        else:
            archive.extractall(tmp_path)
    (unpacked,) = tmp_path.iterdir()
    ruff = Path(sys.executable).parent / "ruff"
    paths = ["planner", "tests", "benchmarks", "scripts"]
    for command in (["check", *paths], ["format", "--check", *paths]):
        result = subprocess.run(
            [str(ruff), *command], cwd=unpacked, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
