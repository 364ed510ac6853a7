"""ASCII stand-ins for the glyphs the app draws, for terminals that cannot show Unicode.

A terminal whose encoding is not UTF-8 (``LANG=en_US.ISO-8859-1``, ``PYTHONIOENCODING=
ascii``) would otherwise be sent ``\\xb7`` and ``\\u2588`` as literal text. Each
stand-in takes the same number of cells as its glyph, so layouts computed for the
Unicode text still line up: ``·`` → ``.``, ``×`` → ``x``, ``→`` → ``>``, ``█`` → ``#``,
box drawing → ``-``, ``|`` or ``+``, braille → ``.``/``:`` by how many dots it has, a
wide character → ``??``.

``to_ascii`` converts text; ``can_show`` says whether an encoding needs it. Whoever
draws glyphs of their own (the figures, for instance) can rely on both, or on the
codec error handler ``ERROR_HANDLER`` that the app's output stream uses.
"""

from __future__ import annotations

import codecs
import unicodedata

ERROR_HANDLER = "planner-ascii-glyphs"
"""The codecs error-handler name that replaces what an encoding cannot hold with stand-ins."""

FALLBACKS = {
    "·": ".",
    "•": "*",
    "×": "x",
    "–": "-",
    "—": "-",
    "…": ".",
    "→": ">",
    "←": "<",
    "↑": "^",
    "↓": "v",
    "▸": ">",
    "▶": ">",
    "◀": "<",
    "▲": "^",
    "▼": "v",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "°": "o",
    "▁": "_",
    "▂": "_",
    "▃": "-",
    "▄": "-",
    "▅": "=",
    "▆": "=",
    "▇": "#",
    "█": "#",
    "▓": "#",
    "▒": ":",
    "░": ".",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "\u00a0": " ",
}
"""Stand-ins for glyphs the app draws, one cell each like the glyphs themselves."""

_SAMPLE = "·×→█"


def _stand_in(char: str) -> str:
    if char in FALLBACKS:
        return FALLBACKS[char]
    code = ord(char)
    if 0x2800 <= code <= 0x28FF:
        dots = bin(code - 0x2800).count("1")
        return " " if dots == 0 else ("." if dots <= 3 else ":")
    if 0x2500 <= code <= 0x257F:
        name = unicodedata.name(char, "")
        if "HORIZONTAL" in name and "VERTICAL" not in name:
            return "-"
        if "VERTICAL" in name and "HORIZONTAL" not in name:
            return "|"
        return "+"
    if 0x2580 <= code <= 0x259F:
        # Thin edges (Textual's tall borders, half blocks) read best as nothing at all.
        return " "
    if unicodedata.category(char) in ("Mn", "Me") or unicodedata.combining(char):
        return ""
    return "??" if unicodedata.east_asian_width(char) in ("W", "F") else "?"


def to_ascii(text: str) -> str:
    """``text`` with every non-ASCII character replaced by a stand-in of the same width."""
    if text.isascii():
        return text
    return "".join(char if char.isascii() else _stand_in(char) for char in text)


def can_show(encoding: str | None) -> bool:
    """Whether text in ``encoding`` can carry the glyphs the app draws."""
    if not encoding:
        return False
    try:
        _SAMPLE.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _replace_with_stand_ins(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return to_ascii(error.object[error.start : error.end]), error.end


codecs.register_error(ERROR_HANDLER, _replace_with_stand_ins)
