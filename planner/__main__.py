"""``python -m planner`` runs the same command as ``planner``."""

from __future__ import annotations

from planner.cli import main

raise SystemExit(main())
