"""Supervisor views, reviews and the monitoring report with CSV export."""

from __future__ import annotations

import csv
import io

DANGER = "He is still here and he has a knife."


def _graded(env, text: str, grade: str, reason: str | None = None) -> str:  # noqa: ANN001
    call = env.open_call()
    v = env.note(call["id"], text)["call_version"]
    body = {"grade": grade, **({"reason": reason} if reason else {})}
    r = env.client.post(f"/api/v1/calls/{call['id']}/grade", json=body, headers=env.h(**{"If-Match": str(v)}))
    assert r.status_code == 201, r.text
    return call["id"]


def test_live_high_risk_calls(env) -> None:
    hot = env.open_call()
    env.note(hot["id"], DANGER)
    calm = env.open_call()
    env.note(calm["id"], "Argument last month, he has moved away.")
    live = env.client.get("/api/v1/supervisor/live", headers=env.h("supervisor")).json()
    assert [c["call_id"] for c in live] == [hot["id"]]
    assert live[0]["suggested_grade"] == "emergency" and live[0]["notes"] == 1


def test_downgrades_list_with_reasons(env) -> None:
    down = _graded(env, DANGER, "priority", "He has been arrested already")
    _graded(env, DANGER, "emergency")
    rows = env.client.get("/api/v1/supervisor/downgrades", headers=env.h("supervisor")).json()
    assert [(r["call_id"], r["suggested"], r["chosen"], r["reason"], r["decided_by"]) for r in rows] == [
        (down, "emergency", "priority", "He has been arrested already", "call_handler")]


def test_dip_sample_is_random_but_reproducible_and_reviewable(env) -> None:
    ids = {_graded(env, f"note {i}", "emergency") for i in range(6)}
    a = env.client.get("/api/v1/supervisor/dip-sample", params={"n": 3, "seed": 7}, headers=env.h("supervisor")).json()
    b = env.client.get("/api/v1/supervisor/dip-sample", params={"n": 3, "seed": 7}, headers=env.h("supervisor")).json()
    assert a == b and len(a) == 3 and {c["call_id"] for c in a} <= ids
    everything = env.client.get("/api/v1/supervisor/dip-sample", params={"n": 50}, headers=env.h("supervisor")).json()
    assert {c["call_id"] for c in everything} == ids
    r = env.client.post("/api/v1/supervisor/reviews", json={"call_id": a[0]["call_id"], "outcome": "disagree",
                                                            "comment": "should have been emergency"},
                        headers=env.h("supervisor"))
    assert r.status_code == 201 and r.json()["reviewer"] == "supervisor"
    again = env.client.get("/api/v1/supervisor/dip-sample", params={"n": 3, "seed": 7}, headers=env.h("supervisor")).json()
    assert [c["reviewed"] for c in again] == [True, False, False]


def test_monitoring_report_and_csv(env) -> None:
    _graded(env, DANGER, "priority", "Officers already on scene")
    _graded(env, DANGER, "emergency")
    _graded(env, "He sent her messages last year; she is at her sister's, he does not know where.", "scheduled")
    env.open_call()
    r = env.client.get("/api/v1/reports/monitoring", params={"period": "day"}, headers=env.h("admin"))
    assert r.status_code == 200
    data = r.json()
    assert len(data["rows"]) == 1
    row = data["rows"][0]
    assert row["calls"] == 4 and row["suggested_emergency"] == 2 and row["chosen_emergency"] == 1
    assert row["chosen_priority"] == 1 and row["downgrades"] >= 1 and row["scheduled_appointments"] == 1
    assert row["repeat_share"] == 0.0 and row["median_minutes_first_note_to_grade"] is not None
    assert data["downgrades"][0]["reason"] == "Officers already on scene"
    assert "Q2 repeat victims" in data["answers"]
    r = env.client.get("/api/v1/reports/monitoring", params={"period": "day", "format": "csv"}, headers=env.h("supervisor"))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    parsed = list(csv.DictReader(io.StringIO(r.text)))
    assert parsed[0]["calls"] == "4" and parsed[0]["chosen_scheduled"] == "1"


def test_csv_export_neutralises_formulas(env) -> None:
    _graded(env, DANGER, "priority", "=HYPERLINK(\"http://x\")")
    r = env.client.get("/api/v1/reports/monitoring", params={"format": "csv", "table": "downgrades"},
                       headers=env.h("supervisor"))
    row = next(csv.DictReader(io.StringIO(r.text)))
    assert row["reason"].startswith("'=")


def test_report_period_validation(env) -> None:
    r = env.client.get("/api/v1/reports/monitoring", params={"start": "2026-02-01", "end": "2026-01-01"},
                       headers=env.h("supervisor"))
    assert r.status_code == 422
    r = env.client.get("/api/v1/reports/monitoring", params={"period": "year"}, headers=env.h("supervisor"))
    assert r.status_code == 422
