"""Fixtures for the storage tests: a data file path in a private temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.storage import Store, open_store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's data file goes (not created yet)."""
    return tmp_path / "data" / "planner.json"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A writable store on ``db_path``, closed after the test."""
    opened = open_store(db_path)
    yield opened
    opened.close()
