"""`planner` refuses a bad --routines file with one line and exit status 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import valid_document

PLANNER = Path(sys.executable).parent / "planner"


def bad_field_document() -> str:
    doc = valid_document()
    doc["exercises"][3]["target"]["hold_s"] = "ten"
    return json.dumps(doc)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (bad_field_document(), 'exercise "pelvic-tilt": field "target.hold_s": must be a whole'),
        ('{"schema_version": 1,', "is not valid JSON"),
        (json.dumps({**valid_document(), "schema_version": 99}), 'field "schema_version"'),
    ],
    ids=["bad-field", "bad-json", "newer-schema"],
)
def test_a_bad_catalogue_stops_the_app_before_it_starts(
    tmp_path: Path, content: str, words: str
) -> None:
    routines = tmp_path / "bad.json"
    routines.write_text(content, encoding="utf-8")
    database = tmp_path / "data" / "planner.json"
    result = subprocess.run(
        [str(PLANNER), "--db", str(database), "--routines", str(routines)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"planner: {routines}: ")
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert not database.exists()


def test_a_missing_catalogue_file_is_named(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(PLANNER), "--db", str(tmp_path / "db.json"), "--routines", "no-such.json"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert (result.returncode, result.stderr) == (2, "planner: no-such.json: does not exist\n")
