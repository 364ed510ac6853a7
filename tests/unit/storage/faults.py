"""Disk trouble the storage tests cause on purpose."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest


def read_only_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make creating files in ``folder`` fail as on a read-only mount (which stops root too)."""
    real_open = os.open

    def guarded_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and Path(path).parent == folder:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
