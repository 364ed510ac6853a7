"""A ten-minute session, looked at irregularly, ends every phase exactly on its deadline."""

from __future__ import annotations

import bisect
import random
from itertools import accumulate

import pytest

from planner.domain.models import Dose
from planner.domain.phases import build_phases, estimate_seconds
from planner.domain.session import SessionEngine
from tests.conftest import FakeClock
from tests.unit.session.seven import SEATED_HAMSTRING, SEVEN

TEN_MINUTES = [(e, e.start) for e in SEVEN] + [
    (SEATED_HAMSTRING, Dose(hold_s=31, reps=5, rest_s=0))
]


def test_phases_end_on_their_deadlines_however_late_the_looks(fake_clock: FakeClock) -> None:
    """Random gaps between looks (with 3 s stalls) never move a phase boundary by a hair."""
    assert estimate_seconds(TEN_MINUTES) == 600
    phases = build_phases(TEN_MINUTES)
    engine = SessionEngine(phases, fake_clock.monotonic)
    t0 = fake_clock.monotonic()
    engine.start()
    ends = [t0 + s for s in accumulate(p.duration_s for p in phases)]
    rng = random.Random(5)
    looks = 0
    while not engine.state().finished:
        fake_clock.advance(3.0 if rng.random() < 0.02 else rng.uniform(0.01, 0.3))
        engine.tick()
        looks += 1
        now = fake_clock.monotonic()
        if now < ends[-1]:
            # The running phase is the one whose planned end is the first still ahead.
            expected = bisect.bisect_right(ends, now)
            state = engine.state()
            assert state.index == expected
            assert engine.deadline == pytest.approx(ends[expected], abs=1e-9)
            assert state.remaining_s == pytest.approx(ends[expected] - now, abs=1e-9)
    assert looks > 2000
    assert engine.finished_at == pytest.approx(t0 + 600, abs=1e-9)
