"""Applies a grading policy to the resolved indicators.

Rules are tried in order and the first that holds sets the grade; the suggestion carries
that rule with the indicators (and their evidence) that made it fire and the policy
passages behind it, plus every flag for action whose condition holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from assistant.grading.policy import Condition, FlagSpec, GradingPolicy, PolicySpec, RuleSpec
from assistant.labels import ASSERTED, CURRENT, Grade, Status
from assistant.models import CallContext, FiredRule, Flag, GradeSuggestion, Indicator


@dataclass(frozen=True, slots=True)
class PlainCondition:
    """A Condition's fields as plain slots: pydantic's `__getattr__` hook made each read of
    a model field about three times a slot read, and every call reads them all."""

    any_current: tuple[str, ...]
    any_asserted: tuple[str, ...]
    all_current: tuple[str, ...]
    none_asserted: tuple[str, ...]
    none_current: tuple[str, ...]
    repeat_victim: bool | None
    grade: Grade | None

    @classmethod
    def of(cls, c: Condition) -> PlainCondition:
        return cls(c.any_current, c.any_asserted, c.all_current, c.none_asserted, c.none_current, c.repeat_victim, c.grade)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A policy's rules and flags with their conditions copied once (for the spec they
    were read from: a policy given a new spec is prepared again)."""

    spec: PolicySpec
    rules: tuple[tuple[RuleSpec, PlainCondition | None], ...]
    flags: tuple[tuple[FlagSpec, PlainCondition], ...]


_PREPARED: WeakKeyDictionary[GradingPolicy, _Prepared] = WeakKeyDictionary()


def _prepared(policy: GradingPolicy) -> _Prepared:
    prepared = _PREPARED.get(policy)
    if prepared is None or prepared.spec is not policy.spec:
        spec = policy.spec
        prepared = _PREPARED[policy] = _Prepared(
            spec,
            tuple((rule, None if rule.when is None else PlainCondition.of(rule.when)) for rule in spec.rules),
            tuple((flag, PlainCondition.of(flag.when)) for flag in spec.flags),
        )
    return prepared


def holds(condition: Condition | PlainCondition, statuses: Mapping[str, Status], context: CallContext, grade: Grade | None = None) -> bool:
    if condition.any_current and not any(statuses.get(l) is CURRENT for l in condition.any_current):
        return False
    if condition.any_asserted and not any(statuses.get(l) in ASSERTED for l in condition.any_asserted):
        return False
    if any(statuses.get(l) is not CURRENT for l in condition.all_current):
        return False
    if any(statuses.get(l) in ASSERTED for l in condition.none_asserted):
        return False
    if any(statuses.get(l) is CURRENT for l in condition.none_current):
        return False
    if condition.repeat_victim is not None and condition.repeat_victim != context.repeat_victim:
        return False
    if condition.grade is not None and condition.grade != grade:
        return False
    return True


def _involved(condition: Condition | PlainCondition | None, by_label: Mapping[str, Indicator]) -> tuple[Indicator, ...]:
    """The indicators that made a condition hold (the positive clauses only)."""
    if condition is None:
        return ()
    wanted: list[str] = []
    for label in (*condition.any_current, *condition.all_current):
        ind = by_label.get(label)
        if ind is not None and ind.status is CURRENT and label not in wanted:
            wanted.append(label)
    for label in condition.any_asserted:
        ind = by_label.get(label)
        if ind is not None and ind.status in ASSERTED and label not in wanted:
            wanted.append(label)
    return tuple(by_label[l] for l in wanted)


def suggest_grade(policy: GradingPolicy, indicators: tuple[Indicator, ...], context: CallContext) -> GradeSuggestion:
    by_label = {i.label: i for i in indicators}
    statuses = {i.label: i.status for i in indicators}
    prepared = _prepared(policy)
    fired: FiredRule | None = None
    for rule, when in prepared.rules:
        if when is None or holds(when, statuses, context):
            fired = FiredRule(
                id=rule.id,
                grade=rule.grade,
                description=rule.description,
                indicators=_involved(when, by_label),
                policy=policy.refs[rule.id],
            )
            break
    assert fired is not None, "the policy's last rule has no condition"
    flags = tuple(
        Flag(
            id=flag.id,
            action=flag.action,
            reason=flag.reason,
            indicators=tuple(i.label for i in _involved(when, by_label)),
            policy=policy.refs[flag.id],
        )
        for flag, when in prepared.flags
        if holds(when, statuses, context, grade=fired.grade)
    )
    return GradeSuggestion(grade=fired.grade, rules=(fired,), flags=flags, policy_version=policy.version)
