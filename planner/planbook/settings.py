"""The user's settings, saved as one change."""

from __future__ import annotations

from dataclasses import replace

from planner.domain.models import Settings
from planner.planbook.change import change
from planner.storage.store import Store


def save_settings(store: Store, settings: Settings) -> None:
    """Save ``settings`` whole (never half: the old ones stay if the write fails)."""
    with change(store):
        store.save_settings(settings)


def mark_welcomed(store: Store) -> None:
    """Remember that the first-launch welcome was seen (nothing to do when read-only)."""
    if not store.read_only and not store.settings().welcomed:
        save_settings(store, replace(store.settings(), welcomed=True))
