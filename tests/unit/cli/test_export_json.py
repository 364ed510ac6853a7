"""`planner export --format json`: the versioned document, read as a script would."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.domain.catalogue import load_catalogue
from planner.domain.dose_words import dose_text
from planner.domain.models import Dose, ExerciseLog, SessionLog, Settings
from planner.domain.weeks import monday_of
from planner.storage import open_store

START_DAY = monday_of(date.today()) + timedelta(weeks=1)
START = START_DAY.isoformat()


def export_json(db: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    assert main(["--db", str(db), "export", "--format", "json", "--from", START, *extra]) == 0
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return document


def make_plan(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> None:
    assert main(["--db", str(db), "plan", *args, "--start", START]) == 0
    capsys.readouterr()


def test_the_json_export_has_days_items_and_advice_in_a_versioned_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "plan.json"
    days = "mon,tue,wed,thu,fri,sat,sun"
    make_plan(db, capsys, "--pain", "7", "--activity", "low", "--days", days, "--minutes", "5")
    document = export_json(db, capsys, "--weeks", "2")
    assert (document["schema"], document["version"]) == ("back-planner/plan", 1)
    assert len(document["days"]) == 14
    sunday = document["days"][6]
    assert sunday["rest"] is True and sunday["items"] == []
    item = document["days"][0]["items"][0]
    assert set(item) >= {"exercise_id", "name", "hold_s", "reps", "sets", "rest_s", "estimated_s"}
    assert item["estimated_s"] > 0
    exercise = load_catalogue().get(item["exercise_id"])
    dose = Dose(item["hold_s"], item["reps"], item["sets"], item["rest_s"])
    assert item["dose_text"] == dose_text(dose, exercise)
    priorities = [a["priority"] for a in document["advice"]]
    assert priorities[0] == "safety" and document["advice"][0]["text"].startswith("See a doctor")
    assert priorities == sorted(priorities, key=["safety", "paused", "note"].index)
    assert "sessions" not in document


def test_each_exercise_grows_gradually_seen_from_the_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "plan.json"
    make_plan(
        db, capsys, "--pain", "0", "--activity", "high", "--days", "mon,wed,fri",
        "--minutes", "45", "--weeks", "12",
    )  # fmt: skip
    document = export_json(db, capsys, "--weeks", "12")
    work: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for index, day in enumerate(document["days"]):
        for item in day["items"]:
            work[item["exercise_id"]][index // 7] += item["estimated_s"]
    assert len(work) == 7
    for weeks in work.values():
        ordered = [weeks[w] for w in sorted(weeks)]
        for before, after in zip(ordered, ordered[1:], strict=False):
            assert before <= after <= 1.25 * before + 0.5  # estimates are rounded to 0.1 s


def test_with_history_the_json_carries_the_session_logs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "plan.json"
    make_plan(db, capsys, "--pain", "2", "--activity", "low", "--days", "mon,thu", "--minutes", "9")
    with open_store(db) as store:
        store.log_session(
            SessionLog(
                id="s1",
                day=START_DAY,
                started_at=datetime.combine(START_DAY, datetime.min.time()),
                ended_at=datetime.combine(START_DAY, datetime.min.time()) + timedelta(minutes=9),
                exercises=(ExerciseLog("leg-lift", Dose(hold_s=15), completed=True),),
                pain_before=3,
                pain_after=2,
            )
        )
    document = export_json(db, capsys, "--with-history")
    (session,) = document["sessions"]
    assert (session["id"], session["pain_before"], session["pain_after"]) == ("s1", 3, 2)
    assert session["exercises"][0]["exercise_id"] == "leg-lift"


def test_a_plan_refused_at_pain_nine_pauses_the_plan_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "plan.json"
    make_plan(db, capsys, "--pain", "3", "--activity", "low", "--days", "mon,thu", "--minutes", "9")
    status = main(
        ["--db", str(db), "plan", "--pain", "9", "--activity", "low", "--days", "mon,thu"]
        + ["--minutes", "9", "--start", START]
    )
    assert status != 0
    assert "the current plan is paused" in capsys.readouterr().err
    with open_store(db) as store:
        advice = store.plan_advice()
        assert advice[0].text.startswith("See a doctor")
        assert advice[1].text.startswith("Progress is paused")
        assert store.profile() is not None and store.profile().pain == 3  # type: ignore[union-attr]


def test_a_yes_on_the_red_flag_checklist_refuses_a_plan_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "plan.json"
    with open_store(db) as store:
        store.save_settings(Settings(welcomed=True, red_flags=("bladder-bowel",)))
    status = main(
        ["--db", str(db), "plan", "--pain", "2", "--activity", "low", "--days", "mon,thu"]
        + ["--minutes", "9", "--start", START]
    )
    assert status != 0
    assert "emergency" in capsys.readouterr().err
    with open_store(db) as store:
        assert store.profile() is None


def test_bending_worse_leaves_out_the_forward_bends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "plan.json"
    days = ["--days", "mon,wed,fri", "--minutes", "15"]
    make_plan(db, capsys, "--pain", "2", "--activity", "high", *days)
    document = export_json(db, capsys, "--weeks", "4")
    assert "deep-squat" in {i["exercise_id"] for d in document["days"] for i in d["items"]}
    make_plan(db, capsys, "--pain", "2", "--activity", "high", *days, "--bending-worse")
    document = export_json(db, capsys, "--weeks", "4")
    planned = {i["exercise_id"] for d in document["days"] for i in d["items"]}
    assert planned and not planned & {
        "single-knee-to-chest",
        "double-knees-to-chest",
        "seated-hamstring-stretch",
        "deep-squat",
    }
    assert any(a["kind"] == "bend-forward" for a in document["advice"])
