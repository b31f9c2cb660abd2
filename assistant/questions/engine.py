"""Which questions to ask next.

Never a question the notes already answer (a core question whose label is mentioned,
whatever its status); the critical questions first while their labels are unknown, then
follow-ups for what the notes assert, then the rest of the script in order.
"""

from __future__ import annotations

from assistant.labels import ASSERTED, Status
from assistant.models import Indicator, Question
from assistant.questions.script import CallScript, FollowUpCondition


def _follow_up_applies(when: FollowUpCondition, statuses: dict[str, Status]) -> bool:
    return (
        any(statuses.get(l) is Status.CURRENT for l in when.any_current)
        or any(statuses.get(l) in ASSERTED for l in when.any_asserted)
        or any(statuses.get(l) in (Status.CURRENT, Status.NEGATED) for l in when.any_current_or_negated)
    )


def suggest_questions(
    script: CallScript,
    indicators: tuple[Indicator, ...],
    *,
    asked: frozenset[str] = frozenset(),
    limit: int | None = None,
) -> tuple[Question, ...]:
    """`asked`: ids already put to the caller (answered or declined), not repeated."""
    statuses = {i.label: i.status for i in indicators}
    open_core = [q for q in script.spec.core if q.settles not in statuses and q.id not in asked]
    critical = [q for q in open_core if q.critical]
    rest = [q for q in open_core if not q.critical]
    follow_ups = [f for f in script.spec.follow_ups if f.id not in asked and _follow_up_applies(f.when, statuses)]

    ordered: list[Question] = [
        Question(id=q.id, text=q.text, kind="core", settles=q.settles, reason=q.reason, critical=True,
                 policy=script.refs[q.id])
        for q in critical
    ]
    ordered += [
        Question(id=f.id, text=f.text, kind="follow_up", reason=f.reason, policy=script.refs[f.id]) for f in follow_ups
    ]
    ordered += [
        Question(id=q.id, text=q.text, kind="core", settles=q.settles, reason=q.reason, policy=script.refs[q.id])
        for q in rest
    ]
    return tuple(ordered[: script.spec.max_suggestions if limit is None else limit])
