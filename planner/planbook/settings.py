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


def mark_welcomed(store: Store, *, red_flags: tuple[str, ...] | None = None) -> None:
    """Remember that the first-launch welcome was seen, with its red-flag answers, in one
    change (nothing to do when read-only)."""
    if store.read_only:
        return
    settings = store.settings()
    if settings.welcomed and red_flags is None:
        return
    settings = replace(settings, welcomed=True)
    if red_flags is not None:
        settings = replace(settings, red_flags=red_flags)
    save_settings(store, settings)


def remember_theme(store: Store, theme: str) -> None:
    """Keep the theme the user chose for the next start (nothing to do when read-only
    or when it is the one saved already)."""
    if store.read_only:
        return
    settings = store.settings()
    if settings.theme != theme:
        save_settings(store, replace(settings, theme=theme))
