"""How a dose is worded, once, for every surface: calendar, session, catalogue and exports.

The grammar is "count × what each one is", then the sides:

* holds: ``15 s hold``, ``2 × 15 s hold``, ``2 sets of 3 × 15 s hold``;
* paced reps: ``10 reps``, ``3 × 10 reps`` (three sets of ten);
* reps with a hold: ``3 × 10 reps, each held 5 s``;
* sides, saying plainly what a count is per: ``…, each side`` (every count on the left,
  then again on the right), ``…, alternating: 3 a side`` (the count is the total, left
  and right taken in turn), ``…, both sides together``.

A ``×`` is always followed by its unit (``s``, ``reps``, ``a side``), so ``3×10`` can
never mean sets of reps in one place and reps of holds in another.

Narrow calendar columns get shorter forms of the same grammar (:func:`dose_forms`):
``2×30s a side``, ``3×10 reps``, ``10 a side``; the detail line and the exports always
show the full wording.
"""

from __future__ import annotations

from planner.domain.models import Dose, Exercise, Kind, Sides
from planner.domain.wording import counted

_BOTH = ", both sides together"


def _kind_and_sides(dose: Dose, exercise: Exercise | None) -> tuple[Kind, Sides]:
    """The exercise's kind and sides, or a guess from the dose when it is unknown."""
    if exercise is not None:
        return exercise.kind, exercise.sides
    # An exercise deleted since it was planned: a dose with a hold reads as holds.
    return (Kind.HOLD if dose.hold_s else Kind.REPS), Sides.NONE


def _per_set(dose: Dose, sides: Sides) -> int:
    """How many reps or holds a set counts: alternating sides count both sides."""
    return dose.reps * 2 if sides is Sides.ALTERNATING else dose.reps


def dose_text(dose: Dose, exercise: Exercise | None = None) -> str:
    """The dose in full words: ``2 × 15 s hold, each side``, ``3 × 10 reps``.

    ``exercise`` gives the kind and sides; without it (an exercise no longer in the
    catalogue) the dose is worded on its numbers alone.
    """
    kind, sides = _kind_and_sides(dose, exercise)
    count = _per_set(dose, sides)
    if kind is Kind.HOLD:
        hold = f"{dose.hold_s} s hold"
        core = hold if count == 1 else f"{count} × {hold}"
        if dose.sets > 1:
            core = f"{dose.sets} × {core}" if count == 1 else f"{dose.sets} sets of {core}"
    else:
        core = counted(count, "rep")
        if dose.sets > 1:
            core = f"{dose.sets} × {core}"
        if kind is Kind.HOLD_REPS:
            core += f", each held {dose.hold_s} s"
    return core + _sides_words(dose, sides)


def _sides_words(dose: Dose, sides: Sides) -> str:
    if sides is Sides.EACH:
        return ", each side"
    if sides is Sides.ALTERNATING:
        return f", alternating: {dose.reps} a side"
    if sides is Sides.BOTH:
        return _BOTH
    return ""


def _compact_hold(dose: Dose, sides: Sides) -> str:
    """``2×30s a side``, ``3×20s``, ``15s hold``: holds counted per side when sided."""
    sided = sides.side_count > 1
    if dose.reps == 1 and dose.sets == 1:
        return f"{dose.hold_s}s a side" if sided else f"{dose.hold_s}s hold"
    counts = f"{dose.sets}×" if dose.sets > 1 else ""
    counts += f"{dose.reps}×" if dose.reps > 1 else ""
    return f"{counts}{dose.hold_s}s" + (" a side" if sided else "")


def _compact_reps(dose: Dose, sides: Sides) -> tuple[str, str]:
    """``3×10 reps`` or ``10 reps a side``, and the same without ``reps`` when sided."""
    sets = f"{dose.sets}×" if dose.sets > 1 else ""
    if sides.side_count > 1:
        return f"{sets}{counted(dose.reps, 'rep')} a side", f"{sets}{dose.reps} a side"
    plain = sets + counted(dose.reps, "rep")
    return plain, plain


def dose_forms(dose: Dose, exercise: Exercise | None = None) -> tuple[str, ...]:
    """The dose worded from longest to shortest, for a column to show the first that fits.

    The first is :func:`dose_text`; then ``3×10 reps, 5s hold``, ``2×30s a side``,
    ``10 a side``; the last drops what a narrow column cannot hold (the side, the
    hold of reps with a hold), which the detail line still shows in full.
    """
    kind, sides = _kind_and_sides(dose, exercise)
    forms = [dose_text(dose, exercise)]
    if kind is Kind.HOLD:
        compact = _compact_hold(dose, sides)
        forms.append(compact)
        forms.append(_compact_hold(dose, Sides.NONE) if compact.endswith(" a side") else compact)
    else:
        reps, short = _compact_reps(dose, sides)
        if kind is Kind.HOLD_REPS:
            forms.append(f"{reps}, {dose.hold_s}s hold")
        forms += [reps, short]
    return tuple(dict.fromkeys(forms))
