"""Who may do what. Every refusal is audited as `denied` (by the app's error handler, once
the request's own transaction has ended)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from api.db.models import Call
from api.services.auth import Principal, Role
from api.services.errors import Forbidden

# the script each handling role works with
SCRIPT_FOR_ROLE = {Role.CALL_HANDLER: "call_999", Role.FRONT_COUNTER: "front_counter"}
HANDLERS = frozenset(SCRIPT_FOR_ROLE)


def require_role(sessions: sessionmaker[Session], principal: Principal, allowed: frozenset[Role], action: str,
                 *, call_id: str | None = None) -> None:
    if principal.role not in allowed:
        raise Forbidden(f"the {principal.role.value} role may not do this ({action})",
                        audit=(principal, action, call_id, f"role {principal.role.value} not allowed"))


def can_read_call(principal: Principal, call: Call) -> bool:
    if principal.role is Role.SUPERVISOR:
        return True
    return SCRIPT_FOR_ROLE.get(principal.role) == call.script


def can_write_call(principal: Principal, call: Call) -> bool:
    return SCRIPT_FOR_ROLE.get(principal.role) == call.script


def check_call(sessions: sessionmaker[Session], principal: Principal, call: Call, action: str, *, write: bool) -> None:
    allowed = can_write_call(principal, call) if write else can_read_call(principal, call)
    if not allowed:
        raise Forbidden(f"the {principal.role.value} role may not {'change' if write else 'see'} this call",
                        audit=(principal, action, call.id, f"role {principal.role.value} on a {call.script} call"))
