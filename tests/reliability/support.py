"""What several reliability tests share: a data file on disk, a full disk, what the screen shows."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from planner.domain.catalogue import Catalogue
from planner.domain.models import Activity, Profile, Settings
from planner.domain.progression import generate_plan
from planner.storage import Store, open_store
from tests.tui.shown_messages import shown_messages

PLAN_START = date(2026, 11, 23)
"""The Monday of the fixed test week (2026-W48)."""


def with_plan(store: Store, catalogue: Catalogue) -> Store:
    """``store`` for a welcomed user with a six-week plan from PLAN_START."""
    store.save_settings(Settings(welcomed=True))
    profile = Profile(
        pain=3,
        activity=Activity.MEDIUM,
        weekdays=frozenset({0, 2, 4}),
        minutes=15,
        weeks=6,
        start=PLAN_START,
    )
    store.save_plan(generate_plan(profile, catalogue), keep_before=PLAN_START)
    return store


def open_file_store(path: Path, catalogue: Catalogue) -> Store:
    """A welcomed user's data file at ``path``, with a six-week plan from PLAN_START."""
    return with_plan(open_store(path), catalogue)


def fill_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every save fail the way a full disk does: the rename never happens."""

    def no_space(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", no_space)


def toasts(app: App[Any]) -> list[str]:
    """The text of every notification on screen (toasts and the status line)."""
    return shown_messages(app)
