"""The settings dialog: the session's bell, beeps and moving figure, its pause times, the
calendar export's session time and reminder, and the answers to the red-flag questions
(revisited here after the first launch)."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, SelectionList, Switch

from planner.domain.calendar_reminders import clock_text, parse_clock, parse_remind
from planner.domain.models import Settings
from planner.domain.record_limits import MAX_PAUSE_S
from planner.domain.red_flags import CHECKLIST_TITLE, red_flag_advice
from planner.tui.widgets.red_flag_checklist import RedFlagChecklist

"""Longest get-ready or switch-sides time accepted: longer than that is a rest, not a pause."""


class SettingsDialog(ModalScreen[Settings | None]):
    """Edit ``settings``; dismiss with the new Settings on save, None on cancel."""

    CSS_PATH = "../tcss/settings.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="settings.save"),
        Binding("escape", "cancel", "Cancel", id="settings.cancel"),
    ]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        with Vertical(id="settings-box"):
            yield Label("Settings", classes="dialog-title")
            with Horizontal(classes="settings-row"):
                yield Switch(self.settings.bell, id="settings-bell")
                yield Label("Ring the terminal bell when a phase changes")
            with Horizontal(classes="settings-row"):
                yield Switch(self.settings.countdown_beeps, id="settings-beeps")
                yield Label("Beep 3, 2, 1 before a hold ends")
            with Horizontal(classes="settings-row"):
                yield Switch(self.settings.figure_motion, id="settings-figure-motion")
                yield Label("Move the figure during a session")
            with Horizontal(classes="settings-row"):
                yield Label("Get-ready seconds", classes="settings-label")
                yield Input(str(self.settings.get_ready_s), id="settings-get-ready", type="integer")
            with Horizontal(classes="settings-row"):
                yield Label("Switch-sides seconds", classes="settings-label")
                yield Input(str(self.settings.switch_sides_s), id="settings-switch", type="integer")
            with Horizontal(classes="settings-row"):
                yield Label("Calendar time (HH:MM)", classes="settings-label")
                yield Input(clock_text(self.settings.calendar_at), id="settings-calendar-at")
            with Horizontal(classes="settings-row"):
                yield Label("Remind minutes before", classes="settings-label")
                yield Input(
                    str(self.settings.calendar_remind_min),
                    id="settings-calendar-remind",
                    type="integer",
                )
            # Right under the boxes it is about, wrapped, so it is seen whole at any size.
            yield Label("", id="settings-error", classes="dialog-error", markup=False)
            yield Label(CHECKLIST_TITLE, id="settings-red-flags-title", markup=False)
            yield RedFlagChecklist(self.settings.red_flags or (), id="settings-red-flags")
            yield Label("", id="settings-red-flag-advice", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="settings-save", variant="primary")
                yield Button("Cancel", id="settings-cancel")
        yield Footer(compact=True)  # this dialog's own keys, not the screen's below

    def _seconds(self, input_id: str, what: str) -> int | None:
        """The whole seconds typed in ``input_id``, or None after showing what is wrong."""
        field = self.query_one(input_id, Input)
        text = field.value.strip()
        if not text.isdigit() or int(text) > MAX_PAUSE_S:
            self._refuse(
                field, f"{what} must be a whole number of seconds from 0 to {MAX_PAUSE_S}."
            )
            return None
        return int(text)

    def _calendar(self) -> tuple[time, int] | None:
        """The calendar export's time and reminder, or None after showing what is wrong."""
        at_field = self.query_one("#settings-calendar-at", Input)
        remind_field = self.query_one("#settings-calendar-remind", Input)
        try:
            at = parse_clock(at_field.value)
        except ValueError as error:
            self._refuse(at_field, f"Calendar time {error}.")
            return None
        try:
            remind = parse_remind(remind_field.value)
        except ValueError as error:
            self._refuse(remind_field, f"Reminder {error}.")
            return None
        return at, remind

    def _refuse(self, field: Input, message: str) -> None:
        """Say what is wrong with ``field`` and put the cursor there, the message in view."""
        error = self.query_one("#settings-error", Label)
        error.update(message)
        field.focus()
        self.call_after_refresh(error.scroll_visible)

    def action_save(self) -> None:
        """Check the times, then dismiss with the new settings."""
        get_ready = self._seconds("#settings-get-ready", "Get-ready time")
        if get_ready is None:
            return
        switch = self._seconds("#settings-switch", "Switch-sides time")
        if switch is None:
            return
        calendar = self._calendar()
        if calendar is None:
            return
        self.dismiss(
            replace(
                self.settings,
                bell=self.query_one("#settings-bell", Switch).value,
                countdown_beeps=self.query_one("#settings-beeps", Switch).value,
                figure_motion=self.query_one("#settings-figure-motion", Switch).value,
                get_ready_s=get_ready,
                switch_sides_s=switch,
                red_flags=self._red_flag_answers(),
                calendar_at=calendar[0],
                calendar_remind_min=calendar[1],
            )
        )

    def _red_flag_answers(self) -> tuple[str, ...] | None:
        """The ticked questions; still None (unanswered) when never answered and none ticked."""
        answers = self.query_one(RedFlagChecklist).answers
        return answers if answers or self.settings.red_flags is not None else None

    def on_mount(self) -> None:
        self._red_flags_changed()

    @on(SelectionList.SelectedChanged, "#settings-red-flags")
    def _red_flags_changed(self) -> None:
        """Say at once what a yes means: no plan, and what to do instead."""
        advice = red_flag_advice(self.query_one(RedFlagChecklist).answers)
        box = self.query_one("#settings-red-flag-advice", Label)
        box.update(advice.text if advice else "")
        box.display = advice is not None

    @on(Input.Submitted)
    @on(Button.Pressed, "#settings-save")
    def save(self, event: Input.Submitted | Button.Pressed) -> None:
        """Enter in a box, or the Save button, saves."""
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#settings-cancel")
    def cancel_button(self, event: Button.Pressed) -> None:
        """Close without saving."""
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
