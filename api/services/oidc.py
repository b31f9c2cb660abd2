"""OIDC as a resource server: a force's identity provider signs JWTs (access or ID tokens), and
this service accepts them as bearer tokens beside its own local tokens.

A token is accepted only if: its header's `alg` is RS256 or ES256 (never `none`, never HS*),
its key (by `kid`) is in the issuer's JWKS and is of that algorithm's type, the signature
verifies, `iss` equals the configured issuer, `aud` contains the configured audience,
`exp`/`nbf`/`iat` hold within the leeway, and `sub` is set. Roles come from a configurable
claim (a dotted path reaches nested claims) through a configurable map to exactly one service
role; no mapped role (or more than one) is a 403, audited.

Each (issuer, subject) gets a local user row the first time it is seen (the calls, notes and
decisions tables point at users): username `oidc:<issuer tag>:<subject>`, a password hash no
login can match, and the role of the latest token. An admin can deactivate it like any user.

The JWKS is a local file (re-read when it changes) or a URL fetched on first use (never at
import), cached for a TTL and refetched once when a token names an unknown key id (at most
once per cooldown, so forged key ids cannot make the service hammer the identity provider).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx
import jwt
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from api.db.models import User
from api.db.session import transaction
from api.services import audit
from api.services.auth import TOKEN_PREFIX, Principal, Role
from api.services.errors import Forbidden, Unauthenticated, Unavailable
from api.settings import Settings

log = logging.getLogger("api.oidc")

ALGORITHMS = {"RS256": "RSA", "ES256": "EC"}  # algorithm -> the key type it needs
MAX_TOKEN_CHARS = 16_384
MAX_JWKS_BYTES = 1_000_000
# Not an argon2 hash: verification raises, so a password login can never reach this row.
OIDC_PASSWORD_HASH = "!oidc-no-password"
REFUSED = "invalid or expired identity provider token; sign in again"  # the only 401 text: no reason
_READABLE_SUBJECT = re.compile(r"^[A-Za-z0-9._-]{1,48}$")

# why a token failed, for the service log only (the client always gets the same 401)
_DECODE_REASONS: tuple[tuple[type[Exception], str], ...] = (
    (jwt.ExpiredSignatureError, "expired"),
    (jwt.ImmatureSignatureError, "not yet valid"),
    (jwt.InvalidAudienceError, "wrong audience"),
    (jwt.InvalidIssuerError, "wrong issuer"),
    (jwt.InvalidSignatureError, "bad signature"),
    (jwt.MissingRequiredClaimError, "missing claim"),
)


class InvalidToken(Exception):
    """A refusal reason for the service log (a fixed vocabulary, never token content)."""


def looks_like_jwt(token: str) -> bool:
    return not token.startswith(TOKEN_PREFIX) and token.count(".") == 2


def subject_ref(sub: str) -> str:
    """The subject as recorded: as issued when it is a short opaque id, else a hash (an e-mail
    address or other long identifier used as `sub` is not written to the audit trail)."""
    if _READABLE_SUBJECT.match(sub):
        return sub
    return "h-" + hashlib.sha256(sub.encode("utf-8", "surrogatepass")).hexdigest()[:40]


def shadow_username(issuer: str, sub: str) -> str:
    tag = hashlib.sha256(issuer.encode("utf-8")).hexdigest()[:8]
    return f"oidc:{tag}:{subject_ref(sub)}"  # ':' is not allowed in local usernames


def claim_at(claims: dict[str, Any], path: str) -> Any:
    """A top-level claim by its full name (URL-like names contain dots), else a dotted path."""
    if path in claims:
        return claims[path]
    value: Any = claims
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


@dataclass(frozen=True)
class _KeySet:
    keys: tuple[dict[str, Any], ...]


def _parse_jwks(raw: bytes | str) -> _KeySet:
    data = json.loads(raw)
    keys = data.get("keys") if isinstance(data, dict) else None
    if not isinstance(keys, list):
        raise ValueError("not a JWKS")
    usable = []
    for key in keys:
        if not isinstance(key, dict) or key.get("kty") not in ("RSA", "EC"):
            continue
        if "d" in key:  # private key material in a published key set: never use it
            log.warning("OIDC JWKS holds a private key (kid %r): ignored", str(key.get("kid"))[:64])
            continue
        usable.append(key)
    return _KeySet(tuple(usable))


class Jwks:
    """The issuer's signing keys, from a file or a URL. Thread-safe (sync routes run in a pool)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._set: _KeySet | None = None
        self._loaded_at = 0.0
        self._last_attempt: float | None = None
        self._file_stamp: tuple[int, int] | None = None
        self._client: httpx.Client | None = None
        self._parsed: dict[tuple[str | None, str, int], Any] = {}
        self.fetches = 0  # for tests and the log

    # -- sources
    def _load_file(self) -> _KeySet:
        path = self.settings.oidc_jwks_file
        assert path is not None
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            if self._set is not None and stamp == self._file_stamp:
                return self._set
            self._set = _parse_jwks(path.read_bytes())
            self._file_stamp = stamp
            self._parsed.clear()
            self.fetches += 1
            log.info("OIDC JWKS read from file: %d keys", len(self._set.keys))
        except (OSError, ValueError) as exc:
            if self._set is None:
                log.error("OIDC JWKS file unreadable: %s", type(exc).__name__)
                raise Unavailable("the identity provider's keys are not available; try again later") from None
            log.warning("OIDC JWKS file unreadable (%s): keeping the keys read before", type(exc).__name__)
        return self._set

    def _http(self) -> httpx.Client:
        if self._client is None:
            verify: ssl.SSLContext | bool = True
            if self.settings.oidc_ca_file is not None:
                verify = ssl.create_default_context(cafile=str(self.settings.oidc_ca_file))
            # no proxies from the environment, no redirects: the configured URL and nothing else
            self._client = httpx.Client(verify=verify, trust_env=False, follow_redirects=False,
                                        timeout=self.settings.oidc_jwks_timeout_seconds)
        return self._client

    def _fetch(self) -> _KeySet:
        url = self.settings.oidc_jwks_url
        assert url is not None
        body = bytearray()
        with self._http().stream("GET", url, headers={"Accept": "application/json"}) as response:
            if response.status_code != 200:
                raise ValueError(f"HTTP {response.status_code}")
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_JWKS_BYTES:
                    raise ValueError("JWKS too large")
        return _parse_jwks(bytes(body))

    def _load_url(self, *, force: bool) -> _KeySet:
        now = time.monotonic()
        stale = self._set is None or now - self._loaded_at >= self.settings.oidc_jwks_cache_seconds
        if not (stale or force):
            return self._set  # type: ignore[return-value]
        if self._last_attempt is not None and now - self._last_attempt < self.settings.oidc_jwks_refetch_cooldown_seconds:
            if self._set is None:
                raise Unavailable("the identity provider's keys are not available; try again later")
            return self._set
        self._last_attempt = now
        try:
            fetched = self._fetch()
        except (httpx.HTTPError, ValueError) as exc:
            if self._set is None:
                log.error("OIDC JWKS fetch failed: %s", type(exc).__name__)
                raise Unavailable("the identity provider's keys are not available; try again later") from None
            log.warning("OIDC JWKS fetch failed (%s): keeping the keys fetched before", type(exc).__name__)
            return self._set
        self.fetches += 1
        self._set, self._loaded_at = fetched, now
        self._parsed.clear()
        log.info("OIDC JWKS fetched: %d keys", len(fetched.keys))
        return fetched

    def _keys(self, *, force: bool = False) -> _KeySet:
        if self.settings.oidc_jwks_file is not None:
            return self._load_file()
        return self._load_url(force=force)

    # -- lookup
    def _select(self, keys: _KeySet, kid: str | None, alg: str) -> Any:
        wanted = ALGORITHMS[alg]
        found = [(i, k) for i, k in enumerate(keys.keys)
                 if (kid is None or k.get("kid") == kid) and k.get("kty") == wanted
                 and k.get("use", "sig") == "sig" and k.get("alg", alg) == alg
                 and (wanted != "EC" or k.get("crv") == "P-256")]
        if len(found) != 1:  # none, or no kid and more than one candidate
            return None
        index, jwk = found[0]
        cache_key = (kid, alg, index)
        if cache_key not in self._parsed:
            try:
                self._parsed[cache_key] = jwt.PyJWK(jwk, algorithm=alg).key
            except (jwt.PyJWTError, ValueError, TypeError, KeyError):
                log.warning("OIDC JWKS key %r cannot be used", str(kid)[:64])
                self._parsed[cache_key] = None
        return self._parsed[cache_key]

    def key(self, kid: str | None, alg: str) -> Any:
        with self._lock:
            key = self._select(self._keys(), kid, alg)
            if key is None and self.settings.oidc_jwks_url is not None:
                key = self._select(self._keys(force=True), kid, alg)  # rotated keys: refetch once
            return key

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


class OidcVerifier:
    def __init__(self, settings: Settings) -> None:
        assert settings.oidc_issuer and settings.oidc_audience
        self.settings = settings
        self.issuer: str = settings.oidc_issuer
        self.audience: str = settings.oidc_audience
        self.jwks = Jwks(settings)

    def claims(self, token: str) -> dict[str, Any]:
        """The verified claims, or InvalidToken (with a reason for the log only)."""
        if len(token) > MAX_TOKEN_CHARS:
            raise InvalidToken("too long")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise InvalidToken("malformed") from None
        alg = header.get("alg")
        if not isinstance(alg, str) or alg not in ALGORITHMS:
            raise InvalidToken("algorithm not allowed")
        kid = header.get("kid")
        if kid is not None and not isinstance(kid, str):
            raise InvalidToken("malformed key id")
        key = self.jwks.key(kid, alg)
        if key is None:
            raise InvalidToken("unknown key")
        leeway = self.settings.oidc_leeway_seconds
        try:
            claims = jwt.decode(
                token, key, algorithms=[alg], audience=self.audience, issuer=self.issuer, leeway=leeway,
                options={"require": ["exp", "iat", "iss", "aud", "sub"], "verify_signature": True,
                         "verify_exp": True, "verify_nbf": True, "verify_iat": True, "verify_aud": True,
                         "verify_iss": True})
        except jwt.PyJWTError as exc:
            reason = next((why for kind, why in _DECODE_REASONS if isinstance(exc, kind)), "invalid")
            raise InvalidToken(reason) from None
        # belt and braces, whatever the library version does (PyJWT 2.10.0 matched `iss` as a substring)
        if claims.get("iss") != self.issuer:
            raise InvalidToken("wrong issuer")
        aud = claims.get("aud")
        if not (aud == self.audience or (isinstance(aud, list) and self.audience in aud)):
            raise InvalidToken("wrong audience")
        iat = claims.get("iat")
        if not isinstance(iat, (int, float)) or isinstance(iat, bool) or iat > time.time() + leeway:
            raise InvalidToken("not yet valid")
        sub = claims.get("sub")
        if not isinstance(sub, str) or not sub.strip() or len(sub) > 255:
            raise InvalidToken("bad subject")
        return claims

    def role(self, claims: dict[str, Any]) -> Role:
        value = claim_at(claims, self.settings.oidc_roles_claim)
        if isinstance(value, str):
            values = [value]
        elif isinstance(value, list):
            values = [v for v in value if isinstance(v, str)]
        else:
            values = []
        mapping = self.settings.oidc_role_map
        roles = sorted({mapping[v] for v in values if v in mapping})
        if len(roles) == 1:
            return Role(roles[0])
        sub = subject_ref(claims["sub"])
        if not roles:
            why = "no roles claim" if value is None else f"no mapped role in {len(values)} values"
            raise Forbidden("your identity provider account has no role in this service; ask your administrator",
                            audit=(None, "auth.oidc", None, f"iss={self.issuer} sub={sub} {why}"))
        raise Forbidden(f"your identity provider account maps to more than one role here ({', '.join(roles)}); "
                        "ask your administrator to give it one",
                        audit=(None, "auth.oidc", None, f"iss={self.issuer} sub={sub} roles {','.join(roles)}"))

    def authenticate(self, sessions: sessionmaker[Session], readers: sessionmaker[Session], token: str) -> Principal:
        try:
            claims = self.claims(token)
        except InvalidToken as exc:
            log.info("OIDC token refused: %s", exc)
            raise Unauthenticated(REFUSED) from None
        role = self.role(claims)
        sub: str = claims["sub"]
        username = shadow_username(self.issuer, sub)
        with readers() as session:
            user = session.scalar(select(User).where(User.username == username))
            seen = (user.id, user.role, user.active, user.password_hash) if user is not None else None
        if seen is None or seen[1] != role.value:
            seen = self._provision(sessions, username, sub, role)
        user_id, _, active, password_hash = seen
        if password_hash != OIDC_PASSWORD_HASH or not active:  # a local account by that name, or deactivated
            log.info("OIDC token refused: %s", "not an OIDC account" if active else "deactivated")
            raise Unauthenticated(REFUSED)
        return Principal(user_id, username, role, None, issuer=self.issuer, subject=subject_ref(sub))

    def _provision(self, sessions: sessionmaker[Session], username: str, sub: str,
                   role: Role) -> tuple[int, str, bool, str]:
        """Create the subject's user row, or bring its role up to date; both audited."""
        ref = subject_ref(sub)
        for _ in range(2):  # a concurrent first request may create the row first
            try:
                with transaction(sessions) as session:
                    user = session.scalar(select(User).where(User.username == username))
                    if user is None:
                        user = User(username=username, password_hash=OIDC_PASSWORD_HASH, role=role.value, active=True)
                        session.add(user)
                        session.flush()
                        audit.record(session, Principal(user.id, username, role, None), "auth.oidc.provision",
                                     detail=f"user_id={user.id} iss={self.issuer} sub={ref}")
                    elif user.password_hash == OIDC_PASSWORD_HASH and user.role != role.value:
                        audit.record(session, Principal(user.id, username, role, None), "auth.oidc.role",
                                     detail=f"user_id={user.id} role {user.role}->{role.value} "
                                            f"iss={self.issuer} sub={ref}")
                        user.role = role.value
                    return user.id, user.role, user.active, user.password_hash
            except IntegrityError:
                continue
        raise Unavailable("could not record the identity provider account; retry")

    def close(self) -> None:
        self.jwks.close()
