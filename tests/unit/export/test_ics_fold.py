"""Our fast line folding must give byte for byte what icalendar's own folding gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from icalendar.parser import Contentline

from planner.domain.export_ics import fold

# Long lines, plenty of backslashes and carets (icalendar never ends a fold piece on
# one), and characters of one to four UTF-8 octets so pieces end mid-character.
# No lone surrogates: they cannot be encoded at all, and the catalogue refuses them.
text = st.text(
    alphabet=st.sampled_from(list("ab ,;:\\^") + ["é", "×", "·", "—", "😀"])
    | st.characters(codec="utf-8"),
    max_size=400,
)


@given(line=text.filter(lambda s: "\n" not in s and "\r" not in s))
def test_fold_matches_icalendar(line: str) -> None:
    """Any line, ASCII or not, folds exactly as icalendar folds it."""
    assert fold(line).encode() == Contentline(line).to_ical()


def test_long_ascii_line_is_cut_before_75_octets_and_not_after_an_escape() -> None:
    """Pieces stay under 75 octets, and a backslash escape is carried to the next piece."""
    line = "DESCRIPTION:" + "x" * 61 + "\\n" + "y" * 100
    folded = fold(line)
    pieces = folded.split("\r\n ")
    assert all(len(piece.encode()) < 75 for piece in pieces)
    assert pieces[0].endswith("x") and pieces[1].startswith("\\n")
    assert "".join(pieces) == line
