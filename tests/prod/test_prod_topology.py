"""The production topology on this machine: nginx, API workers on PostgreSQL, two Rasa replicas
sharing the PostgreSQL tracker store and the Redis lock store; a conversation across replicas;
probes; migrations once; graceful shutdown. Skips only when the Rasa venv or model is missing."""

from __future__ import annotations

import os
import signal
import time

import httpx
import pytest

from topology import Topology

pytestmark = [pytest.mark.prod, pytest.mark.slow]

TURNS = [
    "caller says partner hit her, he is still in the house",
    "what next?",
    "no",
    "yes 2 kids",
    "what does policy say about children present?",
    "what grade?",
]


def test_up_runs_migrations_once_and_every_probe_answers(topology: Topology) -> None:
    assert topology.up_output.count("database at revision") == 1, topology.up_output[-2000:]
    for i in range(topology.api_workers):
        assert "Running upgrade" not in topology.log(f"api-{i + 1}"), "a worker ran migrations"
    status = topology.prod("status")
    assert status.returncode == 0, status.stdout + status.stderr
    for name in ("nginx", "api-1", "api-2", "rasa-1", "rasa-2", "actions-1"):
        assert any(line.startswith(name) and " up " in line for line in status.stdout.splitlines()), status.stdout
    with httpx.Client(base_url=topology.base_url, timeout=30) as client:
        assert client.get("/health").json() == {"status": "ok"}
        ready = client.get("/ready")
        assert ready.status_code == 200, ready.text
        checks = ready.json()["checks"]
        assert checks["database"]["ok"] and checks["database"]["backend"] == "postgresql"
        assert checks["rasa"]["ok"], checks["rasa"]
        assert client.get("/nginx-health").status_code == 200


def test_rasa_and_workers_listen_on_loopback_only(topology: Topology) -> None:
    import psutil

    for name in ("nginx", "api-1", "api-2", "rasa-1", "rasa-2", "actions-1"):
        proc = psutil.Process(topology.pid(name))
        for p in [proc, *proc.children(recursive=True)]:
            for conn in p.net_connections(kind="inet"):
                if conn.status == psutil.CONN_LISTEN:
                    assert conn.laddr.ip in {"127.0.0.1", "::1"}, f"{name} listens on {conn.laddr}"


def test_a_conversation_across_both_rasa_replicas_keeps_its_state(topology: Topology) -> None:
    with httpx.Client(base_url=topology.base_url, timeout=60) as client:
        headers = {"Authorization": f"Bearer {topology.handler_token(client)}"}
        call = client.post("/api/v1/calls", json={}, headers=headers)
        assert call.status_code == 201, call.text
        call_id = call.json()["id"]
        served_before = len(topology.webhook_upstreams())
        replies = []
        for turn, message in enumerate(TURNS):
            r = client.post("/api/v1/chat", json={"message": message, "call_id": call_id}, headers=headers)
            assert r.status_code == 200, r.text
            body = r.json()
            assert body["degraded"] is False, (turn, body)
            assert any(m.get("text") for m in body["messages"]), (turn, body)
            replies.append(body)
            # After every turn, whichever replica did NOT serve it already sees it: one shared tracker.
            served_by = topology.webhook_upstreams()[served_before + turn]
            other = next(i for i, url in enumerate(topology.rasa_urls) if not url.endswith(served_by))
            texts = [e.get("text") for e in topology.tracker(other, call_id)["events"] if e["event"] == "user"]
            assert texts == TURNS[: turn + 1], (turn, served_by, texts)
        upstreams = topology.webhook_upstreams()[served_before:]
    assert len(upstreams) == len(TURNS)
    assert {u.rsplit(":", 1)[1] for u in upstreams} == {u.rsplit(":", 1)[1] for u in topology.rasa_urls}, upstreams
    # The dialogue carried on across replicas: the prompt answered "no" on one replica was not asked again.
    trackers = [topology.tracker(i, call_id) for i in range(len(topology.rasa_urls))]
    assert trackers[0]["events"] == trackers[1]["events"]
    assert trackers[0]["slots"].get("call_open") is True
    prompts = [m.get("text", "") for r in replies for m in r["messages"] if "ask:" in m.get("text", "")]
    assert len(prompts) == len(set(prompts)), prompts


def test_notes_through_the_proxy_land_in_postgresql(topology: Topology) -> None:
    import psycopg

    with httpx.Client(base_url=topology.base_url, timeout=60) as client:
        headers = {"Authorization": f"Bearer {topology.handler_token(client)}"}
        call_id = client.post("/api/v1/calls", json={}, headers=headers).json()["id"]
        for i in range(6):  # least_conn spreads them over the workers
            r = client.post(f"/api/v1/calls/{call_id}/notes", json={"text": f"note {i}: he pushed her, no weapons"},
                            headers=headers)
            assert r.status_code == 201, r.text
    with psycopg.connect(f"host=127.0.0.1 user=postgres dbname={topology.app_db}") as conn:
        n = conn.execute("SELECT COUNT(*) FROM notes WHERE call_id = %s", (call_id,)).fetchone()[0]
    assert n == 6


def test_sigterm_lets_an_in_flight_request_finish(topology: Topology) -> None:
    """Graceful shutdown: a worker told to stop in the middle of a request (headers and half the
    body received) still completes it, and the note is kept. (Runs last: it stops api-2; nginx
    sends later requests to api-1.)"""
    import json
    import socket

    import psycopg

    host, port = topology.api_urls[1].removeprefix("http://").split(":")
    with httpx.Client(base_url=topology.base_url, timeout=60) as client:
        token = topology.handler_token(client)
        call_id = client.post("/api/v1/calls", json={}, headers={"Authorization": f"Bearer {token}"}).json()["id"]
    body = json.dumps({"text": "he hit her and threatened to kill her, the kids were there"}).encode()
    head = (f"POST /api/v1/calls/{call_id}/notes HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
    pid = topology.pid("api-2")
    assert pid is not None
    with socket.create_connection((host, int(port)), timeout=60) as sock:
        sock.sendall(head + body[: len(body) // 2])
        time.sleep(0.5)  # the worker has the request and waits for the rest of the body
        os.kill(pid, signal.SIGTERM)
        time.sleep(1.0)
        sock.sendall(body[len(body) // 2:])
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    status_line = reply.split(b"\r\n", 1)[0].decode()
    assert status_line.split()[1] == "201", reply[:500]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        pytest.fail("api-2 did not exit within 30 s of SIGTERM")
    with psycopg.connect(f"host=127.0.0.1 user=postgres dbname={topology.app_db}") as conn:
        n = conn.execute("SELECT COUNT(*) FROM notes WHERE call_id = %s", (call_id,)).fetchone()[0]
    assert n == 1
    with httpx.Client(base_url=topology.base_url, timeout=30) as client:  # the proxy carries on with api-1
        for _ in range(4):
            assert client.get("/health").status_code == 200
