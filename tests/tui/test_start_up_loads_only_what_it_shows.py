"""The first frame loads only what it shows: the rest waits until it is used.

Start-up is measured against a bare Textual app (benchmarks/startup.py), and on
Python 3.11 every dataclass a module defines costs about 0.3 ms to build. These
modules are not needed to show the calendar, so they must not be loaded by then.
Run in a fresh interpreter: this test process has imported everything already.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

LOADED_LATER = (
    "filelock",  # the lock is one fcntl.flock (storage/lock.py)
    "secrets",
    "hashlib",
    "planner.domain.history",  # the history screen's tallies and statistics
    "planner.planbook.undo_steps",  # the first edit's undo step
    "planner.domain.feedback",  # the week's feedback rules, applied after the first frame
    "planner.tui.screens.history",
    "planner.tui.screens.session",
    "icalendar",
)

FIRST_FRAME = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path

    from planner.domain.catalogue import load_catalogue
    from planner.domain.models import Settings
    from planner.storage import open_store
    from planner.tui.app import PlannerApp
    from tests.conftest import FakeClock

    seen = []
    ready = PlannerApp.on_ready

    def noted(self):
        seen.extend(name for name in sys.argv[2:] if name in sys.modules)
        ready(self)

    PlannerApp.on_ready = noted

    async def main():
        store = open_store(Path(sys.argv[1]))
        store.save_settings(Settings(welcomed=True))
        today = FakeClock().now().date()
        for exercise in load_catalogue().builtin()[:3]:
            store.add_item(today, exercise.id, exercise.start)
        app = PlannerApp(store, load_catalogue(), FakeClock().as_clock())
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            print("calendar shown:", type(app.screen).__name__, len(store.items_on(today)))
        store.close()

    asyncio.run(main())
    print("loaded by the first frame:", sorted(seen))
    """
)


def test_the_first_frame_loads_none_of_the_modules_used_later(tmp_path: Path) -> None:
    root = Path(__file__).parents[2]
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(tmp_path / "planner.json"), *LOADED_LATER],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "calendar shown: CalendarScreen 3",
        "loaded by the first frame: []",
    ]
