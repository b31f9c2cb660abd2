"""The app factory. Nothing is created at import time: `create_app()` reads settings (or
takes them), builds the engine, runs migrations for the embedded SQLite default, and loads
the core engine once in the lifespan (warm before the first request)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

import httpx
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles

from api.db import migrate
from api.db.session import make_engine, make_session_factory
from api.metrics import Metrics
from api.middleware import ServiceMiddleware
from api.routers import auth as auth_routes, calls as call_routes, chat as chat_routes
from api.routers import health as health_routes, policy as policy_routes, supervisor as supervisor_routes
from api.services.analysis import AnalysisService, default_factory
from api.services.memory import Trimmer
from api.services.auth import LoginLimiter
from api.services.context import AppContext
from api.services import audit
from api.services.errors import Forbidden, ServiceError
from api.services.oidc import OidcVerifier
from api.services.policy import PolicyService
from api.settings import Settings, get_settings
from assistant.analysis import Analyser

log = logging.getLogger("api")
WEB_DIR = Path(str(resources.files("api") / "web" / "static"))


def create_app(settings: Settings | None = None, *, analyser_factory: Callable[[], Analyser] | None = None,
               policy: PolicyService | None = None, migrate_now: bool | None = None) -> FastAPI:
    settings = settings or get_settings()
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    if migrate_now if migrate_now is not None else settings.migrate_at_startup:
        migrate.upgrade(settings.db_url)
    engine = make_engine(settings.db_url)
    metrics = Metrics()
    ctx = AppContext(
        settings=settings, engine=engine, sessions=make_session_factory(engine),
        analysis=AnalysisService(analyser_factory or default_factory(settings.analysis_cache_notes,
                                                                     settings.analysis_memory_zones),
                                 trimmer=Trimmer(settings.malloc_trim_seconds)),
        metrics=metrics, readers=make_session_factory(engine, read_only=True),
        extras={"policy": policy or PolicyService(), "login_limiter": LoginLimiter(settings.login_attempts_per_minute),
                # built here, keys loaded on the first token (never at import)
                "oidc": OidcVerifier(settings) if settings.oidc_enabled else None},
    )
    metrics.analysis_cache_notes.set_function(lambda: ctx.analysis.sizes()["cached_notes"])
    metrics.pipeline_strings.set_function(lambda: ctx.analysis.sizes()["strings"])

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        ctx.extras["http"] = httpx.Client()
        await run_in_threadpool(ctx.analysis.analyser)  # warm before the first request
        if settings.policy_preload:
            ctx.extras["policy"].preload()
        log.info("service ready: database %s, analyser loaded", engine.dialect.name)
        if ctx.extras["oidc"] is not None:
            log.info("OIDC on: issuer %s, keys from %s", settings.oidc_issuer,
                     "file" if settings.oidc_jwks_file else "URL")
        try:
            yield
        finally:
            ctx.extras["http"].close()
            if ctx.extras["oidc"] is not None:
                ctx.extras["oidc"].close()
            engine.dispose()

    app = FastAPI(
        title="Domestic abuse call assistant API",
        version="0.1.0",
        description="Calls, notes and analyses, prompts, grades, THRIVE summaries, policy search, chat relay, "
                    "supervisor review and monitoring. Authenticate with `Authorization: Bearer <token>`.",
        lifespan=lifespan,
        docs_url="/docs" if settings.docs_ui else None,
        redoc_url=None,
    )
    app.state.ctx = ctx
    # Before the first request (tests often skip the lifespan), a client with no pool yet.
    ctx.extras.setdefault("http", httpx.Client())

    @app.exception_handler(ServiceError)
    async def service_error(_: Request, exc: ServiceError) -> JSONResponse:
        if isinstance(exc, Forbidden) and exc.audit is not None:
            principal, action, call_id, detail = exc.audit
            await run_in_threadpool(audit.record_alone, ctx.sessions, principal, action, call_id=call_id,
                                    outcome="denied", detail=detail)
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        # The offending input is not echoed back: it may be huge, or personal.
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()[:20]]
        return JSONResponse({"detail": errors, "code": "invalid"}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail, "code": "http_error"}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(OperationalError)
    async def database_unavailable(request: Request, exc: OperationalError) -> JSONResponse:
        # locked, full or restarting: the transaction rolled back, so nothing was stored
        log.warning("database unavailable on %s %s: %s", request.method,
                    getattr(request.scope.get("route"), "path", "?"), type(exc.orig).__name__)
        return JSONResponse({"detail": "the database is busy or unavailable (locked, full or restarting); "
                             "nothing was stored, retry", "code": "database_unavailable"},
                            status_code=503, headers={"Retry-After": "1"})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled %s on %s %s", type(exc).__name__, request.method,
                  getattr(request.scope.get("route"), "path", "?"))
        return JSONResponse({"detail": "internal error", "code": "internal"}, status_code=500)

    for module in (auth_routes, call_routes, policy_routes, chat_routes, supervisor_routes, health_routes):
        app.include_router(module.router)

    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type", "If-Match"], expose_headers=["ETag"])
    app.add_middleware(ServiceMiddleware, metrics=metrics, max_body=settings.max_body_bytes,
                       per_minute=settings.rate_limit_per_minute)

    # Rasa's custom actions (issue 4) run in this process, beside the warm pipeline and policy
    # search, so nothing loads twice: Rasa's action endpoint is http://<service>/actions/webhook.
    if settings.actions_in_process:
        from actions.webhook import create_action_app

        app.mount("/actions", create_action_app(), name="actions")

    # The sidebar (issue 6) goes in api/web/static/ and is served at /; API routes come first.
    if WEB_DIR.is_dir():
        app.mount("/", StaticFiles(directory=WEB_DIR, html=True), name="web")
    return app
