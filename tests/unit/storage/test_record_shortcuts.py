"""The shortcuts that make reading many records cheap decide exactly as the full rules do.

Reading a year of plan items checks every field of every record; three shortcuts keep
that fast: printable ASCII text is judged at once, and a dose or a day already read is
found by its numbers or its text. None may let through what the full rules refuse.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.models import Dose
from planner.domain.text_rules import has_refused_characters, has_visible_characters, line_problem
from planner.storage.codec import RecordError, day_from_doc, dose_from_doc


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
