"""The figure renderer: braille cells, golden bitmaps, mirroring, in-between poses, and fit."""

from __future__ import annotations

import pytest

from planner.domain.base_poses import BASE_POSES
from planner.domain.braille import DotCanvas
from planner.domain.catalogue import load_catalogue
from planner.domain.figure import Figure, Pose, Support, interpolate
from planner.domain.figure_render import (
    BODY,
    FRAME_STEPS,
    SUPPORT,
    WORKING,
    joints,
    render_canvas,
    render_frame,
)

STANDING = Pose.of(Support.FLOOR, 90, -90, -90, foot=0)
LYING = Pose.of(Support.FLOOR, 180, 0, 0, arm=0)

# A standing figure in a 6×6 box: the head's ring, the neck and trunk, the legs straight
# down (the arms hang along the trunk, the far leg behind the near one), the foot
# pointing forward, and the floor.
STANDING_GOLDEN = (
    "....###.....",
    "...#...#....",
    "...#...#....",
    "...#.#.#....",
    "....###.....",
    *([".....#......"] * 17),
    ".....###....",
    "############",
)

# Lying on the back in a 12×3 box: the head resting on the floor at the left, the body
# and legs along it, the toes pointing up at the right.
LYING_GOLDEN = (
    *(["........................"] * 6),
    ".###....................",
    "#...#.................#.",
    "#...###################.",
    "#...#...................",
    ".###....................",
    "########################",
)


def still(pose: Pose) -> Figure:
    return Figure(pose, pose)


class TestDotCanvas:
    """Dots land in the right braille cell and bit."""

    def test_each_dot_of_a_cell_has_its_braille_bit(self) -> None:
        """The eight dots of one cell, one at a time, give the eight single-dot characters."""
        expected = {
            (0, 0): "⠁",
            (0, 1): "⠂",
            (0, 2): "⠄",
            (0, 3): "⡀",
            (1, 0): "⠈",
            (1, 1): "⠐",
            (1, 2): "⠠",
            (1, 3): "⢀",
        }
        for (x, y), char in expected.items():
            canvas = DotCanvas(1, 1)
            canvas.dot(x, y)
            assert canvas.text_rows() == (char,)

    def test_a_full_cell_and_empty_cells(self) -> None:
        """All eight dots make the full block; cells with no dot are plain spaces."""
        canvas = DotCanvas(3, 1)
        for x in (2, 3):
            for y in range(4):
                canvas.dot(x, y)
        assert canvas.text_rows() == (" ⣿ ",)

    def test_dots_outside_are_dropped_and_counted(self) -> None:
        """Nothing wraps to the other side; the clipped count says how many fell off."""
        canvas = DotCanvas(2, 1)
        canvas.line(-3, 1, 6, 1)
        assert canvas.text_rows() == ("⠒⠒",)
        assert canvas.clipped == 6

    def test_highest_tag_wins_a_cell(self) -> None:
        """A cell showing the floor and a working leg is tagged as the working leg."""
        canvas = DotCanvas(2, 1)
        canvas.dot(0, 3, SUPPORT)
        canvas.dot(1, 0, WORKING)
        canvas.dot(2, 0, BODY)
        assert canvas.tag_rows() == ((WORKING, BODY),)


class TestGoldenBitmaps:
    """Known poses drawn dot for dot."""

    def test_standing(self) -> None:
        """Standing upright on the floor."""
        assert render_canvas(still(STANDING), 0.0, 6, 6).bitmap() == STANDING_GOLDEN

    def test_lying_on_the_back(self) -> None:
        """Lying on the back, legs straight."""
        assert render_canvas(still(LYING), 0.0, 12, 3).bitmap() == LYING_GOLDEN

    def test_braille_text_of_the_standing_figure(self) -> None:
        """The same standing figure as text rows."""
        assert render_frame(still(STANDING), 0.0, 6, 6).rows == (
            " ⢰⢉⢱  ",
            "  ⢹⠁  ",
            "  ⢸   ",
            "  ⢸   ",
            "  ⢸   ",
            "⣀⣀⣸⣤⣀⣀",
        )


class TestMirroring:
    """A mirrored figure is the same drawing flipped left to right."""

    @pytest.mark.parametrize("pose_id", ["lying-one-leg-up", "lunge", "sitting-on-a-chair"])
    def test_mirror_flips_every_dot_row(self, pose_id: str) -> None:
        """Each dot row of the mirrored canvas is the plain one reversed."""
        figure = still(BASE_POSES[pose_id][1])
        plain = render_canvas(figure, 0.0, 16, 6).bitmap()
        mirrored = render_canvas(figure, 0.0, 16, 6, mirror=True).bitmap()
        assert mirrored == tuple(row[::-1] for row in plain)
        assert mirrored != plain

    def test_mirrored_tags_follow_the_dots(self) -> None:
        """The working leg's cells move to the other side with it."""
        figure = load_catalogue().get("leg-lift").figure
        assert figure is not None
        plain = render_frame(figure, 1.0, 18, 6)
        mirrored = render_frame(figure, 1.0, 18, 6, mirror=True)
        assert mirrored.tags == tuple(row[::-1] for row in plain.tags)


class TestInterpolation:
    """Poses between start and end."""

    def test_ends_are_the_poses_themselves(self) -> None:
        """Fraction 0 is the start pose, 1 the end pose, and beyond is held at the ends."""
        start, end = STANDING, BASE_POSES["squatting"][1]
        assert interpolate(start, end, 0.0) == start
        assert interpolate(start, end, 1.0) == end
        assert interpolate(start, end, 1.7) == end
        assert interpolate(start, end, -0.2) == start

    @pytest.mark.parametrize(("fraction", "thigh"), [(0.25, 20.0), (0.5, 40.0), (0.75, 60.0)])
    def test_leg_lift_thigh_at_fractions(self, fraction: float, thigh: float) -> None:
        """The leg lift's working thigh goes from 0° (on the floor) to 80° in even steps."""
        figure = load_catalogue().get("leg-lift").figure
        assert figure is not None
        pose = interpolate(figure.start, figure.end, fraction)
        assert pose.thigh == pytest.approx(thigh)
        assert pose.far_thigh == figure.start.far_thigh

    def test_turns_the_short_way_round(self) -> None:
        """From 170° to -170° is a 20° turn through 180°, not 340° through 0°."""
        start = Pose.of(Support.FLOOR, 170, 0, 0)
        end = Pose.of(Support.FLOOR, -170, 0, 0)
        assert interpolate(start, end, 0.5).trunk == pytest.approx(180.0)

    def test_support_switches_half_way(self) -> None:
        """Standing up from a chair: on the chair before half way, on the floor after."""
        chair, standing = BASE_POSES["sitting-on-a-chair"][1], STANDING
        assert interpolate(chair, standing, 0.49).on is Support.CHAIR
        assert interpolate(chair, standing, 0.5).on is Support.FLOOR

    def test_the_knee_rises_frame_by_frame(self) -> None:
        """Drawn at 0, ¼, ½, ¾ and 1, the raised knee climbs and the frames all differ."""
        figure = load_catalogue().get("leg-lift").figure
        assert figure is not None
        fractions = (0.0, 0.25, 0.5, 0.75, 1.0)
        heights = [joints(interpolate(figure.start, figure.end, f))["knee"][1] for f in fractions]
        assert heights == sorted(heights)
        frames = {render_frame(figure, f, 18, 6).rows for f in fractions}
        assert len(frames) == len(fractions)


def _every_figure() -> list[tuple[str, Figure]]:
    figures = [
        (exercise.id, exercise.figure)
        for exercise in load_catalogue()
        if exercise.figure is not None
    ]
    figures += [(f"base:{key}", still(pose)) for key, (_label, pose) in BASE_POSES.items()]
    return figures


class TestFit:
    """Every figure fits its box whole, at every size the app draws it."""

    def test_every_builtin_exercise_has_a_figure(self) -> None:
        """All seven exercises of routines.json come with their poses."""
        catalogue = load_catalogue()
        assert len(catalogue) == 7
        assert all(exercise.figure is not None for exercise in catalogue)

    @pytest.mark.parametrize(("name", "figure"), _every_figure(), ids=lambda v: str(v)[:30])
    @pytest.mark.parametrize("box", [(14, 4), (18, 6), (26, 9), (34, 11)])
    def test_renders_inside_its_box(self, name: str, figure: Figure, box: tuple[int, int]) -> None:
        """No dot of any frame the app draws, plain or mirrored, falls outside the box."""
        cols, rows = box
        for step in range(FRAME_STEPS + 1):
            for mirror in (False, True):
                canvas = render_canvas(figure, step / FRAME_STEPS, cols, rows, mirror=mirror)
                assert canvas.clipped == 0, (name, step, mirror)
                # The body shows above the floor, not only the floor line.
                assert any("#" in row for row in canvas.bitmap()[:-1])

    def test_the_body_keeps_its_size_through_the_movement(self) -> None:
        """One scale for all frames: drawn at the same size, the squat's head sits lower."""
        figure = load_catalogue().get("deep-squat").figure
        assert figure is not None

        def top_row(fraction: float) -> int:
            bitmap = render_canvas(figure, fraction, 28, 9).bitmap()
            return next(n for n, row in enumerate(bitmap) if "#" in row)

        assert top_row(1.0) > top_row(0.0) + 4


def test_any_two_base_poses_fit_their_box() -> None:
    """A custom exercise may start in any base pose and end in any other: every mix fits."""
    poses = [pose for _label, pose in BASE_POSES.values()]
    for start in poses:
        for end in poses:
            figure = Figure(start, end)
            for step in range(FRAME_STEPS + 1):
                for cols, rows in ((18, 6), (34, 11)):
                    canvas = render_canvas(figure, step / FRAME_STEPS, cols, rows)
                    assert canvas.clipped == 0, (start, end, step, cols)
