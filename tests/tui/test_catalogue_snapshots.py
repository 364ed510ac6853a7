"""How the catalogue screen and the exercise form look, at the default and the smallest size."""

from __future__ import annotations

from typing import Any

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Dose, Exercise, Kind, Settings, Sides
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from tests.conftest import FakeClock

SnapCompare = Any


def _app(*, with_own: bool = False) -> PlannerApp:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True))
    catalogue = load_catalogue()
    if with_own:
        own = Exercise(
            id="wall-sit",
            name="Wall sit [easy]",
            level=2,
            kind=Kind.HOLD,
            sides=Sides.NONE,
            position="Back flat against a wall, feet a step forward.",
            steps=("Slide down until the knees are bent a little.", "Hold, breathing evenly."),
            start=Dose(hold_s=10, reps=2, sets=1, rest_s=20),
            target=Dose(hold_s=30, reps=3, sets=1, rest_s=20),
            cautions=("Stop if a knee hurts.",),
            custom=True,
        )
        store.save_custom_exercise(own)
        catalogue.put_custom(own)
    return PlannerApp(store, catalogue, FakeClock().as_clock())


# Name, then tab past level, kind and sides to the position, the steps and the first hold.
_FILL_FORM_WITH_A_BAD_HOLD = [
    *"Wall sit",
    *["tab"] * 5,  # past the short name, level, kind and sides
    *"Back to a wall",
    "tab",
    *"Slide down",
    "tab",
    *"ten",
    "ctrl+s",
]


class TestCatalogueSnapshots:
    """The catalogue screen and its form as a user sees them."""

    def test_catalogue_default_size(self, snap_compare: SnapCompare) -> None:
        """The list, the filter and the first exercise's detail at 100x32."""
        assert snap_compare(_app(), press=["l"], terminal_size=(100, 32))

    def test_catalogue_smallest_size(self, snap_compare: SnapCompare) -> None:
        """Everything still fits at 80x24, the detail pane scrolling."""
        assert snap_compare(_app(), press=["l"], terminal_size=(80, 24))

    def test_own_exercise_selected(self, snap_compare: SnapCompare) -> None:
        """A custom exercise, found by filtering, is marked as the user's own."""
        assert snap_compare(
            _app(with_own=True),
            press=["l", "slash", *"wall", "enter"],
            terminal_size=(100, 32),
        )

    def test_form_with_a_validation_error(self, snap_compare: SnapCompare) -> None:
        """The new-exercise form at 80x24, with the message for a bad number above the buttons."""
        assert snap_compare(
            _app(),
            press=["l", "n", *_FILL_FORM_WITH_A_BAD_HOLD],
            terminal_size=(80, 24),
        )
