"""Calls: open, add a note (committed first, then analysed), answer a prompt, choose a
grade, close, read. Every mutation bumps the call's version (optimistic concurrency: a
stale If-Match gets 412) and writes an audit row in the same transaction."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from api.db.models import AnalysisRecord, Call, GradeDecision, Note, Party, PromptAnswer, User, aware, utcnow
from api.db.session import transaction
from api.schemas import (AnalysisOut, AnswerIn, AnswerKind, AnswerOut, CallListItem, CallOut, CarriedAnswerOut,
                         DecisionOut, DecisionResult, EarlierCallOut, GradeIn, NoteOut, NoteResult, OpenCallIn,
                         PartyIn, PartyOut, RepeatOut)
from api.services import audit
from api.services.auth import Principal, Role
from api.services.authz import HANDLERS, SCRIPT_FOR_ROLE, check_call, require_role
from api.services.context import AppContext
from api.services.datafiles import answers as answer_file
from api.services.errors import Conflict, Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired
from api.services.parties import fill_normalised, find_earlier_calls
from assistant.labels import ASSERTED, GRADE_URGENCY, Grade
from assistant.models import CallContext
from assistant.questions.script import load_script

log = logging.getLogger("api.calls")
READERS = frozenset({Role.CALL_HANDLER, Role.FRONT_COUNTER, Role.SUPERVISOR})


# ---------------------------------------------------------------- helpers
def parse_if_match(value: str | None, *, required: bool) -> int | None:
    if value is None or not value.strip():
        if required:
            raise PreconditionRequired('send If-Match with the call version you last saw, e.g. If-Match: "3"')
        return None
    raw = value.strip()
    if raw.startswith("W/"):
        raw = raw[2:]
    raw = raw.strip('"')
    if not raw.isdigit() or len(raw) > 9:
        raise PreconditionFailed(f"If-Match must be a call version such as \"3\", got {value[:40]!r}")
    return int(raw)


def _load(session: Session, call_id: str, *, parties: bool = False) -> Call:
    if len(call_id) > 64:
        raise NotFound("no such call")
    query = select(Call).where(Call.id == call_id)
    if parties:
        query = query.options(selectinload(Call.parties))
    call = session.scalar(query)
    if call is None:
        raise NotFound(f"no call with id {call_id[:64]!r}")
    return call


def _bump(session: Session, call: Call, expected: int | None) -> int:
    """Take the call's row (PostgreSQL locks it until commit; SQLite holds the write lock),
    so notes get consecutive sequence numbers and a stale version is refused."""
    stmt = update(Call).where(Call.id == call.id)
    if expected is not None:
        stmt = stmt.where(Call.version == expected)
    version = session.execute(stmt.values(version=Call.version + 1).returning(Call.version)).scalar()
    if version is None:
        session.refresh(call)
        raise PreconditionFailed(f"the call changed: it is at version {call.version}, you sent {expected}; "
                                 "reload it and try again")
    return version


def _require_open(call: Call) -> None:
    if call.status != "open":
        raise Conflict("the call is closed")


def _usernames(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(User.id, User.username).where(User.id.in_(ids))).all())


def _note_out(n: Note, names: dict[int, str] | None = None) -> NoteOut:
    return NoteOut(id=n.id, seq=n.seq, kind=n.kind, text=n.text, created_at=n.created_at,
                   author=(names or {}).get(n.author_id))


def _analysis_out(rec: AnalysisRecord, lengths: list[int], limit: int) -> AnalysisOut:
    return AnalysisOut(status=rec.status, call_version=rec.call_version, notes_seen=rec.notes_seen,
                       versions=rec.versions or {}, duration_ms=round(rec.duration_ms, 3), result=rec.result,
                       error=rec.error, warnings=_partial_warnings(lengths[: rec.notes_seen], limit))


def _partial_warnings(lengths: list[int], limit: int) -> list[str]:
    return [f"note {i} has {n:,} characters: only the first {limit:,} were analysed; read the rest"
            for i, n in enumerate(lengths) if n > limit]


def _answer_out(a: PromptAnswer, seqs: dict[int, int]) -> AnswerOut:
    return AnswerOut(question_id=a.question_id, answer=a.answer, detail=a.detail,
                     note_seq=seqs.get(a.note_id) if a.note_id else None, answered_at=a.answered_at)


# ---------------------------------------------------------------- open
def open_call(ctx: AppContext, principal: Principal, body: OpenCallIn) -> CallOut:
    require_role(ctx.sessions, principal, HANDLERS, "call.open")
    script = body.script.value if body.script else SCRIPT_FOR_ROLE[principal.role]
    if script != SCRIPT_FOR_ROLE[principal.role]:
        raise Forbidden(f"the {principal.role.value} role opens {SCRIPT_FOR_ROLE[principal.role]} calls only",
                        audit=(principal, "call.open", None, f"script {script}"))
    with transaction(ctx.sessions) as session:
        call = Call(script=script, opened_by=principal.user_id, status="open", version=1, earlier_calls=[])
        session.add(call)
        session.flush()
        for p in body.parties:
            call.parties.append(fill_normalised(Party(**p.model_dump())))
        session.flush()
        _match_repeat(ctx, session, call)
        audit.record(session, principal, "call.open", call_id=call.id, detail=f"parties={len(body.parties)}")
        call_id = call.id
    return get_call(ctx, principal, call_id, audit_view=False)


def add_party(ctx: AppContext, principal: Principal, call_id: str, body: PartyIn, if_match: str | None) -> CallOut:
    expected = parse_if_match(if_match, required=False)
    require_role(ctx.sessions, principal, HANDLERS, "call.party.add", call_id=call_id)
    with transaction(ctx.sessions) as session:
        call = _load(session, call_id, parties=True)
        check_call(ctx.sessions, principal, call, "call.party.add", write=True)
        _require_open(call)
        _bump(session, call, expected)
        call.parties.append(fill_normalised(Party(**body.model_dump())))
        session.flush()
        _match_repeat(ctx, session, call)
        audit.record(session, principal, "call.party.add", call_id=call.id, detail=f"role={body.role}")
    return get_call(ctx, principal, call_id, audit_view=False)


def _match_repeat(ctx: AppContext, session: Session, call: Call) -> None:
    earlier = find_earlier_calls(session, call, ctx.settings)
    call.earlier_calls = [{"call_id": e.call_id, "opened_at": aware(e.opened_at).isoformat(),
                           "matched_on": list(e.matched_on)} for e in earlier]
    call.earlier_incidents = len(earlier)
    call.repeat_victim = len(earlier) + 1 >= ctx.settings.repeat_min_incidents


# ---------------------------------------------------------------- notes and answers
@dataclass
class _Written:
    call_id: str
    version: int
    script: str
    note: Note | None
    answer: PromptAnswer | None
    author: str
    notes: list[str]
    context: CallContext
    asked: frozenset[str]


def _written(session: Session, call: Call, version: int, note: Note | None, answer: PromptAnswer | None,
             principal: Principal) -> _Written:
    """What the analysis needs, read in the writing transaction (so it includes this note)."""
    notes = list(session.scalars(select(Note.text).where(Note.call_id == call.id).order_by(Note.seq)))
    context, asked = _context_and_asked(session, call)
    return _Written(call.id, version, call.script, note, answer, principal.username, notes, context, asked)


def add_note(ctx: AppContext, principal: Principal, call_id: str, text: str, if_match: str | None,
             *, kind: str = "note") -> NoteResult:
    expected = parse_if_match(if_match, required=False)
    if len(text) > ctx.settings.max_note_chars:
        raise Invalid(f"the note has {len(text):,} characters; the limit is {ctx.settings.max_note_chars:,}")
    require_role(ctx.sessions, principal, HANDLERS, "note.add", call_id=call_id)
    with transaction(ctx.sessions) as session:
        call = _load(session, call_id)
        check_call(ctx.sessions, principal, call, "note.add", write=True)
        _require_open(call)
        version = _bump(session, call, expected)
        note = _append_note(session, call, principal, text, kind)
        audit.record(session, principal, "note.add", call_id=call.id, detail=f"seq={note.seq} kind={kind}")
        written = _written(session, call, version, note, None, principal)
    ctx.metrics.notes_added.inc()
    return _analyse_and_store(ctx, written)


def _append_note(session: Session, call: Call, principal: Principal, text: str, kind: str) -> Note:
    seq = session.scalar(select(func.coalesce(func.max(Note.seq), -1) + 1).where(Note.call_id == call.id))
    now = utcnow()
    note_id = session.execute(insert(Note).values(call_id=call.id, seq=seq, kind=kind, text=text,
                                                  author_id=principal.user_id, created_at=now)
                              .returning(Note.id)).scalar_one()
    if call.first_note_at is None:
        session.execute(update(Call).where(Call.id == call.id).values(first_note_at=now))
    return Note(id=note_id, call_id=call.id, seq=seq, kind=kind, text=text, author_id=principal.user_id,
                created_at=now)


def answer_prompt(ctx: AppContext, principal: Principal, call_id: str, body: AnswerIn,
                  if_match: str | None) -> NoteResult:
    expected = parse_if_match(if_match, required=False)
    require_role(ctx.sessions, principal, HANDLERS, "answer.add", call_id=call_id)
    with transaction(ctx.sessions) as session:
        call = _load(session, call_id)
        check_call(ctx.sessions, principal, call, "answer.add", write=True)
        statement = _statement(call.script, body)
        if statement is not None and len(statement) > ctx.settings.max_note_chars:
            raise Invalid(f"the detail is longer than {ctx.settings.max_note_chars:,} characters")
        _require_open(call)
        version = _bump(session, call, expected)
        note = _append_note(session, call, principal, statement, "answer") if statement else None
        answer = PromptAnswer(call_id=call.id, question_id=body.question_id, answer=body.answer.value,
                              detail=body.detail, note_id=note.id if note else None, answered_by=principal.user_id)
        session.add(answer)
        session.flush()
        audit.record(session, principal, "answer.add", call_id=call.id,
                     detail=f"question={body.question_id} answer={body.answer.value}")
        written = _written(session, call, version, note, answer, principal)
    return _analyse_and_store(ctx, written)


def _statement(script: str, body: AnswerIn) -> str | None:
    """The note an answer becomes, or None when it only marks the question as asked."""
    spec = load_script(script).spec
    core = {q.id for q in spec.core}
    if body.question_id not in core and body.question_id not in {f.id for f in spec.follow_ups}:
        raise Invalid(f"unknown question id {body.question_id[:64]!r} for the {script} script")
    if body.answer is AnswerKind.DETAIL:
        if not body.detail or not body.detail.strip():
            raise Invalid("answer 'detail' needs the detail text")
        return body.detail
    if body.detail:
        raise Invalid("detail is only for answer 'detail'")
    if body.answer is AnswerKind.DONT_KNOW or body.question_id not in core:
        return None
    entry = answer_file().statements[body.question_id]
    return entry.on_yes if body.answer is AnswerKind.YES else entry.on_no


def _context_and_asked(session: Session, call: Call) -> tuple[CallContext, frozenset[str]]:
    asked = set(session.scalars(select(PromptAnswer.question_id).where(PromptAnswer.call_id == call.id)))
    earlier_ids = [e["call_id"] for e in call.earlier_calls or []]
    carry = answer_file().carry_over
    if earlier_ids and carry:
        asked |= set(session.scalars(select(PromptAnswer.question_id).where(
            PromptAnswer.call_id.in_(earlier_ids), PromptAnswer.question_id.in_(carry),
            PromptAnswer.answer != AnswerKind.DONT_KNOW.value)))
    context = CallContext(repeat_victim=call.repeat_victim, earlier_incidents=call.earlier_incidents)
    return context, frozenset(asked)


def _analyse_and_store(ctx: AppContext, written: _Written) -> NoteResult:
    """The note is already committed; a failure here is reported, never raised."""
    record: AnalysisRecord | None = None
    error: str | None = None
    notes = written.notes
    limit = ctx.settings.analysis_max_chars
    try:
        result, ms = ctx.analysis.analyse([n[:limit] for n in notes], script=written.script,
                                          context=written.context, asked=written.asked)
        ctx.metrics.analysis_seconds.observe(ms / 1000)
        record = AnalysisRecord(call_id=written.call_id, note_id=written.note.id if written.note else None,
                                call_version=written.version, notes_seen=len(notes), status="ok",
                                suggested_grade=result.grade.grade.value,
                                versions=ctx.analysis.versions(written.script),
                                result=result.model_dump(mode="json"), duration_ms=ms)
    except Exception as exc:  # the analysis step must never lose the note
        ctx.metrics.analysis_failures.inc()
        error = f"analysis failed ({type(exc).__name__}); the note is saved"
        log.warning("analysis failed for call %s: %s", written.call_id, type(exc).__name__)
        record = AnalysisRecord(call_id=written.call_id, note_id=written.note.id if written.note else None,
                                call_version=written.version, notes_seen=0, status="failed",
                                error=error, versions={}, result=None, duration_ms=0.0)
    try:
        with transaction(ctx.sessions) as session:
            record.created_at = utcnow()
            session.execute(insert(AnalysisRecord).values(
                {c.key: getattr(record, c.key) for c in AnalysisRecord.__table__.columns if c.key != "id"}))
            if record.status == "ok":
                session.execute(update(Call).where(Call.id == written.call_id,
                                                   Call.analysed_version < written.version)
                                .values(analysed_version=written.version, suggested_grade=record.suggested_grade))
    except Exception as exc:
        error = f"the analysis could not be stored ({type(exc).__name__}); the note is saved"
        log.warning("storing the analysis failed for call %s: %s", written.call_id, type(exc).__name__)
    seqs = {written.note.id: written.note.seq} if written.note else {}
    return NoteResult(
        call_id=written.call_id, call_version=written.version,
        note=_note_out(written.note, {written.note.author_id: written.author}) if written.note else None,
        answer=_answer_out(written.answer, seqs) if written.answer else None,
        analysis=(_analysis_out(record, [len(n) for n in notes], limit)
                  if record is not None and record.status == "ok" and error is None else None),
        analysis_error=error,
    )


# ---------------------------------------------------------------- grade and close
def choose_grade(ctx: AppContext, principal: Principal, call_id: str, body: GradeIn,
                 if_match: str | None) -> DecisionResult:
    expected = parse_if_match(if_match, required=True)
    require_role(ctx.sessions, principal, HANDLERS, "grade.choose", call_id=call_id)
    with transaction(ctx.sessions) as session:
        call = _load(session, call_id)
        check_call(ctx.sessions, principal, call, "grade.choose", write=True)
        _require_open(call)
        suggested = call.suggested_grade
        downgrade = suggested is not None and GRADE_URGENCY[body.grade] < GRADE_URGENCY[Grade(suggested)]
        reason = (body.reason or "").strip() or None
        if downgrade and (reason is None or len(reason) < 5):
            raise Invalid(f"a reason (at least 5 characters) is required: {body.grade.value} is less urgent "
                          f"than the suggested {suggested}")
        version = _bump(session, call, expected)
        decision = GradeDecision(call_id=call.id, suggested=suggested, chosen=body.grade.value, downgrade=downgrade,
                                 reason=reason, decided_by=principal.user_id)
        session.add(decision)
        call.chosen_grade = body.grade.value
        call.graded_at = utcnow()
        session.flush()
        audit.record(session, principal, "grade.choose", call_id=call.id,
                     detail=f"suggested={suggested} chosen={body.grade.value} downgrade={downgrade}")
        out = DecisionOut(suggested=suggested, chosen=decision.chosen, downgrade=downgrade, reason=reason,
                          decided_by=principal.username, decided_at=decision.decided_at)
    return DecisionResult(call_id=call_id, call_version=version, decision=out)


def close_call(ctx: AppContext, principal: Principal, call_id: str, if_match: str | None) -> tuple[str, int]:
    expected = parse_if_match(if_match, required=True)
    require_role(ctx.sessions, principal, HANDLERS, "call.close", call_id=call_id)
    with transaction(ctx.sessions) as session:
        call = _load(session, call_id)
        check_call(ctx.sessions, principal, call, "call.close", write=True)
        _require_open(call)
        version = _bump(session, call, expected)
        call.status = "closed"
        call.closed_at = utcnow()
        audit.record(session, principal, "call.close", call_id=call.id)
    return "closed", version


# ---------------------------------------------------------------- read
def list_calls(ctx: AppContext, principal: Principal, *, status: str | None, limit: int) -> list[CallListItem]:
    require_role(ctx.sessions, principal, READERS, "call.list")
    with transaction(ctx.sessions) as session:
        query = select(Call).order_by(Call.opened_at.desc()).limit(limit)
        if principal.role in SCRIPT_FOR_ROLE:
            query = query.where(Call.script == SCRIPT_FOR_ROLE[principal.role])
        if status:
            query = query.where(Call.status == status)
        calls = list(session.scalars(query))
        audit.record(session, principal, "call.list", detail=f"count={len(calls)}")
        return [CallListItem(id=c.id, script=c.script, status=c.status, opened_at=c.opened_at,
                             suggested_grade=c.suggested_grade, chosen_grade=c.chosen_grade,
                             repeat_victim=c.repeat_victim) for c in calls]


def get_call(ctx: AppContext, principal: Principal, call_id: str, *, audit_view: bool = True) -> CallOut:
    require_role(ctx.sessions, principal, READERS, "call.view", call_id=call_id)
    with transaction(ctx.sessions) as session:
        call = _load(session, call_id, parties=True)
        check_call(ctx.sessions, principal, call, "call.view", write=False)
        notes = list(session.scalars(select(Note).where(Note.call_id == call.id).order_by(Note.seq)))
        answers = list(session.scalars(select(PromptAnswer).where(PromptAnswer.call_id == call.id)
                                       .order_by(PromptAnswer.id)))
        decisions = list(session.scalars(select(GradeDecision).where(GradeDecision.call_id == call.id)
                                         .order_by(GradeDecision.id)))
        latest = session.scalar(select(AnalysisRecord).where(AnalysisRecord.call_id == call.id)
                                .order_by(AnalysisRecord.call_version.desc(), AnalysisRecord.id.desc()).limit(1))
        names = _usernames(session, {n.author_id for n in notes} | {d.decided_by for d in decisions})
        seqs = {n.id: n.seq for n in notes}
        if audit_view:
            audit.record(session, principal, "call.view", call_id=call.id)
        return CallOut(
            id=call.id, script=call.script, status=call.status, version=call.version, opened_at=call.opened_at,
            closed_at=call.closed_at, suggested_grade=call.suggested_grade, chosen_grade=call.chosen_grade,
            parties=[PartyOut(id=p.id, role=p.role, name=p.name, dob=p.dob, phone=p.phone, address=p.address)
                     for p in call.parties],
            notes=[_note_out(n, names) for n in notes],
            answers=[_answer_out(a, seqs) for a in answers],
            decisions=[DecisionOut(suggested=d.suggested, chosen=d.chosen, downgrade=d.downgrade, reason=d.reason,
                                   decided_by=names.get(d.decided_by), decided_at=d.decided_at) for d in decisions],
            repeat=repeat_info(session, call),
            analysis=_analysis_out(latest, [len(n.text) for n in notes], ctx.settings.analysis_max_chars)
            if latest else None,
        )


def repeat_info(session: Session, call: Call) -> RepeatOut:
    earlier = call.earlier_calls or []
    ids = [e["call_id"] for e in earlier]
    rows = {c.id: c for c in session.scalars(select(Call).where(Call.id.in_(ids)))} if ids else {}
    labels: dict[str, list[str]] = {}
    for cid in rows:
        rec = session.scalar(select(AnalysisRecord.result).where(AnalysisRecord.call_id == cid,
                                                                 AnalysisRecord.status == "ok")
                             .order_by(AnalysisRecord.call_version.desc()).limit(1))
        labels[cid] = [i["label"] for i in (rec or {}).get("indicators", []) if i["status"] in ASSERTED]
    carried: list[CarriedAnswerOut] = []
    if ids:
        seen: set[str] = set()
        for a in session.scalars(select(PromptAnswer).where(PromptAnswer.call_id.in_(ids),
                                                            PromptAnswer.question_id.in_(answer_file().carry_over))
                                 .order_by(PromptAnswer.answered_at.desc())):
            if a.question_id in seen or a.answer == AnswerKind.DONT_KNOW.value:
                continue
            seen.add(a.question_id)
            carried.append(CarriedAnswerOut(question_id=a.question_id, answer=a.answer, detail=a.detail,
                                            call_id=a.call_id, answered_at=a.answered_at))
    return RepeatOut(
        repeat_victim=call.repeat_victim, earlier_incidents=call.earlier_incidents,
        earlier_calls=[EarlierCallOut(call_id=e["call_id"], opened_at=datetime.fromisoformat(e["opened_at"]),
                                      matched_on=e["matched_on"],
                                      chosen_grade=rows[e["call_id"]].chosen_grade if e["call_id"] in rows else None,
                                      suggested_grade=rows[e["call_id"]].suggested_grade if e["call_id"] in rows else None,
                                      indicators=labels.get(e["call_id"], []))
                       for e in earlier],
        earlier_answers=carried,
    )
