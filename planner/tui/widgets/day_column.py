"""One day of the calendar week: its date, its status and its exercises, drawn as lines of text.

A single widget per day (rather than one per exercise) keeps start-up cheap; the
lines are rebuilt for the width the column has, so names truncate with an
ellipsis at 80 columns and show in full on wider terminals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.widget import Widget

from planner.domain.models import DayStatus, Dose


@dataclass(frozen=True, slots=True)
class ItemView:
    """What a column shows of one plan item."""

    item_id: str
    name: str
    dose: Dose
    held: bool = False
    """The dose was held back this week (the reason is shown in the detail line)."""


@dataclass(frozen=True, slots=True)
class DayView:
    """Everything one column needs to draw a day."""

    day: date
    items: tuple[ItemView, ...]
    status: DayStatus
    today: bool = False
    selected: bool = False
    selected_item: int | None = None
    """Index into ``items`` of the selected exercise (only on the selected day)."""


_STATUS_WORDS = {
    DayStatus.EMPTY: ("free", "$text-muted"),
    DayStatus.PLANNED: ("planned", "$primary"),
    DayStatus.DONE: ("done ✓", "$success bold"),
    DayStatus.PARTIAL: ("partial", "$warning bold"),
    DayStatus.MISSED: ("missed", "$error"),
    DayStatus.REST: ("rest", "$text-muted italic"),
}


def fitted_dose(dose: Dose, width: int) -> str:
    """The dose in words if they fit in ``width`` cells, else shorter: ``2 reps 30s``, ``2×30s``."""
    for text in (dose.describe(), _short_dose(dose), _tiny_dose(dose)):
        if len(text) <= width:
            return text
    return _tiny_dose(dose)


def _short_dose(dose: Dose) -> str:
    parts = []
    if dose.sets > 1:
        parts.append(f"{dose.sets}×{dose.reps}")
    elif dose.reps > 1 or not dose.hold_s:
        parts.append(f"{dose.reps} rep{'s' if dose.reps != 1 else ''}")
    if dose.hold_s:
        parts.append(f"{dose.hold_s}s")
    return " ".join(parts)


def _tiny_dose(dose: Dose) -> str:
    reps = f"{dose.sets}×{dose.reps}" if dose.sets > 1 else f"{dose.reps}×"
    if not dose.hold_s:
        return reps if dose.sets > 1 else f"{dose.reps} reps"
    return f"{reps}{dose.hold_s}s" if dose.sets == 1 else f"{reps} {dose.hold_s}s"


class DayColumn(Widget):
    """Draws one :class:`DayView`; a click reports which line (day or exercise) was hit."""

    @dataclass
    class Clicked(Message):
        """The user clicked this column; ``item`` is the exercise index, or None for the day."""

        day: date
        item: int | None

    def __init__(self, view: DayView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self._line_items: list[int | None] = []

    def show(self, view: DayView) -> None:
        """Draw ``view`` instead of the current day."""
        self.view = view
        self.set_class(view.selected, "-selected")
        self.set_class(view.today, "-today")
        self.refresh()

    def on_mount(self) -> None:
        self.set_class(self.view.selected, "-selected")
        self.set_class(self.view.today, "-today")

    def render(self) -> Content:
        width = max(1, self.content_region.width)
        view = self.view
        lines: list[Content] = []
        line_items: list[int | None] = []

        heading = view.day.strftime("%a %d")
        head = Content.styled(heading, "bold")
        if view.today:
            head += Content.styled(" today" if width >= len(heading) + 6 else " •", "$accent bold")
        lines.append(head)
        word, style = _STATUS_WORDS[view.status]
        lines.append(Content.styled(word, style))
        line_items += [None, None]

        for index, item in enumerate(view.items):
            selected = view.selected and view.selected_item == index
            marker = "▸" if selected else ("=" if item.held else " ")
            # Exercise names may be the user's own text: plain Content, never markup.
            name = Content(marker) + Content(item.name)
            dose = Content(" " + fitted_dose(item.dose, width - 1))
            dose = dose.stylize("$text-muted")
            for line in (name, dose):
                line = line.truncate(width, ellipsis=True).extend_right(width - line.cell_length)
                if selected:
                    line = line.stylize("reverse")
                elif view.status is DayStatus.REST:
                    line = line.stylize("dim")
                lines.append(line)
                line_items.append(index)

        lines, line_items = self._fit_height(lines, line_items)
        self._line_items = line_items
        return Content("\n").join(lines)

    def _fit_height(
        self, lines: list[Content], line_items: list[int | None]
    ) -> tuple[list[Content], list[int | None]]:
        """Scroll a day too long for the column so the selected exercise stays in sight.

        The date and status lines stay put; a last line says how many exercises are
        hidden below, since a plain cut would look like the end of the day.
        """
        height = self.content_region.height
        if height < 4 or len(lines) <= height:
            return lines, line_items
        room = height - 3  # date, status, and the "more" line
        room -= room % 2  # whole exercises only (two lines each)
        selected = self.view.selected_item if self.view.selected else None
        first = 0
        if selected is not None:
            first = max(0, (selected + 1) * 2 - room)
        body = slice(2 + first, 2 + first + room)
        hidden_below = (len(lines) - body.stop + 1) // 2
        more: list[Content] = []
        more_items: list[int | None] = []
        if hidden_below > 0:
            more = [Content.styled(f"+{hidden_below} more", "$text-muted italic")]
            more_items = [None]
        if first:
            # Exercises above the window are hidden too; say so on the status line.
            lines[1] = lines[1] + Content.styled(f" ↑{first // 2}", "$text-muted")
        return (
            lines[:2] + lines[body] + more,
            line_items[:2] + line_items[body] + more_items,
        )

    def on_click(self, event: Click) -> None:
        event.stop()
        offset = event.get_content_offset(self)
        line = offset.y if offset is not None else 0
        item = self._line_items[line] if 0 <= line < len(self._line_items) else None
        self.post_message(self.Clicked(self.view.day, item))
