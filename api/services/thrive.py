"""The incident-log summary, structured as THRIVE: threat, harm, risk, investigation,
vulnerability, engagement. Built from the latest analysis, the answers, the grade decisions
and the repeat-victim history; which indicator goes under which heading is api/data/thrive.yml."""

from __future__ import annotations

from sqlalchemy import select

from api.db.models import AnalysisRecord, GradeDecision, PromptAnswer
from api.db.session import transaction
from api.schemas import ThriveOut
from api.services import audit
from api.services.auth import Principal
from api.services.calls import READERS, _load, repeat_info
from api.services.authz import check_call, require_role
from api.services.context import AppContext
from api.services.datafiles import thrive

HEADINGS = {"threat": "THREAT", "harm": "HARM", "risk": "RISK", "investigation": "INVESTIGATION",
            "vulnerability": "VULNERABILITY", "engagement": "ENGAGEMENT"}


def _indicator_line(ind: dict) -> str:
    quotes = "; ".join(f'"{e["text"]}"' for e in ind.get("evidence", [])[:2])
    label = ind["label"].replace("_", " ")
    return f"{label}: {ind['status']}" + (f" ({quotes})" if quotes else "")


def summary(ctx: AppContext, principal: Principal, call_id: str) -> ThriveOut:
    require_role(ctx.sessions, principal, READERS, "call.summary", call_id=call_id)
    with transaction(ctx.sessions) as session:
        call = _load(session, call_id, parties=True)
        check_call(ctx.sessions, principal, call, "call.summary", write=False)
        latest = session.scalar(select(AnalysisRecord).where(AnalysisRecord.call_id == call.id,
                                                             AnalysisRecord.status == "ok")
                                .order_by(AnalysisRecord.call_version.desc()).limit(1))
        answers = list(session.scalars(select(PromptAnswer).where(PromptAnswer.call_id == call.id)
                                       .order_by(PromptAnswer.id)))
        decision = session.scalar(select(GradeDecision).where(GradeDecision.call_id == call.id)
                                  .order_by(GradeDecision.id.desc()).limit(1))
        repeat = repeat_info(session, call)
        audit.record(session, principal, "call.summary", call_id=call.id)

    result = latest.result if latest else {}
    by_label = {i["label"]: i for i in result.get("indicators", [])}
    sections: dict[str, list[str]] = {name: [] for name in HEADINGS}
    for name, labels in thrive().sections.items():
        sections[name] += [_indicator_line(by_label[l]) for l in labels if l in by_label]
        unknown = [l.replace("_", " ") for l in labels if l not in by_label]
        if unknown and latest:
            sections[name].append("not yet known: " + ", ".join(unknown))
    grade = result.get("grade") or {}
    if grade:
        sections["risk"].insert(0, f"suggested grade: {grade['grade']}"
                                + "".join(f" [{r['id']}]" for r in grade.get("rules", [])))
        for flag in grade.get("flags", []):
            sections["risk"].append(f"action: {flag['action']} ({flag['reason']})")
    if decision:
        line = f"chosen grade: {decision.chosen}"
        if decision.downgrade:
            line += f" (less urgent than suggested {decision.suggested}; reason: {decision.reason})"
        sections["risk"].insert(1 if grade else 0, line)
    if repeat.repeat_victim:
        sections["vulnerability"].insert(0, f"repeat victim: {repeat.earlier_incidents} earlier call(s) "
                                            "in twelve months")
    if repeat.earlier_calls:
        sections["investigation"].append("earlier calls: " + ", ".join(
            f"{e.call_id[:8]} ({e.opened_at.date().isoformat()}, matched on {'/'.join(e.matched_on)})"
            for e in repeat.earlier_calls))
    for a in answers:
        if a.answer == "dont_know":
            sections["engagement"].append(f"caller did not know: {a.question_id.replace('_', ' ')}")
    if not latest:
        sections["risk"].append("no analysis yet")
    text = "\n".join(f"{HEADINGS[name]}: " + ("; ".join(lines) if lines else "nothing recorded")
                     for name, lines in sections.items())
    return ThriveOut(call_id=call.id, sections=sections, text=text)
