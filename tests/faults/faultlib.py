"""Shared pieces of the fault suite (imported by conftest.py and the tests)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi.testclient import TestClient
from sqlalchemy import text

from api.services.errors import Unavailable

PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=5"


class NoPolicy:
    """Policy search is not what these tests are about."""

    def search(self, query: str, k: int) -> dict:
        raise Unavailable("policy search is not loaded in the fault tests")

    def preload(self) -> None:
        return None

    def status(self) -> dict:
        return {"available": False, "detail": "not loaded in the fault tests"}


@dataclass
class Service:
    client: TestClient
    app: object
    headers: dict[str, str]
    acked: list[int]  # ids of notes answered with 2xx

    def open_call(self) -> str:
        r = self.client.post("/api/v1/calls", json={}, headers=self.headers)
        assert r.status_code == 201, r.text
        return r.json()["id"]

    def note(self, call_id: str, note: str):  # noqa: ANN201 - the response
        r = self.client.post(f"/api/v1/calls/{call_id}/notes", json={"text": note}, headers=self.headers)
        if 200 <= r.status_code < 300:
            self.acked.append(r.json()["note"]["id"])
        return r

    def stored_note_ids(self) -> set[int]:
        with self.app.state.ctx.engine.connect() as conn:
            return {row[0] for row in conn.execute(text("SELECT id FROM notes"))}

    def count(self, table: str) -> int:
        with self.app.state.ctx.engine.connect() as conn:
            return conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()

    def assert_no_acknowledged_note_lost(self) -> None:
        stored = self.stored_note_ids()
        lost = [i for i in self.acked if i not in stored]
        assert not lost, f"acknowledged notes lost: {lost}"
        assert len(set(self.acked)) == len(self.acked), "a note was acknowledged twice"
