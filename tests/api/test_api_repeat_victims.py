"""Repeat victims: normalised identifiers, fuzzy matching, the flag in the grading, history."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from api.services.parties import extract_postcode, normalise_address, normalise_name, normalise_phone

VICTIM = {"role": "victim", "name": "Ann Smith", "dob": "1985-03-04", "phone": "07700 900001",
          "address": "1 High Street, Leeds LS1 1AA"}


@pytest.mark.parametrize("raw, expected", [
    ("07700 900123", "07700900123"),
    ("+44 7700 900123", "07700900123"),
    ("+44 (0)7700-900123", "07700900123"),
    ("0044 7700 900123", "07700900123"),
    ("7700900123", "07700900123"),
    ("(0113) 496 0000", "01134960000"),
    ("+1 212 555 0100", "+12125550100"),
    ("999", None),
    ("", None),
    (None, None),
    ("call me", None),
])
def test_normalise_phone(raw, expected) -> None:  # noqa: ANN001
    assert normalise_phone(raw) == expected


def test_normalise_name_and_address() -> None:
    assert normalise_name("Mrs  Zoë O'Brien") == "zoe o brien"
    assert extract_postcode("Flat 2, 10 Park Road, leeds ls6 2ab") == "LS62AB"
    assert normalise_address("Flat 2, 10 Park Road, Leeds LS6 2AB") == normalise_address("flat 2 10 park rd leeds")


def _age(env, call_id: str, days: int) -> None:  # noqa: ANN001
    when = datetime.now(timezone.utc) - timedelta(days=days)
    with env.ctx.engine.begin() as conn:
        from sqlalchemy import text

        conn.execute(text("UPDATE calls SET opened_at = :w WHERE id = :id"), {"w": when, "id": call_id})


def test_second_incident_in_twelve_months_is_a_repeat(backend_env) -> None:
    env = backend_env
    first = env.open_call(parties=[VICTIM])
    assert first["repeat"]["repeat_victim"] is False
    env.client.post(f"/api/v1/calls/{first['id']}/answers", json={"question_id": "children", "answer": "yes"},
                    headers=env.h())
    env.client.post(f"/api/v1/calls/{first['id']}/answers", json={"question_id": "weapons", "answer": "no"},
                    headers=env.h())
    _age(env, first["id"], 40)
    # a new number, the name typed differently: still recognised by name + date of birth
    second = env.open_call(parties=[{"name": "ann  SMITH", "dob": "1985-03-04", "phone": "07911 123456"}])
    rep = second["repeat"]
    assert rep["repeat_victim"] is True and rep["earlier_incidents"] == 1
    assert rep["earlier_calls"][0]["call_id"] == first["id"] and rep["earlier_calls"][0]["matched_on"] == ["name_dob"]
    assert "children_present" in rep["earlier_calls"][0]["indicators"]
    assert [a["question_id"] for a in rep["earlier_answers"]] == ["children"]  # weapons is asked afresh
    out = env.note(second["id"], "He shouted at her.")
    grade = out["analysis"]["result"]["grade"]
    assert "supervisor_repeat_victim" in [f["id"] for f in grade["flags"]]
    questions = [q["id"] for q in out["analysis"]["result"]["questions"]]
    assert "children" not in questions
    live = env.client.get("/api/v1/supervisor/repeat-victims", headers=env.h("supervisor")).json()
    assert [c["call_id"] for c in live] == [second["id"]]


@pytest.mark.parametrize("party, matched", [
    ({"phone": "+44 7700 900001"}, ["phone"]),
    ({"address": "1 high st leeds LS1 1AA"}, ["address"]),
    ({"name": "Anne Smith", "dob": "1985-03-04"}, ["name_dob"]),
])
def test_each_identifier_matches(env, party, matched) -> None:  # noqa: ANN001
    first = env.open_call(parties=[VICTIM])
    second = env.open_call(parties=[party])
    assert [e["matched_on"] for e in second["repeat"]["earlier_calls"]] == [matched]
    assert second["repeat"]["earlier_calls"][0]["call_id"] == first["id"]


@pytest.mark.parametrize("party", [
    {"name": "Ann Smith", "dob": "1990-01-01"},             # same name, other person
    {"name": "Jane Brown", "dob": "1985-03-04"},            # same birthday, other person
    {"address": "14 Low Road, Leeds LS1 1AA"},              # same postcode, other house
    {"phone": "07700 900002"},
])
def test_near_misses_do_not_match(env, party) -> None:  # noqa: ANN001
    env.open_call(parties=[VICTIM])
    assert env.open_call(parties=[party])["repeat"]["earlier_calls"] == []


def test_outside_the_window_or_a_suspect_does_not_count(env) -> None:
    old = env.open_call(parties=[VICTIM])
    _age(env, old["id"], 400)
    env.open_call(parties=[{**VICTIM, "role": "suspect"}])
    new = env.open_call(parties=[VICTIM])
    assert new["repeat"]["repeat_victim"] is False and new["repeat"]["earlier_calls"] == []


def test_adding_the_victim_later_raises_the_flag(env) -> None:
    env.open_call(parties=[VICTIM])
    call = env.open_call()
    assert call["repeat"]["repeat_victim"] is False
    r = env.client.post(f"/api/v1/calls/{call['id']}/parties", json={"phone": "07700900001"}, headers=env.h())
    assert r.status_code == 201 and r.json()["repeat"]["repeat_victim"] is True


def test_threshold_is_a_setting(make_env) -> None:  # noqa: ANN001
    env = make_env(repeat_min_incidents=3)
    env.open_call(parties=[VICTIM])
    assert env.open_call(parties=[VICTIM])["repeat"]["repeat_victim"] is False
    third = env.open_call(parties=[VICTIM])
    assert third["repeat"]["repeat_victim"] is True and third["repeat"]["earlier_incidents"] == 2
