"""Fixtures for the fault suite: an in-process service on a database of the test's choosing,
and (for Rasa faults) the production topology from tests/prod/topology.py."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "prod"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from api.app import create_app  # noqa: E402
from api.db import migrate  # noqa: E402
from api.db.models import User  # noqa: E402
from api.db.session import transaction  # noqa: E402
from api.services.analysis import CachingAnalyser  # noqa: E402
from api.services.auth import Role, _hasher, issue_token  # noqa: E402
from api.settings import Settings  # noqa: E402
from faultlib import NoPolicy, Service  # noqa: E402


@pytest.fixture(scope="session")
def fault_analyser(analyser):  # noqa: ANN001
    return CachingAnalyser(nlp=analyser.nlp)


@pytest.fixture
def make_service(tmp_path: Path, fault_analyser) -> Iterator[Callable[..., Service]]:  # noqa: ANN001
    made: list[TestClient] = []

    def make(database_url: str | None = None, **overrides) -> Service:  # noqa: ANN003
        url = database_url or f"sqlite:///{tmp_path / 'faults.sqlite3'}"
        migrate.upgrade(url)
        values = {"data_dir": tmp_path, "database_url": url, "rate_limit_per_minute": 0,
                  "rasa_url": "http://127.0.0.1:9", **overrides}
        app = create_app(Settings(**values), analyser_factory=lambda: fault_analyser, policy=NoPolicy(),
                         migrate_now=False)
        client = TestClient(app, raise_server_exceptions=False)  # see the HTTP reply a user would get
        client.__enter__()
        made.append(client)
        with transaction(app.state.ctx.sessions) as session:
            user = User(username=f"handler{len(made)}", password_hash=_hasher.hash("x" * 16),
                        role=Role.CALL_HANDLER.value)
            session.add(user)
            session.flush()
            token, _ = issue_token(session, user, name="faults", ttl=None)
        return Service(client, app, {"Authorization": f"Bearer {token}"}, [])

    yield make
    for client in made:
        engine = client.app.state.ctx.engine
        client.__exit__(None, None, None)
        engine.dispose()
