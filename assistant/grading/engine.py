"""Applies a grading policy to the resolved indicators.

Rules are tried in order and the first that holds sets the grade; the suggestion carries
that rule with the indicators (and their evidence) that made it fire and the policy
passages behind it, plus every flag for action whose condition holds.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.grading.policy import Condition, GradingPolicy
from assistant.labels import ASSERTED, Grade, Status
from assistant.models import CallContext, FiredRule, Flag, GradeSuggestion, Indicator


def holds(condition: Condition, statuses: Mapping[str, Status], context: CallContext, grade: Grade | None = None) -> bool:
    if condition.any_current and not any(statuses.get(l) is Status.CURRENT for l in condition.any_current):
        return False
    if condition.any_asserted and not any(statuses.get(l) in ASSERTED for l in condition.any_asserted):
        return False
    if any(statuses.get(l) is not Status.CURRENT for l in condition.all_current):
        return False
    if any(statuses.get(l) in ASSERTED for l in condition.none_asserted):
        return False
    if any(statuses.get(l) is Status.CURRENT for l in condition.none_current):
        return False
    if condition.repeat_victim is not None and condition.repeat_victim != context.repeat_victim:
        return False
    if condition.grade is not None and condition.grade != grade:
        return False
    return True


def _involved(condition: Condition | None, by_label: Mapping[str, Indicator]) -> tuple[Indicator, ...]:
    """The indicators that made a condition hold (the positive clauses only)."""
    if condition is None:
        return ()
    wanted: list[str] = []
    for label in (*condition.any_current, *condition.all_current):
        ind = by_label.get(label)
        if ind is not None and ind.status is Status.CURRENT and label not in wanted:
            wanted.append(label)
    for label in condition.any_asserted:
        ind = by_label.get(label)
        if ind is not None and ind.status in ASSERTED and label not in wanted:
            wanted.append(label)
    return tuple(by_label[l] for l in wanted)


def suggest_grade(policy: GradingPolicy, indicators: tuple[Indicator, ...], context: CallContext) -> GradeSuggestion:
    by_label = {i.label: i for i in indicators}
    statuses = {i.label: i.status for i in indicators}
    fired: FiredRule | None = None
    for rule in policy.spec.rules:
        if rule.when is None or holds(rule.when, statuses, context):
            fired = FiredRule(
                id=rule.id,
                grade=rule.grade,
                description=rule.description,
                indicators=_involved(rule.when, by_label),
                policy=policy.refs[rule.id],
            )
            break
    assert fired is not None, "the policy's last rule has no condition"
    flags = tuple(
        Flag(
            id=flag.id,
            action=flag.action,
            reason=flag.reason,
            indicators=tuple(i.label for i in _involved(flag.when, by_label)),
            policy=policy.refs[flag.id],
        )
        for flag in policy.spec.flags
        if holds(flag.when, statuses, context, grade=fired.grade)
    )
    return GradeSuggestion(grade=fired.grade, rules=(fired,), flags=flags, policy_version=policy.version)
