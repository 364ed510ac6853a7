"""Issue 13: control and format characters: refused coming in, blanked going out.

routines.json, the custom-exercise form and the data file refuse escape sequences,
bidi overrides and invisible names (one rule, ``text_rules``). Behind that, the display
guard: even text that got past the rules is shown with its control characters as
``?``, on every screen, in every notification and in every export format.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from planner.domain import catalogue as catalogue_module
from planner.domain.advice import Advice, Priority
from planner.domain.catalogue import CatalogueError, load_catalogue, parse_catalogue, parse_exercise
from planner.domain.export import ExportWindow, render_ics, render_markdown, render_text
from planner.domain.models import Dose, Exercise, Kind, Settings, Sides
from planner.domain.text_rules import terminal_safe
from planner.storage import Store, codec
from planner.tui.app import PlannerApp
from planner.tui.screens.catalogue import CatalogueScreen
from planner.tui.screens.history import HistoryScreen
from planner.tui.screens.session import SessionScreen
from tests.conftest import FakeClock
from tests.reliability.support import toasts
from tests.reliability.test_markup_in_user_text import screen_text
from tests.unit.storage.samples import session_log

TODAY = date(2026, 11, 25)
ROUTINES = Path(__file__).resolve().parents[2] / "routines.json"
ESC = "\x1b]2;pwned\x07\x1b[31m"
HOSTILE = f"Wall{ESC}sit\u202e"
FORBIDDEN = ("\x1b", "\x07", "\u202e")


def routines_with_name(name: str) -> bytes:
    doc: dict[str, Any] = json.loads(ROUTINES.read_text())
    doc["exercises"][0]["name"] = name
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    "name",
    ["\u202eWall sit", "\u200b\u200b", "Wall\x1b[31m sit", "a\u2066b", "\ufeffname", "\u3164"],
    ids=["rtl_override", "two_zero_width_spaces", "escape", "bidi_isolate", "bom", "blank_letter"],
)
def test_routines_json_refuses_format_and_control_characters_in_a_name(name: str) -> None:
    with pytest.raises(CatalogueError, match='field "name"') as refused:
        parse_catalogue(routines_with_name(name), source="routines.json")
    assert all(char not in str(refused.value) for char in (*FORBIDDEN, "\u200b"))


def test_the_custom_form_refuses_a_name_the_catalogue_would() -> None:
    document = {
        "id": "my-one",
        "name": "\u200b\u200b",
        "level": 1,
        "kind": "hold",
        "sides": "none",
        "position": "Lying down",
        "steps": ["Hold"],
        "start": {"hold_s": 5, "reps": 1, "sets": 1, "rest_s": 0},
        "target": {"hold_s": 10, "reps": 1, "sets": 1, "rest_s": 0},
    }
    with pytest.raises(CatalogueError, match='"name": must be a single line of printable'):
        parse_exercise(document, source="form", custom=True)
    with pytest.raises(CatalogueError, match='"name": must not be empty'):
        parse_exercise(document | {"name": "\u3164 \u3164"}, source="form", custom=True)
    with pytest.raises(CatalogueError, match="single line of printable text"):
        parse_exercise(document | {"steps": ["one\x1b[2Jtwo"]}, source="form", custom=True)


def hostile_exercise() -> Exercise:
    return Exercise(
        id="custom-wall-sit",
        name=HOSTILE,
        level=1,
        kind=Kind.HOLD,
        sides=Sides.NONE,
        position=f"Back {ESC} to a wall",
        steps=(f"Slide{ESC}", f"Hold\u202e{ESC}"),
        start=Dose(hold_s=10, reps=2),
        target=Dose(hold_s=30, reps=3),
        benefits=(f"thighs{ESC}",),
        cautions=(f"knees{ESC}",),
        dose_note=f"note{ESC}",
        custom=True,
    )


@pytest.fixture
def past_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch the text rule off where records are read, as a bug there would."""
    monkeypatch.setattr(codec, "line_problem", lambda *args, **kwargs: None)
    monkeypatch.setattr(catalogue_module, "line_problem", lambda *args, **kwargs: None)


def assert_clean(text: str, where: str) -> None:
    for char in FORBIDDEN:
        assert char not in text, f"{char!r} reached {where}"


@pytest.mark.usefixtures("past_the_rules")
async def test_escape_sequences_past_the_rules_never_reach_any_screen(
    fake_clock: FakeClock,
) -> None:
    store = Store.in_memory()
    store.save_settings(Settings(welcomed=True, bell=False, countdown_beeps=False))
    exercise = hostile_exercise()
    store.save_custom_exercise(exercise)
    store.add_item(TODAY, exercise.id, exercise.start)
    store.log_session(session_log(TODAY, note=f"felt {ESC} fine"))
    store.set_plan_advice([Advice(Priority.NOTE, f"Advice {ESC}", "note")])
    catalogue = load_catalogue().with_custom(store.custom_exercises())
    assert store.custom_exercises()[0].name == HOSTILE  # the rules really were bypassed
    app = PlannerApp(store, catalogue, fake_clock.as_clock(), notice=f"Kept {ESC} aside")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert_clean(screen_text(app), "the calendar")
        assert_clean("\n".join(toasts(app)), "a notification")
        assert "Wall" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)
        await pilot.press("end")
        await pilot.pause()
        assert "Slide" in screen_text(app)
        assert_clean(screen_text(app), "the catalogue")
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "felt" in screen_text(app)
        assert_clean(screen_text(app), "the history")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        for _ in range(3):  # the pain-before question, if asked, then the session itself
            if isinstance(app.screen, SessionScreen):
                break
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert_clean(screen_text(app), "the session")
        assert "Wall" in screen_text(app)


def test_every_export_format_blanks_control_characters(past_the_rules: None) -> None:
    exercise = hostile_exercise()
    catalogue = load_catalogue().with_custom([exercise])
    store = Store.in_memory()
    store.add_item(TODAY, exercise.id, exercise.start)
    window = ExportWindow(
        start=date(2026, 11, 23),
        weeks=1,
        items=tuple(store.items_between(date(2026, 11, 23), date(2026, 11, 29))),
        rest_days=frozenset(),
        advice=(Advice(Priority.NOTE, f"Advice {ESC}", "note"),),
        profile=None,
    )
    for name, text in (
        ("text", render_text(window, catalogue)),
        ("markdown", render_markdown(window, catalogue, "")),
        ("ics", render_ics(window, catalogue).decode()),
    ):
        assert "Wall" in text, name
        assert_clean(text, f"the {name} export")


def test_terminal_safe_keeps_ordinary_text_and_newlines() -> None:
    assert terminal_safe("Pelvic tilt · 2×10\nhold 5 s") == "Pelvic tilt · 2×10\nhold 5 s"
    assert terminal_safe("a\x1b[31mb\u202ec\tz") == "a?[31mb?c?z"
