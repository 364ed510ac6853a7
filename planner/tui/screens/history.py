"""The history screen: how the weeks went against the plan, pain over time, recent sessions.

Everything is read from the store when the screen is shown (and on ``r``), so a
session finished on the calendar appears as soon as the user comes here.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from planner.domain.catalogue import Catalogue
from planner.domain.clock import Clock
from planner.domain.dates import month_year
from planner.planbook.history import HistoryView, read_history
from planner.storage.store import Store
from planner.tui.widgets.history_pain import PainTrend
from planner.tui.widgets.history_sessions import RecentSessions
from planner.tui.widgets.history_summary import HistorySummary
from planner.tui.widgets.history_weeks import HistoryWeeks
from planner.tui.widgets.steady_footer import SteadyFooter
from planner.tui.widgets.title_bar import TitleBar

RECENT_COUNT = 20
"""Sessions listed: a few weeks' worth, enough to read back through recent notes."""

EMPTY_TEXT = (
    "No history yet.\n\n"
    "Once you finish a session, this page shows how each week went against the plan, "
    "how your pain changes over time, and the notes you left.\n\n"
    "Press c for the calendar to plan a week or start today's session."
)


class HistoryScreen(Screen[None]):
    """Adherence per week, the streak, minutes, pain before and after, recent sessions."""

    CSS_PATH = "../tcss/history.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "w", "focus_weeks", "Weeks", tooltip="Move to the table of weeks", id="history.weeks"
        ),
        Binding(
            "s",
            "focus_sessions",
            "Sessions",
            tooltip="Move to the list of recent sessions",
            id="history.sessions",
        ),
        Binding(
            "r",
            "reload",
            "Refresh",
            tooltip="Read the log and the plan again and redraw the history",
            id="history.refresh",
        ),
    ]

    def __init__(self, store: Store, catalogue: Catalogue, clock: Clock) -> None:
        super().__init__()
        self.store = store
        self.catalogue = catalogue
        self.clock = clock
        self._history_drawn: tuple[int, date] | None = None
        """The store revision and the day the history was last drawn for."""
        self._read_ahead: tuple[tuple[int, date], HistoryView] | None = None
        """The history read by ``read_ahead``, with the revision and day it was read for."""

    def read_ahead(self) -> None:
        """Read the history now, in an idle moment, for the first time the screen shows.

        The read is used once, and only while the data and the day are still the same.
        Skipped when the archived years must be tallied first (the first history ever
        on a data file): that takes long enough to stall the keys, so ``h`` pays it.
        """
        if not self.store.week_tallies_kept():
            return
        today = self.clock.today()
        self._read_ahead = (
            (self.store.revision, today),
            read_history(self.store, today, RECENT_COUNT),
        )

    def _read_before_drawing(self) -> HistoryView:
        """The history for now: the one read ahead if still current, else read now."""
        today = self.clock.today()
        current = (self.store.revision, today)
        if self._read_ahead is None or self._read_ahead[0] != current:
            self._read_ahead = (current, read_history(self.store, today, RECENT_COUNT))
        return self._read_ahead[1]

    def compose(self) -> ComposeResult:
        # Read before the widgets exist: an empty history hides the keys that move
        # between panes, and the footer's first keys should already be those.
        self.set_class(self._read_before_drawing().history.empty, "-empty")
        yield TitleBar("History", id="history-title")
        yield Static(EMPTY_TEXT, id="history-empty", markup=False)
        yield HistorySummary(id="history-summary")
        with Horizontal(id="history-body"):
            with Vertical(id="history-weeks-pane"):
                yield Static("Week by week", classes="history-heading", markup=False)
                yield HistoryWeeks(id="history-weeks")
            with Vertical(id="history-side"):
                yield PainTrend(id="history-pain")
                yield Static("Recent sessions", classes="history-heading", markup=False)
                yield RecentSessions(id="history-sessions")
        yield SteadyFooter(compact=True)

    def on_screen_resume(self) -> None:
        # Textual resumes a mode's screen more than once as it first shows; the history
        # is read again only when the data or the day changed since it was drawn.
        if self._history_drawn != (self.store.revision, self.clock.today()):
            self.action_reload()

    def action_reload(self) -> None:
        """Read the history again and redraw everything."""
        today = self.clock.today()
        self._history_drawn = (self.store.revision, today)
        view = self._read_before_drawing()
        self._read_ahead = None  # used once: r and later changes read afresh
        history = view.history
        self.set_class(history.empty, "-empty")
        self.refresh_bindings()
        if history.empty:
            self.query_one(TitleBar).show("nothing logged yet")
            return
        if view.first_day is not None:
            first = view.first_day
            since = f"since {first.day} {month_year(first)}"
            if view.older_weeks_missing:
                since += " (older weeks could not be read)"
            self.query_one(TitleBar).show(since)
        else:  # a plan under way, nothing done yet: the weeks still show what was due
            self.query_one(TitleBar).show("nothing logged yet")
        # The text-* shades stay readable on light themes as well as dark ones.
        colours = self.app.theme_variables
        self.query_one(HistorySummary).show(history, today)
        self.query_one(HistoryWeeks).show(
            history.weeks, good=colours["text-success"], short=colours["text-warning"]
        )
        self.query_one(PainTrend).show(history.weeks)
        self.query_one(RecentSessions).show(list(view.recent))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool:
        """Hide the keys that move between panes while there are no panes to show."""
        # False hides a key from the footer; None would only grey it out.
        return not (action in ("focus_weeks", "focus_sessions") and self.has_class("-empty"))

    def action_focus_weeks(self) -> None:
        """Move the keyboard to the week table."""
        self.query_one(HistoryWeeks).focus()

    def action_focus_sessions(self) -> None:
        """Move the keyboard to the list of recent sessions."""
        self.query_one(RecentSessions).focus()
