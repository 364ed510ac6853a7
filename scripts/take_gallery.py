"""Save one SVG per built-in exercise in screenshots/gallery/: its start and end pose, as drawn.

Run: ``.venv/bin/python scripts/take_gallery.py``. Each picture is the catalogue's
own start → end widget with the exercise's name and steps beside it, in a small
app of the planner's widgets, so the gallery shows exactly what the app draws.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from planner.domain.catalogue import load_catalogue
from planner.domain.models import Exercise
from planner.tui.widgets.figure_pair import FigurePair, box_for

OUT = Path(__file__).resolve().parent.parent / "screenshots" / "gallery"
WIDTH = 64


class GalleryCard(App[None]):
    """One exercise: its name, its figure from start to end, and its steps."""

    CSS = """
    Screen { padding: 1 2; }
    #card-name { text-style: bold; color: $text-primary; }
    #card-figure { margin: 1 0; }
    #card-steps { color: $text-muted; }
    """

    def __init__(self, exercise: Exercise) -> None:
        super().__init__()
        self.exercise = exercise

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.exercise.name), id="card-name")
            yield FigurePair(id="card-figure")
            steps = "\n".join(f"{n}. {step}" for n, step in enumerate(self.exercise.steps, 1))
            yield Static(Content(steps), id="card-steps")

    def on_mount(self) -> None:
        self.query_one(FigurePair).show(self.exercise.figure)


def _height(exercise: Exercise) -> int:
    # Padding, name, figure with its caption and margins, then the steps as they wrap.
    lines = sum(len(step) // (WIDTH - 8) + 1 for step in exercise.steps)
    box = box_for(WIDTH - 4)
    assert box is not None, "the gallery card is too narrow for the figure"
    return 2 + 1 + box[1] + 1 + 2 + lines + 1


async def take() -> list[Path]:
    """Save one card per built-in exercise."""
    OUT.mkdir(parents=True, exist_ok=True)
    saved = []
    for exercise in load_catalogue():
        app = GalleryCard(exercise)
        async with app.run_test(size=(WIDTH, _height(exercise))) as pilot:
            await pilot.pause()
            app.title = exercise.name
            app.save_screenshot(f"{exercise.id}.svg", str(OUT))
        saved.append(OUT / f"{exercise.id}.svg")
    return saved


def main() -> None:
    for path in asyncio.run(take()):
        print(path)


if __name__ == "__main__":
    main()
