"""The figure in use: chosen on the custom form, switched off in settings, moving in a session."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Select, Switch, TextArea

from planner.domain.base_poses import BASE_POSES, figure_between
from planner.domain.catalogue import load_catalogue
from planner.domain.figure_render import render_frame
from planner.domain.models import Dose, Settings
from planner.domain.phases import Phase, PhaseKind
from planner.storage.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.exercise_form import ExerciseForm
from planner.tui.screens.settings import SettingsDialog
from planner.tui.widgets.figure_pair import FigurePair
from planner.tui.widgets.session_figure import SessionFigure
from tests.conftest import FakeClock
from tests.tui.figure_support import figure_session
from tests.tui.session_support import SessionHarness


def _figure(harness: SessionHarness) -> SessionFigure:
    return harness.screen.query_one(SessionFigure)


class TestCustomExerciseFigure:
    """The custom-exercise form offers base poses and stores what was chosen."""

    async def test_chosen_poses_are_saved_and_drawn(self) -> None:
        """Wall sit to standing against the wall: saved with the exercise, shown in the detail."""
        store = Store.in_memory()
        store.save_settings(Settings(welcomed=True))
        app = PlannerApp(store, load_catalogue(), FakeClock().as_clock())
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.press("l", "n")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, ExerciseForm)
            await pilot.press(*"Wall slide")
            form.query_one("#form-position", Input).value = "Back against a wall."
            form.query_one("#form-steps", TextArea).text = "Slide down.\nSlide up."
            form.query_one("#form-figure-start", Select).value = "standing-back-to-a-wall"
            form.query_one("#form-figure-end", Select).value = "wall-sit"
            await pilot.press("ctrl+s")
            await pilot.pause()
            [saved] = store.custom_exercises()
            assert saved.figure == figure_between("standing-back-to-a-wall", "wall-sit")
            pair = app.screen.query_one(FigurePair)
            assert pair.figure == saved.figure
            assert pair.size.height > 0

            # Editing shows the saved poses chosen; "no figure" takes the figure away.
            await pilot.press("e")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, ExerciseForm)
            assert form.query_one("#form-figure-start", Select).value == "standing-back-to-a-wall"
            assert form.query_one("#form-figure-end", Select).value == "wall-sit"
            form.query_one("#form-figure-start", Select).value = ""
            await pilot.press("ctrl+s")
            await pilot.pause()
            [saved] = store.custom_exercises()
            assert saved.figure is None
            assert app.screen.query_one(FigurePair).size.height == 0

    async def test_no_end_pose_means_a_still_figure(self) -> None:
        """Only a start pose chosen: the figure starts and ends there."""
        store = Store.in_memory()
        store.save_settings(Settings(welcomed=True))
        app = PlannerApp(store, load_catalogue(), FakeClock().as_clock())
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.press("l", "n")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, ExerciseForm)
            await pilot.press(*"Plank")
            form.query_one("#form-position", Input).value = "Face down on the forearms."
            form.query_one("#form-steps", TextArea).text = "Hold the body straight."
            form.query_one("#form-figure-start", Select).value = "hands-and-knees"
            await pilot.press("ctrl+s")
            await pilot.pause()
            [saved] = store.custom_exercises()
            pose = BASE_POSES["hands-and-knees"][1]
            assert saved.figure is not None
            assert (saved.figure.start, saved.figure.end) == (pose, pose)


async def test_the_motion_switch_is_saved() -> None:
    """Turning the switch off comes back as figure_motion False, the rest kept."""
    store = Store.in_memory()
    app = PlannerApp(store, load_catalogue(), FakeClock().as_clock())
    results: list[Settings | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(SettingsDialog(Settings(welcomed=True, bell=False)), results.append)
        await pilot.pause()
        assert app.screen.query_one("#settings-figure-motion", Switch).value is True
        await pilot.click("#settings-figure-motion")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert results == [Settings(welcomed=True, bell=False, figure_motion=False)]


class TestSessionFigureMoves:
    """The session's figure follows the phase, and repaints only when its picture changes."""

    async def test_a_paced_rep_goes_down_and_up(self) -> None:
        """A squat rep: standing at its start, lowest half way, standing again at its end."""
        harness = figure_session(("deep-squat", Dose(reps=3, sets=1)))
        squat = load_catalogue().get("deep-squat").figure
        async with harness.app.run_test(size=(100, 32)) as pilot:
            await harness.open(pilot)
            await harness.run_for(pilot, 5)
            figure = _figure(harness)
            assert figure.frame is not None and squat is not None
            cols, rows = len(figure.frame.rows[0]), len(figure.frame.rows)
            assert figure.frame == render_frame(squat, 0.0, cols, rows)
            await harness.run_for(pilot, 2)
            assert figure.frame == render_frame(squat, 1.0, cols, rows)
            await harness.run_for(pilot, 2)
            assert figure.frame == render_frame(squat, 0.0, cols, rows)

    async def test_motion_off_holds_the_end_pose(self) -> None:
        """With the setting off, the squat shows its end pose at the start of a rep."""
        harness = figure_session(
            ("deep-squat", Dose(reps=3, sets=1)),
            settings=Settings(welcomed=True, figure_motion=False),
        )
        squat = load_catalogue().get("deep-squat").figure
        assert squat is not None
        async with harness.app.run_test(size=(100, 32)) as pilot:
            await harness.open(pilot)
            for seconds in (0, 5, 1):
                await harness.run_for(pilot, seconds)
                frame = _figure(harness).frame
                assert frame is not None
                assert frame == render_frame(squat, 1.0, len(frame.rows[0]), len(frame.rows))

    async def test_the_right_side_is_mirrored(self) -> None:
        """The leg lift's right-side hold is the left-side hold flipped."""
        harness = figure_session(("leg-lift", Dose(hold_s=10, reps=1, rest_s=10)))
        async with harness.app.run_test(size=(100, 32)) as pilot:
            await harness.open(pilot)
            await harness.run_for(pilot, 5 + 5)
            left = _figure(harness).frame
            await harness.run_for(pilot, 5 + 5 + 5)
            right = _figure(harness).frame
            assert left is not None and right is not None
            assert "right side" in harness.shown("session-phase")
            assert right.tags == tuple(row[::-1] for row in left.tags)

    async def test_a_held_figure_is_not_repainted(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Once the leg is up, ten seconds of ticks repaint the countdown but not the figure."""
        harness = figure_session(("leg-lift", Dose(hold_s=30, reps=1, rest_s=10)))
        renders: list[Any] = []
        original = SessionFigure.render

        def counted(self: SessionFigure) -> Any:
            renders.append(self.frame)
            return original(self)

        monkeypatch.setattr(SessionFigure, "render", counted)
        async with harness.app.run_test(size=(100, 32)) as pilot:
            await harness.open(pilot)
            await harness.run_for(pilot, 5 + 3)
            await pilot.pause()
            renders.clear()
            await harness.run_for(pilot, 10, step=0.1)
            await pilot.pause()
            assert renders == []

    async def test_an_exercise_without_a_figure_has_none(self) -> None:
        """The figure steps aside for an exercise without poses, leaving the room to the rest."""
        harness = figure_session(("leg_lift", Dose(hold_s=10, reps=1)))
        async with harness.app.run_test(size=(80, 24)) as pilot:
            await harness.open(pilot)
            await harness.run_for(pilot, 1)
            assert _figure(harness).display is False


class _Boxed(App[None]):
    """One figure widget in a box of a given size."""

    def __init__(self, widget: Widget, width: int, height: int) -> None:
        super().__init__()
        self.widget = widget
        self.box = (width, height)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.styles.width, box.styles.height = self.box
            yield self.widget


class TestSteppingAside:
    """Where a figure does not fit, it draws nothing instead of a squashed body."""

    @pytest.mark.parametrize(
        ("width", "exercise_id", "rows"),
        [(30, "deep-squat", 0), (FigurePair.needed_width(), "deep-squat", 7)],
    )
    async def test_the_catalogue_pair(self, width: int, exercise_id: str, rows: int) -> None:
        """Too narrow for both poses side by side: no rows at all; wide enough: figure + caption."""
        pair = FigurePair()
        async with _Boxed(pair, width, 20).run_test(size=(80, 24)) as pilot:
            pair.show(load_catalogue().get(exercise_id).figure)
            await pilot.pause()
            assert pair.size.height == rows

    async def test_a_lying_pair_leaves_out_its_empty_top_rows(self) -> None:
        """The pelvic tilt never reaches the top of its box: the pair is shorter than a squat's."""
        pair = FigurePair()
        async with _Boxed(pair, FigurePair.needed_width(), 20).run_test(size=(80, 24)) as pilot:
            pair.show(load_catalogue().get("pelvic-tilt").figure)
            await pilot.pause()
            assert 1 < pair.size.height < 7
            assert "Start" in str(pair.render()).splitlines()[-1]

    @pytest.mark.parametrize(
        ("width", "height", "drawn"), [(40, 12, False), (100, 4, False), (100, 12, True)]
    )
    async def test_the_session_figure(self, width: int, height: int, drawn: bool) -> None:
        """Its column is a third of the width: below 14×4 cells for the body it draws nothing."""
        figure = SessionFigure()
        squat = load_catalogue().get("deep-squat")
        phase = Phase(PhaseKind.REP, 4.0, 0, squat, None, rep=1, reps=5, set=1, sets=1)
        async with _Boxed(figure, width, height).run_test(size=(80, 24)) as pilot:
            figure.follow(phase, 2.0)
            await pilot.pause()
            assert (figure.frame is not None) is drawn
