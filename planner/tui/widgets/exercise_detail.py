"""The catalogue's detail pane: everything about one exercise, in a scrollable column.

Every piece of text here may come from the user (custom exercises), so it is
turned into ``Content`` objects, which are never read as markup.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from planner.domain.dose_words import dose_text
from planner.domain.models import Exercise, Kind, Sides
from planner.domain.text_rules import terminal_safe
from planner.tui.widgets.figure_pair import FigurePair

_KIND_WORDS = {
    Kind.HOLD: "held position",
    Kind.REPS: "repetitions",
    Kind.HOLD_REPS: "repetitions with a hold",
}

_SIDE_WORDS = {
    Sides.NONE: "no sides",
    Sides.EACH: "one side, then the other",
    Sides.BOTH: "both sides together",
    Sides.ALTERNATING: "alternating sides",
}

_LEVEL_WORDS = {1: "gentle", 2: "moderate", 3: "harder"}

# (id suffix, heading) of each titled section, in the order they are shown.
_SECTIONS = (
    ("position", "Start position"),
    ("steps", "Steps"),
    ("dose", "Dose"),
    ("benefits", "What it helps"),
    ("cautions", "Take care"),
    ("notes", "Notes"),
)


BENDS_FORWARD_MARK = "bends the lower back forward"
BENDS_FORWARD_CAUTION = (
    "It bends the lower back forward: leave it out if bending forward makes your pain "
    "worse or sends it down a leg (the plan wizard asks)."
)


def describe_kind(kind: Kind) -> str:
    """How an exercise is done, in words."""
    return _KIND_WORDS[kind]


def describe_sides(sides: Sides) -> str:
    """Which sides an exercise works, in words."""
    return _SIDE_WORDS[sides]


def describe_level(level: int) -> str:
    """``Level 2 (moderate)``; levels outside 1-3 just show their number."""
    word = _LEVEL_WORDS.get(level)
    return f"Level {level} ({word})" if word else f"Level {level}"


def dose_summary(exercise: Exercise) -> str:
    """Where the dose starts and where it climbs to, with rests and pace."""
    lines = [
        f"Starts at {dose_text(exercise.start, exercise)}; "
        f"works up to {dose_text(exercise.target, exercise)}."
    ]
    target = exercise.target
    if target.rest_s and (target.sets > 1 or target.reps > 1):
        between = "sets" if target.sets > 1 else "repetitions"
        lines.append(f"Rest {target.rest_s} s between {between}.")
    if exercise.kind is not Kind.HOLD:
        lines.append(f"About {exercise.tempo_s:g} s per repetition.")
    return "\n".join(lines)


class ExerciseDetail(VerticalScroll):
    """Shows one exercise: name, level, kind, sides, position, steps, dose, benefits, cautions."""

    def compose(self) -> ComposeResult:
        yield Static(id="detail-title", markup=False)
        yield Static(id="detail-meta", markup=False)
        yield FigurePair(id="detail-figure")
        for key, heading in _SECTIONS:
            yield Static(
                heading, id=f"detail-{key}-heading", classes="detail-heading", markup=False
            )
            yield Static(id=f"detail-{key}", classes="detail-body", markup=False)

    def show(self, exercise: Exercise | None, flows_into: str = "") -> None:
        """Fill the pane with ``exercise``, or with a hint when nothing is selected.

        ``flows_into`` is the name of the exercise this one leads on to, if any.
        """
        title = self.query_one("#detail-title", Static)
        meta = self.query_one("#detail-meta", Static)
        self.query_one(FigurePair).show(exercise.figure if exercise else None)
        if exercise is None:
            title.update(Content("No exercise selected"))
            meta.update(Content("Clear the filter or press n to create your own."))
            for key, _heading in _SECTIONS:
                self._set_section(key, "")
            return
        title.update(Content(terminal_safe(exercise.name)))
        facts = [
            describe_level(exercise.level),
            describe_kind(exercise.kind),
            describe_sides(exercise.sides),
        ]
        if exercise.custom:
            facts.append("your own exercise")
        if exercise.bends_forward:
            facts.append(BENDS_FORWARD_MARK)
        meta.update(Content(" · ".join(facts)))
        self._set_section("position", exercise.position)
        self._set_section(
            "steps", "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, 1))
        )
        self._set_section("dose", dose_summary(exercise))
        self._set_section("benefits", "\n".join(f"• {line}" for line in exercise.benefits))
        cautions = list(exercise.cautions)
        if exercise.bends_forward:
            cautions.append(BENDS_FORWARD_CAUTION)
        self._set_section("cautions", "\n".join(f"• {line}" for line in cautions))
        notes = [exercise.level_note, exercise.dose_note]
        if flows_into:
            notes.append(f"From the same position, go on to {flows_into}.")
        self._set_section("notes", "\n".join(note for note in notes if note))
        self.scroll_home(animate=False)

    def _set_section(self, key: str, text: str) -> None:
        # Empty sections disappear entirely, heading included, instead of showing a bare title.
        self.query_one(f"#detail-{key}-heading", Static).display = bool(text)
        body = self.query_one(f"#detail-{key}", Static)
        body.display = bool(text)
        body.update(Content(terminal_safe(text)))
