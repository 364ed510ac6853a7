"""Create the folders the data file lives in, readable by their owner only."""

from __future__ import annotations

import os
from pathlib import Path


def ensure_private_folder(folder: Path) -> None:
    """Create ``folder`` and any missing parents with mode 0700.

    Folders that already exist keep their mode: they may be shared on purpose.
    The explicit ``chmod`` is there because ``mkdir``'s mode is cut by the umask.
    """
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made by someone else in between: leave its mode alone
        os.chmod(path, 0o700)
