"""Where the data file lives when the user names none, and the files kept beside it."""

from __future__ import annotations

from pathlib import Path

from planner.storage.folders import ensure_private_folder


def default_database_path() -> Path:
    """``planner.json`` in the platform's user data folder (``~/.local/share/planner`` on Linux).

    The folder is created owner-only when missing (platformdirs' own
    ``ensure_exists`` would make it readable by everyone).
    """
    # platformdirs costs ~35 ms to import; only this path needs it.
    from platformdirs import user_data_path

    folder = user_data_path("planner", ensure_exists=False)
    ensure_private_folder(folder)
    return folder / "planner.json"


def companion_path(path: Path, tag: str) -> Path:
    """A file beside the data file ``path`` named for ``tag``: ``planner.TAG.json``."""
    stem, suffix = (path.stem, path.suffix) if path.suffix else (path.name, "")
    return path.with_name(f"{stem}.{tag}{suffix}")
