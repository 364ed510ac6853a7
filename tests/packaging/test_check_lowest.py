"""scripts/check_lowest.py reads the bounds it installs from pyproject.toml; CI runs it whole."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_lowest", ROOT / "scripts" / "check_lowest.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_runtime_dependency_is_installed_at_its_lower_bound(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\ndependencies = ["textual>=8.2,<9", "Tiny_DB>=4.3", "orjson<4,>=3.7.7"]\n',
        encoding="utf-8",
    )
    assert load_script().lower_bounds(pyproject) == {
        "textual": "8.2",
        "tiny-db": "4.3",
        "orjson": "3.7.7",
    }


def test_a_dependency_without_a_lower_bound_is_refused(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\ndependencies = ["textual<9"]\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="no single lower bound"):
        load_script().lower_bounds(pyproject)


def test_the_tool_pins_leave_out_what_the_check_chooses(tmp_path: Path) -> None:
    constraints = tmp_path / "test.txt"
    constraints.write_text("# header\npytest==8.4.2\nTextual==8.2.8\nrich==15.0.0\n", "utf-8")
    pins = load_script().tool_pins(constraints, leave_out={"textual"})
    assert pins == ["pytest==8.4.2", "rich==15.0.0"]


def test_every_runtime_dependency_of_the_project_names_a_lower_bound() -> None:
    pyproject = tomllib.loads(ROOT.joinpath("pyproject.toml").read_text(encoding="utf-8"))
    bounds = load_script().lower_bounds(ROOT / "pyproject.toml")  # refuses one without a bound
    assert len(bounds) == len(pyproject["project"]["dependencies"])
    assert {"textual", "tinydb", "icalendar"} <= set(bounds)


def test_the_tests_it_runs_by_default_exist() -> None:
    for path in load_script().DEFAULT_TESTS:
        assert ROOT.joinpath(path).exists(), path
