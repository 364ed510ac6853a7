"""The live session: walks the day's exercises with a big countdown, then asks how it went.

The screen never counts time. ``SessionEngine`` derives everything from the clock
it is given; this screen only asks it to catch up (``tick``) and redraws what it
says, at the earliest of the phase's deadline (so the bell rings on time), the
countdown's next second and the figure's next step: at least once a second while
a session runs.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Label, Static

from planner.domain.catalogue import Catalogue
from planner.domain.clock import Clock
from planner.domain.dose_words import dose_text
from planner.domain.errors import UserFacingError
from planner.domain.figure_motion import next_change_in
from planner.domain.models import Dose, Exercise, PlanItem, SessionLog, Settings
from planner.domain.pain_gate import GENTLE_ONLY_NOTE, gentle_only, pain_check_log, session_band
from planner.domain.phases import Phase, PhaseKind, build_phases
from planner.domain.session import SessionEngine, SessionRating, SessionState, TickResult
from planner.domain.session_summary import session_summary
from planner.domain.text_rules import terminal_safe
from planner.domain.thresholds import PainBand
from planner.tui.screens.confirm import ConfirmDialog
from planner.tui.screens.no_session import NoSessionScreen
from planner.tui.screens.session_rating import PainBeforeDialog, SessionRatingDialog
from planner.tui.widgets.countdown import Countdown, clock_face
from planner.tui.widgets.fitted_label import FittedLabel
from planner.tui.widgets.line import Line
from planner.tui.widgets.session_figure import SessionFigure
from planner.tui.widgets.session_progress import SessionProgress

HOLD_NOTE = "A hold runs to the end of its count: n skips it, space pauses it."
"""What enter during a hold says (Done finishes reps, rests and the get-ready early)."""

_WAKE_MARGIN_S = 0.002
"""Timers may wake a hair early; aim just past the deadline so the first look sees it passed."""


def _next_words(state: SessionState) -> tuple[str, ...]:
    """What comes after the current phase, longest wording first.

    The full name and phase come first; a narrow pane gets the exercise's short name and
    the phase without its rep and set numbers, then the same on two lines.
    """
    after = state.next_phase
    if after is None:
        return ("Next: that is the last one", "Next: the end")
    if state.phase is not None and after.exercise_index != state.phase.exercise_index:
        name, brief = terminal_safe(after.exercise.name), terminal_safe(after.exercise.brief_name)
        return (f"Next: {name}", f"Next: {brief}", f"Next:\n{brief}")
    time = clock_face(after.duration_s)
    return (
        f"Next: {after.words} ({time})",
        f"Next: {after.brief_words} ({time})",
        f"Next ({time}):\n{after.brief_words}",
    )


class SessionScreen(Screen[SessionLog | None]):
    """Run ``day``'s ``items``; dismiss with the session's log, or None if nothing was done."""

    CSS_PATH = "../tcss/session.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        # Space also resumes; the screen says "Paused" while it is, so one word is enough here.
        Binding(
            "space",
            "toggle_pause",
            "Pause",
            tooltip="Stop the timers for a moment, or start them again",
            id="session.pause",
        ),
        Binding(
            "enter",
            "done",
            "Done",
            tooltip="Finish the current rep, rest or get-ready early",
            id="session.done",
        ),
        # Enter during a hold, when Done is off: says why instead of doing nothing.
        Binding("enter", "hold_note", show=False, id="session.hold_note"),
        Binding(
            "n",
            "skip",
            "Skip step",
            tooltip="Leave the current step and go on to the next",
            id="session.skip",
        ),
        # Rarely needed, and the footer is full at 80 columns: help and the palette list it.
        Binding(
            "b",
            "back",
            "Back",
            show=False,
            tooltip="Start the current step over, or return to the one before",
            id="session.back",
        ),
        Binding(
            "x",
            "skip_exercise",
            "Next exercise",
            tooltip="Leave the rest of this exercise and go on to the next one",
            id="session.skip_exercise",
        ),
        Binding(
            "escape",
            "end",
            "End",
            tooltip="End the session early, keeping what was done",
            id="session.end",
        ),
        Binding(
            "q",
            "end",
            "End",
            show=False,
            tooltip="End the session early, keeping what was done",
            id="session.quit",
        ),
        # Switching mode mid-session would leave it running out of sight.
        Binding("c,l,h,o", "stay", show=False, id="session.stay"),
    ]

    def __init__(
        self,
        day: date,
        items: list[PlanItem],
        catalogue: Catalogue,
        settings: Settings,
        clock: Clock,
        checkpoint: Callable[[SessionLog], None] | None = None,
    ) -> None:
        super().__init__()
        self.day = day
        self.checkpoint = checkpoint
        """Keeps what was done so far on disk (at each exercise boundary and on pause)."""
        self.settings = settings
        self.clock = clock
        # Items the feedback rules left out for now (a pause) are not part of the session.
        ordered = sorted((i for i in items if not i.left_out), key=lambda item: item.position)
        # An item whose custom exercise was deleted since planning has nothing to run.
        self.pairs: list[tuple[Exercise, Dose]] = [
            (catalogue.get(item.exercise_id), item.dose)
            for item in ordered
            if item.exercise_id in catalogue
        ]
        self.engine = SessionEngine(
            build_phases(
                self.pairs,
                get_ready_s=settings.get_ready_s,
                switch_sides_s=settings.switch_sides_s,
            ),
            clock.monotonic,
        )
        self.pain_before: int | None = None
        self.log_id = uuid.uuid4().hex
        """The session's log id, the same in every checkpoint and in the final log."""
        self._started_at: datetime | None = None
        self._ended_at: datetime | None = None
        self._auto_paused = False
        self._shown_phase: int | None = None
        self._shown_exercise: int | None = None
        self._holding: bool | None = None
        self._repaint: Timer | None = None
        self.animating = False
        """Whether the figure is moving, so its next position is a moment to repaint at."""
        self._kept_exercise = -1

    def compose(self) -> ComposeResult:
        with Vertical(id="session-main"):
            yield Label("", id="session-exercise", markup=False)
            yield Label("", id="session-count", markup=False)
            with Horizontal(id="session-body"):
                with Vertical(id="session-how"):
                    yield Static("", id="session-position", markup=False)
                    yield Static("", id="session-steps", markup=False)
                yield SessionFigure(motion=self.settings.figure_motion, id="session-figure")
                with Vertical(id="session-now"):
                    yield Countdown(id="session-countdown")
                    # Lines, not Labels: these change every rep, and a Line repaints in
                    # place where a Label's update re-arranges the whole screen.
                    yield Line(id="session-phase")
                    yield Line(id="session-status")
                    yield FittedLabel(id="session-next")
            yield SessionProgress(id="session-progress")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if not self.pairs:
            self.notify("There is nothing to run on this day.", markup=False)
            self._session_over()  # once only: a later repaint must not dismiss again
            return
        self._show(self.engine.state())
        self._begin()

    @work
    async def _begin(self) -> None:
        """Start the clock once the pain-before question is answered or skipped.

        Pain of 9 or 10 starts no session; 7 or 8 keeps to the gentle exercises. Escape
        on the question goes back to the calendar without a session.
        """
        answer = await self.app.push_screen_wait(PainBeforeDialog())
        if answer is None:  # escape: back to the calendar, nothing started
            self._ended_at = self.clock.now()
            self._stop_repaints()
            self.dismiss(None)
            return
        pain = self.pain_before = answer.pain
        band = session_band(pain)
        if band is PainBand.GENTLE_ONLY and not self._keep_gentle_only():
            band = PainBand.NO_SESSION
        if band is PainBand.NO_SESSION and pain is not None:
            self._ended_at = self.clock.now()
            self._stop_repaints()
            await self.app.push_screen_wait(NoSessionScreen(pain))
            self.dismiss(pain_check_log(self.log_id, self.day, self._ended_at, pain))
            return
        self._started_at = self.clock.now()
        self.engine.start()
        self._ring()
        self.refresh_session()

    def _keep_gentle_only(self) -> bool:
        """Run only the gentle exercises; False when the day has none."""
        gentle = gentle_only(self.pairs)
        if not gentle:
            return False
        if len(gentle) < len(self.pairs):
            self.pairs = gentle
            self.engine = SessionEngine(
                build_phases(
                    gentle,
                    get_ready_s=self.settings.get_ready_s,
                    switch_sides_s=self.settings.switch_sides_s,
                ),
                self.clock.monotonic,
            )
            self._shown_phase = self._shown_exercise = None
            self._show(self.engine.state())
        self.notify(GENTLE_ONLY_NOTE, severity="warning", timeout=12, markup=False)
        return True

    def refresh_session(self) -> None:
        """Let the engine catch up with the clock, ring for what changed, and redraw."""
        result = self.engine.tick()
        self._announce(result)
        state = self.engine.state()
        self._show(state)
        self._schedule_repaint(state)
        if state.phase is not None and state.phase.exercise_index != self._kept_exercise:
            self._kept_exercise = state.phase.exercise_index
            self.keep_progress()  # an exercise boundary
        # Finished by the clock, or by a key (skipping the last step finishes the
        # session before this tick sees it): either way the session is over.
        if result.finished or state.finished:
            self._session_over()

    def _announce(self, result: TickResult) -> None:
        if result.suspended:
            self.notify(
                "Paused: the clock jumped ahead, as after sleep. Press space to carry on.",
                markup=False,
            )
        if result.phase_changed:
            self._ring()
        elif result.beep is not None and self.settings.countdown_beeps:
            self.app.bell()

    def _ring(self) -> None:
        if self.settings.bell:
            self.app.bell()

    def _schedule_repaint(self, state: SessionState) -> None:
        """One timer at the next moment the screen must change, the earliest of: the running
        phase's deadline, the countdown's next second, the moving figure's next position.

        Nothing else repaints the session: a paused or finished one waits for a key.
        """
        self._stop_repaints()
        deadline = self.engine.deadline  # None unless the session is running
        phase = state.phase
        if deadline is None or phase is None:
            return
        fraction = state.remaining_s - math.floor(state.remaining_s)
        frame = next_change_in(
            phase, phase.duration_s - state.remaining_s, motion=self.settings.figure_motion
        )
        delays = [max(0.0, deadline - self.clock.monotonic()), fraction or 1.0]
        self.animating = frame is not None
        delay = min(delays) if frame is None else min(*delays, frame)
        self._repaint = self.set_timer(delay + _WAKE_MARGIN_S, self.refresh_session)

    def _stop_repaints(self) -> None:
        if self._repaint is not None:
            self._repaint.stop()
            self._repaint = None
        self.animating = False

    def _label(self, selector: str, text: str) -> None:
        """Set a line's text (a reactive: an unchanged text touches nothing)."""
        self.query_one(selector, Line).text = text

    def _show(self, state: SessionState) -> None:
        phase = state.phase
        if phase is None:
            return
        if state.index != self._shown_phase:
            self._shown_phase = state.index
            if phase.exercise_index != self._shown_exercise:
                self._shown_exercise = phase.exercise_index
                self._show_exercise(phase)
            # The footer is rebuilt on refresh_bindings: only when Done's state changes.
            holding = phase.kind is PhaseKind.HOLD
            if holding != self._holding:
                self._holding = holding
                self.refresh_bindings()
        self.query_one(Countdown).show_seconds(state.remaining_s)
        self.query_one(SessionFigure).follow(phase, state.remaining_s)
        self._label(
            "#session-phase",
            "Session complete" if state.finished and not state.ended_early else phase.words,
        )
        self._label("#session-status", self._status(state))
        self.query_one("#session-next", FittedLabel).show(
            () if state.finished else _next_words(state)
        )
        self.query_one(SessionProgress).show(state.progress, state.session_left_s)
        # On the countdown's box, not the screen: a class change restyles only that subtree.
        now = self.query_one("#session-now")
        now.set_class(state.paused, "-paused")
        now.set_class(phase.kind in (PhaseKind.HOLD, PhaseKind.REP), "-working")

    def _show_exercise(self, phase: Phase) -> None:
        exercise = phase.exercise
        self.query_one("#session-exercise", Label).update(terminal_safe(exercise.name))
        self.query_one("#session-count", Label).update(
            f"Exercise {phase.exercise_index + 1} of {len(self.pairs)}"
            f" · {dose_text(self.pairs[phase.exercise_index][1], exercise)}"
        )
        self.query_one("#session-position", Static).update(
            f"Start: {terminal_safe(exercise.position)}"
        )
        steps = [f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1)]
        steps += [f"Caution: {caution}" for caution in exercise.cautions]
        self.query_one("#session-steps", Static).update(terminal_safe("\n".join(steps)))

    def _status(self, state: SessionState) -> str:
        if state.finished:
            return "Ended early" if state.ended_early else ""
        if not state.started:
            return "Starting after the pain question"
        if state.suspended:
            return "Paused after a clock jump: space carries on"
        if state.paused:
            return "Paused: space carries on"
        return ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No Done during a hold (a hold is held or skipped, never cut short): the footer
        leaves it out, and enter says why instead."""
        if action in ("done", "hold_note"):
            phase = self.engine.state().phase
            holding = phase is not None and phase.kind is PhaseKind.HOLD
            if action == "hold_note":
                return holding
            return None if phase is None else not holding
        return True

    def action_toggle_pause(self) -> None:
        """Pause or carry on."""
        self.engine.toggle_pause()
        self._auto_paused = False
        self.refresh_session()
        if self.engine.state().paused:
            self.keep_progress()

    def action_done(self) -> None:
        """Finish a paced rep, a rest, a switch or the get-ready early."""
        if self.engine.done():
            self._ring()
        self.refresh_session()

    def action_hold_note(self) -> None:
        """Say why enter does nothing during a hold."""
        self.notify(HOLD_NOTE, markup=False)

    def action_skip(self) -> None:
        """Leave the current step and go to the next."""
        self.engine.skip()
        self._ring()
        self.refresh_session()

    def action_back(self) -> None:
        """Restart the current step, or go to the previous one just after a change."""
        self.engine.back()
        self.refresh_session()

    def action_skip_exercise(self) -> None:
        """Leave the rest of this exercise and go to the next one."""
        self.engine.skip_exercise()
        self._ring()
        self.refresh_session()

    def action_stay(self) -> None:
        """Refuse to switch screens while a session runs."""
        self.notify("Finish or end the session (escape) first.", markup=False)

    @work(exclusive=True, group="session-end")
    async def action_end(self) -> None:
        """Ask, then end the session early, keeping what was done."""
        if self.engine.state().finished:
            return
        question = "End the session now? What you have done so far is kept."
        if not await self.app.push_screen_wait(ConfirmDialog(question, "End it")):
            return
        self.engine.end()
        self.refresh_session()
        self._session_over()

    def on_screen_suspend(self) -> None:
        """A dialog, help or the palette covers the session: hold the clock meanwhile."""
        state = self.engine.state()
        if state.started and not state.paused and not state.finished:
            self.engine.pause()
            self._auto_paused = True
            self.keep_progress()

    def on_screen_resume(self) -> None:
        """Carry on if it was the covering screen, not the user, that paused the session."""
        if self._auto_paused:
            self._auto_paused = False
            self.engine.resume()
        self.refresh_session()

    def _session_over(self) -> None:
        """Ask how it went (when anything was done), then dismiss with the log."""
        if self._ended_at is not None:
            return
        self._ended_at = self.clock.now()
        self._stop_repaints()
        if not self.engine.anything_done:
            self.dismiss(None)
            return
        self._rate()

    @work
    async def _rate(self) -> None:
        logs = self.engine.exercise_logs(self.pairs)
        summary = session_summary(logs, ended_early=self.engine.state().ended_early)
        dialog = SessionRatingDialog(summary)
        rating = await self.app.push_screen_wait(dialog)
        self.dismiss(self.session_log(rating or SessionRating()))

    def ask_before_quit(self) -> None:
        """ctrl+q asks first during a session, as escape does (the app calls this)."""
        self.action_end()

    def keep_progress(self) -> None:
        """Checkpoint what was done so far, so a kill or a closed window loses none of it.

        Once per exercise boundary and pause; a failure is shown and the session goes on.
        """
        if self.checkpoint is None or self._started_at is None or not self.engine.anything_done:
            return
        try:
            self.checkpoint(self.session_log(SessionRating()))
        except UserFacingError as error:
            self.notify(f"Progress not kept on disk: {error}", severity="warning", markup=False)

    def session_log(self, rating: SessionRating) -> SessionLog:
        """The log of this session as it went, with ``rating`` and the pain before."""
        now = self.clock.now()
        started = self._started_at or now
        return SessionLog(
            id=self.log_id,
            day=self.day,
            done_on=started.date(),
            started_at=started,
            ended_at=self._ended_at or now,
            exercises=self.engine.exercise_logs(self.pairs),
            pain_before=self.pain_before,
            pain_after=rating.pain_after,
            effort=rating.effort,
            note=rating.note,
        )
