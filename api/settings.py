"""One settings class, read once (environment variables prefixed DACA_, or a .env file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    oidc_issuer: str | None = Field(None, description="reserved: OIDC login is not implemented yet")

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
