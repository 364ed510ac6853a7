"""The live-session state machine: walks a day's phases against a clock it is given.

Time left is never counted down tick by tick. The engine keeps one monotonic
deadline for the running phase and derives everything else from it, so a late
or missed repaint costs nothing and a pause of any length shifts the remaining
phases as a block. When a phase's deadline passes, the next phase starts *at
that deadline*, not at the moment the engine happened to notice, so a session
of any length ends exactly when its phases add up to.

A suspended laptop is the one case where the clock is not to be trusted: the
monotonic clock may jump by minutes while nobody exercised. If two looks at the
clock while running are more than ``SUSPEND_GAP_S`` apart, the engine does not
fast-forward through the phases it missed; it pauses where it was last seen,
with the time that was left then, and reports ``suspended`` so the screen can
say why. (The screen looks at least once a second while a session runs, so five
seconds without a look means the process was not running.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from planner.domain.errors import UserFacingError
from planner.domain.models import Dose, Effort, Exercise, ExerciseLog
from planner.domain.phases import Phase, PhaseKind

SUSPEND_GAP_S = 5.0
"""A gap between two looks at the clock longer than this is treated as a suspend."""

BACK_RESTART_S = 2.0
"""Back restarts the current phase after this many seconds in it, else goes to the previous one."""

WORK_KINDS = frozenset({PhaseKind.HOLD, PhaseKind.REP})
"""Phases that count as exercise done (the others are get-ready, switch and rest)."""


@dataclass(frozen=True, slots=True)
class SessionState:
    """A snapshot of the session at one moment, everything derived from the clock."""

    phase: Phase | None
    """The current phase (None only for a session with no phases)."""
    index: int
    remaining_s: float
    """Seconds left in the current phase (never negative)."""
    next_phase: Phase | None
    session_left_s: float
    """Seconds left in the whole session, at the planned pace."""
    progress: float
    """Share of the session's planned time behind the user, 0 to 1."""
    started: bool
    paused: bool
    suspended: bool
    """Paused because the clock jumped (the computer slept), not by the user."""
    finished: bool
    ended_early: bool


@dataclass(frozen=True, slots=True)
class TickResult:
    """What changed since the previous tick, so the screen knows when to ring the bell."""

    phase_changed: bool = False
    beep: int | None = None
    """3, 2 or 1 when a hold has just reached that many seconds left."""
    finished: bool = False
    suspended: bool = False


@dataclass(frozen=True, slots=True)
class SessionRating:
    """How the session felt, as the user rates it at the end (every part optional)."""

    pain_after: int | None = None
    effort: Effort | None = None
    note: str = ""


class SessionEngine:
    """Run ``phases`` in order against ``clock`` (monotonic seconds).

    Call :meth:`start` once, then :meth:`tick` as often as convenient (it only
    moves the session forward when deadlines have passed) and :meth:`state` to
    read the derived snapshot. Pause, resume, skip, back, done and end change
    the position; none of them needs a tick to take effect.
    """

    def __init__(self, phases: Sequence[Phase], clock: Callable[[], float]) -> None:
        self._phases = tuple(phases)
        self._clock = clock
        self._index = 0
        self._deadline = 0.0
        self._left = self._phases[0].duration_s if self._phases else 0.0
        self._started = False
        self._paused = False
        self._suspended = False
        self._finished = not self._phases
        self._ended_early = False
        self._last_seen = 0.0
        self._beeped: set[int] = set()
        self._done: set[int] = set()
        self._active = [0.0] * len(self._phases)
        self.started_at: float | None = None
        """Monotonic time the first phase began."""
        self.finished_at: float | None = None
        """Monotonic time the session ended: the last deadline, or the moment it was ended."""

    @property
    def phases(self) -> tuple[Phase, ...]:
        """Every phase of the session, in order."""
        return self._phases

    def _remaining(self, now: float) -> float:
        if self._finished:
            return 0.0
        if self._paused or not self._started:
            return self._left
        return max(0.0, self._deadline - now)

    def state(self) -> SessionState:
        """The session as it stands now (reads the clock, changes nothing)."""
        now = self._clock()
        remaining = self._remaining(now)
        phase = self._phases[self._index] if self._phases else None
        after = sum(p.duration_s for p in self._phases[self._index + 1 :])
        total = sum(p.duration_s for p in self._phases)
        left = 0.0 if self._finished else remaining + after
        nxt = self._index + 1
        return SessionState(
            phase=phase,
            index=self._index,
            remaining_s=remaining,
            next_phase=self._phases[nxt] if nxt < len(self._phases) else None,
            session_left_s=left,
            progress=1.0 if total <= 0 else min(1.0, max(0.0, (total - left) / total)),
            started=self._started,
            paused=self._paused,
            suspended=self._suspended,
            finished=self._finished,
            ended_early=self._ended_early,
        )

    @property
    def deadline(self) -> float | None:
        """The monotonic deadline of the running phase (None when paused or not running)."""
        if self._started and not self._paused and not self._finished:
            return self._deadline
        return None

    @property
    def anything_done(self) -> bool:
        """True once at least one hold or rep has been completed."""
        return bool(self._done)

    def start(self) -> None:
        """Begin the first phase now. Starting twice changes nothing."""
        if self._started or self._finished:
            return
        now = self._clock()
        self._started = True
        self.started_at = now
        self._last_seen = now
        self._deadline = now + self._phases[0].duration_s

    def tick(self) -> TickResult:
        """Move past every phase whose deadline has passed; report what changed."""
        if not self._started or self._paused or self._finished:
            return TickResult()
        now = self._clock()
        if now - self._last_seen > SUSPEND_GAP_S:
            # Freeze the session where it was last seen running; the gap never happened.
            self._left = max(0.0, self._deadline - self._last_seen)
            self._paused = True
            self._suspended = True
            return TickResult(suspended=True)
        self._last_seen = now
        changed = False
        while self._deadline <= now:
            self._active[self._index] += self._phases[self._index].duration_s
            if self._phases[self._index].kind in WORK_KINDS:
                self._done.add(self._index)
            changed = True
            if self._index + 1 >= len(self._phases):
                self._finish(self._deadline)
                return TickResult(phase_changed=True, finished=True)
            self._enter(self._index + 1, self._deadline)
        return TickResult(phase_changed=changed, beep=self._due_beep(now))

    def _due_beep(self, now: float) -> int | None:
        """The 3-2-1 count due now in a hold, given once per second per phase."""
        phase = self._phases[self._index]
        if phase.kind is not PhaseKind.HOLD:
            return None
        remaining = self._deadline - now
        for count in (1, 2, 3):
            # A count as long as the hold itself would land on the phase-change bell.
            if count < phase.duration_s and remaining <= count and count not in self._beeped:
                # Mark the bigger counts too, so a late look gives one beep, not a burst.
                self._beeped.update(range(count, 4))
                return count
        return None

    def _enter(self, index: int, at: float) -> None:
        """Make phase ``index`` current, starting at monotonic time ``at``."""
        self._index = index
        self._beeped = set()
        duration = self._phases[index].duration_s
        self._deadline = at + duration
        self._left = duration

    def _finish(self, at: float) -> None:
        self._finished = True
        self._paused = False
        self.finished_at = at

    def _leave_current(self, now: float) -> None:
        """Credit the time spent in the current phase before moving off it early."""
        spent = self._phases[self._index].duration_s - self._remaining(now)
        self._active[self._index] += max(0.0, spent)

    def _move_to(self, index: int) -> None:
        """Jump to phase ``index`` now; a paused session stays paused, with all of it left."""
        now = self._clock()
        self._leave_current(now)
        if index >= len(self._phases):
            self._finish(now)
            return
        self._enter(index, now)
        self._last_seen = now

    def pause(self) -> None:
        """Stop the clock for this session; what was left is kept."""
        if not self._started or self._paused or self._finished:
            return
        caught_up = self.tick()
        if caught_up.finished or caught_up.suspended:
            return
        self._left = max(0.0, self._deadline - self._clock())
        self._paused = True

    def resume(self) -> None:
        """Carry on from where the session was paused, with the same time left."""
        if not self._paused or self._finished:
            return
        now = self._clock()
        self._paused = False
        self._suspended = False
        self._deadline = now + self._left
        self._last_seen = now

    def toggle_pause(self) -> None:
        """Pause a running session, resume a paused one."""
        if self._paused:
            self.resume()
        else:
            self.pause()

    def _step(self, target: Callable[[], int]) -> None:
        """Move to the phase ``target`` picks, after catching up with the clock."""
        if not self._started or self._finished:
            return
        if self.tick().finished:
            return
        self._move_to(target())

    def skip(self) -> None:
        """Leave the current phase unfinished and start the next one."""
        self._step(lambda: self._index + 1)

    def skip_exercise(self) -> None:
        """Leave the current exercise and start the next one's get-ready."""

        def next_exercise() -> int:
            current = self._phases[self._index].exercise_index
            for i in range(self._index + 1, len(self._phases)):
                if self._phases[i].exercise_index != current:
                    return i
            return len(self._phases)

        self._step(next_exercise)

    def back(self) -> None:
        """Restart the current phase, or go to the previous one if it has only just begun."""

        def previous() -> int:
            spent = self._phases[self._index].duration_s - self._remaining(self._clock())
            return self._index if spent > BACK_RESTART_S else max(0, self._index - 1)

        self._step(previous)

    def done(self) -> bool:
        """Finish a paced rep, rest, switch or get-ready early; holds must be held or skipped.

        Returns False (and changes nothing) during a hold.
        """
        if not self._started or self._finished:
            return False
        if self.tick().finished or self._phases[self._index].kind is PhaseKind.HOLD:
            return False
        if self._phases[self._index].kind is PhaseKind.REP:
            self._done.add(self._index)
        self.skip()
        return True

    def end(self) -> None:
        """Stop the session now; what was done so far is kept."""
        if self._finished:
            return
        if self._started:
            if self.tick().finished:
                return
            now = self._clock()
            self._leave_current(now)
        else:
            now = self._clock()
        self._ended_early = True
        self._finish(now)

    def exercise_logs(self, pairs: Sequence[tuple[Exercise, Dose]]) -> tuple[ExerciseLog, ...]:
        """What was done of each (exercise, planned dose), in session order."""
        logs = []
        for index, (exercise, dose) in enumerate(pairs):
            mine = [i for i, p in enumerate(self._phases) if p.exercise_index == index]
            work = [i for i in mine if self._phases[i].kind in WORK_KINDS]
            done = [i for i in work if i in self._done]
            sets = {self._phases[i].set for i in work}
            sets_done = sum(
                1 for s in sets if all(i in self._done for i in work if self._phases[i].set == s)
            )
            logs.append(
                ExerciseLog(
                    exercise_id=exercise.id,
                    planned=dose,
                    sets_done=sets_done,
                    reps_done=len(done),
                    holds_done=sum(1 for i in done if self._phases[i].kind is PhaseKind.HOLD),
                    seconds=round(sum(self._active[i] for i in mine), 3),
                    completed=bool(work) and len(done) == len(work),
                    skipped=not done,
                    name=exercise.name,
                )
            )
        return tuple(logs)


def parse_pain(text: str) -> int | None:
    """A pain score typed by the user: None when left empty, else a whole number 0 to 10.

    Raises :class:`PainScoreError` with a message for the user otherwise.
    """
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 0 <= int(text) <= 10:
        raise PainScoreError("Pain is a whole number from 0 (none) to 10 (the worst), or empty.")
    return int(text)


class PainScoreError(UserFacingError):
    """A pain score that is not a whole number from 0 to 10."""
