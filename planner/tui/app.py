"""The Textual application: wiring only. Screens live in ``screens/``, widgets in ``widgets/``."""

from __future__ import annotations

from functools import partial
from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from planner.domain.catalogue import Catalogue
from planner.domain.clock import Clock
from planner.storage.store import Store
from planner.tui.screens.calendar import CalendarScreen
from planner.tui.screens.catalogue import CatalogueScreen
from planner.tui.screens.history import HistoryScreen

_TCSS = Path(__file__).parent / "tcss"


class PlannerApp(App[None]):
    """Back Planner: calendar, catalogue and history as modes over one store."""

    TITLE = "Back Planner"
    # Every screen, widget and dialog keeps its styles in its own file under tcss/.
    CSS_PATH: ClassVar[list[str | PurePath]] = sorted(_TCSS.glob("*.tcss"))
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "switch_mode('calendar')", "Calendar", id="app.calendar"),
        Binding("l", "switch_mode('catalogue')", "Catalogue", id="app.catalogue"),
        Binding("h", "switch_mode('history')", "History", id="app.history"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, store: Store, catalogue: Catalogue, clock: Clock | None = None) -> None:
        super().__init__()
        self.store = store
        self.catalogue = catalogue
        self.clock = clock or Clock()
        self.add_mode("calendar", partial(CalendarScreen, store, catalogue, self.clock))
        self.add_mode("catalogue", partial(CatalogueScreen, store, catalogue, self.clock))
        self.add_mode("history", partial(HistoryScreen, store, catalogue, self.clock))

    def on_mount(self) -> None:
        self.switch_mode("calendar")
