"""Rasa's action webhook is served by the service process (issue 4: warm models load once)."""

from __future__ import annotations


def test_action_webhook_is_mounted(env) -> None:  # noqa: ANN001
    assert env.client.get("/actions/health").json() == {"status": "ok"}
    names = {a["name"] for a in env.client.get("/actions/actions").json()}
    assert {"action_record_note", "action_new_call"} <= names


def test_action_webhook_refuses_a_malformed_call(env) -> None:  # noqa: ANN001
    response = env.client.post("/actions/webhook", content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    response = env.client.post("/actions/webhook", json={"next_action": "action_new_call"})
    assert response.status_code == 400


def test_action_webhook_can_be_turned_off(make_env) -> None:  # noqa: ANN001
    env = make_env(actions_in_process=False)
    assert env.client.get("/actions/health").status_code == 404
