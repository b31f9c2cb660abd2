"""Shared dependencies as Annotated aliases: the app context, the caller, If-Match."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.services import auth, oidc
from api.services.auth import Principal
from api.services.context import AppContext
from api.services.errors import Unauthenticated

_bearer = HTTPBearer(auto_error=False, description="a token from POST /api/v1/auth/token, an admin-issued API token, "
                     "or (when OIDC is configured) a JWT from the force's identity provider")


def get_ctx(request: Request) -> AppContext:
    return request.app.state.ctx


CtxDep = Annotated[AppContext, Depends(get_ctx)]


def current_principal(ctx: CtxDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
                      ) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthenticated("send Authorization: Bearer <token>")
    verifier: oidc.OidcVerifier | None = ctx.extras.get("oidc")
    if verifier is not None and oidc.looks_like_jwt(credentials.credentials):
        return verifier.authenticate(ctx.sessions, ctx.readers or ctx.sessions, credentials.credentials)
    return auth.authenticate(ctx.readers or ctx.sessions, credentials.credentials)


PrincipalDep = Annotated[Principal, Depends(current_principal)]
IfMatch = Annotated[str | None, Header(alias="If-Match", max_length=64,
                                        description='the call version you last saw, e.g. "3"')]
