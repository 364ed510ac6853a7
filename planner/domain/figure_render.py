"""Draw an exercise's figure as text: pose -> joints -> line segments -> braille dots -> rows.

Forward kinematics puts the hip at the origin and walks out along each body part
by its angle and length. The figure is then placed so that whatever it rests on
stays put while it moves: the point that is lowest in the start pose keeps its
place across the floor, and the lowest point of every frame touches the floor.
One scale per figure and box (fitted to every pose drawn, FRAME_STEPS of them
from start to end) keeps the body the same size all through the movement.

Each text cell is tagged with what it shows (SUPPORT, BODY or WORKING: the parts
that move between start and end) so a screen can colour it; the renderer itself
knows nothing of colours or terminals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from planner.domain.braille import DotCanvas
from planner.domain.figure import Figure, Pose, Support, interpolate

EMPTY = 0
SUPPORT = 1
"""Cells showing the floor, a chair or a wall."""
BODY = 2
"""Cells showing a part of the body that stays still."""
WORKING = 3
"""Cells showing a part that moves between the start and the end pose."""

# Body proportions in arbitrary units (a standing figure is about 19 units tall).
_TRUNK = 6.0
_NECK = 0.6
_HEAD_R = 1.3
_UPPER_ARM = 3.0
_FOREARM = 2.8
_THIGH = 4.6
_SHIN = 4.4
_FOOT = 1.6

# Chair and wall, in the same units, measured from the hip (chair) or the body (wall).
_SEAT_BACK = 2.0
_SEAT_FRONT = 1.2
_SEAT_DROP = 0.6
_CHAIR_BACK_HEIGHT = 4.0
_WALL_GAP = 0.5

# How far above the lowest joint a joint may be and still count as touching the ground.
_TOUCH = 0.6

# Where the anchor is looked for, in order, when several points are equally low.
_ANCHOR_ORDER = ("hip", "shoulder", "toe", "far_toe", "ankle", "far_ankle", "knee", "far_knee")

# From this many dots a unit on, body lines are drawn two dots thick, to read from afar.
_BOLD_SCALE = 1.5

FRAME_STEPS = 8
"""Positions from start to end that frames are drawn at (fractions k/8): every one fits its box."""

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class FigureFrame:
    """One drawn frame: the text rows and, for each cell, what it shows (a tag)."""

    rows: tuple[str, ...]
    tags: tuple[tuple[int, ...], ...]


def _toward(origin: Point, degrees: float, length: float) -> Point:
    radians = math.radians(degrees)
    return (origin[0] + length * math.cos(radians), origin[1] + length * math.sin(radians))


def joints(pose: Pose) -> dict[str, Point]:
    """Forward kinematics: every joint of ``pose`` with the hip at (0, 0) and y pointing up."""
    hip = (0.0, 0.0)
    shoulder = _toward(hip, pose.trunk, _TRUNK)
    neck = _toward(shoulder, pose.head, _NECK)
    points = {
        "hip": hip,
        "shoulder": shoulder,
        "neck": neck,
        "head": _toward(neck, pose.head, _HEAD_R),
    }
    for prefix in ("", "far_"):
        elbow = _toward(shoulder, pose.angle(prefix + "arm"), _UPPER_ARM)
        knee = _toward(hip, pose.angle(prefix + "thigh"), _THIGH)
        ankle = _toward(knee, pose.angle(prefix + "shin"), _SHIN)
        points[prefix + "elbow"] = elbow
        points[prefix + "hand"] = _toward(elbow, pose.angle(prefix + "forearm"), _FOREARM)
        points[prefix + "knee"] = knee
        points[prefix + "ankle"] = ankle
        points[prefix + "toe"] = _toward(ankle, pose.angle(prefix + "foot"), _FOOT)
    return points


# (from joint, to joint, the angle that turns it): the line segments of the body.
_SEGMENTS = (
    ("far_knee", "far_ankle", "far_shin"),
    ("hip", "far_knee", "far_thigh"),
    ("far_ankle", "far_toe", "far_foot"),
    ("shoulder", "far_elbow", "far_arm"),
    ("far_elbow", "far_hand", "far_forearm"),
    ("hip", "shoulder", "trunk"),
    ("shoulder", "neck", "head"),
    ("hip", "knee", "thigh"),
    ("knee", "ankle", "shin"),
    ("ankle", "toe", "foot"),
    ("shoulder", "elbow", "arm"),
    ("elbow", "hand", "forearm"),
)


@dataclass(frozen=True, slots=True)
class _Placed:
    """A pose's joints moved to where it stands, plus what it rests on, as line segments."""

    points: dict[str, Point]
    support: tuple[tuple[Point, Point], ...]

    def extent(self) -> tuple[float, float, float, float]:
        xs = [x for x, _ in self.points.values()]
        ys = [y for _, y in self.points.values()]
        head_x, head_y = self.points["head"]
        xs += [head_x - _HEAD_R, head_x + _HEAD_R]
        ys += [head_y + _HEAD_R]
        for a, b in self.support:
            xs += [a[0], b[0]]
            ys += [a[1], b[1]]
        return min(xs), max(xs), min(ys), max(ys)


def _lowest(points: dict[str, Point]) -> float:
    return min(min(y for _, y in points.values()), points["head"][1] - _HEAD_R)


def _anchor(figure: Figure) -> str:
    """The joint that stays put while the figure moves.

    Of the joints that touch down in the start pose, the one that moves least
    (relative to the hip) between start and end: the hip of a lying figure, the
    feet of a standing one.
    """
    start, end = joints(figure.start), joints(figure.end)
    low = min(start[name][1] for name in _ANCHOR_ORDER)
    touching = [name for name in _ANCHOR_ORDER if start[name][1] <= low + _TOUCH]
    return min(touching, key=lambda name: math.dist(start[name], end[name]))


def _place(pose: Pose, anchor: str, anchor_x: float) -> _Placed:
    raw = joints(pose)
    dx = anchor_x - raw[anchor][0]
    dy = -_lowest(raw)
    points = {name: (x + dx, y + dy) for name, (x, y) in raw.items()}
    return _Placed(points, _support(pose.on, points))


def _support(on: Support, points: dict[str, Point]) -> tuple[tuple[Point, Point], ...]:
    if on is Support.CHAIR:
        hip_x, hip_y = points["hip"]
        seat = max(0.0, hip_y - _SEAT_DROP)
        back, front = hip_x - _SEAT_BACK, hip_x + _SEAT_FRONT
        return (
            ((back, seat), (front, seat)),
            ((back, 0.0), (back, seat + _CHAIR_BACK_HEIGHT)),
            ((front, 0.0), (front, seat)),
        )
    if on is Support.WALL:
        rear = min(min(x for x, _ in points.values()), points["head"][0] - _HEAD_R) - _WALL_GAP
        top = max(y for _, y in points.values()) + _HEAD_R + 1.0
        return (((rear, 0.0), (rear, top)),)
    return ()


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where model units land on the canvas: one scale and offset for a whole figure."""

    anchor: str
    anchor_x: float
    scale: float
    left: float
    floor: int

    def to_dots(self, point: Point) -> Point:
        return (self.left + point[0] * self.scale, self.floor - 1 - point[1] * self.scale)


@lru_cache(maxsize=256)
def _layout(figure: Figure, cols: int, rows: int) -> _Layout:
    anchor = _anchor(figure)
    anchor_x = joints(figure.start)[anchor][0]
    extents = [
        _place(interpolate(figure.start, figure.end, step / FRAME_STEPS), anchor, anchor_x).extent()
        for step in range(FRAME_STEPS + 1)
    ]
    low_x = min(e[0] for e in extents)
    high_x = max(e[1] for e in extents)
    high_y = max(e[3] for e in extents)
    width, height = cols * 2, rows * 4
    # One dot row for the floor, one dot of margin at the top and at each side.
    scale = min((width - 3) / max(high_x - low_x, 1.0), (height - 2) / max(high_y, 1.0))
    left = (width - 1) / 2 - (low_x + high_x) / 2 * scale
    return _Layout(anchor, anchor_x, scale, left, height - 1)


def draw_pose(
    canvas: DotCanvas, pose: Pose, layout: _Layout, working: frozenset[str] = frozenset()
) -> None:
    """Draw ``pose`` on ``canvas`` with the floor; parts named in ``working`` get WORKING."""
    placed = _place(pose, layout.anchor, layout.anchor_x)
    canvas.line(0, layout.floor, canvas.width - 1, layout.floor, SUPPORT)
    for a, b in placed.support:
        canvas.line(*layout.to_dots(a), *layout.to_dots(b), SUPPORT)
    for start, end, part in _SEGMENTS:
        tag = WORKING if part in working else BODY
        canvas.line(
            *layout.to_dots(placed.points[start]),
            *layout.to_dots(placed.points[end]),
            tag,
            bold=layout.scale >= _BOLD_SCALE,
        )
    head_x, head_y = layout.to_dots(placed.points["head"])
    canvas.ring(head_x, head_y, _HEAD_R * layout.scale, WORKING if "head" in working else BODY)


def render_canvas(
    figure: Figure, fraction: float, cols: int, rows: int, *, mirror: bool = False
) -> DotCanvas:
    """The canvas of ``figure`` ``fraction`` of the way from start (0) to end (1)."""
    canvas = DotCanvas(cols, rows, mirror=mirror)
    pose = interpolate(figure.start, figure.end, fraction)
    draw_pose(canvas, pose, _layout(figure, cols, rows), figure.working_parts())
    return canvas


@lru_cache(maxsize=1024)
def render_frame(
    figure: Figure, fraction: float, cols: int, rows: int, *, mirror: bool = False
) -> FigureFrame:
    """One frame of ``figure`` as text in a ``cols``×``rows`` box (cached: frames repeat)."""
    canvas = render_canvas(figure, fraction, cols, rows, mirror=mirror)
    return FigureFrame(canvas.text_rows(), canvas.tag_rows())
