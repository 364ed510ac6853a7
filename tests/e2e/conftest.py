"""Every end-to-end test drives a real terminal through tmux: without tmux they skip, saying why."""

from __future__ import annotations

import shutil

import pytest

TMUX_MISSING = (
    "tmux is not installed (apt-get install tmux): the end-to-end tests need a real terminal"
)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip before any fixture of the test starts a tmux server."""
    if shutil.which("tmux") is None:
        pytest.skip(TMUX_MISSING)
