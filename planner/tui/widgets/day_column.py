"""One day of the calendar week: its date, its status and its exercises, drawn as lines of text.

A single widget per day (rather than one per exercise) keeps start-up cheap; the
lines are rebuilt for the width the column has, so names truncate with an
ellipsis at 80 columns and show in full on wider terminals.

The column draws itself line by line (Textual's line API) from a short list of
``(text, style name)`` pieces per line, styled by the grid's component classes.
That is several times cheaper than laying out rich content, and it lets
:meth:`DayColumn.show` repaint only the lines that changed: moving the cursor
within a day touches four lines, not the whole column.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.events import Click
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

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


class DayColumn(Widget):
    """Draws one :class:`DayView`; a click reports which line (day or exercise) was hit."""

    DEFAULT_CSS = """
        DayColumn {
            width: 1fr;
            height: 100%;
            padding: 0 0 0 1;
            overflow: hidden;
            text-wrap: nowrap;
        }
    """

    @dataclass
    class Clicked(Message):
        """The user clicked this column; ``item`` is the exercise index, or None for the day."""

        day: date
        item: int | None

    def __init__(self, view: DayView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self._lines: list[Line] = []
        self._line_items: list[int | None] = []
        self._laid_out_for: tuple[DayView, int, int] | None = None
        # Resolved styles by piece name, focus and theme.
        self._styles: dict[tuple[str, bool, str], Style] = {}

    def show(self, view: DayView) -> None:
        """Draw ``view`` instead of the current day; only the lines that change are repainted."""
        if view == self.view:
            return
        old_lines = self._lines if self._laid_out_for is not None else None
        self.view = view
        if old_lines is None or not self.is_mounted:
            self._laid_out_for = None
            self.refresh()
            return
        new_lines = self._layout()
        width = self.content_size.width
        changed = [
            Region(0, y, width, 1)
            for y in range(max(len(old_lines), len(new_lines)))
            if y >= len(old_lines) or y >= len(new_lines) or old_lines[y] != new_lines[y]
        ]
        if changed:
            self.refresh(*changed)

    @property
    def text(self) -> str:
        """The column's lines as plain text, as they are drawn now."""
        return "\n".join("".join(text for text, _ in line).rstrip() for line in self._layout())

    def _layout(self) -> list[Line]:
        """The lines for the current view and size (worked out once per view and size)."""
        size = self.content_size
        key = (self.view, size.width, size.height)
        if self._laid_out_for != key:
            lines, items = self._build(max(1, size.width))
            self._lines, self._line_items = self._fit_height(lines, items, size.height)
            self._laid_out_for = key
        return self._lines

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
        room = self._shared_width(width) - 1  # after the marker (or the dose's indent)
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

    def _shared_width(self, width: int) -> int:
        """The content width of the week's narrowest column (they differ by a cell at most).

        Names and doses are worded for it, so one exercise reads the same on every day
        instead of in full on the one column that happens to be a cell wider.
        """
        parent = self.parent
        if not isinstance(parent, Widget) or not parent.children:
            return width
        narrowest = parent.content_size.width // len(parent.children) - self.gutter.width
        return min(width, narrowest) if narrowest > 0 else width

    def _fit_height(
        self, lines: list[Line], line_items: list[int | None], height: int
    ) -> tuple[list[Line], list[int | None]]:
        """Scroll a day too long for the column so the selected exercise stays in sight.

        The date and status lines stay put; a last line says how many exercises are
        hidden below, since a plain cut would look like the end of the day.
        """
        if height < 4 or len(lines) <= height:
            return lines, line_items
        width = self.content_size.width
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

    def render_line(self, y: int) -> Strip:
        """One line of the day, styled from calendar.tcss."""
        lines = self._layout()
        width = self.content_size.width
        # Focus and theme pick the styles; worked out once per line, not per piece.
        context = (self.screen.focused is self.parent, self.app.theme)
        base = self._style("plain", context)
        if y >= len(lines):
            return Strip.blank(width, base)
        segments = [Segment(text, self._style(name, context)) for text, name in lines[y]]
        return Strip(segments).adjust_cell_length(width, base)

    @property
    def _owner(self) -> Widget:
        # The piece styles are component classes of the grid, not of each column: a column
        # changing class (the selection moving) then restyles one node, not fourteen.
        parent = self.parent
        assert isinstance(parent, Widget)
        return parent

    def _style(self, name: str, context: tuple[bool, str]) -> Style:
        """The resolved style of one kind of piece, for one focus state and theme."""
        key = (name, *context)
        cached = self._styles.get(key)
        if cached is None:
            cached = self._styles[key] = self._resolve_style(name)
        return cached

    def _resolve_style(self, name: str) -> Style:
        """The style of one kind of piece over the column's own colours ("plain": just those).

        A name with the ``selected-`` prefix is a piece of the selected day's heading:
        the band's colours first, then the piece's own over them.
        """
        piece = name.removeprefix("selected-")
        layers = ["week-grid--selected"] if piece != name else []
        if piece != "plain":
            layers.append(f"week-grid--{piece}")
        resolved = self.rich_style
        _, background = self.background_colors
        for layer in layers:
            styles = self._owner.get_component_styles(layer)
            if styles.has_rule("background"):
                background = background + styles.background
                resolved += Style(bgcolor=background.rich_color)
            if styles.has_rule("color"):
                resolved += Style(color=(background + styles.color).rich_color)
            resolved += styles.text_style
        return resolved

    def on_click(self, event: Click) -> None:
        event.stop()
        offset = event.get_content_offset(self)
        line = offset.y if offset is not None else 0
        self._layout()
        item = self._line_items[line] if 0 <= line < len(self._line_items) else None
        self.post_message(self.Clicked(self.view.day, item))


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
