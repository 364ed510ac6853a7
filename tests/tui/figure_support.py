"""Live sessions of the real catalogue's exercises, whose figures come from routines.json."""

from __future__ import annotations

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Dose, Settings
from tests.conftest import FakeClock
from tests.tui.session_support import SessionHarness, items_for

BUILTIN = tuple(load_catalogue())


def figure_session(*doses: tuple[str, Dose], settings: Settings | None = None) -> SessionHarness:
    """A session harness running the built-in exercises ``doses`` names, on a fake clock."""
    return SessionHarness(FakeClock(), items_for(*doses), settings=settings, extra=BUILTIN)
