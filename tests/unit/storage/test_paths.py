"""The default data file location, and the folders made for it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from planner.storage.folders import ensure_private_folder
from planner.storage.paths import default_database_path


def test_the_default_file_is_in_the_user_data_folder_made_private(
    _hide_real_user_data: Path,
) -> None:
    path = default_database_path()
    assert path == _hide_real_user_data / ".local" / "share" / "planner" / "planner.json"
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not path.exists()


def test_only_folders_we_create_are_made_private(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    ensure_private_folder(shared / "a" / "b")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE((shared / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((shared / "a" / "b").stat().st_mode) == 0o700
