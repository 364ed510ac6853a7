"""Fixtures for the catalogue tests: a valid catalogue document to mutate."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
ROUTINES = ROOT / "routines.json"


_PARSED: dict[str, Any] = json.loads(ROUTINES.read_text(encoding="utf-8"))


def valid_document() -> dict[str, Any]:
    """A fresh, deep copy of the repository's routines.json, safe to change."""
    return copy.deepcopy(_PARSED)


@pytest.fixture
def document() -> dict[str, Any]:
    """The built-in catalogue as a plain JSON document."""
    return valid_document()
