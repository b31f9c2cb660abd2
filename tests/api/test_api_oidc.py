"""OIDC bearer tokens from a force's identity provider (issue 5): keys made here, a JWKS file
or a loopback JWKS server, tokens signed here. Local users and API tokens keep working."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm
from pydantic import ValidationError

from api.services.auth import Role
from api.services.oidc import REFUSED
from api.settings import ROLE_NAMES, Settings
from role_matrix import MATRIX, assert_role_reaches

ISS = "https://idp.police.test/realms/force"
AUD = "daca-api"
PASSWORD = "correct-horse-battery-staple"  # the seeded users' password (tests/api/conftest.py)


@pytest.fixture(scope="module")
def keys() -> dict:
    return {"rsa1": rsa.generate_private_key(public_exponent=65537, key_size=2048),
            "rsa2": rsa.generate_private_key(public_exponent=65537, key_size=2048),
            "other": rsa.generate_private_key(public_exponent=65537, key_size=2048),
            "ec1": ec.generate_private_key(ec.SECP256R1())}


def jwk(keys: dict, kid: str) -> dict:
    key = keys[kid].public_key()
    data = json.loads(RSAAlgorithm.to_jwk(key) if kid.startswith(("rsa", "other")) else ECAlgorithm.to_jwk(key))
    return {**data, "kid": kid, "use": "sig"}


def jwks(keys: dict, *kids: str) -> dict:
    return {"keys": [jwk(keys, kid) for kid in kids]}


def claims(**overrides) -> dict:  # noqa: ANN003
    now = int(time.time())
    base = {"iss": ISS, "aud": AUD, "sub": "5f0c2a9e-1b7d-4c1e-9d1a-3f2b7c8e9a01", "iat": now, "nbf": now,
            "exp": now + 300, "roles": ["call_handler"]}
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def sign(keys: dict, kid: str = "rsa1", *, alg: str | None = None, key_of: str | None = None, **overrides) -> str:  # noqa: ANN003
    alg = alg or ("ES256" if kid.startswith("ec") else "RS256")
    return jwt.encode(claims(**overrides), keys[key_of or kid], algorithm=alg, headers={"kid": kid})


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def jwks_file(tmp_path: Path, keys: dict) -> Path:
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps(jwks(keys, "rsa1", "ec1")))
    return path


@pytest.fixture
def oidc_env(make_env, jwks_file):  # noqa: ANN001, ANN201
    def make(**overrides):  # noqa: ANN003, ANN202
        values = {"oidc_issuer": ISS, "oidc_audience": AUD, "oidc_jwks_file": jwks_file, **overrides}
        return make_env(**values)
    return make


def me(env, token: str):  # noqa: ANN001, ANN201
    return env.client.get("/api/v1/auth/me", headers=bearer(token))


def test_role_names_match_the_service_roles() -> None:
    assert set(ROLE_NAMES) == {r.value for r in Role} and set(MATRIX) == set(ROLE_NAMES)


@pytest.mark.parametrize("role", list(MATRIX))
def test_valid_token_reaches_what_its_role_may_and_no_more(oidc_env, keys, role) -> None:  # noqa: ANN001
    env = oidc_env()
    call = env.open_call()  # a 999 call opened by a local call handler
    env.note(call["id"], "He has a knife.")
    h = bearer(sign(keys, roles=[role]))
    r = env.client.get("/api/v1/auth/me", headers=h)
    assert r.status_code == 200, r.text
    assert r.json()["role"] == role and r.json()["username"].startswith("oidc:")
    assert_role_reaches(env, call["id"], h, role)


def test_es256_token_and_audit_records_subject_and_issuer(oidc_env, keys) -> None:  # noqa: ANN001
    env = oidc_env()
    call = env.open_call()
    token = sign(keys, "ec1", roles=["supervisor"], sub="kc-user-42", aud=["account", AUD])
    assert env.client.get(f"/api/v1/calls/{call['id']}", headers=bearer(token)).status_code == 200
    rows = env.rows("SELECT username, role, action, outcome, detail FROM audit_log ORDER BY id")
    provision = [r for r in rows if r[2] == "auth.oidc.provision"]
    assert len(provision) == 1 and f"iss={ISS}" in provision[0][4] and "sub=kc-user-42" in provision[0][4]
    username = provision[0][0]
    assert username.startswith("oidc:") and username.endswith(":kc-user-42")
    assert (username, "supervisor", "call.view", "ok") in [r[:4] for r in rows]
    # a second request: the same user row, no second provisioning
    assert env.client.get(f"/api/v1/calls/{call['id']}", headers=bearer(token)).status_code == 200
    assert env.count("users") == 11 and len(env.rows("SELECT 1 FROM audit_log WHERE action = 'auth.oidc.provision'")) == 1


@pytest.mark.parametrize("case", [
    "expired", "not_yet_valid_nbf", "not_yet_valid_iat", "wrong_issuer", "issuer_with_slash", "wrong_audience",
    "no_audience", "no_subject", "empty_subject", "no_exp", "bad_signature", "alg_none", "alg_none_unsigned",
    "hs256_with_public_key", "unknown_kid", "rs256_header_on_ec_key", "es256_header_on_rsa_key", "garbage",
    "tampered_payload",
])
def test_invalid_tokens_are_401_with_no_reason(oidc_env, keys, case, caplog) -> None:  # noqa: ANN001
    import logging

    env = oidc_env()
    now = int(time.time())
    if case == "expired":
        token = sign(keys, exp=now - 120, iat=now - 900, nbf=now - 900)  # leeway is 60 s
    elif case == "not_yet_valid_nbf":
        token = sign(keys, nbf=now + 600)
    elif case == "not_yet_valid_iat":
        token = sign(keys, iat=now + 600, nbf=None)
    elif case == "wrong_issuer":
        token = sign(keys, iss="https://evil.test/realms/force")
    elif case == "issuer_with_slash":
        token = sign(keys, iss=ISS + "/")
    elif case == "wrong_audience":
        token = sign(keys, aud=["account", "another-api"])
    elif case == "no_audience":
        token = sign(keys, aud=None)
    elif case == "no_subject":
        token = sign(keys, sub=None)
    elif case == "empty_subject":
        token = sign(keys, sub="  ")
    elif case == "no_exp":
        token = sign(keys, exp=None)
    elif case == "bad_signature":
        token = sign(keys, "rsa1", key_of="other")  # the right kid, another key
    elif case in ("alg_none", "alg_none_unsigned"):
        head = b64(json.dumps({"alg": "none", "kid": "rsa1", "typ": "JWT"}).encode())
        body = b64(json.dumps(claims(roles=["admin"])).encode())
        token = f"{head}.{body}." if case == "alg_none_unsigned" else f"{head}.{body}.{b64(b'x')}"
    elif case == "hs256_with_public_key":
        pem = keys["rsa1"].public_key().public_bytes(serialization.Encoding.PEM,
                                                     serialization.PublicFormat.SubjectPublicKeyInfo)
        signing_input = f"{b64(json.dumps({'alg': 'HS256', 'kid': 'rsa1', 'typ': 'JWT'}).encode())}." \
                        f"{b64(json.dumps(claims(roles=['admin'])).encode())}"
        mac = hmac.new(pem, signing_input.encode(), hashlib.sha256).digest()
        token = f"{signing_input}.{b64(mac)}"
    elif case == "unknown_kid":
        token = sign(keys, "rsa2")  # a real key, not in the JWKS
    elif case == "rs256_header_on_ec_key":
        token = sign(keys, "ec1", alg="RS256", key_of="rsa1")
    elif case == "es256_header_on_rsa_key":
        token = jwt.encode(claims(), keys["ec1"], algorithm="ES256", headers={"kid": "rsa1"})
    elif case == "garbage":
        token = "eyJhbGciOiJSUzI1NiJ9.not-base64!.sig"
    else:  # tampered_payload: a valid token with its claims swapped for an admin's
        head, _, sig = sign(keys).split(".")
        token = f"{head}.{b64(json.dumps(claims(roles=['admin'])).encode())}.{sig}"
    caplog.set_level(logging.INFO, logger="api.oidc")
    r = me(env, token)
    assert r.status_code == 401, r.text
    assert r.json() == {"detail": REFUSED, "code": "unauthenticated"}  # the same for every reason
    assert r.headers["www-authenticate"] == "Bearer"
    assert "OIDC token refused" in caplog.text and token not in caplog.text
    assert env.count("audit_log") == 0 and env.count("users") == 10  # nothing provisioned


def test_leeway_is_configurable(oidc_env, keys) -> None:  # noqa: ANN001
    now = int(time.time())
    token = sign(keys, exp=now - 20, iat=now - 600, nbf=now - 600)
    assert me(oidc_env(), token).status_code == 200  # 20 s late, inside the default 60 s
    assert me(oidc_env(oidc_leeway_seconds=0), token).status_code == 401


def test_missing_role_claim_is_403_and_audited(oidc_env, keys) -> None:  # noqa: ANN001
    env = oidc_env()
    r = me(env, sign(keys, roles=None))
    assert r.status_code == 403 and "no role in this service" in r.json()["detail"]
    rows = env.rows("SELECT username, action, outcome, detail FROM audit_log")
    assert len(rows) == 1 and rows[0][:3] == (None, "auth.oidc", "denied")
    assert f"iss={ISS}" in rows[0][3] and "sub=5f0c2a9e-1b7d-4c1e-9d1a-3f2b7c8e9a01" in rows[0][3]
    assert "no roles claim" in rows[0][3]
    assert env.count("users") == 10


def test_unmapped_role_is_403_and_audited(oidc_env, keys) -> None:  # noqa: ANN001
    env = oidc_env(oidc_role_map={"daca-handler": "call_handler"})
    assert me(env, sign(keys, roles=["call_handler", "offline_access"])).status_code == 403  # identity map replaced
    rows = env.rows("SELECT action, outcome, detail FROM audit_log")
    assert [r[:2] for r in rows] == [("auth.oidc", "denied")] and "no mapped role in 2 values" in rows[0][2]
    assert me(env, sign(keys, roles=["daca-handler", "offline_access"])).json()["role"] == "call_handler"


def test_more_than_one_mapped_role_is_403(oidc_env, keys) -> None:  # noqa: ANN001
    env = oidc_env()
    r = me(env, sign(keys, roles=["call_handler", "admin"]))
    assert r.status_code == 403 and "more than one role" in r.json()["detail"]
    assert env.rows("SELECT action, outcome FROM audit_log") == [("auth.oidc", "denied")]


def test_nested_roles_claim_and_role_map(oidc_env, keys) -> None:  # noqa: ANN001
    env = oidc_env(oidc_roles_claim="realm_access.roles",
                   oidc_role_map={"daca-supervisor": "supervisor", "daca-handler": "call_handler"})
    token = sign(keys, roles=["admin"], realm_access={"roles": ["offline_access", "daca-supervisor"]})
    r = me(env, token)
    assert r.status_code == 200 and r.json()["role"] == "supervisor"
    assert env.client.get("/api/v1/supervisor/live", headers=bearer(token)).status_code == 200
    assert env.client.get("/api/v1/admin/users", headers=bearer(token)).status_code == 403  # top-level roles ignored
    assert me(env, sign(keys, roles=["admin"])).status_code == 403  # no realm_access at all


def test_single_string_and_dotted_name_claims(oidc_env, keys) -> None:  # noqa: ANN001
    env = oidc_env(oidc_roles_claim="https://police.test/claims.role")
    assert me(env, sign(keys, roles=None, **{"https://police.test/claims.role": "trainee"})).json()["role"] == "trainee"


def test_role_change_at_the_identity_provider_follows_and_is_audited(oidc_env, keys) -> None:  # noqa: ANN001
    env = oidc_env()
    assert me(env, sign(keys, roles=["call_handler"])).json()["role"] == "call_handler"
    token = sign(keys, roles=["trainee"])
    assert me(env, token).json()["role"] == "trainee"
    assert env.client.get("/api/v1/calls", headers=bearer(token)).status_code == 403
    rows = env.rows("SELECT action, detail FROM audit_log WHERE action = 'auth.oidc.role'")
    assert len(rows) == 1 and "role call_handler->trainee" in rows[0][1]


def test_admin_can_deactivate_an_oidc_account(oidc_env, keys) -> None:  # noqa: ANN001
    env = oidc_env()
    token = sign(keys, roles=["call_handler"])
    username = me(env, token).json()["username"]
    r = env.client.post(f"/api/v1/admin/users/{username}/deactivate", headers=env.h("admin"))
    assert r.status_code == 200, r.text
    assert me(env, token).status_code == 401


def test_oidc_accounts_have_no_password_and_logout_says_where(oidc_env, keys) -> None:  # noqa: ANN001
    env = oidc_env()
    token = sign(keys, roles=["call_handler"])
    username = me(env, token).json()["username"]
    r = env.client.post("/api/v1/auth/token", json={"username": username, "password": PASSWORD})
    assert r.status_code == 422  # ':' is not in a local username
    from datetime import timedelta

    from api.services import auth
    from api.services.errors import Unauthenticated

    for password in (PASSWORD, "!oidc-no-password", ""):  # nor does the row's hash match anything
        with pytest.raises(Unauthenticated):
            auth.login(env.ctx.sessions, username=username, password=password, ttl=timedelta(hours=1))
    r = env.client.post("/api/v1/auth/logout", headers=bearer(token))
    assert r.status_code == 400 and "identity provider" in r.json()["detail"]
    assert me(env, token).status_code == 200


def test_a_local_account_cannot_be_taken_over_by_a_subject(oidc_env, keys) -> None:  # noqa: ANN001
    """A local row that happens to carry the OIDC username (made outside the API) is not used."""
    from api.db.models import User
    from api.db.session import transaction
    from api.services.oidc import shadow_username

    env = oidc_env()
    with transaction(env.ctx.sessions) as session:
        session.add(User(username=shadow_username(ISS, "victim"), password_hash="$argon2id$x", role="admin"))
    assert me(env, sign(keys, sub="victim", roles=["admin"])).status_code == 401


def test_email_subject_is_not_written_to_the_audit_trail_or_logs(oidc_env, keys, caplog) -> None:  # noqa: ANN001
    import logging

    caplog.set_level(logging.DEBUG)
    env = oidc_env()
    token = sign(keys, sub="jane.doe@police.test", roles=["call_handler"], name="Jane Doe",
                 email="jane.doe@police.test", preferred_username="jdoe")
    assert me(env, token).status_code == 200
    env.open_call()
    assert env.client.get("/api/v1/calls", headers=bearer(token)).status_code == 200
    dump = repr(env.rows("SELECT * FROM audit_log")) + repr(env.rows("SELECT username FROM users")) + caplog.text
    assert "jane" not in dump.lower() and "jdoe" not in dump and "Doe" not in dump


def test_local_users_and_api_tokens_still_work_with_oidc_on(oidc_env, keys) -> None:  # noqa: ANN001
    env = oidc_env()
    assert env.client.get("/api/v1/calls", headers=env.h()).status_code == 200  # seeded API token
    r = env.client.post("/api/v1/auth/token", json={"username": "supervisor", "password": PASSWORD})
    assert r.status_code == 200
    local = bearer(r.json()["access_token"])
    assert env.client.get("/api/v1/auth/me", headers=local).json() == {"username": "supervisor", "role": "supervisor"}
    r = env.client.post("/api/v1/admin/users/trainee/tokens", json={"name": "sidebar", "days": 1}, headers=env.h("admin"))
    assert me(env, r.json()["access_token"]).json()["role"] == "trainee"
    assert env.client.post("/api/v1/auth/logout", headers=local).status_code == 204
    assert env.client.get("/api/v1/auth/me", headers=local).status_code == 401
    assert env.client.get("/api/v1/auth/me", headers=bearer("daca_forged")).status_code == 401
    assert me(env, sign(keys, roles=["admin"])).json()["role"] == "admin"  # and OIDC beside them


def test_jwt_is_not_accepted_when_oidc_is_off(make_env, keys) -> None:  # noqa: ANN001
    env = make_env()
    assert env.ctx.extras["oidc"] is None
    assert me(env, sign(keys, roles=["admin"])).status_code == 401


def test_jwks_file_is_reread_when_it_changes(oidc_env, keys, jwks_file) -> None:  # noqa: ANN001
    env = oidc_env()
    assert me(env, sign(keys, "rsa2")).status_code == 401
    jwks_file.write_text(json.dumps(jwks(keys, "rsa1", "rsa2", "ec1")) + "\n")
    assert me(env, sign(keys, "rsa2")).status_code == 200


# -- the JWKS over HTTP, from a loopback server


class JwksServer:
    def __init__(self, body: dict) -> None:
        self.body = body
        self.hits = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                server.hits += 1
                data = json.dumps(server.body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:  # noqa: ANN002
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/realms/force/protocol/openid-connect/certs"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def jwks_server(keys):  # noqa: ANN001, ANN201
    server = JwksServer(jwks(keys, "rsa1"))
    yield server
    server.close()


def test_jwks_url_cached_and_refetched_once_on_unknown_kid(make_env, keys, jwks_server) -> None:  # noqa: ANN001
    env = make_env(oidc_issuer=ISS, oidc_audience=AUD, oidc_jwks_url=jwks_server.url,
                   oidc_jwks_refetch_cooldown_seconds=0)
    assert jwks_server.hits == 0  # nothing fetched before the first token
    assert me(env, sign(keys, "rsa1")).status_code == 200
    assert me(env, sign(keys, "rsa1", roles=["trainee"])).status_code == 200
    assert jwks_server.hits == 1  # cached
    jwks_server.body = jwks(keys, "rsa1", "rsa2")  # the identity provider rotates in a new key
    assert me(env, sign(keys, "rsa2")).status_code == 200
    assert jwks_server.hits == 2  # one refetch for the new kid
    assert me(env, sign(keys, "rsa2")).status_code == 200 and jwks_server.hits == 2
    assert me(env, sign(keys, "ec1")).status_code == 401  # unknown everywhere: one refetch, then refused
    assert jwks_server.hits == 3


def test_jwks_refetch_cooldown_and_ttl(make_env, keys, jwks_server) -> None:  # noqa: ANN001
    env = make_env(oidc_issuer=ISS, oidc_audience=AUD, oidc_jwks_url=jwks_server.url, oidc_jwks_cache_seconds=1)
    assert me(env, sign(keys, "rsa1")).status_code == 200 and jwks_server.hits == 1
    for _ in range(5):  # forged key ids do not make the service hammer the identity provider
        assert me(env, sign(keys, "rsa2")).status_code == 401
    assert jwks_server.hits == 1
    jwks_server.body = jwks(keys, "rsa2")
    env.ctx.extras["oidc"].jwks._loaded_at -= 2  # the TTL has passed
    env.ctx.extras["oidc"].jwks._last_attempt -= 20  # and the cooldown
    assert me(env, sign(keys, "rsa2")).status_code == 200 and jwks_server.hits == 2
    assert me(env, sign(keys, "rsa1")).status_code == 401  # rotated out


def test_jwks_url_down_is_503_not_401(make_env, keys) -> None:  # noqa: ANN001
    env = make_env(oidc_issuer=ISS, oidc_audience=AUD, oidc_jwks_url="http://127.0.0.1:9/certs")
    r = me(env, sign(keys))
    assert r.status_code == 503 and "identity provider" in r.json()["detail"]


# -- settings


def _settings(**values) -> Settings:  # noqa: ANN003
    return Settings(_env_file=None, **values)


@pytest.mark.parametrize("values, message", [
    ({"oidc_issuer": ISS, "oidc_jwks_file": "JWKS"}, "DACA_OIDC_AUDIENCE is not"),
    ({"oidc_issuer": ISS, "oidc_audience": AUD}, "exactly one of DACA_OIDC_JWKS_FILE"),
    ({"oidc_issuer": ISS, "oidc_audience": AUD, "oidc_jwks_file": "JWKS", "oidc_jwks_url": "https://idp.test/certs"},
     "exactly one of DACA_OIDC_JWKS_FILE"),
    ({"oidc_audience": AUD}, "DACA_OIDC_AUDIENCE is set but DACA_OIDC_ISSUER is not"),
    ({"oidc_jwks_url": "https://idp.test/certs"}, "DACA_OIDC_JWKS_URL is set but DACA_OIDC_ISSUER is not"),
    ({"oidc_issuer": ISS, "oidc_audience": AUD, "oidc_jwks_url": "http://idp.test/certs"}, "must be an https://"),
    ({"oidc_issuer": ISS, "oidc_audience": AUD, "oidc_jwks_url": "ftp://idp.test/certs"}, "must be an https://"),
    ({"oidc_issuer": ISS, "oidc_audience": AUD, "oidc_jwks_file": "missing.json"}, "does not exist"),
    ({"oidc_issuer": ISS, "oidc_audience": AUD, "oidc_jwks_file": "NOTJSON"}, "not readable JSON"),
    ({"oidc_issuer": ISS, "oidc_audience": AUD, "oidc_jwks_file": "EMPTY"}, "at least one RSA or EC key"),
    ({"oidc_issuer": ISS + " ", "oidc_audience": AUD, "oidc_jwks_file": "JWKS"}, "spaces"),
    ({"oidc_role_map": {"police-boss": "superuser"}}, "unknown roles ['superuser']"),
    ({"oidc_role_map": {}}, "at least one"),
    ({"oidc_roles_claim": "realm_access..roles"}, "dotted path"),
    ({"oidc_leeway_seconds": 3600}, "less than or equal to 300"),
])
def test_settings_validation(tmp_path, jwks_file, values, message) -> None:  # noqa: ANN001
    (tmp_path / "notjson.json").write_text("{not json")
    (tmp_path / "empty.json").write_text('{"keys": []}')
    files = {"JWKS": str(jwks_file), "NOTJSON": str(tmp_path / "notjson.json"),
             "EMPTY": str(tmp_path / "empty.json"), "missing.json": str(tmp_path / "missing.json")}
    values = {k: files.get(v, v) if isinstance(v, str) else v for k, v in values.items()}
    with pytest.raises(ValidationError) as caught:
        _settings(**values)
    assert message in str(caught.value)


def test_settings_from_the_environment(monkeypatch, jwks_file) -> None:  # noqa: ANN001
    monkeypatch.setenv("DACA_OIDC_ISSUER", ISS)
    monkeypatch.setenv("DACA_OIDC_AUDIENCE", AUD)
    monkeypatch.setenv("DACA_OIDC_JWKS_FILE", str(jwks_file))
    monkeypatch.setenv("DACA_OIDC_ROLES_CLAIM", "realm_access.roles")
    monkeypatch.setenv("DACA_OIDC_ROLE_MAP", '{"daca-supervisor": "supervisor", "daca-handler": "call_handler"}')
    s = _settings()
    assert s.oidc_enabled and s.oidc_jwks_file == jwks_file and s.oidc_roles_claim == "realm_access.roles"
    assert s.oidc_role_map == {"daca-supervisor": "supervisor", "daca-handler": "call_handler"}
    monkeypatch.setenv("DACA_OIDC_ISSUER", "")
    with pytest.raises(ValidationError, match="DACA_OIDC_AUDIENCE is set but DACA_OIDC_ISSUER is not"):
        _settings()


def test_settings_defaults_leave_oidc_off_and_allow_loopback_http(jwks_file) -> None:  # noqa: ANN001
    s = _settings()
    assert not s.oidc_enabled and s.oidc_role_map == {r: r for r in ROLE_NAMES} and s.oidc_roles_claim == "roles"
    for url in ("http://127.0.0.1:8080/certs", "http://localhost/certs", "http://[::1]/certs", "https://idp.test/c"):
        assert _settings(oidc_issuer=ISS, oidc_audience=AUD, oidc_jwks_url=url).oidc_jwks_url == url


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_concurrent_first_tokens_make_one_account(make_env, jwks_file, keys, backend) -> None:  # noqa: ANN001
    env = make_env(backend, oidc_issuer=ISS, oidc_audience=AUD, oidc_jwks_file=jwks_file)
    call = env.open_call()
    token = sign(keys, roles=["supervisor"], sub="first-day")
    codes: list[int] = []

    def view() -> None:
        codes.append(env.client.get(f"/api/v1/calls/{call['id']}", headers=bearer(token)).status_code)

    threads = [threading.Thread(target=view) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [200] * 8
    assert len(env.rows("SELECT id FROM users WHERE username LIKE 'oidc:%'")) == 1
    assert env.rows("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.oidc.provision'")[0][0] == 1
    assert env.rows("SELECT COUNT(*) FROM audit_log WHERE action = 'call.view'")[0][0] == 8
