"""Where the session's figure is in its movement, phase by phase."""

from __future__ import annotations

import pytest

from planner.domain.catalogue import load_catalogue
from planner.domain.figure_motion import (
    BEAT_S,
    MOVE_IN_S,
    STEPS,
    FigureMoment,
    figure_moment,
    next_change_in,
)
from planner.domain.phases import Phase, PhaseKind, Side
from tests.unit.session.seven import LEG_LIFT

HOLD = Phase(PhaseKind.HOLD, 20.0, 0, LEG_LIFT, Side.LEFT, rep=1, reps=2, set=1, sets=1)
REP = Phase(PhaseKind.REP, 4.0, 0, LEG_LIFT, None, rep=1, reps=5, set=1, sets=1)


class TestFigureMoment:
    """Start pose, end pose, or on the way, and which way round."""

    def test_a_hold_moves_in_then_stays_at_the_end_pose(self) -> None:
        """At the hold's start the figure is at the start; after the move-in it holds the end."""
        assert figure_moment(HOLD, 0.0).fraction == 0.0
        middle = figure_moment(HOLD, MOVE_IN_S / 2).fraction
        assert 0.0 < middle < 1.0
        for elapsed in (MOVE_IN_S, 5.0, 19.9):
            assert figure_moment(HOLD, elapsed).fraction == 1.0

    @pytest.mark.parametrize(
        ("elapsed", "fraction"), [(0.0, 0.0), (1.0, 0.5), (2.0, 1.0), (3.0, 0.5), (4.0, 0.0)]
    )
    def test_a_paced_rep_goes_out_and_back_in_one_tempo(
        self, elapsed: float, fraction: float
    ) -> None:
        """Start to end in the first half of the 4 s tempo, back to the start in the second."""
        assert figure_moment(REP, elapsed).fraction == pytest.approx(fraction)

    @pytest.mark.parametrize("kind", [PhaseKind.GET_READY, PhaseKind.REST, PhaseKind.SWITCH])
    def test_pauses_show_the_start_pose(self, kind: PhaseKind) -> None:
        """Getting ready, resting and switching sides all show where the exercise begins."""
        phase = Phase(kind, 5.0, 0, LEG_LIFT, Side.RIGHT)
        assert figure_moment(phase, 2.5) == FigureMoment(0.0, mirror=True)

    def test_the_right_side_is_mirrored(self) -> None:
        """Left side as drawn, right side mirrored, no side as drawn."""
        right = Phase(PhaseKind.HOLD, 20.0, 0, LEG_LIFT, Side.RIGHT, rep=1, reps=2)
        assert figure_moment(right, 3.0).mirror
        assert not figure_moment(HOLD, 3.0).mirror
        assert not figure_moment(REP, 3.0).mirror

    def test_motion_off_shows_the_end_pose_still(self) -> None:
        """With the setting off every phase shows the end pose, still mirrored for the right."""
        switch = Phase(PhaseKind.SWITCH, 5.0, 0, LEG_LIFT, Side.RIGHT)
        for phase, elapsed in ((HOLD, 0.0), (REP, 1.0), (REP, 3.5), (switch, 1.0)):
            moment = figure_moment(phase, elapsed, motion=False)
            assert moment.fraction == 1.0
        assert figure_moment(switch, 1.0, motion=False).mirror

    def test_few_distinct_frames_a_rep(self) -> None:
        """Looked at ten times a second, a 4 s rep moves through five positions, evenly."""
        fractions = sorted({figure_moment(REP, tick / 10).fraction for tick in range(41)})
        assert 5 <= len(fractions) <= STEPS + 1
        steps = {round(b - a, 9) for a, b in zip(fractions, fractions[1:], strict=False)}
        assert len(steps) == 1

    def test_positions_change_only_on_the_beat(self) -> None:
        """Between two beats the figure stays put, so it never needs a repaint of its own
        between the countdown's seconds and its beat."""
        for beat in range(8):
            start = beat * BEAT_S
            inside = {figure_moment(REP, start + offset).fraction for offset in (0, 0.1, 0.3, 0.49)}
            assert len(inside) == 1


class TestNextChange:
    """When the session's one timer for the figure should fire: at its next position."""

    LIFT = load_catalogue().get("leg-lift")
    HOLD = Phase(PhaseKind.HOLD, 20.0, 0, LIFT, Side.LEFT, rep=1, reps=2, set=1, sets=1)
    REP = Phase(PhaseKind.REP, 4.0, 0, LIFT, None, rep=1, reps=5, set=1, sets=1)

    @pytest.mark.parametrize("elapsed", [0.0, 0.3, 1.1, 2.0, 3.2])
    def test_a_paced_rep_changes_exactly_when_the_delay_says(self, elapsed: float) -> None:
        delay = next_change_in(self.REP, elapsed)
        assert delay is not None and delay > 0
        now = figure_moment(self.REP, elapsed)
        assert figure_moment(self.REP, elapsed + delay - 0.021) == now
        assert figure_moment(self.REP, elapsed + delay) != now

    def test_the_last_step_of_a_rep_waits_for_the_phase_to_end(self) -> None:
        """After the last beat of a rep the next position is the next rep's start: the
        phase's own deadline repaints it, so no figure timer is set."""
        assert next_change_in(self.REP, 3.6) is None

    def test_a_held_pose_needs_no_timer(self) -> None:
        assert next_change_in(self.HOLD, 0.2) is not None  # still moving in
        assert next_change_in(self.HOLD, MOVE_IN_S + 0.1) is None

    def test_motion_off_and_no_figure_need_no_timer(self) -> None:
        assert next_change_in(self.REP, 1.0, motion=False) is None
        assert next_change_in(REP, 1.0) is None  # this catalogue's leg lift has no figure
