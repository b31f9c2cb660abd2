from __future__ import annotations

from typing import Any

import httpx
from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from api.db import migrate
from api.deps import CtxDep
from api.services import datafiles

router = APIRouter(tags=["health"])


@router.get("/health", summary="Liveness: the process answers")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/ready", summary="Readiness: database (at the latest migration), analyser, Rasa, model hashes",
            responses={503: {"description": "not ready"}})
def ready(ctx: CtxDep, response: Response) -> dict[str, Any]:
    checks: dict[str, Any] = {}
    try:
        with ctx.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        current = migrate.current_revision_on(ctx.engine)
        head = migrate.head_revision()
        checks["database"] = {"ok": current == head, "revision": current, "head": head,
                              "backend": ctx.engine.dialect.name}
    except Exception as exc:
        checks["database"] = {"ok": False, "error": type(exc).__name__}
    checks["analyser"] = {"ok": ctx.analysis.loaded}
    if ctx.analysis.loaded:
        checks["models"] = {**{f"{k}": v for k, v in ctx.analysis.versions("call_999").items()},
                            "front_counter_script": ctx.analysis.versions("front_counter")["script"],
                            **{f"api/{k}": v for k, v in datafiles.versions().items()}}
    checks["policy_search"] = ctx.extras["policy"].status()
    try:
        r = ctx.extras["http"].get(ctx.settings.rasa_url.rstrip("/") + "/", timeout=min(1.0, ctx.settings.rasa_timeout_seconds))
        checks["rasa"] = {"ok": r.status_code < 500, "status": r.status_code}
    except httpx.HTTPError as exc:
        checks["rasa"] = {"ok": False, "error": type(exc).__name__, "note": "chat runs in degraded mode"}
    ready_ = checks["database"]["ok"] and checks["analyser"]["ok"]
    if not ready_:
        response.status_code = 503
    return {"ready": ready_, "checks": checks}


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
def metrics(ctx: CtxDep) -> Response:
    return Response(generate_latest(ctx.metrics.registry), media_type=CONTENT_TYPE_LATEST)
