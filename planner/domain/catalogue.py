"""Placeholder: the catalogue loader lands with issue 2."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from planner.domain.models import Exercise


class Catalogue:
    """The exercises the user can plan: the built-in ones and their own."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self._by_id = {e.id: e for e in exercises}

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, exercise_id: str) -> Exercise:
        return self._by_id[exercise_id]
