"""What counts as a line of text the app will keep and show, wherever the text comes from.

One rule for routines.json, the data file, the archive and the custom-exercise form:
a name, a step or a note is one line of printable text. Control characters (ESC,
BEL, tab, newline ...) and format characters (bidi overrides such as U+202E,
zero-width spaces, the byte-order mark) are refused, since they could move the
cursor, retitle the window, or show text other than what is stored. Text that must
not be empty must also hold something visible: two zero-width spaces are not a name.

``terminal_safe`` is the second guard, for the display layer: whatever slipped past
the rules, it never lets a control or format character reach the terminal.
"""

from __future__ import annotations

import re
import unicodedata

_REFUSED = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
"""Unicode categories never allowed: controls, format characters, surrogates, line breaks."""

_INVISIBLE_CATEGORIES = frozenset({"Zs", "Mn", "Me", "Mc"})
# Letters and symbols that draw as blank space in most fonts.
_BLANK_CHARACTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class TextRuleError(ValueError):
    """Text that breaks the one-line rule; the message is a phrase such as "must not be empty"."""


def _refused(char: str) -> bool:
    return unicodedata.category(char) in _REFUSED


def has_refused_characters(text: str) -> bool:
    """Whether ``text`` holds a control, format, surrogate or line-break character."""
    if text.isascii():
        return _ASCII_CONTROL.search(text) is not None
    return any(_refused(char) for char in set(text))


def has_visible_characters(text: str) -> bool:
    """Whether anything in ``text`` draws on screen (not only spaces, marks or blanks)."""
    if text.isascii():
        # Every ASCII character but a space or a control draws something.
        return any(" " < char < "\x7f" for char in text)
    return any(
        not char.isspace()
        and unicodedata.category(char) not in _INVISIBLE_CATEGORIES
        and unicodedata.category(char) not in _REFUSED
        and char not in _BLANK_CHARACTERS
        for char in set(text)
    )


def line_problem(value: object, max_len: int, *, required: bool = True) -> str | None:
    """Why ``value`` is not an acceptable line of text, or None when it is.

    Acceptable: a str of at most ``max_len`` characters once surrounding spaces are
    stripped, with no refused character, and (when ``required``) something visible.
    The length is checked first, so a huge value is refused without being scanned.
    """
    if not isinstance(value, str):
        return "must be text"
    text = value.strip()
    if len(text) > max_len:
        return f"must be at most {max_len} characters, got {len(text)}"
    if value.isascii() and value.isprintable():
        # The common case, decided at C speed: printable ASCII holds no refused character,
        # and once stripped, anything left is visible.
        return "must not be empty" if required and not text else None
    if has_refused_characters(value):
        return "must be a single line of printable text"
    if required and not has_visible_characters(text):
        return "must not be empty"
    return None


def check_line(value: object, max_len: int, *, required: bool = True) -> str:
    """``value`` stripped of surrounding spaces; TextRuleError when it breaks the rule."""
    problem = line_problem(value, max_len, required=required)
    if problem is not None:
        raise TextRuleError(problem)
    assert isinstance(value, str)
    return value.strip()


def terminal_safe(text: str) -> str:
    """``text`` with every control or format character (newlines kept) shown as ``?``.

    The display layer's guard: stored text has already passed ``line_problem``, so
    this changes nothing there, but no escape sequence can reach the terminal through
    text that came some other way.
    """
    if text.isascii():
        if _ASCII_CONTROL.search(text) is None:
            return text
        return "".join(
            char if char == "\n" or not _ASCII_CONTROL.match(char) else "?" for char in text
        )
    return "".join(char if char == "\n" or not _refused(char) else "?" for char in text)
