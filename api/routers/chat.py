from __future__ import annotations

from fastapi import APIRouter

from api.deps import CtxDep, PrincipalDep
from api.schemas import ChatIn, ChatOut
from api.services import chat as chat_service

router = APIRouter(prefix="/api/v1", tags=["chat"])


@router.post("/chat", response_model=ChatOut,
             summary="Relay a chat message to Rasa; degraded mode analyses notes here when Rasa is unavailable")
def chat(body: ChatIn, ctx: CtxDep, principal: PrincipalDep) -> ChatOut:
    return chat_service.chat(ctx, principal, body)
