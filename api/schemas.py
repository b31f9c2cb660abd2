"""Request and response bodies. Every incoming string is cleaned of what no database can
store (NUL, lone surrogates) and bounded in length; unknown fields are refused."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from assistant.labels import Grade
from assistant.text import replace_surrogates


def _clean(value: str) -> str:
    return replace_surrogates(value).replace("\x00", "\ufffd")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or only spaces")
    return value


Text = Annotated[str, AfterValidator(_clean)]
Short = Annotated[str, StringConstraints(max_length=200), AfterValidator(_clean)]
NonBlank = Annotated[str, AfterValidator(_clean), AfterValidator(_not_blank)]
Username = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.@-]+$")]
Password = Annotated[str, StringConstraints(min_length=1, max_length=1024)]


class In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Script(StrEnum):
    CALL_999 = "call_999"
    FRONT_COUNTER = "front_counter"


class AnswerKind(StrEnum):
    YES = "yes"
    NO = "no"
    DONT_KNOW = "dont_know"
    DETAIL = "detail"


# ---- auth ----
class LoginIn(In):
    username: Username
    password: Password


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: datetime | None
    role: str
    username: str


class MeOut(BaseModel):
    username: str
    role: str


class UserIn(In):
    username: Username
    password: Annotated[str, StringConstraints(min_length=12, max_length=1024)]
    role: Literal["call_handler", "front_counter", "trainee", "supervisor", "admin"]


class UserOut(BaseModel):
    username: str
    role: str
    active: bool
    created_at: datetime


class ApiTokenIn(In):
    name: Annotated[str, StringConstraints(min_length=1, max_length=100), AfterValidator(_clean)]
    days: int | None = Field(None, ge=1, le=3650, description="lifetime; none: until revoked")


# ---- calls ----
class PartyIn(In):
    role: Literal["victim", "suspect"] = "victim"
    name: Short | None = None
    dob: date | None = Field(None, description="date of birth, YYYY-MM-DD")
    phone: Annotated[str, StringConstraints(max_length=40), AfterValidator(_clean)] | None = None
    address: Annotated[str, StringConstraints(max_length=400), AfterValidator(_clean)] | None = None


class OpenCallIn(In):
    script: Script | None = Field(None, description="default: the script of the caller's role")
    parties: list[PartyIn] = Field(default_factory=list, max_length=20)


class NoteIn(In):
    text: NonBlank = Field(description="the note as typed; kept exactly, never edited")


class AnswerIn(In):
    question_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    answer: AnswerKind
    detail: Text | None = Field(None, description="required when answer is 'detail'")


class GradeIn(In):
    grade: Grade
    reason: Text | None = Field(None, max_length=4000,
                                description="required when the grade is less urgent than suggested")


class PartyOut(BaseModel):
    id: int
    role: str
    name: str | None
    dob: date | None
    phone: str | None
    address: str | None


class NoteOut(BaseModel):
    id: int
    seq: int
    kind: str
    text: str
    created_at: datetime
    author: str | None = None


class AnswerOut(BaseModel):
    question_id: str
    answer: str
    detail: str | None
    note_seq: int | None
    answered_at: datetime


class DecisionOut(BaseModel):
    suggested: str | None
    chosen: str
    downgrade: bool
    reason: str | None
    decided_by: str | None
    decided_at: datetime


class EarlierCallOut(BaseModel):
    call_id: str
    opened_at: datetime
    matched_on: list[str]
    chosen_grade: str | None = None
    suggested_grade: str | None = None
    indicators: list[str] = Field(default_factory=list, description="labels asserted on that call")


class CarriedAnswerOut(BaseModel):
    question_id: str
    answer: str
    detail: str | None
    call_id: str
    answered_at: datetime


class RepeatOut(BaseModel):
    repeat_victim: bool
    earlier_incidents: int
    earlier_calls: list[EarlierCallOut]
    earlier_answers: list[CarriedAnswerOut] = Field(
        default_factory=list, description="answers from earlier calls, not asked again")


class AnalysisOut(BaseModel):
    status: Literal["ok", "failed"]
    call_version: int
    notes_seen: int
    versions: dict[str, str]
    duration_ms: float
    result: dict[str, Any] | None = Field(None, description="the core engine's Analysis")
    error: str | None = None
    warnings: list[str] = Field(default_factory=list, description="e.g. a note analysed only in part")


class CallOut(BaseModel):
    id: str
    script: str
    status: str
    version: int
    opened_at: datetime
    closed_at: datetime | None
    suggested_grade: str | None
    chosen_grade: str | None
    parties: list[PartyOut]
    notes: list[NoteOut]
    answers: list[AnswerOut]
    decisions: list[DecisionOut]
    repeat: RepeatOut
    analysis: AnalysisOut | None


class CallListItem(BaseModel):
    id: str
    script: str
    status: str
    opened_at: datetime
    suggested_grade: str | None
    chosen_grade: str | None
    repeat_victim: bool


class NoteResult(BaseModel):
    call_id: str
    call_version: int
    note: NoteOut | None
    answer: AnswerOut | None = None
    analysis: AnalysisOut | None
    analysis_error: str | None = Field(None, description="set when the note was saved but not analysed")


class DecisionResult(BaseModel):
    call_id: str
    call_version: int
    decision: DecisionOut


class CallStateOut(BaseModel):
    call_id: str
    call_version: int
    status: str


class ThriveOut(BaseModel):
    call_id: str
    sections: dict[str, list[str]]
    text: str


# ---- policy, chat ----
class PolicySearchIn(In):
    query: Annotated[str, StringConstraints(min_length=1, max_length=2000), AfterValidator(_clean),
                     AfterValidator(_not_blank)]
    k: int = Field(5, ge=1, le=20)


class ChatIn(In):
    message: Annotated[str, StringConstraints(max_length=100_000), AfterValidator(_clean)]
    call_id: Annotated[str, StringConstraints(max_length=64)] | None = None


class ChatOut(BaseModel):
    degraded: bool
    messages: list[dict[str, Any]]
    note: NoteResult | None = None
    policy: dict[str, Any] | None = None


# ---- supervisor, reports ----
class ReviewIn(In):
    call_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    outcome: Literal["agree", "disagree"]
    comment: Text | None = Field(None, max_length=4000)


class ReviewOut(BaseModel):
    id: int
    call_id: str
    outcome: str
    comment: str | None
    reviewer: str
    reviewed_at: datetime
