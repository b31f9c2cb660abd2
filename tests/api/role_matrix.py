"""What each role may reach, checked the same way whether the caller signed in locally or
with the force's identity provider (test_api_roles_and_auth.py, test_api_oidc.py)."""

from __future__ import annotations

# role -> (may open a 999 call, may read a 999 call, supervisor views, monitoring report, admin)
MATRIX = {
    "call_handler": (True, True, False, False, False),
    "front_counter": (False, False, False, False, False),
    "trainee": (False, False, False, False, False),
    "supervisor": (False, True, True, True, False),
    "admin": (False, False, False, True, True),
}


def assert_role_reaches(env, call_id: str, headers: dict[str, str], role: str) -> None:  # noqa: ANN001
    """Allowed routes answer below 400, forbidden ones exactly 403."""
    may_open, may_read, may_supervise, may_report, may_admin = MATRIX[role]
    client = env.client

    def ok(response, allowed: bool) -> bool:  # noqa: ANN001
        return response.status_code < 400 if allowed else response.status_code == 403

    assert ok(client.post("/api/v1/calls", json={"script": "call_999"}, headers=headers), may_open)
    assert ok(client.get(f"/api/v1/calls/{call_id}", headers=headers), may_read)
    assert ok(client.get(f"/api/v1/calls/{call_id}/summary", headers=headers), may_read)
    assert ok(client.post(f"/api/v1/calls/{call_id}/notes", json={"text": "x"}, headers=headers), may_open)
    assert ok(client.get("/api/v1/supervisor/live", headers=headers), may_supervise)
    assert ok(client.get("/api/v1/supervisor/dip-sample", headers=headers), may_supervise)
    assert ok(client.get("/api/v1/reports/monitoring", headers=headers), may_report)
    assert ok(client.get("/api/v1/admin/users", headers=headers), may_admin)
    # every role may search policy: 503 only where no index is loaded in the test
    assert client.post("/api/v1/policy/search", json={"query": "repeat victim"}, headers=headers).status_code in (200, 503)
