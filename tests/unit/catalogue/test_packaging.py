"""The wheel carries routines.json as planner/routines.json, both commands and the licence; an
installed app loads the packaged catalogue."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from planner.domain.catalogue import parse_catalogue

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=120,
    )  # fmt: skip
    (built,) = out.glob("*.whl")
    return built


def test_the_wheel_holds_the_catalogue(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        data = archive.read("planner/routines.json")
    assert len(parse_catalogue(data, source="planner/routines.json")) == 7


def test_an_installed_copy_loads_the_packaged_catalogue(wheel: Path, tmp_path: Path) -> None:
    # A pure-Python wheel unpacked onto the path is what an install puts there.
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    probe = (
        "import planner\n"
        "from planner.domain.catalogue import load_catalogue\n"
        "print(planner.__file__)\n"
        "print(len(load_catalogue()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "PYTHONPATH": str(site)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    where, count = result.stdout.split()
    assert Path(where).is_relative_to(site)
    assert count == "7"


def test_the_wheel_declares_both_commands_and_carries_the_licence(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        scripts = archive.read(points).decode()
        (licence,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert archive.read(licence) == ROOT.joinpath("LICENSE").read_bytes()
    assert "\nplanner = planner.cli:main\n" in scripts
    assert "\nback-planner = planner.cli:main\n" in scripts
