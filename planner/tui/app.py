"""The Textual application: wiring only. Screens live in ``screens/``, widgets in ``widgets/``."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider
from textual.geometry import Size
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from planner.domain.catalogue import Catalogue
from planner.domain.clock import Clock
from planner.domain.errors import UserFacingError
from planner.domain.text_rules import terminal_safe
from planner.planbook.undo import UndoHistory
from planner.storage.store import Store
from planner.tui.errors import ErrorReportingApp, report, reports_user_errors_async
from planner.tui.prompt_modes import PromptModesApp
from planner.tui.screens.calendar import CalendarScreen
from planner.tui.screens.too_small import MINIMUM_SIZE, TooSmallScreen
from planner.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from planner.planbook.undo_steps import Step
    from planner.tui.screens.history import HistoryScreen

_TCSS = Path(__file__).parent / "tcss"


def _binding_commands() -> type[Provider]:
    """The palette's provider of every key's action, imported when the palette opens."""
    from planner.tui.commands import BindingCommands

    return BindingCommands


UPKEEP_DELAY_S = 0.3
"""How long after the first frame the app moves old weeks to the archive."""

HISTORY_READY_DELAY_S = UPKEEP_DELAY_S + 0.1
"""How long after the first frame the app builds the history screen and reads its data:
after the upkeep, whose change would make a read made before it out of date."""

EXIT_GRACE_S = 2.0
"""How long the app may take to restore the terminal after SIGTERM or SIGHUP before the
process ends regardless (``PlannerApp.end_on_signal``)."""


class PlannerApp(PromptModesApp[None], ErrorReportingApp[None]):
    """Back Planner: calendar, catalogue and history as modes over one store."""

    TITLE = "Back Planner"
    # Each screen keeps its styles in its own file under tcss/. The app loads only what
    # the first frame needs; every other screen names its file in its own CSS_PATH, so
    # Textual reads it when that screen first opens (see the README's start-up figures).
    CSS_PATH: ClassVar[list[str | PurePath]] = [_TCSS / "app.tcss", _TCSS / "calendar.tcss"]
    # The app starts in the calendar mode, on the screen get_default_screen makes.
    DEFAULT_MODE: ClassVar[str] = "calendar"
    # The history fills itself in before its first paint: no need to hide its arrival.
    PROMPT_MODES: ClassVar[frozenset[str]] = frozenset({"history"})
    COMMANDS = App.COMMANDS | {_binding_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "c",
            "switch_mode('calendar')",
            "Calendar",
            tooltip="Show the week's plan and what is done",
            id="app.calendar",
        ),
        Binding(
            "l",
            "switch_mode('catalogue')",
            "Catalogue",
            tooltip="Browse every exercise and add your own",
            id="app.catalogue",
        ),
        Binding(
            "h",
            "switch_mode('history')",
            "History",
            tooltip="See how past weeks went: sessions, minutes and pain",
            id="app.history",
        ),
        Binding(
            "question_mark",
            "help",
            "Help",
            key_display="?",
            tooltip="List every key of this screen and of the app",
            id="app.help",
        ),
        # Opened now and then: the key stays in help and the palette, not the footer.
        Binding(
            "o",
            "settings",
            "Settings",
            show=False,
            tooltip="Change the bell, the beeps, the moving figure, the session's pause times "
            "and the calendar export's time and reminder",
            id="app.settings",
        ),
        # Shown (dimmed while there is nothing to undo) where the plan can be edited.
        Binding(
            "ctrl+z",
            "undo",
            "Undo",
            tooltip="Take back the last change to the plan",
            id="app.undo",
        ),
        # Redo's key is named in the message after an undo; the footer has no room for it.
        Binding(
            "ctrl+y",
            "redo",
            "Redo",
            show=False,
            tooltip="Make the last change that was undone again",
            id="app.redo",
        ),
        # Everyone knows q; the footer's room goes to keys people need to learn.
        Binding("q", "quit", "Quit", show=False, tooltip="Close Back Planner", id="app.quit"),
    ]

    def __init__(
        self,
        store: Store,
        catalogue: Catalogue,
        clock: Clock | None = None,
        *,
        notice: str = "",
    ) -> None:
        super().__init__()
        self.store = store
        self.catalogue = catalogue
        self.clock = clock or Clock()
        self.notice = notice
        self.undo_history = UndoHistory(store, catalogue, on_change=self.refresh_bindings)
        """Every plan edit made on any screen, undone and redone for as long as the app runs."""
        chosen = store.settings().theme
        if chosen in self.available_themes:
            self.theme = chosen  # the one picked last time, from the first frame on
        # Older weeks that cannot be read should not stop the app: the screens show the
        # recent weeks, and the user hears once why the older ones are missing.
        store.carry_on_without_archive(self._report_archive_problem)
        # The other modes, help and settings are imported when first opened: the
        # calendar's first frame should not wait for screens the user may never open.
        self.add_mode("catalogue", self._catalogue_screen)
        self.add_mode("history", self._history_screen)
        self._history: HistoryScreen | None = None

    def _catalogue_screen(self) -> Screen[None]:
        from planner.tui.screens.catalogue import CatalogueScreen

        return CatalogueScreen(self.store, self.catalogue, self.clock, self.undo_history)

    def _history_screen(self) -> HistoryScreen:
        if self._history is None:
            from planner.tui.screens.history import HistoryScreen

            self._history = HistoryScreen(self.store, self.catalogue, self.clock)
        return self._history

    def _ready_history(self) -> None:
        """Build the history screen and read its data ahead of the first ``h``.

        Its styles join the app's stylesheet now too, so opening it need not read them.
        """
        if self._history is not None:  # shown already, or made ready
            return
        screen = self._history_screen()
        for path in screen.css_path:
            if not self.stylesheet.has_source(str(path), ""):
                self.stylesheet.read(path)
                # Parsed now (only the new file: the others' rules are cached), or the
                # next calendar key that restyles a widget would pay for it.
                self.stylesheet.parse()
        screen.read_ahead()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification; every one (screens' too) passes the display guard first.

        Messages often carry a name or a path that came from a file, and no escape
        sequence in one may reach the terminal. A screen with a status line shows
        it there, where it covers nothing; other screens get a toast.
        """
        status = self.screen.query(StatusLine)
        if status:
            status.first().say(message, severity, timeout, title=title)
            return
        super().notify(
            terminal_safe(message),
            title=terminal_safe(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def _report_archive_problem(self, problem: UserFacingError) -> None:
        self.notify(problem.as_sentence(), severity="warning", timeout=20, markup=False)

    def get_default_screen(self) -> Screen[None]:
        """The calendar, the screen the app opens on.

        Textual builds the first mode's screen here when that mode is not registered
        yet. A registered mode's first screen costs a full re-parse and re-apply of
        every style, and two extra frames before the header shows (the README's
        start-up benchmark measures it). on_mount registers the mode, so
        ``switch_mode("calendar")`` returns to this screen.
        """
        return CalendarScreen(self.store, self.catalogue, self.clock, self.undo_history)

    def on_mount(self) -> None:
        if not self.is_headless:
            # Textual leaves the terminal raw after these unless the app handles them.
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, self.end_on_signal, signum)
        self.add_mode("calendar", self.get_default_screen)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.screen_change_signal.subscribe(self, self._keep_size_warning_on_top)
        if self.notice:
            # Once the calendar is up, so the notice lands in its status line.
            self.call_after_refresh(self.notify, self.notice, markup=False, timeout=10)
        self.call_after_refresh(self._guard_size, self.size)

    def _remember_theme(self, theme: Theme) -> None:
        """Save the theme picked in the palette, for the next start."""
        from planner.planbook.settings import remember_theme

        try:
            remember_theme(self.store, theme.name)
        except UserFacingError as error:
            report(self, error)

    def end_on_signal(self, signum: int) -> None:
        """SIGTERM or SIGHUP (a closed window): keep a live session, restore the terminal, exit.

        Should the exit hang, the process ends anyway after ``EXIT_GRACE_S``: a closed
        window sends SIGCONT with SIGHUP, Textual's driver then starts its terminal
        writer again, and its shutdown can wait forever to write to a terminal that is
        gone (seen when the window closed as a dialog did). The app would go on holding
        the data file's lock, and every later start would open read-only. Every change
        is saved as it is made and the live session was kept just now, so nothing is
        lost by ending at that point.
        """
        self.keep_sessions_in_progress()
        deadline = threading.Timer(EXIT_GRACE_S, os._exit, args=(128 + signum,))
        deadline.daemon = True  # a normal exit does not wait for it
        deadline.start()
        self.exit(return_code=128 + signum)

    def keep_sessions_in_progress(self) -> None:
        """Checkpoint a live session, wherever it is in the screen stack, before the app ends."""
        for screen in self.screen_stack:
            keep = getattr(screen, "keep_progress", None)
            if keep is not None:
                keep()

    async def action_quit(self) -> None:
        """Quit; during a live session ask first (as escape does), and keep it if it runs on."""
        ask = getattr(self.screen, "ask_before_quit", None)
        if ask is not None:
            ask()
            return
        self.keep_sessions_in_progress()
        self.exit()

    def on_ready(self) -> None:
        """The first frame is up: turn the garbage collector back on if start-up paused it.

        What start-up built (the data file, the screen) lives as long as the app; a
        full collection walking it on five years of data is a visible stall on a key
        press. Freezing it leaves the collector only what is made from here on.
        """
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        # After a short wait, not right after the refresh: Textual's writer thread may
        # still be sending the first frame to the terminal, and the move would hold it up.
        self.set_timer(UPKEEP_DELAY_S, self._move_old_weeks)
        self.set_timer(HISTORY_READY_DELAY_S, self._ready_history)

    def _move_old_weeks(self) -> None:
        """Move weeks that left the recent window to the archive (and write one year an
        older version kept in one file as two), now the calendar is up."""
        from planner.planbook.upkeep import move_old_weeks

        problem = move_old_weeks(self.store, self.clock.today())
        if problem:
            self.notify(problem, severity="warning", markup=False, timeout=10)

    def on_resize(self, event: events.Resize) -> None:
        self._guard_size(event.size)

    def _guard_size(self, size: Size) -> None:
        """Cover whatever is showing with the too-small message when the terminal shrinks."""
        too_small = size.width < MINIMUM_SIZE.width or size.height < MINIMUM_SIZE.height
        if too_small and not isinstance(self.screen, TooSmallScreen):
            self.push_screen(TooSmallScreen())

    def _keep_size_warning_on_top(self, screen: Screen[object]) -> None:
        # A dialog opened while the terminal is too small (a timer, the welcome) would
        # hide the message; put it back on top once the new screen is in place.
        if not isinstance(screen, TooSmallScreen):
            self.call_later(self._guard_size, self.size)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Behind the too-small message, only quitting is on offer.

        The key of the mode already showing is hidden, which leaves the footer room
        for the keys that go somewhere.
        """
        if isinstance(self.screen, TooSmallScreen):
            return action == "quit"
        if action == "switch_mode":
            return parameters != (self.current_mode,)
        if action in ("undo", "redo"):
            # The palette lists the keys of the screen it was opened over.
            stack = self.screen_stack
            below = (
                stack[-2] if isinstance(self.screen, CommandPalette) and len(stack) > 1 else None
            )
            if not getattr(below or self.screen, "edits_the_plan", False):
                return False
            history = self.undo_history
            return True if (history.can_undo if action == "undo" else history.can_redo) else None
        return True

    def action_help(self) -> None:
        """Show every key of the current screen and of the app."""
        from planner.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_undo(self) -> None:
        """Put the plan back as it was before the last change."""
        self._show_step(self.undo_history.undo, "Undone")

    def action_redo(self) -> None:
        """Make the last undone change again."""
        self._show_step(self.undo_history.redo, "Redone")

    def _show_step(self, replay: Callable[[], Step], verb: str) -> None:
        """Undo or redo, then show the plan as it is now and say what changed."""
        step = replay()
        for screen in self.screen_stack:
            show = getattr(screen, "show_change", None)
            if callable(show):
                show(step.scope.days)
        hint = "; ctrl+y redoes it" if verb == "Undone" else ""
        self.notify(f"{verb}: {step.label}{hint}.", markup=False)

    @work
    @reports_user_errors_async
    async def action_settings(self) -> None:
        """Open the settings dialog and save what the user chose."""
        from planner.planbook.settings import save_settings
        from planner.tui.screens.settings import SettingsDialog

        settings = await self.push_screen_wait(SettingsDialog(self.store.settings()))
        if settings is not None:
            save_settings(self.store, settings)
            self.notify("Settings saved.")
