"""Result types of an analysis, shared by the CLI, the Rasa actions and the API."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from assistant.labels import Grade, Status


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class PolicyRef(Frozen):
    id: str
    document: str
    section: str
    quote: str


# the `rule` of evidence the status model gave (assistant/extraction/status_model.py), and the
# name it adds to an indicator's implied_by
STATUS_MODEL_RULE = "status_model"


class Evidence(Frozen):
    message: int = Field(description="index of the note in the call, oldest first")
    start: int = Field(description="character offset into that note")
    end: int
    text: str
    status: Status
    rule: str
    modifiers: tuple[str, ...] = ()


class Indicator(Frozen):
    label: str
    status: Status
    evidence: tuple[Evidence, ...] = ()
    implied_by: tuple[str, ...] = Field(default=(), description="implication rules that set this label")


class FiredRule(Frozen):
    id: str
    grade: Grade
    description: str
    indicators: tuple[Indicator, ...] = ()
    policy: tuple[PolicyRef, ...] = ()


class Flag(Frozen):
    id: str
    action: str
    reason: str
    indicators: tuple[str, ...] = ()
    policy: tuple[PolicyRef, ...] = ()


class GradeSuggestion(Frozen):
    grade: Grade
    rules: tuple[FiredRule, ...]
    flags: tuple[Flag, ...]
    policy_version: str


class Question(Frozen):
    id: str
    text: str
    kind: str = Field(description="core or follow_up")
    settles: str | None = None
    reason: str
    critical: bool = False
    policy: tuple[PolicyRef, ...] = ()


class CallContext(Frozen):
    """Facts from outside the notes, e.g. the service's records of earlier calls."""

    repeat_victim: bool = False
    earlier_incidents: int = 0


class Analysis(Frozen):
    indicators: tuple[Indicator, ...]
    grade: GradeSuggestion
    questions: tuple[Question, ...]
    rules_version: str
    script: str

    def statuses(self) -> dict[str, str]:
        return {i.label: i.status.value for i in self.indicators}
