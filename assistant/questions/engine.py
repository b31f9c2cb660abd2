"""Which questions to ask next.

Never a question the notes already answer (a core question whose label is mentioned,
whatever its status); the critical questions first while their labels are unknown, then
follow-ups for what the notes assert, then the rest of the script in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from assistant.labels import ASSERTED, Status
from assistant.models import Indicator, Question
from assistant.questions.script import CallScript, FollowUpCondition


def _follow_up_applies(when: FollowUpCondition, statuses: dict[str, Status]) -> bool:
    return (
        any(statuses.get(l) is Status.CURRENT for l in when.any_current)
        or any(statuses.get(l) in ASSERTED for l in when.any_asserted)
        or any(statuses.get(l) in (Status.CURRENT, Status.NEGATED) for l in when.any_current_or_negated)
    )


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A script's questions built once: they depend on the script only, and building
    them (pydantic validation) was most of the cost of a suggestion."""

    critical: dict[str, Question]
    follow_up: dict[str, Question]
    rest: dict[str, Question]


_PREPARED: WeakKeyDictionary[CallScript, _Prepared] = WeakKeyDictionary()


def _prepared(script: CallScript) -> _Prepared:
    prepared = _PREPARED.get(script)
    if prepared is None:
        core = script.spec.core
        prepared = _PREPARED[script] = _Prepared(
            critical={
                q.id: Question(id=q.id, text=q.text, kind="core", settles=q.settles, reason=q.reason, critical=True,
                               policy=script.refs[q.id])
                for q in core if q.critical
            },
            follow_up={
                f.id: Question(id=f.id, text=f.text, kind="follow_up", reason=f.reason, policy=script.refs[f.id])
                for f in script.spec.follow_ups
            },
            rest={
                q.id: Question(id=q.id, text=q.text, kind="core", settles=q.settles, reason=q.reason,
                               policy=script.refs[q.id])
                for q in core if not q.critical
            },
        )
    return prepared


def suggest_questions(
    script: CallScript,
    indicators: tuple[Indicator, ...],
    *,
    asked: frozenset[str] = frozenset(),
    limit: int | None = None,
) -> tuple[Question, ...]:
    """`asked`: ids already put to the caller (answered or declined), not repeated."""
    statuses = {i.label: i.status for i in indicators}
    prepared = _prepared(script)
    open_core = [q for q in script.spec.core if q.settles not in statuses and q.id not in asked]
    follow_ups = [f for f in script.spec.follow_ups if f.id not in asked and _follow_up_applies(f.when, statuses)]

    ordered: list[Question] = [prepared.critical[q.id] for q in open_core if q.critical]
    ordered += [prepared.follow_up[f.id] for f in follow_ups]
    ordered += [prepared.rest[q.id] for q in open_core if not q.critical]
    return tuple(ordered[: script.spec.max_suggestions if limit is None else limit])
