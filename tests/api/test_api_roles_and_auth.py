"""Authentication, roles (each role sees only what it may) and the audit trail."""

from __future__ import annotations

import pytest

from role_matrix import MATRIX, assert_role_reaches

PASSWORD = "correct-horse-battery-staple"  # the seeded users' password (tests/api/conftest.py)


def test_login_logout_and_me(env) -> None:
    r = env.client.post("/api/v1/auth/token", json={"username": "supervisor", "password": PASSWORD})
    assert r.status_code == 200
    token = r.json()["access_token"]
    assert r.json()["role"] == "supervisor" and token.startswith("daca_")
    h = {"Authorization": f"Bearer {token}"}
    assert env.client.get("/api/v1/auth/me", headers=h).json() == {"username": "supervisor", "role": "supervisor"}
    assert env.client.post("/api/v1/auth/logout", headers=h).status_code == 204
    assert env.client.get("/api/v1/auth/me", headers=h).status_code == 401
    stored = [r[0] for r in env.rows("SELECT token_hash FROM api_tokens")]
    assert token not in stored  # only hashes are stored


@pytest.mark.parametrize("body", [
    {"username": "supervisor", "password": "wrong"},
    {"username": "nobody", "password": PASSWORD},
])
def test_bad_login_is_401_and_audited(env, body) -> None:  # noqa: ANN001
    r = env.client.post("/api/v1/auth/token", json=body)
    assert r.status_code == 401 and r.json()["detail"] == "wrong username or password"
    assert env.rows("SELECT action, outcome FROM audit_log") == [("auth.login", "denied")]


def test_login_attempts_are_limited(make_env) -> None:  # noqa: ANN001
    env = make_env(login_attempts_per_minute=3)
    codes = [env.client.post("/api/v1/auth/token", json={"username": "admin", "password": "x"}).status_code
             for _ in range(5)]
    assert codes == [401, 401, 401, 429, 429]


@pytest.mark.parametrize("header", [
    None, "Bearer", "Bearer nope", "Bearer daca_forged", "Basic dXNlcjpwYXNz", "Bearer " + "daca_" + "x" * 500,
])
def test_invalid_tokens_are_401(env, header) -> None:  # noqa: ANN001
    headers = {"Authorization": header} if header else {}
    r = env.client.get("/api/v1/calls", headers=headers)
    assert r.status_code == 401, r.text
    assert r.headers["www-authenticate"] == "Bearer"


def test_deactivated_user_loses_access(env) -> None:
    assert env.client.get("/api/v1/calls", headers=env.h()).status_code == 200
    r = env.client.post("/api/v1/admin/users/call_handler/deactivate", headers=env.h("admin"))
    assert r.status_code == 200 and r.json()["active"] is False
    assert env.client.get("/api/v1/calls", headers=env.h()).status_code == 401


def test_admin_creates_users_and_api_tokens(env) -> None:
    r = env.client.post("/api/v1/admin/users", json={"username": "newbie", "password": "long-enough-pass", "role": "trainee"},
                        headers=env.h("admin"))
    assert r.status_code == 201
    assert env.client.post("/api/v1/admin/users", json={"username": "newbie", "password": "long-enough-pass",
                                                         "role": "trainee"}, headers=env.h("admin")).status_code == 409
    assert env.client.post("/api/v1/admin/users", json={"username": "short", "password": "short", "role": "trainee"},
                           headers=env.h("admin")).status_code == 422
    r = env.client.post("/api/v1/admin/users/newbie/tokens", json={"name": "sidebar", "days": 30}, headers=env.h("admin"))
    assert r.status_code == 201
    token = r.json()["access_token"]
    assert env.client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"}).json()["role"] == "trainee"
    assert env.client.post("/api/v1/admin/users", json={"username": "x1", "password": "long-enough-pass", "role": "admin"},
                           headers=env.h("supervisor")).status_code == 403


@pytest.mark.parametrize("role", list(MATRIX))
def test_role_matrix(env, role) -> None:  # noqa: ANN001
    call = env.open_call()  # a 999 call opened by a call handler
    env.note(call["id"], "He has a knife.")
    assert_role_reaches(env, call["id"], env.h(role), role)


def test_trainee_sees_no_call_data(env) -> None:
    call = env.open_call(parties=[{"name": "Ann Smith"}])
    h = env.h("trainee")
    for path in ("/api/v1/calls", f"/api/v1/calls/{call['id']}", f"/api/v1/calls/{call['id']}/summary",
                 "/api/v1/supervisor/live", "/api/v1/reports/monitoring"):
        r = env.client.get(path, headers=h)
        assert r.status_code == 403 and "Ann" not in r.text
    r = env.client.post("/api/v1/chat", json={"message": "hi", "call_id": call["id"]}, headers=h)
    assert r.status_code == 403


def test_front_counter_cannot_touch_999_calls_and_is_audited(env) -> None:
    call = env.open_call()
    r = env.client.get(f"/api/v1/calls/{call['id']}", headers=env.h("front_counter"))
    assert r.status_code == 403
    denied = env.rows("SELECT username, action, call_id, outcome FROM audit_log WHERE outcome = 'denied'")
    assert denied == [("front_counter", "call.view", call["id"], "denied")]


def test_every_call_access_is_audited_without_personal_data(env) -> None:
    call = env.open_call(parties=[{"name": "Ann Smith", "phone": "07700900001"}])
    env.note(call["id"], "Ann says he hit her.")
    env.client.get(f"/api/v1/calls/{call['id']}", headers=env.h("supervisor"))
    env.client.get(f"/api/v1/calls/{call['id']}/summary", headers=env.h())
    rows = env.rows("SELECT username, action, call_id, detail FROM audit_log ORDER BY id")
    assert [(r[0], r[1]) for r in rows] == [("call_handler", "call.open"), ("call_handler", "note.add"),
                                            ("supervisor", "call.view"), ("call_handler", "call.summary")]
    assert all(r[2] == call["id"] for r in rows)
    dump = repr(rows)
    assert "Ann" not in dump and "07700" not in dump and "hit" not in dump


def test_no_personal_data_in_logs(env, caplog) -> None:  # noqa: ANN001
    import logging

    caplog.set_level(logging.DEBUG)
    call = env.open_call(parties=[{"name": "Zelda Quartermain", "phone": "07700900999"}])
    env.note(call["id"], "Zelda says he has a machete")
    env.client.post("/api/v1/chat", json={"message": "Zelda is hiding", "call_id": call["id"]}, headers=env.h())
    text = caplog.text
    assert "Zelda" not in text and "07700900999" not in text and "machete" not in text
    assert "POST /api/v1/calls/{call_id}/notes 201" in text
