"""One day of the calendar week: its date, its status and its exercises, as lines of text.

The week grid draws seven of these side by side in one widget (Textual's line API),
each from a short list of ``(text, style name)`` pieces per line, styled by the
grid's component classes. One widget for the week rather than one per day matters on
every key: Textual walks every line of every widget on screen for each repaint, so
seven column widgets cost more than the lines that actually change. A column knows
which of its lines a new view changes, so moving the cursor within a day repaints
four lines, not the week. The lines are rebuilt for the width the column has, so
names truncate with an ellipsis at 80 columns and show in full on wider terminals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.strip import Strip

from planner.domain.dates import day_heading
from planner.domain.models import DayStatus
from planner.tui.widgets.fitted_label import first_fitting


@dataclass(frozen=True, slots=True)
class ItemView:
    """What a column shows of one plan item."""

    item_id: str
    name: str
    doses: tuple[str, ...]
    """The dose worded from longest to shortest (``dose_words.dose_forms``)."""
    held: bool = False
    """The dose was held back this week (the reason is shown in the detail line)."""
    short_name: str = ""
    """What to show when ``name`` does not fit (empty: cut ``name`` instead)."""


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
    DayStatus.EMPTY: ("free", "free"),
    DayStatus.PLANNED: ("planned", "planned"),
    DayStatus.DONE: ("done ✓", "done"),
    DayStatus.PARTIAL: ("partial", "partial"),
    DayStatus.MISSED: ("missed", "missed"),
    DayStatus.REST: ("rest", "rest"),
}

Piece = tuple[str, str]
"""Some text and the short name of its style (a component class without the prefix)."""

Line = tuple[Piece, ...]


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, or padded to them."""
    if cell_len(text) > width:
        return set_cell_size(text, max(0, width - 1)) + "…" if width > 0 else ""
    return set_cell_size(text, width)


_KEPT_LAYOUTS = 128
"""Laid-out days kept for any column (about eight weeks' worth, selections included)."""

_LAID_OUT: LRUCache[tuple[DayView, int, int, int], tuple[list[Line], list[int | None]]] = LRUCache(
    _KEPT_LAYOUTS
)
"""Lines and line items by (view, width, height, narrowest width)."""

StyleOf = Callable[[str], Style]
"""The resolved style of a piece by its short name (the grid's, for its focus and theme)."""


class DayColumn:
    """The lines of one :class:`DayView` at a given size, and which exercise each line shows."""

    def __init__(self, view: DayView) -> None:
        self.view = view
        self.width = 0
        self.height = 0
        self.shared_width = 0
        """The content width of the week's narrowest column (they differ by a cell at most)."""
        self._lines: list[Line] = []
        self._line_items: list[int | None] = []
        self._laid_out_for: tuple[DayView, int, int, int] | None = None

    def resize(self, width: int, height: int, shared_width: int) -> None:
        """Give the column the cells it is drawn in, and the narrowest column's width that
        names and doses are worded for (its lines follow on the next use)."""
        self.width, self.height, self.shared_width = width, height, shared_width

    def show(self, view: DayView) -> list[int]:
        """Take ``view`` instead of the current day; the lines that change (all if none was
        drawn yet)."""
        if view == self.view and self._laid_out_for is not None:
            return []
        old_lines = self._lines if self._laid_out_for is not None else None
        self.view = view
        new_lines = self.lines()
        if old_lines is None:
            return list(range(self.height))
        return [
            y
            for y in range(max(len(old_lines), len(new_lines)))
            if y >= len(old_lines) or y >= len(new_lines) or old_lines[y] != new_lines[y]
        ]

    @property
    def text(self) -> str:
        """The column's lines as plain text, as they are drawn now."""
        return "\n".join("".join(text for text, _ in line).rstrip() for line in self.lines())

    def item_at(self, y: int) -> int | None:
        """The exercise (its index in the day) drawn on line ``y``, or None for the day."""
        self.lines()
        return self._line_items[y] if 0 <= y < len(self._line_items) else None

    def lines(self) -> list[Line]:
        """The lines for the current view and size (worked out once per view and size, and
        kept a while: going back and forth between weeks shows the same days again)."""
        key = (self.view, self.width, self.height, self.shared_width)
        if self._laid_out_for != key:
            laid_out = _LAID_OUT.get(key)
            if laid_out is None:
                lines, items = self._build(max(1, self.width))
                laid_out = _LAID_OUT[key] = self._fit_height(lines, items, self.height)
            self._lines, self._line_items = laid_out
            self._laid_out_for = key
        return self._lines

    def line(self, y: int) -> Line | None:
        """What line ``y`` of the day holds now (None: below the day's last line)."""
        lines = self.lines()
        return lines[y] if y < len(lines) else None

    def strip(self, y: int, style_of: StyleOf) -> Strip:
        """Line ``y`` of the day, exactly ``width`` cells, styled by ``style_of``."""
        lines = self.lines()
        base = style_of("plain")
        if y >= len(lines):
            return Strip.blank(self.width, base)
        segments = [Segment(text, style_of(name)) for text, name in lines[y]]
        return Strip(segments).adjust_cell_length(self.width, base)

    def _build(self, width: int) -> tuple[list[Line], list[int | None]]:
        view = self.view
        heading = day_heading(view.day)
        head: list[Piece] = [(heading, "date")]
        if view.today:
            head.append((" today" if width >= len(heading) + 6 else " •", "today"))
        # The selected day shows as a band across its heading. Colouring the whole column
        # instead meant repainting two full columns on every move: twice the key latency.
        band = "selected-" if view.selected else ""
        head_line = tuple((text, band + style) for text, style in _padded(head, width))
        word, style = _STATUS_WORDS[view.status]
        lines: list[Line] = [head_line, _padded([(word, style)], width)]
        line_items: list[int | None] = [None, None]
        resting = view.status is DayStatus.REST
        # Names and doses are worded for the week's narrowest column, so one exercise reads
        # the same on every day instead of in full on the one column a cell wider.
        shared = min(width, self.shared_width) if self.shared_width > 0 else width
        room = shared - 1  # after the marker (or the dose's indent)
        for index, item in enumerate(view.items):
            cursor = view.selected and view.selected_item == index
            marker = "▸" if cursor else ("=" if item.held else " ")
            name_style = "cursor" if cursor else ("resting" if resting else "name")
            dose_style = "cursor" if cursor else ("resting" if resting else "dose")
            # Exercise names may be the user's own text: they are only ever drawn as text.
            names = (item.name, item.short_name) if item.short_name else (item.name,)
            name = first_fitting(names, room)
            dose = first_fitting(item.doses, room)
            # Cut (if at all) at the shared width too, then padded to this column's own.
            name_line = set_cell_size(_fit(marker + name, room + 1), width)
            dose_line = set_cell_size(_fit(" " + dose, room + 1), width)
            lines.append(((name_line, name_style),))
            lines.append(((dose_line, dose_style),))
            line_items += [index, index]
        return lines, line_items

    def _fit_height(
        self, lines: list[Line], line_items: list[int | None], height: int
    ) -> tuple[list[Line], list[int | None]]:
        """Scroll a day too long for the column so the selected exercise stays in sight.

        The date and status lines stay put; a last line says how many exercises are
        hidden below, since a plain cut would look like the end of the day.
        """
        if height < 4 or len(lines) <= height:
            return lines, line_items
        width = self.width
        room = height - 3  # date, status, and the "more" line
        room -= room % 2  # whole exercises only (two lines each)
        selected = self.view.selected_item if self.view.selected else None
        first = 0
        if selected is not None:
            first = max(0, (selected + 1) * 2 - room)
        body = slice(2 + first, 2 + first + room)
        hidden_below = (len(lines) - body.stop + 1) // 2
        more: list[Line] = []
        more_items: list[int | None] = []
        if hidden_below > 0:
            more = [_padded([(f"+{hidden_below} more", "note")], width)]
            more_items = [None]
        status = lines[1]
        if first:
            # Exercises above the window are hidden too; say so on the status line.
            word, style = status[0]
            status = _padded([(word.rstrip(), style), (f" ↑{first // 2}", "note")], width)
        return (
            [lines[0], status, *lines[body], *more],
            line_items[:2] + line_items[body] + more_items,
        )


def _padded(pieces: list[Piece], width: int) -> Line:
    """``pieces`` cut or padded with plain space to exactly ``width`` cells."""
    out: list[Piece] = []
    room = width
    for text, style in pieces:
        if room <= 0:
            break
        if cell_len(text) > room:
            text = _fit(text, room)
        out.append((text, style))
        room -= cell_len(text)
    if room > 0:
        out.append((" " * room, "plain"))
    return tuple(out)
