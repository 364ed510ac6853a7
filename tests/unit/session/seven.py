"""The seven catalogue exercises as the session tests see them, with small doses.

The tests own these values (rather than reading routines.json) so a change to the
catalogue's wording or starting doses never changes what the engine is tested on.
"""

from __future__ import annotations

from planner.domain.models import Dose, Exercise, Kind, Sides


def _exercise(
    id_: str, name: str, kind: Kind, sides: Sides, dose: Dose, tempo_s: float = 3.0
) -> Exercise:
    return Exercise(
        id=id_,
        name=name,
        level=1,
        kind=kind,
        sides=sides,
        position="Lying on your back, knees bent.",
        steps=("Breathe out and move slowly.", "Come back to the start."),
        start=dose,
        target=dose,
        tempo_s=tempo_s,
    )


LEG_LIFT = _exercise(
    "leg_lift", "Leg lift", Kind.HOLD, Sides.EACH, Dose(hold_s=30, reps=2, rest_s=10)
)
SINGLE_KNEE = _exercise(
    "single_knee",
    "Single knee to chest",
    Kind.HOLD,
    Sides.ALTERNATING,
    Dose(hold_s=15, reps=2, rest_s=5),
)
DOUBLE_KNEES = _exercise(
    "double_knees",
    "Double knees to chest",
    Kind.HOLD,
    Sides.BOTH,
    Dose(hold_s=15, reps=2, rest_s=5),
)
PELVIC_TILT = _exercise(
    "pelvic_tilt",
    "Pelvic tilt",
    Kind.HOLD_REPS,
    Sides.NONE,
    Dose(hold_s=5, reps=3, sets=2, rest_s=10),
    tempo_s=2.0,
)
SEATED_HAMSTRING = _exercise(
    "seated_hamstring",
    "Seated hamstring stretch",
    Kind.HOLD,
    Sides.NONE,
    Dose(hold_s=15, reps=2, rest_s=10),
)
HIP_FLEXION = _exercise(
    "hip_flexion", "Hip flexion", Kind.REPS, Sides.ALTERNATING, Dose(reps=3), tempo_s=4.0
)
DEEP_SQUAT = _exercise(
    "deep_squat", "Deep squat", Kind.REPS, Sides.NONE, Dose(reps=3, sets=2, rest_s=20)
)

SEVEN = (
    LEG_LIFT,
    SINGLE_KNEE,
    DOUBLE_KNEES,
    PELVIC_TILT,
    SEATED_HAMSTRING,
    HIP_FLEXION,
    DEEP_SQUAT,
)
"""In catalogue order; each one's ``start`` dose is the dose the tests run."""
