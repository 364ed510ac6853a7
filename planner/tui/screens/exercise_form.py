"""The form for creating or editing one of the user's own exercises.

The form only gathers text: it builds the same document shape as an entry of
routines.json and hands it to ``parse_exercise``, so a custom exercise passes
exactly the checks a built-in one does. A rejected form stays open with the
user's input intact and the validator's message shown above the buttons.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Select, Static, TextArea

from planner.domain.base_poses import BASE_POSES, base_pose_id
from planner.domain.catalogue import CatalogueError, parse_exercise
from planner.domain.figure import Pose, pose_to_doc
from planner.domain.models import SHORT_NAME_MAX, Dose, Exercise, Kind, Sides
from planner.domain.text_rules import terminal_safe
from planner.tui.widgets.exercise_detail import describe_kind, describe_level, describe_sides

_T = TypeVar("_T")

_ID_STEM = 36

_DOSE_FIELDS = (
    ("hold_s", "hold s"),
    ("reps", "reps"),
    ("sets", "sets"),
    ("rest_s", "rest s"),
)

# What a brand-new exercise starts from: a gentle hold the user then adjusts.
_BLANK = Exercise(
    id="",
    name="",
    level=1,
    kind=Kind.HOLD,
    sides=Sides.NONE,
    position="",
    steps=(),
    start=Dose(hold_s=10, reps=1, sets=1, rest_s=10),
    target=Dose(hold_s=30, reps=2, sets=1, rest_s=10),
    custom=True,
)


def slugify(name: str) -> str:
    """Lower-case ASCII words joined by hyphens: ``"Étirement & co!"`` gives ``"etirement-co"``."""
    # Accents are split off and dropped so that accented names still give readable ids.
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def unique_id(name: str, taken: Collection[str]) -> str:
    """A slug of ``name`` that no exercise in ``taken`` uses yet (adding -2, -3... if needed)."""
    # A name with no letters or digits still needs an id; the validator judges the name itself.
    # Ids are at most 40 characters: keep room for a "-NN" suffix.
    base = slugify(name)[:_ID_STEM].rstrip("-") or "my-exercise"
    candidate, suffix = base, 2
    while candidate in taken:
        candidate = f"{base}-{suffix}"
        suffix += 1
    return candidate


def _number(text: str) -> int | float | str:
    """The number in ``text``, or the text itself for the validator to name in its message."""
    cleaned = text.strip()
    try:
        return int(cleaned)
    except ValueError:
        pass
    try:
        return float(cleaned)
    except ValueError:
        return cleaned


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# Where each field the validator may name lives on the form: its label and its widget.
_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "id": ("Name", "form-name"),
    "name": ("Name", "form-name"),
    "short_name": ("Short name", "form-short-name"),
    "level": ("Level", "form-level"),
    "kind": ("Kind", "form-kind"),
    "sides": ("Sides", "form-sides"),
    "position": ("Start position", "form-position"),
    "steps": ("Steps", "form-steps"),
    "tempo_s": ("Seconds per rep", "form-tempo"),
    "benefits": ("What it helps", "form-benefits"),
    "cautions": ("Take care", "form-cautions"),
    "figure": ("Figure starts", "form-figure-start"),
} | {
    f"{which}.{field}": (f"{title}, {label}", f"form-{which}-{field}")
    for which, title in (("start", "Starting dose"), ("target", "Target dose"))
    for field, label in _DOSE_FIELDS
}

_LEVELS = [(describe_level(n), n) for n in (1, 2, 3)]
_KINDS = [(describe_kind(k).capitalize(), k.value) for k in Kind]
_SIDES = [(describe_sides(s).capitalize(), s.value) for s in Sides]

_NO_POSE = ""
_SAVED_POSE = "saved"
"""Stands for a saved pose that is not one of today's base poses, so editing keeps it."""
_POSES = [(label, key) for key, (label, _pose) in BASE_POSES.items()]


def _pose_choice(widget_id: str, pose: Pose | None, none_label: str) -> Select[str]:
    options = [(none_label, _NO_POSE), *_POSES]
    if pose is None:
        return _select(widget_id, options, _NO_POSE)
    key = base_pose_id(pose)
    if key is None:
        return _select(widget_id, [("As saved", _SAVED_POSE), *options], _SAVED_POSE)
    return _select(widget_id, options, key)


def _row(label: str, field: Widget) -> Horizontal:
    return Horizontal(Label(label, classes="form-label", markup=False), field, classes="form-row")


def _select(widget_id: str, options: list[tuple[str, _T]], value: _T) -> Select[_T]:
    return Select(options, value=value, allow_blank=False, id=widget_id, compact=True)


def _lines_area(widget_id: str, lines: tuple[str, ...]) -> TextArea:
    return TextArea("\n".join(lines), id=widget_id, classes="form-lines", compact=True)


def _dose_row(title: str, which: str, dose: Dose) -> Horizontal:
    parts: list[Widget] = [Label(title, classes="form-label", markup=False)]
    for field, label in _DOSE_FIELDS:
        parts.append(Label(label, classes="form-dose-label", markup=False))
        parts.append(
            Input(
                str(getattr(dose, field)),
                id=f"form-{which}-{field}",
                classes="form-dose",
                compact=True,
            )
        )
    return Horizontal(*parts, classes="form-row")


class ExerciseForm(ModalScreen[Exercise | None]):
    """Create a custom exercise, or edit one; dismisses with the validated exercise or None.

    ``taken_ids`` are the ids already in the catalogue: a new exercise gets a
    slug of its name that avoids them. An edited exercise keeps its id, so the
    plan days that use it keep pointing at it.
    """

    CSS_PATH = "../tcss/exercise_form.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="exercise_form.save"),
        Binding("escape", "cancel", "Cancel", id="exercise_form.cancel"),
    ]

    def __init__(self, taken_ids: Collection[str], exercise: Exercise | None = None) -> None:
        super().__init__()
        self.taken_ids = frozenset(taken_ids)
        self.editing = exercise
        self.initial = exercise or _BLANK

    def compose(self) -> ComposeResult:
        ex = self.initial
        heading = f"Edit {ex.name}" if self.editing else "New exercise"
        with Vertical(id="form-box"):
            yield Static(Content(terminal_safe(heading)), id="form-title")
            with VerticalScroll(id="form-fields"):
                yield _row("Name", Input(ex.name, id="form-name", compact=True))
                yield _row(
                    "Short name",
                    Input(
                        ex.short_name,
                        id="form-short-name",
                        compact=True,
                        placeholder=f"optional, up to {SHORT_NAME_MAX} letters, for the calendar",
                    ),
                )
                yield _row("Level", _select("form-level", _LEVELS, ex.level))
                yield _row("Kind", _select("form-kind", _KINDS, ex.kind.value))
                yield _row("Sides", _select("form-sides", _SIDES, ex.sides.value))
                yield _row("Start position", Input(ex.position, id="form-position", compact=True))
                yield _row("Steps", _lines_area("form-steps", ex.steps))
                yield _dose_row("Starting dose", "start", ex.start)
                yield _dose_row("Target dose", "target", ex.target)
                yield _row(
                    "Seconds per rep", Input(f"{ex.tempo_s:g}", id="form-tempo", compact=True)
                )
                yield _row("What it helps", _lines_area("form-benefits", ex.benefits))
                yield _row("Take care", _lines_area("form-cautions", ex.cautions))
                figure = ex.figure
                yield _row(
                    "Figure starts",
                    _pose_choice(
                        "form-figure-start", figure.start if figure else None, "No figure"
                    ),
                )
                yield _row(
                    "Figure ends",
                    _pose_choice(
                        "form-figure-end", figure.end if figure else None, "Same as the start"
                    ),
                )
            yield Static(
                "Lists: one item per line. Doses: whole numbers, s = seconds.",
                id="form-hint",
                markup=False,
            )
            yield Static(id="form-error", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button("Save", id="form-save", variant="primary", compact=True)
                yield Button("Cancel", id="form-cancel", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#form-error", Static).display = False
        self.query_one("#form-name", Input).focus()

    def document(self) -> dict[str, Any]:
        """The form's content as a routines.json entry (numbers left as text when they are not)."""
        name = self.query_one("#form-name", Input).value.strip()
        exercise_id = self.editing.id if self.editing else unique_id(name, self.taken_ids)
        doc: dict[str, Any] = {
            "id": exercise_id,
            "name": name,
            "short_name": self.query_one("#form-short-name", Input).value.strip(),
            "level": self.query_one("#form-level", Select).value,
            "kind": self.query_one("#form-kind", Select).value,
            "sides": self.query_one("#form-sides", Select).value,
            "position": self.query_one("#form-position", Input).value.strip(),
            "steps": _lines(self.query_one("#form-steps", TextArea).text),
            "tempo_s": _number(self.query_one("#form-tempo", Input).value),
            "benefits": _lines(self.query_one("#form-benefits", TextArea).text),
            "cautions": _lines(self.query_one("#form-cautions", TextArea).text),
            # Notes have no field on the form; editing keeps whatever the exercise had.
            "dose_note": self.initial.dose_note,
            "level_note": self.initial.level_note,
        }
        figure = self._figure_document()
        if figure is not None:
            doc["figure"] = figure
        for which in ("start", "target"):
            doc[which] = {
                field: _number(self.query_one(f"#form-{which}-{field}", Input).value)
                for field, _label in _DOSE_FIELDS
            }
        return doc

    def _chosen_pose(self, widget_id: str, saved: Pose | None) -> Pose | None:
        key = self.query_one(widget_id, Select).value
        if key == _SAVED_POSE:
            return saved
        return BASE_POSES[str(key)][1] if key in BASE_POSES else None

    def _figure_document(self) -> dict[str, Any] | None:
        """The chosen poses as a routines.json figure; None when no start pose is chosen."""
        saved = self.initial.figure
        start = self._chosen_pose("#form-figure-start", saved.start if saved else None)
        if start is None:
            return None
        end = self._chosen_pose("#form-figure-end", saved.end if saved else None) or start
        return {"start": pose_to_doc(start), "end": pose_to_doc(end)}

    def action_save(self) -> None:
        """Validate the form; close with the exercise, or show what is wrong and stay open."""
        try:
            exercise = parse_exercise(self.document(), source="form", custom=True)
        except CatalogueError as problem:
            self._show_problem(problem)
            return
        self.dismiss(exercise)

    def _show_problem(self, problem: CatalogueError) -> None:
        # Name the field by its label on the form, not by its key in the file, and put the
        # cursor there so the user can fix it straight away.
        label, widget_id = _FIELD_LABELS.get(problem.field or "", ("", ""))
        message = f"{label}: {problem.problem}" if label else problem.problem
        error = self.query_one("#form-error", Static)
        error.update(Content(message))
        error.display = True
        if widget_id:
            self.query_one(f"#{widget_id}").focus()

    def action_cancel(self) -> None:
        """Close without saving anything."""
        self.dismiss(None)

    @on(Button.Pressed, "#form-save")
    def save_pressed(self, event: Button.Pressed) -> None:
        """The Save button."""
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def cancel_pressed(self, event: Button.Pressed) -> None:
        """The Cancel button."""
        event.stop()
        self.action_cancel()
