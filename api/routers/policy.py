from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from api.deps import CtxDep, PrincipalDep
from api.schemas import PolicySearchIn
from api.services import audit
from api.services.auth import Role
from api.services.authz import require_role

router = APIRouter(prefix="/api/v1/policy", tags=["policy"])
EVERYONE = frozenset(Role)


@router.post("/search", summary="Search the policy corpus (every role, trainees included)",
             responses={503: {"description": "policy search is not installed or failed to load"}})
async def search(body: PolicySearchIn, ctx: CtxDep, principal: PrincipalDep) -> dict[str, Any]:
    require_role(ctx.sessions, principal, EVERYONE, "policy.search")
    result = await run_in_threadpool(ctx.extras["policy"].search, body.query, body.k)
    await run_in_threadpool(audit.record_alone, ctx.sessions, principal, "policy.search",
                            detail=f"results={len(result['results'])}")
    return result
