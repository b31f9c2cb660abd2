"""One settings class, read once (environment variables prefixed DACA_, or a .env file)."""

from __future__ import annotations

import ipaddress
import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


# the service's roles (api.services.auth.Role, which tests check against this)
ROLE_NAMES = ("call_handler", "front_counter", "trainee", "supervisor", "admin")
_LOOPBACK_NAMES = {"localhost"}


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_jwks_file(path: Path) -> None:
    """A clear start-up error for a missing or malformed JWKS file (the keys are parsed on use)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"DACA_OIDC_JWKS_FILE {path} does not exist") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"DACA_OIDC_JWKS_FILE {path} is not readable JSON ({type(exc).__name__})") from None
    keys = data.get("keys") if isinstance(data, dict) else None
    if not isinstance(keys, list) or not any(isinstance(k, dict) and k.get("kty") in ("RSA", "EC") for k in keys):
        raise ValueError(f"DACA_OIDC_JWKS_FILE {path} is not a JWKS with at least one RSA or EC key "
                         '({"keys": [...]})')


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DACA_", env_file=".env", extra="ignore")

    # where and how
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    data_dir: Path = Path("data")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; default: SQLite (WAL) at <data_dir>/daca.sqlite3. "
        "Production: postgresql+psycopg://user@host/db")
    auto_migrate: bool | None = Field(
        None, description="run migrations at startup; default: yes for SQLite, no for PostgreSQL "
        "(run `python -m api migrate` there)")
    graceful_shutdown_seconds: int = Field(20, ge=0)
    keep_alive_seconds: int = Field(75, ge=1, description="longer than clients' own idle timeout, so a client "
                                    "never reuses a connection the server is closing")
    log_level: str = "info"

    # security
    token_ttl_hours: int = Field(12, ge=1, description="lifetime of a login token")
    cors_origins: list[str] = Field(default_factory=list, description="empty: CORS closed")
    max_body_bytes: int = Field(1024 * 1024, ge=1024)
    max_note_chars: int = Field(100_000, ge=1, le=1_000_000)
    rate_limit_per_minute: int = Field(600, ge=0, description="per token (or client address); 0 disables")
    login_attempts_per_minute: int = Field(10, ge=1)
    docs_ui: bool = Field(False, description="Swagger UI at /docs (loads assets from a CDN, so off by default)")

    # OIDC (a force's identity provider): off unless the issuer is set; see docs/api.md
    oidc_issuer: str | None = Field(
        None, description="accept the identity provider's signed JWTs (RS256/ES256) as bearer tokens, beside "
        "local users and API tokens; `iss` must equal this exactly")
    oidc_audience: str | None = Field(None, description="required with the issuer: `aud` must contain it")
    oidc_jwks_file: Path | None = Field(
        None, description="the issuer's JWKS as a local JSON file (air-gapped networks); re-read when it changes")
    oidc_jwks_url: str | None = Field(
        None, description="or the issuer's JWKS fetched over HTTPS (plain HTTP only on loopback)")
    oidc_jwks_cache_seconds: int = Field(3600, ge=1, description="a fetched JWKS is refetched after this")
    oidc_jwks_refetch_cooldown_seconds: float = Field(
        10.0, ge=0, description="at most one refetch this often, however many unknown key ids arrive")
    oidc_jwks_timeout_seconds: float = Field(5.0, gt=0, le=60)
    oidc_ca_file: Path | None = Field(None, description="PEM CA bundle for the JWKS URL (a force's internal CA)")
    oidc_leeway_seconds: int = Field(60, ge=0, le=300, description="clock skew allowed on exp, nbf and iat")
    oidc_roles_claim: str = Field(
        "roles", min_length=1, max_length=200,
        description="claim holding the user's roles; a dotted path reaches nested claims (realm_access.roles)")
    oidc_role_map: dict[str, str] = Field(
        default_factory=lambda: {role: role for role in ROLE_NAMES},
        description="JSON object: identity provider role -> service role; default: the service's role names")

    # retention
    retention_days: int = Field(365, ge=1)
    rasa_tracker_db_url: str | None = Field(None, description="Rasa's SQL tracker store, purged with the calls")

    # repeat victims
    repeat_window_days: int = Field(365, ge=1)
    repeat_min_incidents: int = Field(2, ge=2, description="incidents in the window, this call included (004 s3.4)")
    name_match_threshold: float = Field(88.0, ge=0, le=100)
    address_match_threshold: float = Field(90.0, ge=0, le=100)

    # analysis
    analysis_cache_notes: int = Field(2_000, ge=0, description="per-note extraction results kept in memory (live calls' notes; bounded so memory stays flat)")
    analysis_memory_zones: bool = Field(
        True, description="extract new notes inside spaCy memory zones, so words seen once (names, addresses, "
        "numbers) do not stay in the pipeline's vocabulary for the life of the process")
    malloc_trim_seconds: float = Field(
        30.0, ge=0, description="at most this often, after an analysis, hand memory freed inside glibc's heaps back "
        "to the OS (malloc_trim); 0 turns it off")
    analysis_max_chars: int = Field(
        10_000, ge=100, description="only this many characters of each note are analysed (the whole note is "
        "kept): the engine slows sharply on very long notes dense with indicators, and one paste must not stall "
        "every other call")

    # policy search
    policy_preload: bool = Field(True, description="load policy search in the background at startup")

    # chat
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_timeout_seconds: float = Field(2.0, gt=0)
    actions_in_process: bool = Field(True, description="serve Rasa's action webhook at /actions/webhook here")

    # supervisor
    dip_sample_size: int = Field(10, ge=1, le=500)

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        if value.lower() not in {"critical", "error", "warning", "info", "debug"}:
            raise ValueError("log_level must be one of critical, error, warning, info, debug")
        return value.lower()

    @field_validator("oidc_issuer", "oidc_audience", "oidc_jwks_url", "oidc_jwks_file", "oidc_ca_file",
                     mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("oidc_roles_claim")
    @classmethod
    def _claim_path(cls, value: str) -> str:
        if any(not part.strip() for part in value.split(".")):
            raise ValueError("oidc_roles_claim must be a claim name or a dotted path such as realm_access.roles")
        return value

    @field_validator("oidc_role_map")
    @classmethod
    def _role_map(cls, value: dict[str, str]) -> dict[str, str]:
        if not value:
            raise ValueError("oidc_role_map must map at least one identity provider role")
        bad = sorted({v for v in value.values() if v not in ROLE_NAMES})
        if bad:
            raise ValueError(f"oidc_role_map maps to unknown roles {bad}; the service's roles are "
                             f"{', '.join(ROLE_NAMES)}")
        if any(not k for k in value):
            raise ValueError("oidc_role_map has an empty identity provider role")
        return value

    @model_validator(mode="after")
    def _oidc(self) -> "Settings":
        if self.oidc_issuer is None:
            stray = [name for name in ("oidc_audience", "oidc_jwks_file", "oidc_jwks_url")
                     if getattr(self, name) is not None]
            if stray:
                raise ValueError(f"DACA_{stray[0].upper()} is set but DACA_OIDC_ISSUER is not: set the issuer "
                                 "to turn OIDC on, or unset the rest")
            return self
        if self.oidc_issuer != self.oidc_issuer.strip():
            raise ValueError("DACA_OIDC_ISSUER has leading or trailing spaces (it is compared exactly)")
        if self.oidc_audience is None:
            raise ValueError("DACA_OIDC_ISSUER is set but DACA_OIDC_AUDIENCE is not: tokens must be checked for "
                             "this service's audience (the client id the identity provider puts in `aud`)")
        if (self.oidc_jwks_file is None) == (self.oidc_jwks_url is None):
            raise ValueError("DACA_OIDC_ISSUER is set: set exactly one of DACA_OIDC_JWKS_FILE (a local JSON "
                             "file) or DACA_OIDC_JWKS_URL (fetched over HTTPS)")
        if self.oidc_jwks_file is not None:
            _check_jwks_file(self.oidc_jwks_file)
        if self.oidc_jwks_url is not None:
            parts = urlsplit(self.oidc_jwks_url)
            if not parts.hostname or parts.scheme not in ("https", "http") or (
                    parts.scheme == "http" and not _is_loopback(parts.hostname)):
                raise ValueError("DACA_OIDC_JWKS_URL must be an https:// URL (plain http only on loopback)")
        if self.oidc_ca_file is not None and not self.oidc_ca_file.is_file():
            raise ValueError(f"DACA_OIDC_CA_FILE {self.oidc_ca_file} does not exist")
        return self

    @property
    def oidc_enabled(self) -> bool:
        return self.oidc_issuer is not None

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'daca.sqlite3').resolve()}"

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")

    @property
    def migrate_at_startup(self) -> bool:
        return self.is_sqlite if self.auto_migrate is None else self.auto_migrate


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
