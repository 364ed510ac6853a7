"""A canvas of dots drawn as Unicode braille: each text cell holds 2×4 dots.

Every dot carries a tag (a small number, higher wins) so the cell it lands in can
be coloured for what it shows; the canvas only keeps, per cell, the highest tag
of the dots in it. Dots outside the canvas are dropped, never wrapped.
"""

from __future__ import annotations

_BRAILLE_BASE = 0x2800
# The bit of each dot within a cell, indexed [row][column]: the Unicode braille layout
# numbers the left column 1, 2, 3, 7 and the right one 4, 5, 6, 8.
_DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))


class DotCanvas:
    """``cols``×``rows`` text cells, so ``2*cols`` dots across and ``4*rows`` dots down.

    Dot (0, 0) is the top-left; ``mirror`` flips every dot left to right as it is set.
    """

    __slots__ = ("_bits", "_tags", "clipped", "cols", "height", "mirror", "rows", "width")

    def __init__(self, cols: int, rows: int, *, mirror: bool = False) -> None:
        self.cols = cols
        self.rows = rows
        self.width = cols * 2
        self.height = rows * 4
        self.mirror = mirror
        self._bits = [0] * (cols * rows)
        self._tags = [0] * (cols * rows)
        self.clipped = 0
        """How many dots fell outside the canvas and were dropped."""

    def dot(self, x: int, y: int, tag: int = 1) -> None:
        """Set the dot at (x, y), marking its cell with ``tag`` if that is higher."""
        if self.mirror:
            x = self.width - 1 - x
        if 0 <= x < self.width and 0 <= y < self.height:
            cell = (y >> 2) * self.cols + (x >> 1)
            self._bits[cell] |= _DOT_BITS[y & 3][x & 1]
            if tag > self._tags[cell]:
                self._tags[cell] = tag
        else:
            self.clipped += 1

    def line(
        self, x0: float, y0: float, x1: float, y1: float, tag: int = 1, *, bold: bool = False
    ) -> None:
        """A straight line of dots between two points (rounded to the nearest dots).

        ``bold`` doubles it: a steep line two dots wide, a flat one two dots tall.
        """
        ax, ay, bx, by = round(x0), round(y0), round(x1), round(y1)
        steps = max(abs(bx - ax), abs(by - ay))
        if steps == 0:
            self.dot(ax, ay, tag)
            return
        dx = (bx - ax) / steps
        dy = (by - ay) / steps
        # The second dot goes across the line's run: beside a steep line, under a flat one.
        ox, oy = (1, 0) if abs(by - ay) > abs(bx - ax) else (0, 1)
        for step in range(steps + 1):
            x, y = round(ax + dx * step), round(ay + dy * step)
            self.dot(x, y, tag)
            if bold:
                self.dot(x + ox, y + oy, tag)

    def ring(self, cx: float, cy: float, radius: float, tag: int = 1) -> None:
        """The outline of a circle centred on (cx, cy)."""
        # Walk one octant and reflect it: every dot of a midpoint circle, none twice.
        r = max(1, round(radius))
        ox, oy = round(cx), round(cy)
        x, y, err = r, 0, 1 - r
        while x >= y:
            for px, py in ((x, y), (y, x), (-y, x), (-x, y), (-x, -y), (-y, -x), (y, -x), (x, -y)):
                self.dot(ox + px, oy + py, tag)
            y += 1
            if err < 0:
                err += 2 * y + 1
            else:
                x -= 1
                err += 2 * (y - x) + 1

    def text_rows(self) -> tuple[str, ...]:
        """The canvas as text, one string per row; cells without dots are spaces."""
        rows = []
        for row in range(self.rows):
            start = row * self.cols
            rows.append(
                "".join(
                    chr(_BRAILLE_BASE + bits) if bits else " "
                    for bits in self._bits[start : start + self.cols]
                )
            )
        return tuple(rows)

    def tag_rows(self) -> tuple[tuple[int, ...], ...]:
        """The highest tag in each cell, row by row (0 for an empty cell)."""
        return tuple(
            tuple(self._tags[row * self.cols : (row + 1) * self.cols]) for row in range(self.rows)
        )

    def bitmap(self) -> tuple[str, ...]:
        """The dots as ``#`` (set) and ``.`` (clear), one string per dot row: for tests."""
        out = []
        for y in range(self.height):
            line = []
            for x in range(self.width):
                cell = (y >> 2) * self.cols + (x >> 1)
                line.append("#" if self._bits[cell] & _DOT_BITS[y & 3][x & 1] else ".")
            out.append("".join(line))
        return tuple(out)
