"""Fixtures for the service tests.

Each test gets its own database: SQLite tests copy a file migrated once per session; the
PostgreSQL tests share one throwaway database per session (created here, dropped at the
end) and every table is emptied after each test. `backend` runs a test on both.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.engine import make_url

from api.app import create_app
from api.db import migrate
from api.db.models import Base, User
from api.db.session import transaction
from api.services.analysis import CachingAnalyser
from api.services.errors import Unavailable
from api.services.policy import PolicyService
from api.services.auth import Role, _hasher, issue_token
from api.settings import Settings

class UnavailablePolicy(PolicyService):
    """Policy search as before its index exists: router tests must not build the real index
    (tests/retrieval covers it; test_api_chat_policy.py covers the router with a stand-in)."""

    def _load(self, *, wait: bool = False):  # noqa: ANN202
        raise Unavailable("policy search is not available: not loaded in these tests")


PG_ADMIN_URL = os.environ.get("DACA_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(scope="session")
def api_analyser(analyser):  # noqa: ANN001
    """The core engine with the service's per-note cache, sharing the session's pipeline."""
    return CachingAnalyser(nlp=analyser.nlp)


@pytest.fixture(scope="session")
def password_hash() -> str:
    return _hasher.hash(PASSWORD)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    migrate.upgrade(f"sqlite:///{path}")
    return str(path)


def _pg(url: str) -> str:
    """psycopg's own connection string for a SQLAlchemy URL."""
    u = make_url(url)
    return f"host={u.host} port={u.port or 5432} user={u.username} dbname={u.database}"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    name = f"daca_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(_pg(PG_ADMIN_URL), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL is needed for the persistence tests ({PG_ADMIN_URL}): {exc}")
    admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        migrate.upgrade(url)
        yield url
    finally:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> "
                      "pg_backend_pid()", (name,))
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


@dataclass
class Env:
    client: TestClient
    app: object
    settings: Settings
    tokens: dict[str, str]

    @property
    def ctx(self):  # noqa: ANN201
        return self.app.state.ctx

    def h(self, role: str = "call_handler", **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}", **extra}

    def open_call(self, role: str = "call_handler", **body) -> dict:  # noqa: ANN003
        r = self.client.post("/api/v1/calls", json=body, headers=self.h(role))
        assert r.status_code == 201, r.text
        return r.json()

    def note(self, call_id: str, text: str, role: str = "call_handler", **headers: str) -> dict:
        r = self.client.post(f"/api/v1/calls/{call_id}/notes", json={"text": text}, headers=self.h(role, **headers))
        assert r.status_code == 201, r.text
        return r.json()

    def rows(self, sql: str, **params) -> list:  # noqa: ANN003
        with self.ctx.engine.connect() as conn:
            return list(conn.execute(text(sql), params))

    def count(self, table: str) -> int:
        return self.rows(f"SELECT COUNT(*) FROM {table}")[0][0]


def _seed_users(app, password_hash: str) -> dict[str, str]:  # noqa: ANN001
    tokens: dict[str, str] = {}
    with transaction(app.state.ctx.sessions) as session:
        for role in Role:
            for suffix in ("", "2"):
                user = User(username=f"{role.value}{suffix}", password_hash=password_hash, role=role.value)
                session.add(user)
                session.flush()
                tokens[role.value + suffix], _ = issue_token(session, user, name="test", ttl=None)
    return tokens


@pytest.fixture
def make_env(tmp_path, sqlite_template, api_analyser, password_hash, request) -> Iterator[Callable[..., Env]]:  # noqa: ANN001
    made: list[tuple[TestClient, str | None]] = []

    def make(backend: str = "sqlite", analyser_factory=None, policy=None, **overrides) -> Env:  # noqa: ANN001, ANN003
        if backend == "sqlite":
            db = tmp_path / f"test-{len(made)}.sqlite3"
            shutil.copy(sqlite_template, db)
            url = f"sqlite:///{db}"
        else:
            url = request.getfixturevalue("postgres_url")
        # no real Rasa in these tests (one may be running on :5005): port 9 refuses connections
        values = {"data_dir": tmp_path, "database_url": url, "rate_limit_per_minute": 0,
                  "rasa_url": "http://127.0.0.1:9", "policy_preload": False, **overrides}
        settings = Settings(**values)
        app = create_app(settings, analyser_factory=analyser_factory or (lambda: api_analyser),
                         policy=policy or UnavailablePolicy(), migrate_now=False)
        client = TestClient(app)
        client.__enter__()
        made.append((client, url if backend == "postgresql" else None))
        return Env(client=client, app=app, settings=settings, tokens=_seed_users(app, password_hash))

    yield make
    for client, pg_url in made:
        engine = client.app.state.ctx.engine
        client.__exit__(None, None, None)
        if pg_url:
            from sqlalchemy import create_engine

            cleanup = create_engine(pg_url)
            with cleanup.begin() as conn:
                names = ", ".join(t.name for t in Base.metadata.sorted_tables)
                conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            cleanup.dispose()
        engine.dispose()


@pytest.fixture
def env(make_env) -> Env:  # noqa: ANN001
    return make_env()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_env(make_env, request) -> Env:  # noqa: ANN001
    return make_env(request.param)
