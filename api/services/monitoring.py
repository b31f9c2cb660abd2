"""Routine monitoring (APP "nine pieces of data", 000/001) that these records can answer:
domestic abuse calls per period, repeat victims and their share, suggested versus chosen
grades with downgrades and their reasons, scheduled appointments, time from first note to
grade. Aggregates only; the downgrade list names calls by id."""

from __future__ import annotations

import csv
import io
import statistics
from datetime import date, datetime, timedelta, timezone
from typing import Any, Literal

from sqlalchemy import select

from api.db.models import Call, GradeDecision, aware
from api.db.session import transaction
from api.services import audit
from api.services.auth import Principal, Role
from api.services.authz import require_role
from api.services.context import AppContext
from api.services.errors import Invalid

REPORTERS = frozenset({Role.SUPERVISOR, Role.ADMIN})
Period = Literal["day", "week", "month"]
GRADES = ("emergency", "priority", "scheduled")
ANSWERS = {
    "Q2 repeat victims": "repeat_victim_calls and repeat_share per period (definition: 004 s3.4)",
    "Q7 cases at every level of risk": "suggested_* and chosen_* grade counts per period",
    "dip-sampling (000)": "downgrades with reasons; scheduled appointments",
    "not answerable from call records": "Q1 ethnicity/gender, Q3-Q6 outcomes, arrests, CPS, Q8 SafeLives, "
                                        "Q9 victim satisfaction",
}


def _bucket(value: datetime, period: Period) -> date:
    d = aware(value).date()
    if period == "day":
        return d
    if period == "week":
        return d - timedelta(days=d.weekday())
    return d.replace(day=1)


def report(ctx: AppContext, principal: Principal, *, start: date | None, end: date | None,
           period: Period) -> dict[str, Any]:
    require_role(ctx.sessions, principal, REPORTERS, "report.monitoring")
    end = end or datetime.now(timezone.utc).date()
    start = start or end - timedelta(days=30)
    if start > end:
        raise Invalid("start must not be after end")
    lo = datetime.combine(start, datetime.min.time(), tzinfo=timezone.utc)
    hi = datetime.combine(end + timedelta(days=1), datetime.min.time(), tzinfo=timezone.utc)
    with transaction(ctx.sessions) as session:
        calls = list(session.scalars(select(Call).where(Call.opened_at >= lo, Call.opened_at < hi)))
        decisions = list(session.scalars(select(GradeDecision).where(GradeDecision.decided_at >= lo,
                                                                     GradeDecision.decided_at < hi,
                                                                     GradeDecision.downgrade.is_(True))
                                         .order_by(GradeDecision.decided_at)))
        audit.record(session, principal, "report.monitoring", detail=f"{start}..{end} calls={len(calls)}")
    rows: dict[date, dict[str, Any]] = {}
    minutes: dict[date, list[float]] = {}
    for c in calls:
        key = _bucket(c.opened_at, period)
        row = rows.setdefault(key, {"period_start": key.isoformat(), "calls": 0, "repeat_victim_calls": 0,
                                    **{f"suggested_{g}": 0 for g in GRADES}, **{f"chosen_{g}": 0 for g in GRADES},
                                    "downgrades": 0, "scheduled_appointments": 0})
        row["calls"] += 1
        row["repeat_victim_calls"] += int(c.repeat_victim)
        if c.suggested_grade:
            row[f"suggested_{c.suggested_grade}"] += 1
        if c.chosen_grade:
            row[f"chosen_{c.chosen_grade}"] += 1
            row["scheduled_appointments"] += int(c.chosen_grade == "scheduled")
            if c.suggested_grade and _urgency(c.chosen_grade) < _urgency(c.suggested_grade):
                row["downgrades"] += 1
        if c.first_note_at and c.graded_at:
            minutes.setdefault(key, []).append((aware(c.graded_at) - aware(c.first_note_at)).total_seconds() / 60)
    out_rows = []
    for key in sorted(rows):
        row = rows[key]
        row["repeat_share"] = round(row["repeat_victim_calls"] / row["calls"], 3)
        values = minutes.get(key, [])
        row["median_minutes_first_note_to_grade"] = round(statistics.median(values), 2) if values else None
        out_rows.append(row)
    return {
        "start": start.isoformat(), "end": end.isoformat(), "period": period, "rows": out_rows,
        "downgrades": [{"call_id": d.call_id, "suggested": d.suggested, "chosen": d.chosen, "reason": d.reason,
                        "decided_at": aware(d.decided_at).isoformat()} for d in decisions],
        "answers": ANSWERS,
    }


def _urgency(grade: str) -> int:
    return {"emergency": 3, "priority": 2, "scheduled": 1}[grade]


COLUMNS = ("period_start", "calls", "repeat_victim_calls", "repeat_share", *(f"suggested_{g}" for g in GRADES),
           *(f"chosen_{g}" for g in GRADES), "downgrades", "scheduled_appointments",
           "median_minutes_first_note_to_grade")


def to_csv(data: dict[str, Any], table: Literal["periods", "downgrades"]) -> str:
    buffer = io.StringIO()
    if table == "periods":
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(data["rows"])
    else:
        writer = csv.DictWriter(buffer, fieldnames=("call_id", "suggested", "chosen", "reason", "decided_at"))
        writer.writeheader()
        for row in data["downgrades"]:
            writer.writerow({k: _safe_cell(v) for k, v in row.items()})
    return buffer.getvalue()


def _safe_cell(value: Any) -> Any:
    """Free text opened in a spreadsheet must not run as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
