"""The test tools are pinned: CI and the README install them through constraints/test.txt."""

from __future__ import annotations

import tomllib
from importlib.metadata import PackageNotFoundError, version

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import ROOT, ci_test_command, readme_test_command

PYPROJECT = tomllib.loads(ROOT.joinpath("pyproject.toml").read_text(encoding="utf-8"))
RUNTIME = [Requirement(line) for line in PYPROJECT["project"]["dependencies"]]
TEST_EXTRA = [Requirement(line) for line in PYPROJECT["project"]["optional-dependencies"]["test"]]


def pins() -> dict[str, str]:
    pinned: dict[str, str] = {}
    text = ROOT.joinpath("constraints", "test.txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, exact = line.partition("==")
        assert sep and exact and not set(exact) & set("<>=!~*,; "), f"not an exact pin: {raw!r}"
        key = canonicalize_name(name)
        assert key not in pinned, f"{name} is pinned twice"
        pinned[key] = exact
    return pinned


def test_ci_runs_the_readme_test_command_with_the_constraints() -> None:
    command = ci_test_command()
    assert command == readme_test_command()
    assert "pip install -q -c constraints/test.txt -e '.[test]'" in command
    assert command.startswith("python3 -m venv .venv && ")  # a fresh machine installs it all
    assert command.endswith(" && .venv/bin/python scripts/check_lowest.py")


@pytest.mark.parametrize(
    "requirement", RUNTIME + TEST_EXTRA, ids=lambda r: f"{r.name}{r.specifier}"
)
def test_every_dependency_is_pinned_inside_its_declared_range(requirement: Requirement) -> None:
    pinned = pins().get(canonicalize_name(requirement.name))
    assert pinned is not None, f"{requirement.name} has no pin in constraints/test.txt"
    assert requirement.specifier.contains(pinned), f"{requirement.name}=={pinned} vs {requirement}"


@pytest.mark.parametrize("requirement", TEST_EXTRA, ids=lambda r: r.name)
def test_the_installed_test_tools_are_the_pinned_ones(requirement: Requirement) -> None:
    try:
        installed = version(requirement.name)
    except PackageNotFoundError:
        pytest.fail(f"{requirement.name} is not installed: run the README's test command")
    wanted = pins()[canonicalize_name(requirement.name)]
    assert installed == wanted, (
        f"{requirement.name} {installed} is installed but constraints/test.txt pins {wanted}: "
        "install with the README's test command (pip install -c constraints/test.txt ...)"
    )
