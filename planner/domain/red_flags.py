"""The red-flag checklist: signs that a doctor, not an exercise plan, comes first.

A short yes/no list in our own words, following published low-back-pain red-flag
lists (README "How the plan grows" names them). Two kinds of answer matter:

- Signs of pressure on the nerves at the base of the spine (cauda equina syndrome):
  numbness around the seat, new bladder or bowel trouble, symptoms in both legs,
  growing leg weakness. A yes means an emergency: see a doctor today.
- Signs of an infection, a cancer or a fracture: fever, weight lost without trying,
  a history of cancer, pain at night or at rest, a fall or other injury, osteoporosis
  or long-term steroids. A yes means: see a doctor before starting.

Any yes: no plan is made, and the reason says which kind and what to do.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from planner.domain.advice import Advice, Priority


class Urgency(StrEnum):
    """How soon a doctor is needed when the answer is yes."""

    EMERGENCY = "emergency"
    BEFORE_STARTING = "before_starting"


@dataclass(frozen=True, slots=True)
class RedFlag:
    """One yes/no question of the checklist."""

    id: str
    question: str
    urgency: Urgency


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "saddle-numbness",
        "Numbness around your bottom, genitals or inner thighs",
        Urgency.EMERGENCY,
    ),
    RedFlag(
        "bladder-bowel",
        "New trouble passing or holding urine, or with your bowels",
        Urgency.EMERGENCY,
    ),
    RedFlag("both-legs", "Pain, numbness or pins and needles in both legs", Urgency.EMERGENCY),
    RedFlag(
        "leg-weakness", "A leg getting weaker, or a foot that catches or drags", Urgency.EMERGENCY
    ),
    RedFlag(
        "fever",
        "A fever, or feeling unwell, along with the back pain",
        Urgency.BEFORE_STARTING,
    ),
    RedFlag("weight-loss", "Weight lost without trying", Urgency.BEFORE_STARTING),
    RedFlag("cancer", "Cancer now or in the past", Urgency.BEFORE_STARTING),
    RedFlag(
        "night-pain",
        "Pain at night or at rest that lying still does not ease",
        Urgency.BEFORE_STARTING,
    ),
    RedFlag(
        "injury",
        "Pain that began with a fall, an accident or a blow",
        Urgency.BEFORE_STARTING,
    ),
    RedFlag(
        "bones",
        "Osteoporosis, or steroid tablets taken for months",
        Urgency.BEFORE_STARTING,
    ),
)
"""The checklist, emergencies first."""

BY_ID = {flag.id: flag for flag in RED_FLAGS}

CHECKLIST_TITLE = "See a doctor first if any of these is true for you now"


def checklist_lines() -> list[str]:
    """The checklist as lines for the welcome and the exports' safety footer."""
    emergency = [f.question for f in RED_FLAGS if f.urgency is Urgency.EMERGENCY]
    before = [f.question for f in RED_FLAGS if f.urgency is Urgency.BEFORE_STARTING]
    return [
        "Today, as an emergency (A&E, an emergency department or an emergency number):",
        *(f"- {q}" for q in emergency),
        "Before starting any exercise:",
        *(f"- {q}" for q in before),
    ]


def red_flag_advice(yes: Collection[str]) -> Advice | None:
    """The safety advice for the questions answered yes, or None when there are none.

    Unknown ids (from a newer version, say) count as a reason to see a doctor first.
    """
    if not yes:
        return None
    flags = [flag for flag in RED_FLAGS if flag.id in yes]
    if any(f.urgency is Urgency.EMERGENCY for f in flags):
        return Advice(
            Priority.SAFETY,
            "See a doctor today, as an emergency: numbness around the seat, new bladder or "
            "bowel trouble, symptoms in both legs or a leg getting weaker can mean pressure "
            "on the nerves at the base of the spine (cauda equina syndrome), which needs "
            "treatment within hours. Go to an emergency department now. No plan was made.",
            "red-flag",
        )
    answered = "; ".join(f.question.lower() for f in flags) or "a question of the checklist"
    return Advice(
        Priority.SAFETY,
        f"See a doctor before starting: you answered yes to {answered}. These can be signs "
        "of an infection, a cancer or a fracture that needs checking before any exercise "
        "plan. No plan was made.",
        "red-flag",
    )
