"""Which questions to ask next.

Never a question the notes already answer (a core question whose label is mentioned,
whatever its status); the critical questions first while their labels are unknown, then
follow-ups for what the notes assert, then the rest of the script in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from assistant.labels import ASSERTED, CURRENT, NEGATED, Status
from assistant.models import Indicator, Question
from assistant.questions.script import CallScript, FollowUpCondition


@dataclass(frozen=True, slots=True)
class _PlainFollowUpCondition:
    """A FollowUpCondition's fields as plain slots (pydantic's `__getattr__` hook made each
    read about three times a slot read)."""

    any_current: tuple[str, ...]
    any_asserted: tuple[str, ...]
    any_current_or_negated: tuple[str, ...]


def _follow_up_applies(when: FollowUpCondition | _PlainFollowUpCondition, statuses: dict[str, Status]) -> bool:
    return (
        any(statuses.get(l) is CURRENT for l in when.any_current)
        or any(statuses.get(l) in ASSERTED for l in when.any_asserted)
        or any(statuses.get(l) in (CURRENT, NEGATED) for l in when.any_current_or_negated)
    )


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A script's questions built once: they depend on the script only, and building
    them (pydantic validation) was most of the cost of a suggestion."""

    critical: dict[str, Question]
    follow_up: dict[str, Question]
    rest: dict[str, Question]
    # the script's core questions as (id, settles, critical), and its follow-ups as (id, when)
    core: tuple[tuple[str, str, bool], ...] = ()
    follow_ups: tuple[tuple[str, _PlainFollowUpCondition], ...] = ()


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
            core=tuple((q.id, q.settles, q.critical) for q in core),
            follow_ups=tuple(
                (f.id, _PlainFollowUpCondition(f.when.any_current, f.when.any_asserted, f.when.any_current_or_negated))
                for f in script.spec.follow_ups
            ),
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
    open_core = [(id_, critical) for id_, settles, critical in prepared.core if settles not in statuses and id_ not in asked]
    follow_ups = [id_ for id_, when in prepared.follow_ups if id_ not in asked and _follow_up_applies(when, statuses)]

    ordered: list[Question] = [prepared.critical[id_] for id_, critical in open_core if critical]
    ordered += [prepared.follow_up[id_] for id_ in follow_ups]
    ordered += [prepared.rest[id_] for id_, critical in open_core if not critical]
    return tuple(ordered[: script.spec.max_suggestions if limit is None else limit])
