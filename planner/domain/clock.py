"""The clock the app reads, passed in so tests can stand still or jump ahead.

``monotonic`` drives timers (it never goes backwards); ``now`` gives the wall-clock
date and time for the calendar and the session log.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Clock:
    """Where the app gets the time from."""

    monotonic: Callable[[], float] = time.monotonic
    now: Callable[[], datetime] = datetime.now

    def today(self) -> date:
        """Today's date by the wall clock."""
        return self.now().date()
