"""Back Planner: plan back-care exercises gradually across the week and run them in a terminal."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("back-planner")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
