"""The exercise catalogue: load and check routines.json, and hold the exercises the app plans.

One validator, ``parse_exercise``, judges every exercise wherever it comes from:
the packaged routines.json, a file given with ``--routines``, the custom-exercise
form and the database. Every problem becomes a ``CatalogueError`` whose one-line
message names the file, the exercise and the field, so a bad file is refused
with a sentence the user can act on instead of a traceback.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn, TypeVar

from planner.domain.errors import UserFacingError
from planner.domain.figure import Figure, PoseError, parse_figure
from planner.domain.models import SHORT_NAME_MAX, Dose, Exercise, Kind, Sides
from planner.domain.text_rules import line_problem, terminal_safe

SCHEMA_VERSION = 1
"""The only routines.json layout this version of the app reads."""

GUIDANCE_KEYS = (
    "why_it_helps",
    "prevalence",
    "common_causes",
    "progress_gradually",
    "see_a_doctor",
    "lying_sequence",
)
"""The advice lists every catalogue file carries, so screens can rely on each one being there."""

MAX_FILE_BYTES = 1_000_000
"""The built-in file is about 15 kB; anything near a megabyte is not a catalogue."""

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MAX_ID = 40
_MAX_NAME = 60
_MAX_LINE = 300
_MAX_NOTE = 400
_MAX_STEPS = 10
_MAX_LIST = 10
_MAX_EXERCISES = 200
_MAX_TEMPO_S = 30

# (field, lowest, highest, unit): seconds are named so the message says what the number means.
_DOSE_LIMITS = (
    ("hold_s", 0, 600, "seconds"),
    ("reps", 1, 100, ""),
    ("sets", 1, 10, ""),
    ("rest_s", 0, 600, "seconds"),
)
DOSE_LIMITS = _DOSE_LIMITS
"""(field, lowest, highest, unit) of each dose number; the data file's doses obey the same."""
_REQUIRED_FIELDS = ("id", "name", "level", "kind", "sides", "position", "steps", "start", "target")
_OPTIONAL_FIELDS = (
    "tempo_s",
    "benefits",
    "cautions",
    "dose_note",
    "level_note",
    "flows_into",
    "figure",
    "bends_forward",
    "short_name",
)
_TOP_LEVEL_FIELDS = ("schema_version", "guidance", "exercises")

_Choice = TypeVar("_Choice", bound=StrEnum)


def _printable(text: str) -> str:
    return terminal_safe(text).replace("\n", "?")


class CatalogueError(UserFacingError):
    """A catalogue or an exercise that cannot be used, with where the problem is.

    ``exercise`` is the exercise's id when it has a usable one, else its 1-based
    position in the file (an int), else None for problems with the whole file.
    ``field`` is a dotted path such as ``target.hold_s``, or None.
    """

    def __init__(
        self, source: str, exercise: str | int | None, field: str | None, problem: str
    ) -> None:
        self.source = source
        self.exercise = exercise
        self.field = field
        self.problem = problem
        parts = [source]
        if isinstance(exercise, int):
            parts.append(f"exercise #{exercise}")
        elif exercise:
            parts.append(f'exercise "{exercise}"')
        if field:
            parts.append(f'field "{field}"')
        parts.append(problem)
        super().__init__(_printable(": ".join(parts)))


def _shown(value: object) -> str:
    """A short rendering of a bad value for a message: ``"ten"``, ``12.5``, ``a list``."""
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**15:
        # Python refuses to print integers of thousands of digits; the size is the point anyway.
        return "a very large number"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = type(value).__name__
    return text if len(text) <= 40 else text[:39] + "…"


def _is_whole(value: object) -> bool:
    # bool is an int in Python but `true` is not a number of seconds.
    return isinstance(value, int) and not isinstance(value, bool)


class _Fields:
    """Reads the fields of one JSON object, raising a CatalogueError that says where."""

    def __init__(self, source: str, exercise: str | int | None, doc: Mapping[str, Any]) -> None:
        self.source = source
        self.exercise = exercise
        self.doc = doc

    def fail(self, field: str | None, problem: str) -> NoReturn:
        raise CatalogueError(self.source, self.exercise, field, problem)

    def only(self, known: Iterable[str], prefix: str = "") -> None:
        allowed = set(known)
        for key in self.doc:
            if key not in allowed:
                listed = ", ".join(sorted(allowed))
                self.fail(f"{prefix}{key}", f"is not a field this app knows (known: {listed})")

    def value(self, field: str, path: str) -> Any:
        if field not in self.doc:
            self.fail(path, "is missing")
        return self.doc[field]

    def whole(self, field: str, low: int, high: int, path: str, unit: str = "") -> int:
        value = self.value(field, path)
        if not _is_whole(value) or not low <= value <= high:
            of_unit = f" of {unit}" if unit else ""
            self.fail(
                path, f"must be a whole number{of_unit} from {low} to {high}, got {_shown(value)}"
            )
        return int(value)

    def number(self, field: str, low: float, high: float, path: str) -> float:
        value = self.value(field, path)
        if (
            not isinstance(value, int | float)
            or isinstance(value, bool)
            or not math.isfinite(value)
            or not low <= value <= high
        ):
            self.fail(
                path, f"must be a number of seconds from {low} to {high}, got {_shown(value)}"
            )
        return float(value)

    def text(self, field: str, max_len: int, path: str, *, required: bool = True) -> str:
        return _check_text(self, self.value(field, path), max_len, path, required=required)

    def texts(self, field: str, low: int, high: int, path: str) -> tuple[str, ...]:
        value = self.value(field, path)
        if not isinstance(value, list):
            self.fail(path, f"must be a list of text, got {_shown(value)}")
        if not low <= len(value) <= high:
            self.fail(path, f"must hold from {low} to {high} items, got {len(value)}")
        return tuple(
            _check_text(self, item, _MAX_LINE, path, item=n) for n, item in enumerate(value, 1)
        )

    def choice(self, field: str, enum: type[_Choice], path: str) -> _Choice:
        value = self.value(field, path)
        options = [member.value for member in enum]
        if value not in options:
            listed = ", ".join(f'"{option}"' for option in options)
            self.fail(path, f"must be one of {listed}, got {_shown(value)}")
        return enum(value)


def _check_text(
    fields: _Fields,
    value: object,
    max_len: int,
    path: str,
    *,
    required: bool = True,
    item: int | None = None,
) -> str:
    where = f"item {item} " if item is not None else ""
    if not isinstance(value, str):
        fields.fail(path, f"{where}must be text, got {_shown(value)}")
    # The one text rule (text_rules.py), shared with the data file and the custom form.
    problem = line_problem(value, max_len, required=required)
    if problem is not None:
        fields.fail(path, f"{where}{problem}")
    return value.strip()


def _parse_dose(fields: _Fields, which: str) -> Dose:
    value = fields.value(which, which)
    if not isinstance(value, Mapping):
        fields.fail(
            which, f"must be an object with hold_s, reps, sets and rest_s, got {_shown(value)}"
        )
    dose_fields = _Fields(fields.source, fields.exercise, value)
    dose_fields.only((name for name, *_ in _DOSE_LIMITS), prefix=f"{which}.")
    numbers = {
        name: dose_fields.whole(name, low, high, f"{which}.{name}", unit)
        for name, low, high, unit in _DOSE_LIMITS
    }
    return Dose(**numbers)


def _check_doses(fields: _Fields, kind: Kind, start: Dose, target: Dose, tempo_s: float) -> None:
    # Rest is left out on purpose: a gentler start may rest longer than the target does.
    for name in ("hold_s", "reps", "sets"):
        if getattr(start, name) > getattr(target, name):
            fields.fail(
                f"start.{name}",
                f"must not be more than target.{name} ({getattr(target, name)}), "
                f"got {getattr(start, name)}",
            )
    if kind is Kind.REPS:
        for which, dose in (("start", start), ("target", target)):
            if dose.hold_s:
                fields.fail(
                    f"{which}.hold_s",
                    f'must be 0 for kind "reps" (use "hold_reps" for reps with a hold), '
                    f"got {dose.hold_s}",
                )
    else:
        for which, dose in (("start", start), ("target", target)):
            if not dose.hold_s:
                fields.fail(f"{which}.hold_s", f'must be more than 0 for kind "{kind.value}"')
    if kind is not Kind.HOLD and not tempo_s:
        fields.fail("tempo_s", f'must be more than 0 for kind "{kind.value}"')


def parse_exercise(
    doc: Mapping[str, Any], *, source: str, custom: bool = False, index: int | None = None
) -> Exercise:
    """Check one exercise document (a routines.json entry) and build the Exercise.

    ``source`` names where the document came from in error messages; ``index`` is
    its 1-based position in a file, used to point at it when its id is unusable.
    Custom exercises may not name an exercise they flow into, since the ones they
    could name may change or be deleted.
    """
    if not isinstance(doc, Mapping):
        raise CatalogueError(source, index, None, f"must be an object, got {_shown(doc)}")
    raw_id = doc.get("id")
    usable_id = isinstance(raw_id, str) and len(raw_id) <= _MAX_ID and _SLUG.fullmatch(raw_id)
    fields = _Fields(source, raw_id if usable_id else index, doc)
    fields.only((*_REQUIRED_FIELDS, *_OPTIONAL_FIELDS))

    exercise_id = fields.value("id", "id")
    if not usable_id:
        fields.fail(
            "id",
            f"must be 1 to {_MAX_ID} lower-case letters, digits and single hyphens "
            f'(like "pelvic-tilt"), got {_shown(exercise_id)}',
        )
    name = fields.text("name", _MAX_NAME, "name")
    short_name = (
        fields.text("short_name", SHORT_NAME_MAX, "short_name", required=False)
        if "short_name" in doc
        else ""
    )
    level = fields.whole("level", 1, 3, "level")
    kind = fields.choice("kind", Kind, "kind")
    sides = fields.choice("sides", Sides, "sides")
    position = fields.text("position", _MAX_LINE, "position")
    steps = fields.texts("steps", 1, _MAX_STEPS, "steps")
    start = _parse_dose(fields, "start")
    target = _parse_dose(fields, "target")
    tempo_s = fields.number("tempo_s", 0, _MAX_TEMPO_S, "tempo_s") if "tempo_s" in doc else 3.0
    _check_doses(fields, kind, start, target, tempo_s)
    optional_lists = {
        field: fields.texts(field, 0, _MAX_LIST, field) if field in doc else ()
        for field in ("benefits", "cautions")
    }
    notes = {
        field: fields.text(field, _MAX_NOTE, field, required=False) if field in doc else ""
        for field in ("dose_note", "level_note")
    }
    flows_into = (
        fields.text("flows_into", _MAX_ID, "flows_into", required=False)
        if ("flows_into" in doc)
        else ""
    )
    if flows_into:
        if custom:
            fields.fail("flows_into", "is only for built-in exercises")
        if not _SLUG.fullmatch(flows_into) or flows_into == exercise_id:
            fields.fail(
                "flows_into", f"must be the id of another exercise, got {_shown(flows_into)}"
            )
    bends_forward = doc.get("bends_forward", False)
    if not isinstance(bends_forward, bool):
        fields.fail("bends_forward", f"must be true or false, got {_shown(bends_forward)}")
    return Exercise(
        id=exercise_id,
        name=name,
        level=level,
        kind=kind,
        sides=sides,
        position=position,
        steps=steps,
        start=start,
        target=target,
        tempo_s=tempo_s,
        benefits=optional_lists["benefits"],
        cautions=optional_lists["cautions"],
        dose_note=notes["dose_note"],
        level_note=notes["level_note"],
        flows_into=flows_into,
        custom=custom,
        figure=_parse_figure(fields) if "figure" in doc else None,
        short_name=short_name,
        bends_forward=bends_forward,
    )


def _parse_figure(fields: _Fields) -> Figure:
    try:
        return parse_figure(fields.doc["figure"])
    except PoseError as problem:
        fields.fail(problem.field, problem.problem)


class Catalogue:
    """The exercises the user can plan: the built-in ones and their own.

    The TUI shares one Catalogue between its screens, so custom exercises are
    added and removed in place with ``put_custom`` and ``remove_custom``.
    Iteration gives built-in exercises in file order, then custom ones.
    """

    def __init__(
        self,
        exercises: Iterable[Exercise],
        guidance: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self._by_id: dict[str, Exercise] = {}
        for exercise in exercises:
            if exercise.id in self._by_id:
                raise CatalogueError("catalogue", exercise.id, "id", "is used by two exercises")
            self._by_id[exercise.id] = exercise
        self.guidance: Mapping[str, tuple[str, ...]] = MappingProxyType(
            {key: tuple(lines) for key, lines in (guidance or {}).items()}
        )
        """Advice lists by topic (see GUIDANCE_KEYS): why exercise helps, when to see a doctor..."""

    def __iter__(self) -> Iterator[Exercise]:
        # A copy, so a screen that edits the catalogue while walking it does not break the walk.
        return iter(list(self._by_id.values()))

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id; KeyError when there is none."""
        return self._by_id[exercise_id]

    @property
    def ids(self) -> tuple[str, ...]:
        """Every exercise id, built-in and custom, in catalogue order."""
        return tuple(self._by_id)

    def builtin(self) -> list[Exercise]:
        """The exercises that came from the catalogue file, in file order."""
        return [exercise for exercise in self._by_id.values() if not exercise.custom]

    def with_custom(self, exercises: Iterable[Exercise]) -> Catalogue:
        """A new catalogue: this one's built-in exercises plus ``exercises`` as the custom ones.

        Custom exercises this catalogue already held are not carried over.
        Raises CatalogueError when a custom id is also a built-in one.
        """
        combined = Catalogue(self.builtin(), self.guidance)
        for exercise in exercises:
            combined.put_custom(exercise)
        return combined

    def put_custom(self, exercise: Exercise) -> None:
        """Add a custom exercise, or replace the custom one with the same id."""
        current = self._by_id.get(exercise.id)
        if current is not None and not current.custom:
            raise CatalogueError(
                "custom exercise",
                exercise.id,
                "id",
                f"is taken by the built-in exercise {current.name!r}; choose another",
            )
        self._by_id[exercise.id] = exercise if exercise.custom else replace(exercise, custom=True)

    def remove_custom(self, exercise_id: str) -> None:
        """Remove a custom exercise; KeyError when there is none, CatalogueError for a built-in."""
        current = self._by_id[exercise_id]
        if not current.custom:
            raise CatalogueError(
                "custom exercise", exercise_id, None, "is built in and cannot be removed"
            )
        del self._by_id[exercise_id]


class _InvalidJsonError(ValueError):
    """JSON that json.loads would accept but a catalogue must not hold."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    # json.loads would silently keep the last of two equal keys, hiding a typo.
    for key, value in pairs:
        if key in doc:
            raise _InvalidJsonError(f'is not valid: the key "{key}" appears twice in one object')
        doc[key] = value
    return doc


def _reject_constant(name: str) -> NoReturn:
    raise _InvalidJsonError(f"is not valid JSON: {name} is not a number JSON allows")


def _decode(data: bytes, source: str) -> object:
    try:
        # utf-8-sig: some editors put a byte-order mark at the start of UTF-8 files.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CatalogueError(
            source, None, None, f"is not UTF-8 text (bad byte at offset {error.start})"
        ) from None
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_reject_constant)
    except _InvalidJsonError as error:
        raise CatalogueError(source, None, None, str(error)) from None
    except json.JSONDecodeError as error:
        raise CatalogueError(
            source,
            None,
            None,
            f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})",
        ) from None
    except ValueError:
        # Python refuses integer literals of thousands of digits.
        raise CatalogueError(
            source, None, None, "is not valid JSON: a number is too long"
        ) from None
    except RecursionError:
        raise CatalogueError(source, None, None, "is nested too deeply to be a catalogue") from None


def _parse_guidance(fields: _Fields) -> dict[str, tuple[str, ...]]:
    value = fields.value("guidance", "guidance")
    if not isinstance(value, Mapping):
        fields.fail("guidance", f"must be an object of advice lists, got {_shown(value)}")
    guidance_fields = _Fields(fields.source, None, value)
    guidance_fields.only(GUIDANCE_KEYS, prefix="guidance.")
    return {
        key: guidance_fields.texts(key, 1, _MAX_LIST, f"guidance.{key}") for key in GUIDANCE_KEYS
    }


def parse_catalogue(data: bytes, *, source: str) -> Catalogue:
    """Check the bytes of a catalogue file and build the Catalogue; CatalogueError if unusable."""
    if len(data) > MAX_FILE_BYTES:
        raise CatalogueError(source, None, None, f"is larger than {MAX_FILE_BYTES} bytes")
    doc = _decode(data, source)
    if not isinstance(doc, dict):
        raise CatalogueError(
            source, None, None, f"must hold a JSON object at the top, got {_shown(doc)}"
        )
    fields = _Fields(source, None, doc)
    fields.only(_TOP_LEVEL_FIELDS)
    version = fields.value("schema_version", "schema_version")
    if not _is_whole(version) or version != SCHEMA_VERSION:
        fields.fail(
            "schema_version",
            f"must be {SCHEMA_VERSION} (the only layout this version of planner reads), "
            f"got {_shown(version)}",
        )
    guidance = _parse_guidance(fields)
    entries = fields.value("exercises", "exercises")
    if not isinstance(entries, list):
        fields.fail("exercises", f"must be a list of exercises, got {_shown(entries)}")
    if not 1 <= len(entries) <= _MAX_EXERCISES:
        fields.fail(
            "exercises", f"must hold from 1 to {_MAX_EXERCISES} exercises, got {len(entries)}"
        )

    exercises: dict[str, Exercise] = {}
    for index, entry in enumerate(entries, 1):
        exercise = parse_exercise(entry, source=source, index=index)
        if exercise.id in exercises:
            raise CatalogueError(
                source, index, "id", f'"{exercise.id}" is used by an earlier exercise'
            )
        exercises[exercise.id] = exercise
    for exercise in exercises.values():
        if exercise.flows_into and exercise.flows_into not in exercises:
            raise CatalogueError(
                source,
                exercise.id,
                "flows_into",
                f'names "{exercise.flows_into}", which is not an exercise in this file',
            )
    return Catalogue(exercises.values(), guidance)


# planner/domain/catalogue.py -> planner/, where the wheel puts routines.json. (A path
# beside the package rather than importlib.resources: the package is always installed
# as files, and the resources machinery cost a few ms of every start-up.)
_PACKAGED = Path(__file__).resolve().parents[1] / "routines.json"
# ... -> the repository root, where routines.json lives unpackaged.
_SOURCE_TREE = _PACKAGED.parents[1] / "routines.json"


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load a catalogue file; ``None`` loads the built-in one.

    The built-in one is ``planner/routines.json`` inside an installed wheel, else
    the repository root's routines.json (source tree or editable install).
    Raises CatalogueError, naming the file, for anything that stops it loading.
    """
    if path is None:
        builtin = _PACKAGED if _PACKAGED.is_file() else _SOURCE_TREE
        return parse_catalogue(_read(builtin, "routines.json"), source="routines.json")
    return parse_catalogue(_read(path, str(path)), source=str(path))


def _read(path: Path, source: str) -> bytes:
    """The file's bytes, up to one past the size limit (so parse_catalogue can refuse it)."""
    try:
        # O_NONBLOCK and a look at what was opened: a FIFO or a device is refused, not waited on.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError
            if not stat.S_ISREG(mode):
                raise CatalogueError(source, None, None, "is a device, FIFO or socket, not a file")
            data: bytes = handle.read(MAX_FILE_BYTES + 1)
            return data
    except FileNotFoundError:
        problem = "does not exist"
    except IsADirectoryError:
        problem = "is a folder, not a file"
    except PermissionError:
        problem = "cannot be read: permission denied"
    except OSError as error:
        problem = f"cannot be read: {error.strerror or error}"
    raise CatalogueError(source, None, None, problem)
