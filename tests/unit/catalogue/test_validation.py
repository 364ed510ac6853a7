"""Each check of the catalogue: a mutated copy of a valid document is refused, naming the field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.domain.catalogue import CatalogueError, load_catalogue, parse_catalogue, parse_exercise
from planner.domain.models import Kind

from .conftest import valid_document

DELETE = object()
"""Stands for 'remove this key' in a mutation."""

TILT = ("exercises", 3)
"""Where the pelvic tilt sits in the document."""
SQUAT = ("exercises", 6)


def mutate(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    doc = valid_document()
    parent: Any = doc
    for key in path[:-1]:
        parent = parent[key]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return doc


def refusal(doc: object) -> CatalogueError:
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(json.dumps(doc).encode(), source="routines.json")
    return caught.value


# (mutation path, new value, exercise named, field named, words in the message)
MUTATIONS = [
    ((*TILT, "name"), DELETE, "pelvic-tilt", "name", "is missing"),
    ((*TILT, "name"), "", "pelvic-tilt", "name", "must not be empty"),
    ((*TILT, "name"), "   ", "pelvic-tilt", "name", "must not be empty"),
    ((*TILT, "name"), "x" * 61, "pelvic-tilt", "name", "at most 60 characters"),
    ((*TILT, "name"), "two\nlines", "pelvic-tilt", "name", "single line"),
    ((*TILT, "name"), 7, "pelvic-tilt", "name", "must be text, got 7"),
    ((*TILT, "level"), 0, "pelvic-tilt", "level", "from 1 to 3, got 0"),
    ((*TILT, "level"), 4, "pelvic-tilt", "level", "from 1 to 3, got 4"),
    ((*TILT, "level"), "2", "pelvic-tilt", "level", 'got "2"'),
    ((*TILT, "level"), True, "pelvic-tilt", "level", "got true"),
    ((*TILT, "level"), 1.5, "pelvic-tilt", "level", "got 1.5"),
    ((*TILT, "kind"), "holds", "pelvic-tilt", "kind", '"hold", "reps", "hold_reps", got "holds"'),
    ((*TILT, "sides"), "left", "pelvic-tilt", "sides", 'got "left"'),
    ((*TILT, "sides"), None, "pelvic-tilt", "sides", "got null"),
    ((*TILT, "position"), DELETE, "pelvic-tilt", "position", "is missing"),
    ((*TILT, "steps"), [], "pelvic-tilt", "steps", "from 1 to 10 items, got 0"),
    ((*TILT, "steps"), "Lift.", "pelvic-tilt", "steps", "must be a list"),
    ((*TILT, "steps", 1), "", "pelvic-tilt", "steps", "item 2 must not be empty"),
    ((*TILT, "steps", 0), ["nested"], "pelvic-tilt", "steps", "item 1 must be text, got a list"),
    ((*TILT, "benefits"), ["fine", 3], "pelvic-tilt", "benefits", "item 2 must be text"),
    ((*TILT, "cautions"), {"a": "b"}, "pelvic-tilt", "cautions", "got an object"),
    ((*TILT, "dose_note"), 5, "pelvic-tilt", "dose_note", "must be text"),
    (
        (*TILT, "target", "hold_s"),
        "ten",
        "pelvic-tilt",
        "target.hold_s",
        'must be a whole number of seconds from 0 to 600, got "ten"',
    ),
    ((*TILT, "target", "hold_s"), 601, "pelvic-tilt", "target.hold_s", "got 601"),
    ((*TILT, "target", "hold_s"), 10.0, "pelvic-tilt", "target.hold_s", "got 10.0"),
    ((*TILT, "target", "hold_s"), 10**40, "pelvic-tilt", "target.hold_s", "a very large number"),
    ((*TILT, "target", "reps"), 0, "pelvic-tilt", "target.reps", "from 1 to 100, got 0"),
    ((*TILT, "target", "reps"), "x", "pelvic-tilt", "target.reps", "a whole number from 1 to 100"),
    ((*TILT, "level"), "x", "pelvic-tilt", "level", 'must be a whole number from 1 to 3, got "x"'),
    ((*TILT, "short_name"), "x" * 13, "pelvic-tilt", "short_name", "at most 12 characters"),
    ((*TILT, "short_name"), 5, "pelvic-tilt", "short_name", "must be text, got 5"),
    ((*TILT, "short_name"), "a\nb", "pelvic-tilt", "short_name", "single line"),
    ((*TILT, "target", "sets"), 11, "pelvic-tilt", "target.sets", "from 1 to 10, got 11"),
    ((*TILT, "target", "rest_s"), -1, "pelvic-tilt", "target.rest_s", "got -1"),
    ((*TILT, "start", "rest_s"), DELETE, "pelvic-tilt", "start.rest_s", "is missing"),
    ((*TILT, "start", "weight"), 2, "pelvic-tilt", "start.weight", "not a field"),
    ((*TILT, "start"), [5, 5, 1, 30], "pelvic-tilt", "start", "must be an object"),
    (
        (*TILT, "start", "hold_s"),
        15,
        "pelvic-tilt",
        "start.hold_s",
        "must not be more than target.hold_s (10), got 15",
    ),
    ((*TILT, "start", "reps"), 12, "pelvic-tilt", "start.reps", "more than target.reps (10)"),
    ((*TILT, "start", "sets"), 4, "pelvic-tilt", "start.sets", "more than target.sets (3)"),
    (
        (*TILT, "start", "hold_s"),
        0,
        "pelvic-tilt",
        "start.hold_s",
        'more than 0 for kind "hold_reps"',
    ),
    ((*TILT, "tempo_s"), 0, "pelvic-tilt", "tempo_s", 'more than 0 for kind "hold_reps"'),
    ((*TILT, "tempo_s"), 31, "pelvic-tilt", "tempo_s", "from 0 to 30, got 31"),
    ((*TILT, "tempo_s"), "3", "pelvic-tilt", "tempo_s", 'got "3"'),
    ((*TILT, "tempo"), 3, "pelvic-tilt", "tempo", "not a field"),
    ((*SQUAT, "target", "hold_s"), 5, "deep-squat", "target.hold_s", 'must be 0 for kind "reps"'),
    (
        ("exercises", 0, "start", "hold_s"),
        0,
        "leg-lift",
        "start.hold_s",
        'more than 0 for kind "hold"',
    ),
    ((*TILT, "flows_into"), "pelvic-tilt", "pelvic-tilt", "flows_into", "another exercise"),
    ((*TILT, "flows_into"), "cat-camel", "pelvic-tilt", "flows_into", '"cat-camel", which is not'),
    ((*TILT, "id"), "Pelvic Tilt", 4, "id", 'like "pelvic-tilt"), got "Pelvic Tilt"'),
    ((*TILT, "id"), "a--b", 4, "id", "single hyphens"),
    ((*TILT, "id"), "x" * 41, 4, "id", "1 to 40"),
    ((*TILT, "id"), DELETE, 4, "id", "is missing"),
    ((*TILT, "id"), "leg-lift", 4, "id", '"leg-lift" is used by an earlier exercise'),
    (TILT, "pelvic tilt", 4, None, 'must be an object, got "pelvic tilt"'),
    (("schema_version",), 2, None, "schema_version", "must be 1"),
    (("schema_version",), "1", None, "schema_version", 'got "1"'),
    (("schema_version",), DELETE, None, "schema_version", "is missing"),
    (("exercises",), [], None, "exercises", "from 1 to 200 exercises, got 0"),
    (("exercises",), {}, None, "exercises", "must be a list"),
    (("extra",), 1, None, "extra", "not a field"),
    (("guidance",), DELETE, None, "guidance", "is missing"),
    (("guidance", "see_a_doctor"), DELETE, None, "guidance.see_a_doctor", "is missing"),
    (("guidance", "see_a_doctor"), [], None, "guidance.see_a_doctor", "from 1 to 10 items"),
    (("guidance", "tips"), ["x"], None, "guidance.tips", "not a field"),
]


@pytest.mark.parametrize(("path", "value", "exercise", "field", "words"), MUTATIONS)
def test_a_bad_field_is_refused_by_name(
    path: tuple[Any, ...], value: Any, exercise: str | int | None, field: str | None, words: str
) -> None:
    error = refusal(mutate(path, value))
    assert (error.exercise, error.field) == (exercise, field)
    assert words in str(error)
    assert str(error).startswith("routines.json: ")
    assert "\n" not in str(error)


def test_the_message_reads_as_one_line_naming_file_exercise_and_field() -> None:
    error = refusal(mutate((*TILT, "target", "hold_s"), "ten"))
    assert str(error) == (
        'routines.json: exercise "pelvic-tilt": field "target.hold_s": '
        'must be a whole number of seconds from 0 to 600, got "ten"'
    )


def test_an_exercise_without_a_usable_id_is_named_by_its_position() -> None:
    error = refusal(mutate((*TILT, "id"), 12))
    assert str(error).startswith('routines.json: exercise #4: field "id": ')


def test_a_long_bad_value_is_shortened_in_the_message() -> None:
    error = refusal(mutate((*TILT, "kind"), "h" * 500))
    assert len(str(error)) < 200


def test_optional_fields_may_be_left_out() -> None:
    doc = valid_document()
    for field in ("tempo_s", "benefits", "cautions", "dose_note", "level_note"):
        del doc["exercises"][0][field]
    catalogue = parse_catalogue(json.dumps(doc).encode(), source="routines.json")
    leg_lift = catalogue.get("leg-lift")
    assert (leg_lift.tempo_s, leg_lift.benefits, leg_lift.dose_note) == (3.0, (), "")


def test_without_a_short_name_the_name_is_the_brief_one() -> None:
    doc = mutate((*TILT, "short_name"), DELETE)
    catalogue = parse_catalogue(json.dumps(doc).encode(), source="routines.json")
    tilt = catalogue.get("pelvic-tilt")
    assert (tilt.short_name, tilt.brief_name) == ("", "Pelvic tilt (pelvic lift)")


def test_text_is_trimmed() -> None:
    doc = mutate((*TILT, "name"), "  Pelvic tilt  ")
    catalogue = parse_catalogue(json.dumps(doc).encode(), source="routines.json")
    assert catalogue.get("pelvic-tilt").name == "Pelvic tilt"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"schema_version": 1,', "is not valid JSON (line 1, column 22"),
        (b"", "is not valid JSON (line 1, column 1"),
        (b"\xff\xfe{}", "is not UTF-8 text"),
        (b"[1, 2]", "must hold a JSON object at the top, got a list"),
        (b'"text"', 'got "text"'),
        (b'{"schema_version": 1, "schema_version": 1}', 'the key "schema_version" appears twice'),
        (b'{"schema_version": NaN}', "NaN is not a number JSON allows"),
        (b'{"schema_version": ' + b"9" * 5000 + b"}", "a number is too long"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b" " * 1_000_001, "larger than"),
    ],
    ids=[
        "truncated",
        "empty",
        "not-utf8",
        "list",
        "string",
        "duplicate-key",
        "nan",
        "huge-number",
        "deep",
        "too-large",
    ],
)
def test_a_file_that_is_not_a_catalogue_is_refused(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert words in str(caught.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"nowhere\.json: does not exist$"):
        load_catalogue(tmp_path / "nowhere.json")


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="is a folder, not a file"):
        load_catalogue(tmp_path)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(valid_document()).encode())
    assert len(load_catalogue(path)) == 7


def test_another_catalogue_file_can_be_loaded(tmp_path: Path) -> None:
    doc = valid_document()
    doc["exercises"] = doc["exercises"][3:4]
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert load_catalogue(path).ids == ("pelvic-tilt",)


def test_parse_exercise_checks_a_custom_form_document() -> None:
    entry = valid_document()["exercises"][5]
    assert "flows_into" not in entry
    exercise = parse_exercise(entry, source="form", custom=True)
    assert exercise.custom and exercise.kind is Kind.REPS


def test_parse_exercise_names_the_form_as_source_when_the_id_is_missing() -> None:
    entry = valid_document()["exercises"][3]
    del entry["id"]
    with pytest.raises(CatalogueError) as caught:
        parse_exercise(entry, source="form", custom=True)
    assert str(caught.value) == 'form: field "id": is missing'


def test_a_custom_exercise_may_not_flow_into_another() -> None:
    entry = valid_document()["exercises"][0]
    with pytest.raises(CatalogueError, match='field "flows_into": is only for built-in'):
        parse_exercise(entry, source="custom exercise", custom=True)
