"""The calls router: open, notes, answers, grade, close, read, THRIVE summary."""

from __future__ import annotations

NOTE = "He hit her and he is still in the kitchen with a knife. 2 kids upstairs."


def test_open_call_uses_the_roles_script(env) -> None:
    call = env.open_call()
    assert call["script"] == "call_999" and call["status"] == "open" and call["version"] == 1
    fc = env.open_call("front_counter")
    assert fc["script"] == "front_counter"


def test_a_role_cannot_open_the_other_script(env) -> None:
    r = env.client.post("/api/v1/calls", json={"script": "front_counter"}, headers=env.h())
    assert r.status_code == 403
    assert env.count("calls") == 0


def test_add_note_returns_the_analysis_with_versions(env) -> None:
    call = env.open_call()
    out = env.note(call["id"], NOTE)
    assert out["note"]["seq"] == 0 and out["note"]["text"] == NOTE and out["note"]["author"] == "call_handler"
    assert out["call_version"] == 2
    analysis = out["analysis"]
    assert analysis["status"] == "ok" and analysis["notes_seen"] == 1
    result = analysis["result"]
    statuses = {i["label"]: i["status"] for i in result["indicators"]}
    assert statuses["weapon"] == "current" and statuses["children_present"] == "current"
    assert result["grade"]["grade"] == "emergency"
    assert set(analysis["versions"]) >= {"rules", "policy", "script", "pipeline", "spacy"}
    evidence = next(i for i in result["indicators"] if i["label"] == "weapon")["evidence"][0]
    assert NOTE[evidence["start"]:evidence["end"]] == evidence["text"]


def test_notes_accumulate_and_are_analysed_together(env) -> None:
    call = env.open_call()
    env.note(call["id"], "He has a knife.")
    out = env.note(call["id"], "She has no injuries.")
    assert out["note"]["seq"] == 1 and out["analysis"]["notes_seen"] == 2
    labels = {i["label"]: i["status"] for i in out["analysis"]["result"]["indicators"]}
    assert labels["weapon"] == "current" and labels["injury"] == "negated"
    full = env.client.get(f"/api/v1/calls/{call['id']}", headers=env.h()).json()
    assert [n["text"] for n in full["notes"]] == ["He has a knife.", "She has no injuries."]
    assert full["analysis"]["call_version"] == 3 and full["suggested_grade"] == out["analysis"]["result"]["grade"]["grade"]


def test_answer_yes_no_become_statements_the_engine_reads(env) -> None:
    call = env.open_call()
    r = env.client.post(f"/api/v1/calls/{call['id']}/answers", json={"question_id": "weapons", "answer": "no"},
                        headers=env.h())
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["note"]["kind"] == "answer" and out["answer"]["answer"] == "no"
    labels = {i["label"]: i["status"] for i in out["analysis"]["result"]["indicators"]}
    assert labels["weapon"] == "negated"
    assert "weapons" not in [q["id"] for q in out["analysis"]["result"]["questions"]]


def test_dont_know_marks_the_question_asked_without_a_note(env) -> None:
    call = env.open_call()
    first = env.note(call["id"], "Caller is upset.")
    asked_first = [q["id"] for q in first["analysis"]["result"]["questions"]]
    top = asked_first[0]
    r = env.client.post(f"/api/v1/calls/{call['id']}/answers", json={"question_id": top, "answer": "dont_know"},
                        headers=env.h())
    assert r.status_code == 201
    out = r.json()
    assert out["note"] is None
    assert top not in [q["id"] for q in out["analysis"]["result"]["questions"]]
    assert env.count("notes") == 1 and env.count("prompt_answers") == 1


def test_detail_answer_is_kept_as_typed(env) -> None:
    call = env.open_call()
    r = env.client.post(f"/api/v1/calls/{call['id']}/answers",
                        json={"question_id": "children_details", "answer": "detail", "detail": "2 kids, 4 and 7, upstairs"},
                        headers=env.h())
    assert r.status_code == 201
    assert r.json()["note"]["text"] == "2 kids, 4 and 7, upstairs"


def test_answer_validation(env) -> None:
    call = env.open_call()
    cases = [
        {"question_id": "no_such_question", "answer": "yes"},
        {"question_id": "weapons", "answer": "maybe"},
        {"question_id": "weapons", "answer": "detail"},
        {"question_id": "weapons", "answer": "yes", "detail": "extra"},
    ]
    for body in cases:
        r = env.client.post(f"/api/v1/calls/{call['id']}/answers", json=body, headers=env.h())
        assert r.status_code == 422, (body, r.text)
    assert env.count("prompt_answers") == 0 and env.count("notes") == 0


def test_downgrade_needs_a_reason_and_is_recorded(env) -> None:
    call = env.open_call()
    out = env.note(call["id"], NOTE)
    assert out["analysis"]["result"]["grade"]["grade"] == "emergency"
    v = out["call_version"]
    r = env.client.post(f"/api/v1/calls/{call['id']}/grade", json={"grade": "priority"}, headers=env.h(**{"If-Match": f'"{v}"'}))
    assert r.status_code == 422 and "reason" in r.json()["detail"]
    r = env.client.post(f"/api/v1/calls/{call['id']}/grade", json={"grade": "priority", "reason": "   "},
                        headers=env.h(**{"If-Match": f'"{v}"'}))
    assert r.status_code == 422
    assert env.count("grade_decisions") == 0
    r = env.client.post(f"/api/v1/calls/{call['id']}/grade", json={"grade": "priority", "reason": "He has left in a car"},
                        headers=env.h(**{"If-Match": f'"{v}"'}))
    assert r.status_code == 201
    d = r.json()["decision"]
    assert d == {**d, "suggested": "emergency", "chosen": "priority", "downgrade": True, "decided_by": "call_handler"}
    assert r.headers["etag"] == f'"{v + 1}"'


def test_same_or_more_urgent_grade_needs_no_reason(env) -> None:
    call = env.open_call()
    v = env.note(call["id"], "Neighbour heard shouting last week.")["call_version"]
    r = env.client.post(f"/api/v1/calls/{call['id']}/grade", json={"grade": "emergency"},
                        headers=env.h(**{"If-Match": str(v)}))
    assert r.status_code == 201 and r.json()["decision"]["downgrade"] is False


def test_grade_and_close_require_if_match(env) -> None:
    call = env.open_call()
    r = env.client.post(f"/api/v1/calls/{call['id']}/grade", json={"grade": "emergency"}, headers=env.h())
    assert r.status_code == 428
    r = env.client.post(f"/api/v1/calls/{call['id']}/close", headers=env.h())
    assert r.status_code == 428
    r = env.client.post(f"/api/v1/calls/{call['id']}/close", headers=env.h(**{"If-Match": "banana"}))
    assert r.status_code == 412


def test_close_then_no_more_notes(env) -> None:
    call = env.open_call()
    r = env.client.post(f"/api/v1/calls/{call['id']}/close", headers=env.h(**{"If-Match": '"1"'}))
    assert r.status_code == 200 and r.json()["status"] == "closed"
    r = env.client.post(f"/api/v1/calls/{call['id']}/notes", json={"text": "late note"}, headers=env.h())
    assert r.status_code == 409
    assert env.count("notes") == 0


def test_list_calls_shows_only_the_roles_script(env) -> None:
    a = env.open_call()
    b = env.open_call("front_counter")
    ids = [c["id"] for c in env.client.get("/api/v1/calls", headers=env.h()).json()]
    assert a["id"] in ids and b["id"] not in ids
    ids = [c["id"] for c in env.client.get("/api/v1/calls", headers=env.h("supervisor")).json()]
    assert {a["id"], b["id"]} <= set(ids)


def test_thrive_summary(env) -> None:
    call = env.open_call()
    out = env.note(call["id"], NOTE)
    env.client.post(f"/api/v1/calls/{call['id']}/answers", json={"question_id": "safe_to_talk", "answer": "dont_know"},
                    headers=env.h())
    v = env.client.get(f"/api/v1/calls/{call['id']}", headers=env.h()).json()["version"]
    env.client.post(f"/api/v1/calls/{call['id']}/grade", json={"grade": "priority", "reason": "officers already there"},
                    headers=env.h(**{"If-Match": str(v)}))
    r = env.client.get(f"/api/v1/calls/{call['id']}/summary", headers=env.h())
    assert r.status_code == 200
    s = r.json()
    assert list(s["sections"]) == ["threat", "harm", "risk", "investigation", "vulnerability", "engagement"]
    assert any(line.startswith("weapon: current") for line in s["sections"]["threat"])
    assert any("children present: current" in line for line in s["sections"]["vulnerability"])
    assert s["sections"]["risk"][0].startswith("suggested grade: emergency")
    assert "reason: officers already there" in s["sections"]["risk"][1]
    assert "caller did not know: safe to talk" in s["sections"]["engagement"]
    assert s["text"].splitlines()[0].startswith("THREAT: ")
    assert out["analysis"]["status"] == "ok"


def test_etag_and_stale_if_match_on_notes(env) -> None:
    call = env.open_call()
    first = env.note(call["id"], "first", **{"If-Match": '"1"'})
    assert first["call_version"] == 2
    r = env.client.post(f"/api/v1/calls/{call['id']}/notes", json={"text": "second"},
                        headers=env.h(**{"If-Match": '"1"'}))
    assert r.status_code == 412 and "version 2" in r.json()["detail"]
    assert env.count("notes") == 1


def test_a_very_long_note_is_kept_whole_and_analysed_in_part(make_env) -> None:  # noqa: ANN001
    env = make_env(analysis_max_chars=200)
    call = env.open_call()
    text = "Nothing much. " * 20 + "He has a knife."  # the knife is past the analysed part
    out = env.note(call["id"], text)
    assert out["note"]["text"] == text and env.rows("SELECT text FROM notes") == [(text,)]
    assert out["analysis"]["warnings"] == [f"note 0 has {len(text):,} characters: only the first 200 were analysed; "
                                           "read the rest"]
    assert "weapon" not in {i["label"] for i in out["analysis"]["result"]["indicators"]}
    full = env.client.get(f"/api/v1/calls/{call['id']}", headers=env.h()).json()
    assert full["analysis"]["warnings"] == out["analysis"]["warnings"]
