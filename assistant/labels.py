"""The risk-indicator label set and statuses: the contract in shared/spec/risk-indicators.md."""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Status(StrEnum):
    CURRENT = "current"
    HISTORICAL = "historical"
    NEGATED = "negated"


class Grade(StrEnum):
    EMERGENCY = "emergency"
    PRIORITY = "priority"
    SCHEDULED = "scheduled"


GRADE_URGENCY: dict[Grade, int] = {Grade.EMERGENCY: 3, Grade.PRIORITY: 2, Grade.SCHEDULED: 1}

LABELS: tuple[str, ...] = (
    "children_present",
    "weapon",
    "firearm_access",
    "escalation",
    "coercive_control",
    "strangulation",
    "threats_to_kill",
    "injury",
    "suspect_present",
    "separation",
    "pregnancy",
    "stalking_harassment",
    "sexual_abuse",
    "previous_incidents",
    "order_breach",
    "substance_misuse",
    "mental_health_suicide",
    "honour_based_abuse",
    "vulnerable_victim",
    "police_perpetrator",
    "cannot_talk_safely",
    "animal_abuse",
    "safety_confirmed",
)
LABEL_SET: frozenset[str] = frozenset(LABELS)

ASSERTED: frozenset[Status] = frozenset({Status.CURRENT, Status.HISTORICAL})

# The statuses as module constants, for the per-note loops: on Python 3.11 reading a member off
# an Enum class (`Status.CURRENT`) goes through EnumType's `__getattr__` hook, about four times
# the cost of reading a global, and the loops read them thousands of times a note.
CURRENT: Final = Status.CURRENT
HISTORICAL: Final = Status.HISTORICAL
NEGATED: Final = Status.NEGATED
