"""Shared by the packaging tests: where the repository is, and the test command CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_test_command() -> str:
    """The one command the README gives for installing the test tools and running the tests."""
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    found = re.search(
        r"\*\*Install what the tests need and run them\*\*.*?```sh\n(.+?)\n```", readme, re.S
    )
    assert found, "the README has no test command"
    return found.group(1)


def ci_test_command() -> str:
    """The last line of .ci/run: the command CI runs after moving to the repository."""
    return ROOT.joinpath(".ci", "run").read_text(encoding="utf-8").strip().splitlines()[-1]
