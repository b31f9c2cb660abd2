"""Local users with argon2-hashed passwords, opaque bearer tokens stored as SHA-256 hashes,
and the role model. A force's OIDC tokens are checked in api/services/oidc.py."""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from api.db.models import ApiToken, User, aware, utcnow
from api.db.session import transaction
from api.services import audit
from api.services.errors import Conflict, Invalid, NotFound, ServiceError, TooMany, Unauthenticated

TOKEN_PREFIX = "daca_"
_hasher = PasswordHasher()
# A hash to verify against when the user does not exist, so timing does not tell.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class Role(StrEnum):
    CALL_HANDLER = "call_handler"
    FRONT_COUNTER = "front_counter"
    TRAINEE = "trainee"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


@dataclass(frozen=True)
class Principal:
    """`token_id`: the local token in use (None for an OIDC token, which has no row here);
    `issuer`/`subject`: set for an OIDC token."""

    user_id: int
    username: str
    role: Role
    token_id: int | None
    issuer: str | None = None
    subject: str | None = None


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def create_user(sessions: sessionmaker[Session], *, username: str, password: str, role: Role,
                actor: Principal | None = None) -> User:
    if len(password) < 12:
        raise Invalid("password must have at least 12 characters")
    user = User(username=username, password_hash=_hasher.hash(password), role=Role(role).value, active=True)
    try:
        with transaction(sessions) as session:
            session.add(user)
            session.flush()
            audit.record(session, actor, "user.create", detail=f"user_id={user.id} role={user.role}")
    except IntegrityError:
        raise Conflict(f"a user named {username!r} already exists") from None
    return user


def list_users(sessions: sessionmaker[Session]) -> list[User]:
    with sessions() as session:
        return list(session.scalars(select(User).order_by(User.id)))


def set_active(sessions: sessionmaker[Session], *, username: str, active: bool, actor: Principal) -> User:
    with transaction(sessions) as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(f"no user named {username!r}")
        user.active = active
        if not active:
            session.execute(update(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
                            .values(revoked_at=utcnow()))
        audit.record(session, actor, "user.activate" if active else "user.deactivate", detail=f"user_id={user.id}")
        return user


def issue_token(session: Session, user: User, *, name: str, ttl: timedelta | None) -> tuple[str, ApiToken]:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, token_hash=hash_token(token), name=name,
                   expires_at=(utcnow() + ttl) if ttl else None)
    session.add(row)
    session.flush()
    return token, row


def create_api_token(sessions: sessionmaker[Session], *, username: str, name: str, days: int | None,
                     actor: Principal | None) -> tuple[str, ApiToken]:
    with transaction(sessions) as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(f"no user named {username!r}")
        token, row = issue_token(session, user, name=name, ttl=timedelta(days=days) if days else None)
        row.user = user
        audit.record(session, actor, "token.create", detail=f"user_id={user.id} token_id={row.id}")
        return token, row


class LoginLimiter:
    """At most N failed-or-not login attempts per minute per (client, username)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._hits: dict[tuple[str, str], list[float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str, username: str) -> None:
        now = time.monotonic()
        key = (client, username.lower())
        with self._lock:
            if len(self._hits) > 10_000:
                self._hits = {k: v for k, v in self._hits.items() if v and now - v[-1] < 60}
            hits = [t for t in self._hits.get(key, []) if now - t < 60]
            if len(hits) >= self.per_minute:
                self._hits[key] = hits
                raise TooMany("too many login attempts; wait a minute")
            hits.append(now)
            self._hits[key] = hits


def login(sessions: sessionmaker[Session], *, username: str, password: str, ttl: timedelta) -> tuple[str, ApiToken, User]:
    with transaction(sessions) as session:
        user = session.scalar(select(User).where(User.username == username))
        ok = False
        try:
            ok = _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            ok = False
        if ok and user is not None and user.active:
            token, row = issue_token(session, user, name="login", ttl=ttl)
            audit.record(session, Principal(user.id, user.username, Role(user.role), row.id), "auth.login")
            return token, row, user
        detail = f"user_id={user.id}" if user else "unknown user"
    audit.record_alone(sessions, None, "auth.login", outcome="denied", detail=detail)
    raise Unauthenticated("wrong username or password")


def revoke(sessions: sessionmaker[Session], principal: Principal) -> None:
    if principal.token_id is None:
        raise ServiceError("an OIDC token cannot be revoked here: sign out at the identity provider")
    with transaction(sessions) as session:
        session.execute(update(ApiToken).where(ApiToken.id == principal.token_id).values(revoked_at=utcnow()))
        audit.record(session, principal, "auth.logout")


def authenticate(sessions: sessionmaker[Session], token: str) -> Principal:
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        raise Unauthenticated("invalid token")
    with sessions() as session:
        row = session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
        if row is None or row.revoked_at is not None or not row.user.active:
            raise Unauthenticated("invalid or revoked token")
        if row.expires_at is not None and aware(row.expires_at) <= datetime.now(timezone.utc):
            raise Unauthenticated("token expired; log in again")
        return Principal(row.user.id, row.user.username, Role(row.user.role), row.id)
