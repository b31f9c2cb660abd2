"""The grading policy file: its schema and loader."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.datafiles import content_hash, load_yaml_mapping, read_text, validate, validate_entries
from assistant.labels import LABEL_SET, Grade
from assistant.models import PolicyRef
from assistant.policy_refs import resolve_refs

PACKAGE = "assistant.grading.policies"
DEFAULT_POLICY = "default.yml"


class Condition(BaseModel):
    """All given clauses must hold. An empty condition always holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    any_current: tuple[str, ...] = ()
    any_asserted: tuple[str, ...] = ()
    all_current: tuple[str, ...] = ()
    none_asserted: tuple[str, ...] = ()
    none_current: tuple[str, ...] = ()
    repeat_victim: bool | None = None
    grade: Grade | None = None  # flags only: the suggested grade

    @field_validator("any_current", "any_asserted", "all_current", "none_asserted", "none_current")
    @classmethod
    def _labels(cls, labels: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [l for l in labels if l not in LABEL_SET]
        if unknown:
            raise ValueError(f"unknown label(s) {unknown}")
        return labels


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    grade: Grade
    description: str
    when: Condition | None = None
    policy: tuple[str, ...] = Field(min_length=1)


class FlagSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    action: str
    reason: str
    when: Condition
    policy: tuple[str, ...] = ()


class PolicySpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    version: str
    grades: tuple[Grade, ...]
    rules: tuple[RuleSpec, ...] = Field(min_length=1)
    flags: tuple[FlagSpec, ...] = ()

    @model_validator(mode="after")
    def _default_last(self) -> "PolicySpec":
        if self.rules[-1].when is not None:
            raise ValueError(f"the last rule ({self.rules[-1].id}) must have no condition: it is the default")
        if any(r.when is None for r in self.rules[:-1]):
            raise ValueError("only the last rule may have no condition")
        if any(r.when is not None and r.when.grade is not None for r in self.rules):
            raise ValueError("'grade' conditions are for flags only")
        ids = [r.id for r in self.rules] + [f.id for f in self.flags]
        if len(ids) != len(set(ids)):
            raise ValueError("rule and flag ids must be unique")
        return self


class GradingPolicy:
    """A validated policy with its citations resolved."""

    def __init__(self, spec: PolicySpec, refs: dict[str, tuple[PolicyRef, ...]], version: str) -> None:
        self.spec = spec
        self.refs = refs
        self.version = version


@lru_cache(maxsize=8)
def load_policy(name: str = DEFAULT_POLICY) -> GradingPolicy:
    file = f"{PACKAGE}/{name}"
    raw = load_yaml_mapping(PACKAGE, name)
    validate_entries(RuleSpec, raw.get("rules"), file=file, section="rules")
    validate_entries(FlagSpec, raw.get("flags"), file=file, section="flags")
    spec = validate(PolicySpec, raw, file=file)
    refs = {item.id: resolve_refs(list(item.policy), file=file, entry=item.id) for item in (*spec.rules, *spec.flags)}
    return GradingPolicy(spec, refs, version=f"{spec.name}@{spec.version}#{content_hash(read_text(PACKAGE, name))}")
