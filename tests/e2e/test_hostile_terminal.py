"""Issue 13 in a real terminal (tmux): escape sequences in every text field of a data file.

The data file carries OSC 2 (set the window title) and SGR (colours) sequences in every
name, step, note, reason and piece of advice, and its own name holds one too. The app
must refuse the file, say so, and get through every screen with the pane's title as
it was and the sequences shown blanked rather than acted on.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.e2e.test_tmux import PLANNER, Terminal
from tests.reliability.hostile_data import make_valid_files, read_tables, text_paths

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TITLE = "hostile-test-title"
OSC_TITLE = "\x1b]2;pwned\x07"
SEQUENCES = f"{OSC_TITLE}\x1b[31mred\x1b[0m"


def hostile_files(folder: Path, name: str) -> tuple[Path, bytes]:
    """A data file named ``name`` whose every text field carries SEQUENCES, with its archive."""
    made = folder / "made.json"
    valid = make_valid_files(made)
    tables = read_tables(valid.hot)
    paths = text_paths(tables)
    assert len(paths) > 10
    for path in paths:
        target: Any = tables
        for key in path[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        last = path[-1]
        if isinstance(target, list):
            target[int(last)] = f"{target[int(last)]}{SEQUENCES}"
        else:
            target[last] = f"{target[last]}{SEQUENCES}"
    db = folder / name
    spoiled = orjson.dumps(tables)
    db.write_bytes(spoiled)
    # The archive's names start with the data file's; the hot file names their generation.
    for name, data in ((valid.archive_name, valid.archive), (valid.logs_name, valid.logs)):
        (folder / name.replace("made", db.stem, 1)).write_bytes(data)
        (folder / name).unlink()
    made.unlink()
    return db, spoiled


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[tuple[Terminal, Path, bytes]]:
    db, spoiled = hostile_files(tmp_path, f"plan{OSC_TITLE}.json")
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        # Given through the environment, so the escape in its name reaches the app as is.
        "PLANNER_DB": str(db),
    }
    term = Terminal(f"planner-hostile-{uuid.uuid4().hex[:8]}", env)
    term.tmux("new-session", "-d", "-s", "main", "-x", "100", "-y", "32", f"sleep 0.5; {PLANNER}")
    term.tmux("select-pane", "-t", "main", "-T", TITLE)
    try:
        yield term, db, spoiled
    finally:
        subprocess.run(
            ["tmux", "-L", term.socket, "kill-server"], capture_output=True, check=False, env=env
        )


def pane_title(term: Terminal) -> str:
    return term.tmux("display", "-p", "-t", "main", "#{pane_title}").strip()


def check_screen(term: Terminal, where: str) -> str:
    text = term.screen()
    assert pane_title(term) == TITLE, f"the title changed on {where}"
    assert "\x1b" not in text and "\x07" not in text, where
    return text


def test_escape_sequences_in_every_text_field_never_reach_the_terminal(
    hostile: tuple[Terminal, Path, bytes],
) -> None:
    term, db, spoiled = hostile
    term.wait_text("could not be read")
    text = check_screen(term, "the first frame")
    # The notice names the file; its escape shows as "?", never acted on.
    assert "?]2;pwned?" in text.replace("\n", "")
    kept = [p for p in db.parent.iterdir() if p.name.startswith(f"{db.name}.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == spoiled
    term.wait_text("Welcome to Back Planner")
    term.send("Escape")
    term.wait_for(lambda screen: "Welcome to Back Planner" not in screen, "the calendar")
    check_screen(term, "the calendar")
    for key, needle, where in (
        ("l", "Catalogue", "the catalogue"),
        ("h", "History", "the history"),
        ("question_mark", "Help", "the help"),
    ):
        term.send(key if key != "question_mark" else "?")
        term.wait_text(needle)
        check_screen(term, where)
    term.send("Escape")
    term.send("c")
    term.wait_text("Week ")
    check_screen(term, "the calendar again")
    term.send("q")
    term.wait_for(lambda screen: "Back Planner" not in screen, "the app to quit")
    assert pane_title(term) == TITLE


def test_a_non_utf8_terminal_shows_ascii_stand_ins_not_escaped_code_points(
    tmp_path: Path,
) -> None:
    db = tmp_path / "planner.json"
    make_valid_files(db)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "ascii",
    }
    term = Terminal(f"planner-ascii-{uuid.uuid4().hex[:8]}", env)
    term.tmux("new-session", "-d", "-s", "main", "-x", "100", "-y", "32", f"{PLANNER} --db {db}")
    try:
        text = term.wait_text("Week 2026-W")
        for key, needle in (("h", "History"), ("l", "Catalogue"), ("c", "Week ")):
            term.send(key)
            text = term.wait_text(needle)
            assert "\\x" not in text and "\\u" not in text, text
            assert text.isascii(), text
        assert " . " in text  # the calendar's "·" separators, as stand-ins
    finally:
        subprocess.run(
            ["tmux", "-L", term.socket, "kill-server"], capture_output=True, check=False, env=env
        )
