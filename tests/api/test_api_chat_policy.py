"""Chat relay to Rasa (and its degraded mode) and policy search."""

from __future__ import annotations

import json
from types import SimpleNamespace

import httpx
import pytest

from api.services.policy import PolicyService


def _rasa(handler) -> httpx.Client:  # noqa: ANN001
    return httpx.Client(transport=httpx.MockTransport(handler))


def test_relays_to_rasa_and_keeps_both_sides(env) -> None:
    seen = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen["url"] = str(request.url)
        seen["body"] = json.loads(request.content)
        return httpx.Response(200, json=[{"text": "Is he still there?", "custom": {"questions": ["suspect_whereabouts"]}}])

    env.ctx.extras["http"] = _rasa(handler)
    call = env.open_call()
    r = env.client.post("/api/v1/chat", json={"message": "he hit her", "call_id": call["id"]}, headers=env.h())
    assert r.status_code == 200
    body = r.json()
    assert body["degraded"] is False and body["messages"][0]["custom"] == {"questions": ["suspect_whereabouts"]}
    assert seen["url"] == "http://127.0.0.1:9/webhooks/rest/webhook"
    assert seen["body"]["sender"] == call["id"] and seen["body"]["metadata"]["script"] == "call_999"
    assert env.rows("SELECT sender, text FROM chat_messages ORDER BY id") == [("user", "he hit her"),
                                                                               ("bot", "Is he still there?")]


@pytest.mark.parametrize("failure", ["down", "timeout", "500", "garbage"])
def test_degraded_mode_saves_and_analyses_the_note(env, failure) -> None:  # noqa: ANN001
    def handler(request: httpx.Request) -> httpx.Response:
        if failure == "timeout":
            raise httpx.ReadTimeout("slow", request=request)
        if failure == "500":
            return httpx.Response(500, text="boom")
        return httpx.Response(200, text="<html>not json</html>")

    if failure != "down":
        env.ctx.extras["http"] = _rasa(handler)
    else:
        assert env.settings.rasa_url == "http://127.0.0.1:9"  # nothing listens on the discard port
    call = env.open_call()
    r = env.client.post("/api/v1/chat", json={"message": "he has a knife and he is still here", "call_id": call["id"]},
                        headers=env.h())
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["degraded"] is True and "chat layer is unavailable" in body["messages"][0]["text"]
    labels = {i["label"] for i in body["note"]["analysis"]["result"]["indicators"]}
    assert "weapon" in labels
    assert env.rows("SELECT text FROM notes") == [("he has a knife and he is still here",)]
    assert env.rows("SELECT sender, degraded FROM chat_messages ORDER BY id") == [("user", False), ("bot", True)]


def test_degraded_question_goes_to_policy_search(make_env) -> None:  # noqa: ANN001
    env = make_env(policy=_StubPolicy(), rasa_url="http://127.0.0.1:9")
    call = env.open_call()
    r = env.client.post("/api/v1/chat", json={"message": "what is a repeat victim?", "call_id": call["id"]}, headers=env.h())
    body = r.json()
    assert body["degraded"] is True and body["policy"]["answered"] is True
    assert env.count("notes") == 0


def test_empty_chat_message_gets_a_reply(env) -> None:
    r = env.client.post("/api/v1/chat", json={"message": "   "}, headers=env.h())
    assert r.status_code == 200 and r.json()["messages"][0]["text"]


def test_chat_on_a_closed_call_is_409(env) -> None:
    call = env.open_call()
    env.client.post(f"/api/v1/calls/{call['id']}/close", headers=env.h(**{"If-Match": "1"}))
    r = env.client.post("/api/v1/chat", json={"message": "hello", "call_id": call["id"]}, headers=env.h())
    assert r.status_code == 409


class _StubPolicy(PolicyService):
    """Stands in for assistant.retrieval's PolicySearch, with the shape the router relies on."""

    def __init__(self) -> None:
        super().__init__()
        result = SimpleNamespace(answered=True, results=[{"id": "004-s3.4", "text": "A repeat victim is ...",
                                                          "score": 0.9}])
        self._search = SimpleNamespace(search=lambda query, k: result, version="stub")


def test_policy_search_with_an_index(make_env) -> None:  # noqa: ANN001
    env = make_env(policy=_StubPolicy())
    r = env.client.post("/api/v1/policy/search", json={"query": "repeat victim", "k": 3}, headers=env.h("trainee"))
    assert r.status_code == 200
    assert r.json() == {"answered": True, "results": [{"id": "004-s3.4", "text": "A repeat victim is ...", "score": 0.9}]}
    assert env.rows("SELECT action, outcome FROM audit_log") == [("policy.search", "ok")]


def test_policy_search_unavailable_is_a_clear_503(make_env, monkeypatch) -> None:  # noqa: ANN001
    import sys

    monkeypatch.setitem(sys.modules, "assistant.retrieval", None)  # as if not installed
    env = make_env(policy=PolicyService())
    r = env.client.post("/api/v1/policy/search", json={"query": "repeat victim"}, headers=env.h("trainee"))
    assert r.status_code == 503 and "policy search is not available" in r.json()["detail"]


@pytest.mark.parametrize("body", [{"query": ""}, {"query": "   "}, {"query": "x", "k": 0}, {"query": "x", "k": 1000},
                                  {"query": 5}, {}])
def test_policy_search_bad_input(env, body) -> None:  # noqa: ANN001
    assert env.client.post("/api/v1/policy/search", json=body, headers=env.h("trainee")).status_code == 422
