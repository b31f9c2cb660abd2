"""Chat: relay a message to the Rasa server's REST channel. Every message is stored first.
Degraded mode (Rasa down, slow or broken): a question is answered by policy search, anything
else typed during a call is saved as a note and analysed by the core, and the reply says the
chat layer is unavailable."""

from __future__ import annotations

import logging
import re
from typing import Any

import httpx
from sqlalchemy.orm import Session

from api.db.models import ChatMessage
from api.db.session import transaction
from api.schemas import ChatIn, ChatOut
from api.services import audit, calls
from api.services.auth import Principal, Role
from api.services.authz import HANDLERS, check_call, require_role
from api.services.context import AppContext
from api.services.errors import Forbidden, ServiceError

log = logging.getLogger("api.chat")
CHATTERS = HANDLERS | {Role.TRAINEE}
UNAVAILABLE = "The chat layer is unavailable just now."
_QUESTION = re.compile(r"^\s*(what|how|when|who|why|which|where|can|should|do|does|is|are|policy)\b|\?\s*$", re.I)


def looks_like_question(message: str) -> bool:
    return bool(_QUESTION.search(message))


def _store(session: Session, principal: Principal, call_id: str | None, sender: str, text: str,
           degraded: bool = False) -> None:
    session.add(ChatMessage(call_id=call_id, user_id=principal.user_id, sender=sender, text=text, degraded=degraded))


def chat(ctx: AppContext, principal: Principal, body: ChatIn) -> ChatOut:
    require_role(ctx.sessions, principal, CHATTERS, "chat.message", call_id=(body.call_id or "")[:64] or None)
    if body.call_id is not None and principal.role is Role.TRAINEE:
        raise Forbidden("trainees chat about policy only, not on calls",
                        audit=(principal, "chat.message", body.call_id[:64], "trainee on a call"))
    if not body.message.strip():
        return ChatOut(degraded=False, messages=[{"text": "Type a note, a question, or an answer to the prompt."}])
    script = None
    with transaction(ctx.sessions) as session:
        if body.call_id is not None:
            call = calls._load(session, body.call_id)
            check_call(ctx.sessions, principal, call, "chat.message", write=True)
            calls._require_open(call)
            script = call.script
        _store(session, principal, body.call_id, "user", body.message)
        audit.record(session, principal, "chat.message", call_id=body.call_id)
    try:
        messages = _relay(ctx, principal, body, script)
    except (httpx.HTTPError, ValueError) as exc:
        ctx.metrics.rasa_relay.labels(outcome="degraded").inc()
        log.warning("rasa relay failed: %s", type(exc).__name__)
        return _degraded(ctx, principal, body)
    ctx.metrics.rasa_relay.labels(outcome="ok").inc()
    with transaction(ctx.sessions) as session:
        for m in messages:
            if isinstance(m.get("text"), str):
                _store(session, principal, body.call_id, "bot", m["text"])
    return ChatOut(degraded=False, messages=messages)


def _relay(ctx: AppContext, principal: Principal, body: ChatIn, script: str | None) -> list[dict[str, Any]]:
    client: httpx.Client = ctx.extras["http"]
    sender = body.call_id or f"user-{principal.user_id}"
    response = client.post(
        ctx.settings.rasa_url.rstrip("/") + "/webhooks/rest/webhook",
        json={"sender": sender, "message": body.message,
              "metadata": {"call_id": body.call_id, "script": script, "role": principal.role.value}},
        timeout=ctx.settings.rasa_timeout_seconds,
    )
    response.raise_for_status()
    data = response.json()
    if not isinstance(data, list) or not all(isinstance(m, dict) for m in data):
        raise ValueError("Rasa answered with something other than a list of messages")
    return data


def _degraded(ctx: AppContext, principal: Principal, body: ChatIn) -> ChatOut:
    policy: dict[str, Any] | None = None
    note = None
    if looks_like_question(body.message) or body.call_id is None:
        try:
            policy = ctx.extras["policy"].search(body.message, 3)
            reply = f"{UNAVAILABLE} Policy search answered directly."
        except ServiceError as exc:
            reply = f"{UNAVAILABLE} Policy search is unavailable too: {exc.message}"
        if body.call_id is not None and policy is None:
            note = calls.add_note(ctx, principal, body.call_id, body.message, None)
            reply = f"{UNAVAILABLE} Your message was saved as a note and analysed."
    else:
        note = calls.add_note(ctx, principal, body.call_id, body.message, None)
        reply = f"{UNAVAILABLE} Your note was saved and analysed."
        if note.analysis_error:
            reply = f"{UNAVAILABLE} Your note was saved, but the analysis failed."
    with transaction(ctx.sessions) as session:
        _store(session, principal, body.call_id, "bot", reply, degraded=True)
    return ChatOut(degraded=True, messages=[{"text": reply}], note=note, policy=policy)
