from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response, status
from pydantic import BaseModel

from api.deps import CtxDep, IfMatch, PrincipalDep
from api.schemas import (AnswerIn, CallListItem, CallOut, CallStateOut, DecisionResult, GradeIn, NoteIn, NoteResult,
                         OpenCallIn, PartyIn, ThriveOut)
from api.services import calls, thrive

router = APIRouter(prefix="/api/v1/calls", tags=["calls"])
CallId = Annotated[str, Path(max_length=64, description="the call's id")]


def _etag(response: Response, version: int) -> None:
    response.headers["ETag"] = f'"{version}"'


def _json(model: BaseModel, status_code: int, version: int) -> Response:
    """Serialised once, by pydantic's Rust core: the analysis in these bodies is large and was
    already validated when it was built (the declared response_model still documents it)."""
    return Response(model.model_dump_json(), status_code=status_code, media_type="application/json",
                    headers={"ETag": f'"{version}"'})


@router.post("", response_model=CallOut, status_code=status.HTTP_201_CREATED, summary="Open a call")
def open_call(body: OpenCallIn, ctx: CtxDep, principal: PrincipalDep, response: Response) -> CallOut:
    out = calls.open_call(ctx, principal, body)
    _etag(response, out.version)
    return out


@router.get("", response_model=list[CallListItem], summary="Calls this role may see, newest first")
def list_calls(ctx: CtxDep, principal: PrincipalDep, status_: Annotated[Literal["open", "closed"] | None,
               Query(alias="status")] = None, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[CallListItem]:
    return calls.list_calls(ctx, principal, status=status_, limit=limit)


@router.get("/{call_id}", response_model=CallOut, summary="A call with its notes, analysis, answers, grades, history")
def get_call(call_id: CallId, ctx: CtxDep, principal: PrincipalDep) -> Response:
    out = calls.get_call(ctx, principal, call_id)
    return _json(out, 200, out.version)


@router.post("/{call_id}/parties", response_model=CallOut, status_code=status.HTTP_201_CREATED,
             summary="Add a victim's or suspect's details (re-checks for a repeat victim)")
def add_party(call_id: CallId, body: PartyIn, ctx: CtxDep, principal: PrincipalDep, response: Response,
              if_match: IfMatch = None) -> CallOut:
    out = calls.add_party(ctx, principal, call_id, body, if_match)
    _etag(response, out.version)
    return out


@router.post("/{call_id}/notes", response_model=NoteResult, status_code=status.HTTP_201_CREATED,
             summary="Add a note: saved first, then analysed",
             description="The note is committed before analysis. If the analysis fails the note stays, "
                         "`analysis` is null and `analysis_error` says why.")
def add_note(call_id: CallId, body: NoteIn, ctx: CtxDep, principal: PrincipalDep,
             if_match: IfMatch = None) -> Response:
    out = calls.add_note(ctx, principal, call_id, body.text, if_match)
    return _json(out, 201, out.call_version)


@router.post("/{call_id}/answers", response_model=NoteResult, status_code=status.HTTP_201_CREATED,
             summary="Answer a prompt: yes / no / dont_know / detail",
             description="yes and no to a core question become a statement note the engine understands; "
                         "detail becomes a note as typed; dont_know only marks the question as asked.")
def answer(call_id: CallId, body: AnswerIn, ctx: CtxDep, principal: PrincipalDep,
           if_match: IfMatch = None) -> Response:
    out = calls.answer_prompt(ctx, principal, call_id, body, if_match)
    return _json(out, 201, out.call_version)


@router.post("/{call_id}/grade", response_model=DecisionResult, status_code=status.HTTP_201_CREATED,
             summary="Choose a grade (If-Match required; a reason when less urgent than suggested)")
def grade(call_id: CallId, body: GradeIn, ctx: CtxDep, principal: PrincipalDep, response: Response,
          if_match: IfMatch = None) -> DecisionResult:
    out = calls.choose_grade(ctx, principal, call_id, body, if_match)
    _etag(response, out.call_version)
    return out


@router.post("/{call_id}/close", response_model=CallStateOut, summary="Close the call (If-Match required)")
def close(call_id: CallId, ctx: CtxDep, principal: PrincipalDep, response: Response,
          if_match: IfMatch = None) -> CallStateOut:
    state, version = calls.close_call(ctx, principal, call_id, if_match)
    _etag(response, version)
    return CallStateOut(call_id=call_id, call_version=version, status=state)


@router.get("/{call_id}/summary", response_model=ThriveOut, summary="THRIVE summary for the incident log")
def summary(call_id: CallId, ctx: CtxDep, principal: PrincipalDep) -> ThriveOut:
    return thrive.summary(ctx, principal, call_id)
