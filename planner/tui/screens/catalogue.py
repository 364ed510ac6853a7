"""The catalogue screen (placeholder until its issue lands)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from planner.domain.catalogue import Catalogue
from planner.domain.clock import Clock
from planner.storage.store import Store


class CatalogueScreen(Screen[None]):
    """Placeholder catalogue screen."""

    def __init__(self, store: Store, catalogue: Catalogue, clock: Clock) -> None:
        super().__init__()
        self.store = store
        self.catalogue = catalogue
        self.clock = clock

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Catalogue: coming soon", markup=False)
        yield Footer()
