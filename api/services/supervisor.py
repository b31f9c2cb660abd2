"""Supervisor views: live high-risk calls, downgrades against the suggestion, repeat victims,
a random dip-sample of graded calls (000: supervisors dip-sample grading decisions), reviews."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, or_, select

from api.db.models import Call, GradeDecision, Note, Review, User
from api.db.session import transaction
from api.schemas import ReviewIn, ReviewOut
from api.services import audit
from api.services.auth import Principal, Role
from api.services.authz import require_role
from api.services.calls import _load
from api.services.context import AppContext

SUPERVISORS = frozenset({Role.SUPERVISOR})


def _since(days: int) -> datetime:
    return datetime.now(timezone.utc) - timedelta(days=days)


def live_high_risk(ctx: AppContext, principal: Principal) -> list[dict[str, Any]]:
    require_role(ctx.sessions, principal, SUPERVISORS, "supervisor.live")
    with transaction(ctx.sessions) as session:
        notes = select(Note.call_id, func.count().label("n"), func.max(Note.created_at).label("last")) \
            .group_by(Note.call_id).subquery()
        rows = session.execute(
            select(Call, notes.c.n, notes.c.last).outerjoin(notes, notes.c.call_id == Call.id)
            .where(Call.status == "open", or_(Call.suggested_grade == "emergency", Call.repeat_victim.is_(True)))
            .order_by(Call.opened_at.desc()).limit(200)).all()
        audit.record(session, principal, "supervisor.live", detail=f"count={len(rows)}")
        return [{"call_id": c.id, "script": c.script, "opened_at": c.opened_at, "suggested_grade": c.suggested_grade,
                 "chosen_grade": c.chosen_grade, "repeat_victim": c.repeat_victim, "notes": n or 0,
                 "last_note_at": last} for c, n, last in rows]


def downgrades(ctx: AppContext, principal: Principal, *, days: int) -> list[dict[str, Any]]:
    require_role(ctx.sessions, principal, SUPERVISORS, "supervisor.downgrades")
    with transaction(ctx.sessions) as session:
        rows = session.execute(
            select(GradeDecision, User.username).join(User, User.id == GradeDecision.decided_by)
            .where(GradeDecision.downgrade.is_(True), GradeDecision.decided_at >= _since(days))
            .order_by(GradeDecision.decided_at.desc()).limit(500)).all()
        audit.record(session, principal, "supervisor.downgrades", detail=f"count={len(rows)}")
        return [{"call_id": d.call_id, "suggested": d.suggested, "chosen": d.chosen, "reason": d.reason,
                 "decided_by": name, "decided_at": d.decided_at} for d, name in rows]


def repeat_victims(ctx: AppContext, principal: Principal, *, days: int) -> list[dict[str, Any]]:
    require_role(ctx.sessions, principal, SUPERVISORS, "supervisor.repeat_victims")
    with transaction(ctx.sessions) as session:
        calls = list(session.scalars(select(Call).where(Call.repeat_victim.is_(True), Call.opened_at >= _since(days))
                                     .order_by(Call.opened_at.desc()).limit(500)))
        audit.record(session, principal, "supervisor.repeat_victims", detail=f"count={len(calls)}")
        return [{"call_id": c.id, "opened_at": c.opened_at, "status": c.status, "earlier_incidents": c.earlier_incidents,
                 "earlier_calls": [e["call_id"] for e in c.earlier_calls or []], "suggested_grade": c.suggested_grade,
                 "chosen_grade": c.chosen_grade} for c in calls]


def dip_sample(ctx: AppContext, principal: Principal, *, n: int | None, days: int,
               seed: int | None) -> list[dict[str, Any]]:
    require_role(ctx.sessions, principal, SUPERVISORS, "supervisor.dip_sample")
    size = n or ctx.settings.dip_sample_size
    with transaction(ctx.sessions) as session:
        ids = sorted(session.scalars(select(Call.id).where(Call.chosen_grade.is_not(None),
                                                           Call.opened_at >= _since(days))))
        picked = random.Random(seed).sample(ids, min(size, len(ids)))
        calls = {c.id: c for c in session.scalars(select(Call).where(Call.id.in_(picked)))} if picked else {}
        reviewed = set(session.scalars(select(Review.call_id).where(Review.call_id.in_(picked)))) if picked else set()
        audit.record(session, principal, "supervisor.dip_sample", detail=f"count={len(picked)}")
        return [{"call_id": cid, "opened_at": calls[cid].opened_at, "suggested_grade": calls[cid].suggested_grade,
                 "chosen_grade": calls[cid].chosen_grade, "repeat_victim": calls[cid].repeat_victim,
                 "reviewed": cid in reviewed} for cid in picked]


def add_review(ctx: AppContext, principal: Principal, body: ReviewIn) -> ReviewOut:
    require_role(ctx.sessions, principal, SUPERVISORS, "supervisor.review", call_id=body.call_id[:64])
    with transaction(ctx.sessions) as session:
        call = _load(session, body.call_id)
        review = Review(call_id=call.id, outcome=body.outcome, comment=body.comment, reviewer_id=principal.user_id)
        session.add(review)
        session.flush()
        audit.record(session, principal, "supervisor.review", call_id=call.id, detail=f"outcome={body.outcome}")
        return ReviewOut(id=review.id, call_id=call.id, outcome=review.outcome, comment=review.comment,
                         reviewer=principal.username, reviewed_at=review.reviewed_at)
