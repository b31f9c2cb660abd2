"""What each bot turn carries: a short line for the chat and a JSON payload for the sidebar.

Payload (REST channel: the `custom` message), every turn:
  kind            what the turn is (note, question, grade, policy, summary, help, notice, ...)
  call_open       whether a call is open
  indicators      [{label, status, implied_by, evidence: [{message, start, end, text, status, rule}]}]
  grade           {grade, rules: [{id, grade, description, indicators, policy}], flags: [...]} or null
  next_questions  [{id, text, reason, critical, kind, settles, policy}]
                  (`policy` fields hold citation ids; each passage is quoted once, in `citations`)
  pending         the prompt on screen awaiting an answer, or null
  citations       [{id, document, section, quote}] policy passages behind this turn
  answers         answers given to prompts so far
"""

from __future__ import annotations

from typing import Any

from assistant.labels import Status
from assistant.models import Analysis, GradeSuggestion, Indicator, PolicyRef, Question

from actions.state import CallState

PAYLOAD_VERSION = 1


def _ref(r: PolicyRef) -> dict[str, str]:
    return {"id": r.id, "document": r.document, "section": r.section, "quote": r.quote}


def indicator_json(i: Indicator) -> dict[str, Any]:
    return {
        "label": i.label,
        "status": i.status.value,
        "implied_by": list(i.implied_by),
        "evidence": [
            {"message": e.message, "start": e.start, "end": e.end, "text": e.text, "status": e.status.value,
             "rule": e.rule}
            for e in i.evidence
        ],
    }


def grade_json(g: GradeSuggestion) -> dict[str, Any]:
    return {
        "grade": g.grade.value,
        "policy_version": g.policy_version,
        "rules": [
            {"id": r.id, "grade": r.grade.value, "description": r.description,
             "indicators": [i.label for i in r.indicators], "policy": [p.id for p in r.policy]}
            for r in g.rules
        ],
        "flags": [
            {"id": f.id, "action": f.action, "reason": f.reason, "indicators": list(f.indicators),
             "policy": [p.id for p in f.policy]}
            for f in g.flags
        ],
    }


def question_json(q: Question) -> dict[str, Any]:
    return {"id": q.id, "text": q.text, "reason": q.reason, "critical": q.critical, "kind": q.kind,
            "settles": q.settles, "policy": [p.id for p in q.policy]}


def citations(analysis: Analysis | None, extra: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Unique policy passages behind the grade, flags and suggested questions, then `extra`."""
    seen: dict[str, dict[str, Any]] = {}
    if analysis is not None:
        refs = [p for r in analysis.grade.rules for p in r.policy]
        refs += [p for f in analysis.grade.flags for p in f.policy]
        refs += [p for q in analysis.questions for p in q.policy]
        for p in refs:
            seen.setdefault(p.id, _ref(p))
    for c in extra or []:
        seen.setdefault(c.get("id") or f"_{len(seen)}", c)
    return list(seen.values())


def payload(
    kind: str,
    state: CallState,
    analysis: Analysis | None,
    *,
    pending: Question | None = None,
    extra_citations: list[dict[str, Any]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "version": PAYLOAD_VERSION,
        "kind": kind,
        "call_open": state.open,
        "script": state.script,
        "notes": len(state.notes),
        "indicators": [indicator_json(i) for i in analysis.indicators] if analysis else [],
        "grade": grade_json(analysis.grade) if analysis else None,
        "next_questions": [question_json(q) for q in analysis.questions] if analysis else [],
        "pending": question_json(pending) if pending else None,
        "citations": citations(analysis, [*(extra_citations or []), *(_ref(p) for p in (pending.policy if pending else ()))]),
        "answers": [a.as_dict() for a in state.answers],
        "children_count": state.children_count,
    }
    body.update(extra)
    return body


def status_line(analysis: Analysis, labels: list[str] | None = None) -> str:
    """"weapon (current), children_present (negated)" for the given labels, or all."""
    wanted = [i for i in analysis.indicators if labels is None or i.label in labels]
    return ", ".join(f"{i.label} ({i.status.value})" for i in wanted)


def changed_labels(before: Analysis | None, after: Analysis) -> list[str]:
    old = before.statuses() if before else {}
    return [label for label, status in after.statuses().items() if old.get(label) != status]


def grade_line(analysis: Analysis) -> str:
    g = analysis.grade
    why = g.rules[0].description if g.rules else ""
    line = f"Suggested grade: {g.grade.value.upper()}" + (f" ({why})" if why else "")
    if g.flags:
        line += ". Flags: " + "; ".join(f.action for f in g.flags)
    return line


def summary_text(state: CallState, analysis: Analysis) -> str:
    """Plain text for the incident log."""
    by_status: dict[Status, list[str]] = {s: [] for s in Status}
    for i in analysis.indicators:
        by_status[i.status].append(i.label.replace("_", " "))
    lines = [f"Call summary ({analysis.script}, {len(state.notes)} messages)", grade_line(analysis)]
    for status, title in ((Status.CURRENT, "Current risks"), (Status.HISTORICAL, "History"),
                          (Status.NEGATED, "Denied / ruled out")):
        if by_status[status]:
            lines.append(f"{title}: " + ", ".join(by_status[status]))
    if state.answers:
        lines.append("Answers: " + "; ".join(f"{a.question}: {a.text.strip()[:60]}" for a in state.answers))
    if state.children_count:
        lines.append(f"Children: {state.children_count}")
    critical = [q.id for q in analysis.questions if q.critical]
    if critical:
        lines.append("Not yet established: " + ", ".join(critical))
    return "\n".join(lines)
