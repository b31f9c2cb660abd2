"""Scores for call cases: `python -m assistant eval cases FILE`.

Metrics as defined in shared/spec/eval-formats.md: per-label and micro precision/recall/F1
for asserted labels (current or historical) and for negated labels, status accuracy on
labels found, grade accuracy with a confusion matrix, under-graded emergencies, question
violations and misses.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from assistant.casefiles import Case
from assistant.labels import ASSERTED, GRADE_URGENCY, LABELS, Grade, Status
from assistant.questions.script import CRITICAL_LABELS, load_script

FIRST_N = 5


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class CaseError:
    case_id: str
    kind: str
    detail: str


@dataclass
class CaseReport:
    cases: int = 0
    asserted: dict[str, PRF] = field(default_factory=lambda: {l: PRF() for l in LABELS})
    negated: dict[str, PRF] = field(default_factory=lambda: {l: PRF() for l in LABELS})
    status_found: int = 0
    status_correct: int = 0
    grade_correct: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    under_graded_emergencies: int = 0
    question_violations: int = 0
    question_misses: int = 0
    errors: list[CaseError] = field(default_factory=list)

    def micro(self, table: dict[str, PRF]) -> PRF:
        return PRF(sum(p.tp for p in table.values()), sum(p.fp for p in table.values()), sum(p.fn for p in table.values()))

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.status_found if self.status_found else 1.0

    @property
    def grade_accuracy(self) -> float:
        return self.grade_correct / self.cases if self.cases else 1.0

    def summary(self) -> dict[str, float | int]:
        return {
            "cases": self.cases,
            "asserted_micro_f1": round(self.micro(self.asserted).f1, 4),
            "negated_micro_f1": round(self.micro(self.negated).f1, 4),
            "status_accuracy": round(self.status_accuracy, 4),
            "grade_accuracy": round(self.grade_accuracy, 4),
            "under_graded_emergencies": self.under_graded_emergencies,
            "question_violations": self.question_violations,
            "question_misses": self.question_misses,
        }


def score_cases(cases: list[Case], predictions: list[dict[str, Any]]) -> CaseReport:
    if len(cases) != len(predictions):
        raise ValueError(f"{len(cases)} gold cases but {len(predictions)} predictions")
    settles = {q.id: q.settles for q in load_script("call_999").spec.core}
    critical_question = {q.settles: q.id for q in load_script("call_999").spec.core if q.settles in CRITICAL_LABELS}
    report = CaseReport()
    for case, pred in zip(cases, predictions):
        assert case.indicators is not None and case.grade is not None
        if pred["id"] != case.id:
            raise ValueError(f"prediction {pred['id']!r} out of order: expected {case.id!r}")
        report.cases += 1
        gold = case.indicators
        got = {label: Status(status) for label, status in pred["indicators"].items()}
        for label in LABELS:
            g, p = gold.get(label), got.get(label)
            for table, members in ((report.asserted, ASSERTED), (report.negated, frozenset({Status.NEGATED}))):
                in_gold, in_pred = g in members, p in members
                if in_gold and in_pred:
                    table[label].tp += 1
                elif in_pred:
                    table[label].fp += 1
                elif in_gold:
                    table[label].fn += 1
            if g is not None and p is not None:
                report.status_found += 1
                if g is p:
                    report.status_correct += 1
            if g != p:
                report.errors.append(CaseError(case.id, "label", f"{label}: gold={g and g.value} got={p and p.value}"))
        grade = Grade(pred["grade"])
        report.confusion[(case.grade.value, grade.value)] += 1
        if grade is case.grade:
            report.grade_correct += 1
        else:
            report.errors.append(CaseError(case.id, "grade", f"gold={case.grade.value} got={grade.value}"))
        if case.grade is Grade.EMERGENCY and GRADE_URGENCY[grade] < GRADE_URGENCY[Grade.EMERGENCY]:
            report.under_graded_emergencies += 1
        questions: list[str] = pred["questions"]
        for qid in questions:
            label = settles.get(qid)
            if label is not None and label in gold:
                report.question_violations += 1
                report.errors.append(CaseError(case.id, "violation", f"asked {qid} but gold mentions {label}"))
        for label, qid in critical_question.items():
            if label not in gold and qid not in questions[:FIRST_N]:
                report.question_misses += 1
                report.errors.append(CaseError(case.id, "miss", f"{qid} not in first {FIRST_N}"))
    return report


def format_report(report: CaseReport, title: str) -> str:
    lines = [f"== {title}: {report.cases} cases", ""]
    lines.append(f"{'label':24} {'asserted P':>10} {'R':>6} {'F1':>6} {'n':>4} | {'negated P':>9} {'R':>6} {'F1':>6} {'n':>4}")
    for label in LABELS:
        a, n = report.asserted[label], report.negated[label]
        lines.append(
            f"{label:24} {a.precision:10.3f} {a.recall:6.3f} {a.f1:6.3f} {a.tp + a.fn:4d} | "
            f"{n.precision:9.3f} {n.recall:6.3f} {n.f1:6.3f} {n.tp + n.fn:4d}"
        )
    ma, mn = report.micro(report.asserted), report.micro(report.negated)
    lines.append(f"{'MICRO':24} {ma.precision:10.3f} {ma.recall:6.3f} {ma.f1:6.3f} {ma.tp + ma.fn:4d} | "
                 f"{mn.precision:9.3f} {mn.recall:6.3f} {mn.f1:6.3f} {mn.tp + mn.fn:4d}")
    lines += ["", f"status accuracy (labels found by both): {report.status_accuracy:.3f} "
                  f"({report.status_correct}/{report.status_found})",
              f"grade accuracy: {report.grade_accuracy:.3f} ({report.grade_correct}/{report.cases})",
              "grade confusion (rows gold, columns suggested):"]
    grades = [g.value for g in Grade]
    lines.append(f"  {'':10}" + "".join(f"{g:>11}" for g in grades))
    for g in grades:
        lines.append(f"  {g:10}" + "".join(f"{report.confusion[(g, s)]:11d}" for s in grades))
    lines += [
        f"under-graded emergencies: {report.under_graded_emergencies}",
        f"question violations: {report.question_violations}",
        f"question misses: {report.question_misses}",
    ]
    return "\n".join(lines)
