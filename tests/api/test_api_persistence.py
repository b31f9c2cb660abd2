"""Persistence on both databases: the embedded SQLite default and the production PostgreSQL."""

from __future__ import annotations

import json
import threading

from api.services.analysis import CachingAnalyser

NOTE = "He punched her. He is outside banging on the door."


def test_full_call_is_recorded(backend_env) -> None:
    env = backend_env
    call = env.open_call(parties=[{"role": "victim", "name": "Ann Smith", "dob": "1985-03-04", "phone": "07700 900001",
                                   "address": "1 High Street, Leeds LS1 1AA"},
                                  {"role": "suspect", "name": "Bob Smith"}])
    out = env.note(call["id"], NOTE)
    env.client.post(f"/api/v1/calls/{call['id']}/answers", json={"question_id": "weapons", "answer": "no"}, headers=env.h())
    r = env.client.post(f"/api/v1/calls/{call['id']}/grade", json={"grade": "priority", "reason": "he has driven off"},
                        headers=env.h(**{"If-Match": str(out["call_version"] + 1)}))
    assert r.status_code == 201, r.text
    r = env.client.post(f"/api/v1/calls/{call['id']}/close", headers=env.h(**{"If-Match": str(out["call_version"] + 2)}))
    assert r.status_code == 200
    full = env.client.get(f"/api/v1/calls/{call['id']}", headers=env.h("supervisor")).json()
    assert full["status"] == "closed" and full["version"] == 5
    assert [n["kind"] for n in full["notes"]] == ["note", "answer"]
    assert [p["role"] for p in full["parties"]] == ["victim", "suspect"]
    assert full["parties"][0]["dob"] == "1985-03-04"
    assert full["answers"][0]["question_id"] == "weapons" and full["answers"][0]["note_seq"] == 1
    assert full["decisions"][0]["downgrade"] is True and full["decisions"][0]["reason"] == "he has driven off"
    assert full["analysis"]["status"] == "ok" and full["analysis"]["notes_seen"] == 2
    rows = env.rows("SELECT rules_version FROM (SELECT versions AS rules_version FROM analyses) x")
    assert len(rows) == 2
    actions = [r[0] for r in env.rows("SELECT action FROM audit_log ORDER BY id")]
    assert actions[-6:] == ["call.open", "note.add", "answer.add", "grade.choose", "call.close", "call.view"]


def test_analysis_failure_keeps_the_note(make_env, analyser) -> None:  # noqa: ANN001
    class Broken(CachingAnalyser):
        def analyse(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
            raise RuntimeError("engine exploded with private text inside")

    for backend in ("sqlite", "postgresql"):
        env = make_env(backend, analyser_factory=lambda: Broken(nlp=analyser.nlp))
        call = env.open_call()
        r = env.client.post(f"/api/v1/calls/{call['id']}/notes", json={"text": NOTE}, headers=env.h())
        assert r.status_code == 201
        body = r.json()
        assert body["analysis"] is None
        assert body["analysis_error"] == "analysis failed (RuntimeError); the note is saved"
        assert env.rows("SELECT text FROM notes") == [(NOTE,)]
        assert env.rows("SELECT status, error FROM analyses") == [("failed", body["analysis_error"])]
        full = env.client.get(f"/api/v1/calls/{call['id']}", headers=env.h()).json()
        assert full["notes"][0]["text"] == NOTE and full["analysis"]["status"] == "failed"
        assert env.ctx.metrics.analysis_failures._value.get() == 1


def test_concurrent_notes_all_kept_in_order(backend_env) -> None:
    env = backend_env
    call = env.open_call()
    errors: list[str] = []

    def add(i: int) -> None:
        r = env.client.post(f"/api/v1/calls/{call['id']}/notes", json={"text": f"note {i}"}, headers=env.h())
        if r.status_code != 201:
            errors.append(r.text)

    threads = [threading.Thread(target=add, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    seqs = [r[0] for r in env.rows("SELECT seq FROM notes ORDER BY seq")]
    assert seqs == list(range(12))
    assert sorted(r[0] for r in env.rows("SELECT text FROM notes")) == sorted(f"note {i}" for i in range(12))
    assert env.rows("SELECT version FROM calls")[0][0] == 13


def test_two_handlers_cannot_overwrite_a_grade(backend_env) -> None:
    env = backend_env
    call = env.open_call()
    v = env.note(call["id"], NOTE)["call_version"]
    first = env.client.post(f"/api/v1/calls/{call['id']}/grade", json={"grade": "emergency"},
                            headers=env.h("call_handler", **{"If-Match": str(v)}))
    second = env.client.post(f"/api/v1/calls/{call['id']}/grade", json={"grade": "scheduled", "reason": "not urgent"},
                             headers=env.h("call_handler2", **{"If-Match": str(v)}))
    assert first.status_code == 201 and second.status_code == 412
    assert env.rows("SELECT chosen FROM grade_decisions") == [("emergency",)]


def test_notes_are_append_only(backend_env) -> None:
    env = backend_env
    call = env.open_call()
    env.note(call["id"], "first")
    for method in ("put", "patch", "delete"):
        r = env.client.request(method, f"/api/v1/calls/{call['id']}/notes", json={"text": "changed"}, headers=env.h())
        assert r.status_code == 405
    assert env.rows("SELECT text FROM notes") == [("first",)]


def test_nasty_strings_are_stored_verbatim_or_cleaned(backend_env) -> None:
    env = backend_env
    call = env.open_call(parties=[{"name": "Robert'); DROP TABLE calls;--", "address": "\x00 1 Main St"}])
    text = "He said \"'; DELETE FROM notes; --\" \ud800 and left \x00"
    r = env.client.post(f"/api/v1/calls/{call['id']}/notes", content=json.dumps({"text": text}),
                        headers=env.h(**{"Content-Type": "application/json"}))
    assert r.status_code == 201, r.text
    out = r.json()
    stored = env.rows("SELECT text FROM notes")[0][0]
    assert stored == text.replace("\ud800", "\ufffd").replace("\x00", "\ufffd")
    assert out["note"]["text"] == stored
    assert env.count("calls") == 1
    assert env.rows("SELECT name FROM parties")[0][0] == "Robert'); DROP TABLE calls;--"
