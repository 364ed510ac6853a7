"""Fixtures shared by every test: a fixed clock, and a fence around the user's real data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from planner.domain.clock import Clock

FIXED_NOW = datetime(2026, 11, 25, 9, 30)
"""A Wednesday in ISO week 2026-W48: every test that needs 'today' uses this."""


class FakeClock:
    """A clock that only moves when a test moves it."""

    def __init__(self, now: datetime = FIXED_NOW, monotonic: float = 1000.0) -> None:
        self.wall = now
        self.mono = monotonic

    def monotonic(self) -> float:
        return self.mono

    def now(self) -> datetime:
        return self.wall

    def advance(self, seconds: float) -> None:
        from datetime import timedelta

        self.mono += seconds
        self.wall += timedelta(seconds=seconds)

    def as_clock(self) -> Clock:
        return Clock(monotonic=self.monotonic, now=self.now)


@pytest.fixture(autouse=True)
def _hide_real_user_data(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point every user folder at a temporary one so no test can touch real data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.delenv("PLANNER_DB", raising=False)
    yield home


@pytest.fixture
def fake_clock() -> FakeClock:
    """A clock fixed at FIXED_NOW that tests advance by hand."""
    return FakeClock()


@pytest.fixture
def today() -> date:
    """The date every test treats as today."""
    return FIXED_NOW.date()
