"""The audit trail: who viewed or changed what, and who was refused. Ids and actions only,
never note text or a party's details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from sqlalchemy import insert

from api.db.models import AuditEvent, utcnow
from api.db.session import transaction

if TYPE_CHECKING:
    from api.services.auth import Principal


def record(session: Session, principal: "Principal | None", action: str, *, call_id: str | None = None,
           outcome: str = "ok", detail: str | None = None) -> None:
    session.execute(insert(AuditEvent).values(  # a plain INSERT: no unit-of-work overhead
        at=utcnow(),
        user_id=principal.user_id if principal else None,
        username=principal.username if principal else None,
        role=principal.role.value if principal else None,
        action=action, call_id=call_id, outcome=outcome, detail=detail[:300] if detail else None,
    ))


def record_alone(sessions: sessionmaker[Session], principal: "Principal | None", action: str, *,
                 call_id: str | None = None, outcome: str = "ok", detail: str | None = None) -> None:
    """For refusals: the request's own transaction is rolled back, the audit row must stay."""
    with transaction(sessions) as session:
        record(session, principal, action, call_id=call_id, outcome=outcome, detail=detail)
