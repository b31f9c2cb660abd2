"""The action endpoint as an ASGI app, served from the project's own Python 3.11 process.

Rasa 3.6 POSTs every custom action call to `<action_endpoint>/webhook`; rasa_sdk's
ActionExecutor runs it here, next to the warm spaCy pipeline and policy search, so they load
once per process. Mount it in the service (`app.mount("/actions", create_action_app(engine))`
and point endpoints.yml at http://host:port/actions/webhook) or run it alone with
`python -m actions.server`.
"""

from __future__ import annotations

import json
import logging
import zlib
from typing import Any

from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionMissingDomainException, ActionNotFoundException
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from actions.actions import ACTIONS
from actions.engine import CallEngine, PolicySearchUnavailable, default_engine

log = logging.getLogger(__name__)


def create_executor(engine: CallEngine | None = None) -> ActionExecutor:
    engine = engine or default_engine()
    executor = ActionExecutor()
    for cls in ACTIONS:
        executor.register_action(cls(engine))
    return executor


def create_action_app(engine: CallEngine | None = None, *, warm: bool = False) -> Starlette:
    """`engine`: share the host's warm CallEngine; `warm`: load the NLP pipeline and the policy
    search now rather than on the first action call."""
    engine = engine or default_engine()
    executor = create_executor(engine)
    if warm:
        engine.analyser  # noqa: B018 - loads the spaCy pipeline
        try:
            engine.policy_search()
        except PolicySearchUnavailable:
            pass  # logged; policy questions then get a clear "unavailable" reply

    async def webhook(request: Request) -> JSONResponse:
        body = await request.body()
        try:
            if request.headers.get("content-encoding") == "deflate":
                body = zlib.decompress(body)
            call: Any = json.loads(body)
        except (ValueError, zlib.error):
            return JSONResponse({"error": "request body is not JSON"}, status_code=400)
        if not isinstance(call, dict) or not isinstance(call.get("tracker"), dict):
            return JSONResponse({"error": "expected an action call with a tracker"}, status_code=400)
        try:
            result = await executor.run(call)
        except ActionExecutionRejection as e:
            return JSONResponse({"error": e.message, "action_name": e.action_name}, status_code=400)
        except ActionNotFoundException as e:
            return JSONResponse({"error": e.message, "action_name": e.action_name}, status_code=404)
        except ActionMissingDomainException as e:
            return JSONResponse({"error": e.message, "action_name": e.action_name}, status_code=449)
        except Exception as e:  # an action bug must not take the chat down: Rasa logs it, the turn goes on
            log.exception("action %s failed", call.get("next_action"))
            return JSONResponse({"error": f"{type(e).__name__}: {e}", "action_name": call.get("next_action")},
                                status_code=500)
        return JSONResponse(result.model_dump() if result else None)

    async def health(_: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def actions(_: Request) -> JSONResponse:
        return JSONResponse([a.model_dump() for a in executor.list_actions()])

    return Starlette(routes=[
        Route("/webhook", webhook, methods=["POST"]),
        Route("/health", health, methods=["GET"]),
        Route("/actions", actions, methods=["GET"]),
    ])
