"""Reading the command palette the way a user reads it."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.command import CommandList
from textual.pilot import Pilot


def palette_lines(app: App[Any]) -> list[str]:
    """Each option of the open palette as the user reads it: name and help together."""
    command_list = app.screen.query_one(CommandList)
    return [
        str(command_list.get_option_at_index(i).prompt) for i in range(command_list.option_count)
    ]


async def open_palette(pilot: Pilot[Any], search: str = "") -> list[str]:
    """Open the command palette, type ``search`` if any, and return what it lists."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    if search:
        await pilot.press(*search)
        await pilot.pause(0.3)  # the palette searches in a worker
    await pilot.pause()
    return palette_lines(pilot.app)
