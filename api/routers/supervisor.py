from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response, status

from api.deps import CtxDep, PrincipalDep
from api.schemas import ReviewIn, ReviewOut
from api.services import monitoring, supervisor

router = APIRouter(prefix="/api/v1", tags=["supervisor"])
Days = Annotated[int, Query(ge=1, le=3660, description="look back this many days")]


@router.get("/supervisor/live", summary="Open calls suggested emergency or with a repeat victim")
def live(ctx: CtxDep, principal: PrincipalDep) -> list[dict[str, Any]]:
    return supervisor.live_high_risk(ctx, principal)


@router.get("/supervisor/downgrades", summary="Grades chosen less urgent than suggested, with reasons")
def downgrades(ctx: CtxDep, principal: PrincipalDep, days: Days = 30) -> list[dict[str, Any]]:
    return supervisor.downgrades(ctx, principal, days=days)


@router.get("/supervisor/repeat-victims", summary="Calls whose victim was recognised as a repeat victim")
def repeat_victims(ctx: CtxDep, principal: PrincipalDep, days: Days = 365) -> list[dict[str, Any]]:
    return supervisor.repeat_victims(ctx, principal, days=days)


@router.get("/supervisor/dip-sample", summary="A random sample of graded calls to review")
def dip_sample(ctx: CtxDep, principal: PrincipalDep, days: Days = 30,
               n: Annotated[int | None, Query(ge=1, le=500)] = None,
               seed: Annotated[int | None, Query(ge=0, le=2**31)] = None) -> list[dict[str, Any]]:
    return supervisor.dip_sample(ctx, principal, n=n, days=days, seed=seed)


@router.post("/supervisor/reviews", response_model=ReviewOut, status_code=status.HTTP_201_CREATED,
             summary="Record a review of a call's grading")
def review(body: ReviewIn, ctx: CtxDep, principal: PrincipalDep) -> ReviewOut:
    return supervisor.add_review(ctx, principal, body)


@router.get("/reports/monitoring", summary="Routine monitoring report (supervisor, admin); format=csv to export",
            responses={200: {"content": {"application/json": {}, "text/csv": {}}}})
def monitoring_report(ctx: CtxDep, principal: PrincipalDep, start: date | None = None, end: date | None = None,
                      period: Literal["day", "week", "month"] = "month", format: Literal["json", "csv"] = "json",
                      table: Literal["periods", "downgrades"] = "periods") -> Any:
    data = monitoring.report(ctx, principal, start=start, end=end, period=period)
    if format == "csv":
        return Response(monitoring.to_csv(data, table), media_type="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="monitoring-{table}.csv"'})
    return data
