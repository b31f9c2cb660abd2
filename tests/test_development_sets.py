"""The development sets are data the scores rest on: every file must read as gold cases, keep
its ids unique, and give each case the grade the shipped default policy derives from its own
gold indicators (grading.md). A set whose golds and grades disagree would mislead every
figure printed from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.casefiles import read_cases
from assistant.grading.engine import suggest_grade
from assistant.grading.policy import DEFAULT_POLICY, load_policy
from assistant.labels import LABELS
from assistant.models import CallContext, Indicator

DATA = Path(__file__).parent / "data"
SETS = sorted(p for p in DATA.glob("*_cases.jsonl") if p.name != "sample_cases.jsonl")  # sample: input only
PRESENT_ONLY = {"suspect_present", "cannot_talk_safely", "safety_confirmed"}


def test_the_sets_are_there() -> None:
    names = {p.name for p in SETS}
    assert {"dev_cases.jsonl", "holdout_cases.jsonl", "fresh_w_cases.jsonl", "fresh_x_cases.jsonl"} <= names


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_gold_grades_follow_the_default_policy(path: Path) -> None:
    policy = load_policy(DEFAULT_POLICY)
    cases = read_cases(path, gold=True)
    assert cases, f"{path.name} is empty"
    ids = [case.id for case in cases]
    assert len(ids) == len(set(ids)), f"{path.name}: duplicate ids"
    wrong = []
    for case in cases:
        assert set(case.indicators) <= set(LABELS), f"{path.name} {case.id}: unknown label"
        assert not any(
            case.indicators[label].value == "historical" for label in PRESENT_ONLY & set(case.indicators)
        ), f"{path.name} {case.id}: a present-only label marked historical"
        indicators = tuple(Indicator(label=label, status=status) for label, status in case.indicators.items())
        got = suggest_grade(policy, indicators, CallContext()).grade
        if got is not case.grade:
            wrong.append((case.id, case.grade.value, got.value))
    assert not wrong, f"{path.name}: gold grades that the policy does not give: {wrong}"
