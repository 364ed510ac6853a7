"""The shortcuts that make reading many records cheap decide exactly as the full rules do.

Reading a year of plan items checks every field of every record; shortcuts keep that
fast: printable ASCII text is judged at once, a dose or a day already read is found by
its numbers or its text, a plan item of the common kind is read in one pass, and the
days of a year's records are checked against the days already read. None may let
through what the full rules refuse, or refuse with another message.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.models import Dose
from planner.domain.text_rules import has_refused_characters, has_visible_characters, line_problem
from planner.storage.codec import (
    RecordError,
    checked_item_from_doc,
    dated_between,
    day_from_doc,
    dose_from_doc,
    item_from_doc,
)


def full_rule(value: str, max_len: int, required: bool) -> str | None:
    """The text rule spelled out character by character, with no shortcut."""
    text = value.strip()
    if len(text) > max_len:
        return "too long"
    if has_refused_characters(value):
        return "refused"
    if required and not has_visible_characters(text):
        return "empty"
    return None


def verdict(problem: str | None) -> str | None:
    if problem is None:
        return None
    if problem.startswith("must be at most"):
        return "too long"
    return "empty" if problem == "must not be empty" else "refused"


@given(
    value=st.one_of(st.text(), st.text(st.characters(max_codepoint=127))),
    max_len=st.integers(0, 12),
    required=st.booleans(),
)
def test_text_is_judged_as_the_full_rule_judges_it(
    value: str, max_len: int, required: bool
) -> None:
    assert verdict(line_problem(value, max_len, required=required)) == full_rule(
        value, max_len, required
    )


@pytest.mark.parametrize(
    "text", ["", " ", "  \x7f", "a\tb", "a\nb", "\x1b[31m", "ok", " ok ", "\u200b", "caf\u00e9"]
)
def test_edge_texts_match_the_full_rule(text: str) -> None:
    for required in (True, False):
        assert verdict(line_problem(text, 10, required=required)) == full_rule(text, 10, required)


GOOD = {"hold_s": 0, "reps": 1, "sets": 1, "rest_s": 0}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reps", True),
        ("reps", 1.0),
        ("sets", "1"),
        ("reps", -1),
        ("hold_s", 10**12),
        ("sets", None),
    ],
)
def test_a_dose_already_read_does_not_let_a_look_alike_through(field: str, value: Any) -> None:
    assert dose_from_doc(dict(GOOD)) == Dose(hold_s=0, reps=1, sets=1, rest_s=0)
    with pytest.raises(RecordError, match=field):
        dose_from_doc(GOOD | {field: value})


def test_a_missing_number_is_refused_after_the_same_dose_was_read() -> None:
    dose_from_doc(dict(GOOD))
    with pytest.raises(RecordError, match="missing field 'rest_s'"):
        dose_from_doc({"hold_s": 0, "reps": 1, "sets": 1})


def test_the_same_numbers_read_twice_give_equal_doses() -> None:
    first = dose_from_doc({"hold_s": 5, "reps": 10, "sets": 2, "rest_s": 30})
    again = dose_from_doc({"rest_s": 30, "sets": 2, "reps": 10, "hold_s": 5})
    assert first == again == Dose(hold_s=5, reps=10, sets=2, rest_s=30)


@pytest.mark.parametrize(
    "text", ["2026-11-30", "2026-02-29", "9999-12-31", "2026-1-30", "30/11/2026"]
)
def test_a_day_is_judged_the_same_the_first_time_and_after(text: str) -> None:
    outcomes: list[date | str] = []
    for _ in range(2):
        try:
            outcomes.append(day_from_doc({"day": text}))
        except RecordError as error:
            outcomes.append(str(error))
    assert outcomes[0] == outcomes[1]
    if text == "2026-11-30":
        assert outcomes[0] == date(2026, 11, 30)
    else:
        assert isinstance(outcomes[0], str)  # refused, both times


GOOD_ITEM: dict[str, Any] = {
    "id": "item-1",
    "day": "2026-11-30",
    "exercise_id": "bird-dog",
    "dose": dict(GOOD),
    "position": 0,
    "held_reason": "",
    "unheld_dose": None,
    "left_out": False,
}
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 10**5),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.sampled_from(["", " ", "  x ", "a\tb", "\u200b", "2026-11-30", "2026-02-30", "x" * 70]),
    st.sampled_from([dict(GOOD), GOOD | {"reps": True}, GOOD | {"sets": 1.0}, {}, [1]]),
)


def read_item(read: Any, doc: dict[str, Any]) -> object:
    try:
        return read(doc)
    except RecordError as error:
        return str(error)


@given(
    changes=st.dictionaries(st.sampled_from([*GOOD_ITEM, "extra"]), ODD_VALUES, max_size=3),
    missing=st.sets(st.sampled_from(list(GOOD_ITEM)), max_size=2),
)
def test_a_plan_item_is_read_as_the_full_rules_read_it(
    changes: dict[str, Any], missing: set[str]
) -> None:
    doc = {key: value for key, value in (GOOD_ITEM | changes).items() if key not in missing}
    # The full reading first, so the days and doses it accepts are known to the shortcut.
    full = read_item(checked_item_from_doc, doc)
    assert read_item(item_from_doc, doc) == full


@given(st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=12)), max_size=4))
def test_the_first_record_without_a_usable_day_is_found_as_day_from_doc_finds_it(
    days: list[Any],
) -> None:
    day_from_doc({"day": "2026-11-30"})  # one day known to the shortcut
    docs = {str(n): {"day": day} for n, day in enumerate([*days, "2026-11-30"], 1)}
    expected = None
    for key, doc in docs.items():
        try:
            day_from_doc(doc)
        except RecordError as error:
            expected = (key, str(error))
            break
    _, found = dated_between(docs, "", "")  # an empty window: only the days are checked
    assert (None if found is None else (found[0], str(found[1]))) == expected


@given(st.lists(st.dates(date(2025, 12, 1), date(2026, 1, 31)), max_size=30))
def test_the_records_of_a_window_are_those_whose_day_falls_in_it(days: list[date]) -> None:
    docs = {str(n): {"day": day.isoformat()} for n, day in enumerate(days, 1)}
    wanted, undated = dated_between(docs, "2025-12-24", "2026-01-06")
    assert undated is None
    assert wanted == {
        key: doc for key, doc in docs.items() if "2025-12-24" <= doc["day"] <= "2026-01-06"
    }
