"""Property tests: whatever a catalogue file holds, it loads or raises a CatalogueError.

Never another exception, and a refusal is always one printable line that starts with the file.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.catalogue import Catalogue, CatalogueError, parse_catalogue, parse_exercise

from .conftest import valid_document

SOURCE = "mine.json"

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)

# Realistic keys make the validator get past "unknown field" and into the deeper checks.
field_names = st.sampled_from(
    ["id", "name", "level", "kind", "sides", "position", "steps", "start", "target", "tempo_s",
     "benefits", "cautions", "dose_note", "level_note", "flows_into", "hold_s", "reps", "sets",
     "rest_s", "schema_version", "exercises", "guidance", "short_name"]
)  # fmt: skip


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document that a mutation can change."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths(child, (*prefix, index))
    return found


VALID_PATHS = paths(valid_document())


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    doc = valid_document()
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(VALID_PATHS))
        parent: Any = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()):
                del parent[path[-1]]
            else:
                parent[path[-1]] = draw(json_values | st.integers(-5, 700))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation already removed or replaced this place
    return doc


def assert_loads_or_refuses(data: bytes) -> None:
    try:
        catalogue = parse_catalogue(data, source=SOURCE)
    except CatalogueError as error:
        message = str(error)
        assert message.startswith(f"{SOURCE}: ")
        assert "\n" not in message and "\r" not in message
        message.encode("utf-8")  # printable to any UTF-8 terminal: no lone surrogates
        return
    assert isinstance(catalogue, Catalogue)
    for exercise in catalogue:
        assert 1 <= exercise.level <= 3
        assert exercise.start.hold_s <= exercise.target.hold_s
        assert exercise.start.reps <= exercise.target.reps
        assert exercise.start.sets <= exercise.target.sets
        assert exercise.name and exercise.steps
        assert not exercise.flows_into or exercise.flows_into in catalogue


@settings(max_examples=300, deadline=None)
@given(mutated_documents())
def test_a_mutated_catalogue_loads_or_is_refused(doc: dict[str, Any]) -> None:
    assert_loads_or_refuses(json.dumps(doc).encode())


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_any_json_value_loads_or_is_refused(value: Any) -> None:
    assert_loads_or_refuses(json.dumps(value).encode())


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_load_or_are_refused(data: bytes) -> None:
    assert_loads_or_refuses(data)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(field_names, json_values | st.integers(-5, 700), max_size=12))
def test_any_exercise_document_parses_or_is_refused(doc: dict[str, Any]) -> None:
    try:
        exercise = parse_exercise(doc, source="form", custom=True)
    except CatalogueError as error:
        assert str(error).startswith("form: ")
        assert "\n" not in str(error)
    else:
        assert exercise.custom and exercise.start.hold_s <= exercise.target.hold_s


@pytest.mark.parametrize(("field", "words"), [("name", "single line"), ("kind", 'got "?"')])
def test_a_lone_surrogate_is_refused_with_a_printable_message(field: str, words: str) -> None:
    doc = valid_document()
    doc["exercises"][0][field] = "\ud800"
    data = json.dumps(doc).encode()  # ensure_ascii writes it as the escape \ud800
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(data, source=SOURCE)
    assert f'field "{field}"' in str(caught.value) and words in str(caught.value)
    str(caught.value).encode("utf-8")
