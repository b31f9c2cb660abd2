from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request, status

from api.deps import CtxDep, PrincipalDep
from api.schemas import ApiTokenIn, LoginIn, MeOut, TokenOut, UserIn, UserOut
from api.services import auth
from api.services.auth import Role
from api.services.authz import require_role

router = APIRouter(prefix="/api/v1", tags=["auth"])
ADMINS = frozenset({Role.ADMIN})


@router.post("/auth/token", response_model=TokenOut, summary="Log in with a username and password")
def login(body: LoginIn, ctx: CtxDep, request: Request) -> TokenOut:
    ctx.extras["login_limiter"].check(request.client.host if request.client else "?", body.username)
    token, row, user = auth.login(ctx.sessions, username=body.username, password=body.password,
                                  ttl=timedelta(hours=ctx.settings.token_ttl_hours))
    return TokenOut(access_token=token, expires_at=row.expires_at, role=user.role, username=user.username)


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT, summary="Revoke the token in use")
def logout(ctx: CtxDep, principal: PrincipalDep) -> None:
    auth.revoke(ctx.sessions, principal)


@router.get("/auth/me", response_model=MeOut)
def me(principal: PrincipalDep) -> MeOut:
    return MeOut(username=principal.username, role=principal.role.value)


@router.post("/admin/users", response_model=UserOut, status_code=status.HTTP_201_CREATED, tags=["admin"])
def create_user(body: UserIn, ctx: CtxDep, principal: PrincipalDep) -> UserOut:
    require_role(ctx.sessions, principal, ADMINS, "user.create")
    user = auth.create_user(ctx.sessions, username=body.username, password=body.password, role=Role(body.role),
                            actor=principal)
    return UserOut(username=user.username, role=user.role, active=user.active, created_at=user.created_at)


@router.get("/admin/users", response_model=list[UserOut], tags=["admin"])
def list_users(ctx: CtxDep, principal: PrincipalDep) -> list[UserOut]:
    require_role(ctx.sessions, principal, ADMINS, "user.list")
    return [UserOut(username=u.username, role=u.role, active=u.active, created_at=u.created_at)
            for u in auth.list_users(ctx.sessions)]


@router.post("/admin/users/{username}/deactivate", response_model=UserOut, tags=["admin"])
def deactivate_user(username: str, ctx: CtxDep, principal: PrincipalDep) -> UserOut:
    require_role(ctx.sessions, principal, ADMINS, "user.deactivate")
    user = auth.set_active(ctx.sessions, username=username, active=False, actor=principal)
    return UserOut(username=user.username, role=user.role, active=user.active, created_at=user.created_at)


@router.post("/admin/users/{username}/tokens", response_model=TokenOut, status_code=status.HTTP_201_CREATED,
             tags=["admin"], summary="Issue an API token for a user (shown once)")
def create_token(username: str, body: ApiTokenIn, ctx: CtxDep, principal: PrincipalDep) -> TokenOut:
    require_role(ctx.sessions, principal, ADMINS, "token.create")
    token, row = auth.create_api_token(ctx.sessions, username=username, name=body.name, days=body.days,
                                       actor=principal)
    return TokenOut(access_token=token, expires_at=row.expires_at, role=row.user.role, username=row.user.username)
