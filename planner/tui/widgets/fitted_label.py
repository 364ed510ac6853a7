"""A label that shows the longest of several wordings its width can hold."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Label


def fits(text: str, width: int) -> bool:
    """Whether every line of ``text`` fits in ``width`` cells."""
    return all(cell_len(line) <= width for line in text.split("\n"))


def first_fitting(forms: tuple[str, ...], width: int) -> str:
    """The first of ``forms`` (longest first) that fits in ``width`` cells, else the last."""
    return next((form for form in forms if fits(form, width)), forms[-1] if forms else "")


class FittedLabel(Label):
    """Shows the first of its wordings that fits, chosen again whenever its width changes.

    The choice is made while rendering, once the width is known, so a resize re-picks
    without the screen having to redraw it. A wording may take two lines where the
    label's height allows. The text is shown literally, never as markup.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._forms: tuple[str, ...] = ()

    def show(self, forms: tuple[str, ...]) -> None:
        """Show ``forms``, longest first; a no-op when they are what is shown already.

        The label is re-arranged only when the wording now shown takes another number
        of lines (a two-line form after a one-line one): otherwise its cells repaint.
        """
        if forms != self._forms:
            before = self.text.count("\n")
            self._forms = forms
            self.refresh(layout=self.text.count("\n") != before)

    @property
    def text(self) -> str:
        """What is shown at the current width."""
        return first_fitting(self._forms, self.content_size.width)

    def render(self) -> Content:
        return Content(self.text)
