"""Call scripts: schema and loader. A script may extend another and reorder its questions."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.datafiles import DataFileError, content_hash, load_yaml, load_yaml_mapping, read_text, validate, validate_entries
from assistant.labels import LABEL_SET
from assistant.models import PolicyRef
from assistant.policy_refs import resolve_refs

PACKAGE = "assistant.questions.scripts"
SCRIPTS = {"call_999": "call_999.yml", "front_counter": "front_counter.yml"}
CRITICAL_LABELS = ("suspect_present", "weapon", "injury", "children_present")


class FollowUpCondition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    any_current: tuple[str, ...] = ()
    any_asserted: tuple[str, ...] = ()
    any_current_or_negated: tuple[str, ...] = ()

    @field_validator("any_current", "any_asserted", "any_current_or_negated")
    @classmethod
    def _labels(cls, labels: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [l for l in labels if l not in LABEL_SET]
        if unknown:
            raise ValueError(f"unknown label(s) {unknown}")
        return labels


class CoreQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    settles: str
    text: str = Field(min_length=1, max_length=160)
    reason: str
    critical: bool = False
    policy: tuple[str, ...] = ()

    @field_validator("settles")
    @classmethod
    def _label(cls, label: str) -> str:
        if label not in LABEL_SET:
            raise ValueError(f"unknown label {label!r}")
        return label


class FollowUp(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    when: FollowUpCondition
    text: str = Field(min_length=1, max_length=160)
    reason: str
    policy: tuple[str, ...] = ()


class ScriptSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    max_suggestions: int = Field(default=5, ge=1, le=25)
    core: tuple[CoreQuestion, ...]
    follow_ups: tuple[FollowUp, ...] = ()

    @model_validator(mode="after")
    def _checks(self) -> "ScriptSpec":
        ids = [q.id for q in self.core] + [f.id for f in self.follow_ups]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate question ids {duplicates}")
        critical = {q.settles for q in self.core if q.critical}
        missing = [l for l in CRITICAL_LABELS if l not in critical]
        if missing:
            raise ValueError(f"the questions settling {missing} must be marked critical")
        if self.max_suggestions < len(critical):
            raise ValueError(f"max_suggestions must be at least the {len(critical)} critical questions")
        return self


class CallScript:
    def __init__(self, spec: ScriptSpec, refs: dict[str, tuple[PolicyRef, ...]], version: str) -> None:
        self.spec = spec
        self.refs = refs
        self.version = version

    @property
    def name(self) -> str:
        return self.spec.name


def _merge_extension(raw: dict[str, Any], base: dict[str, Any], file: str) -> dict[str, Any]:
    """Apply `order` and `text` of an extending script to its base's questions."""
    core = {q["id"]: dict(q) for q in base.get("core", [])}
    order = raw.get("order", list(core))
    unknown = [i for i in order if i not in core]
    if unknown:
        raise DataFileError(file, f"order names unknown question ids {unknown}")
    missing = [i for i in core if i not in order]
    if missing:
        raise DataFileError(file, f"order leaves out question ids {missing}")
    for qid, text in (raw.get("text") or {}).items():
        if qid not in core and qid not in {f["id"] for f in base.get("follow_ups", [])}:
            raise DataFileError(file, f"text given for unknown question id {qid!r}")
        if qid in core:
            core[qid]["text"] = text
    follow_ups = [dict(f, text=(raw.get("text") or {}).get(f["id"], f["text"])) for f in base.get("follow_ups", [])]
    return {
        "name": raw.get("name"),
        "max_suggestions": raw.get("max_suggestions", base.get("max_suggestions", 5)),
        "core": [core[i] for i in order],
        "follow_ups": follow_ups,
    }


@lru_cache(maxsize=8)
def load_script(name: str = "call_999") -> CallScript:
    if name not in SCRIPTS:
        raise ValueError(f"unknown script {name!r}; choose one of {sorted(SCRIPTS)}")
    filename = SCRIPTS[name]
    file = f"{PACKAGE}/{filename}"
    raw = load_yaml_mapping(PACKAGE, filename)
    texts = [read_text(PACKAGE, filename)]
    if "extends" in raw:
        base = load_yaml(PACKAGE, raw["extends"])
        texts.append(read_text(PACKAGE, raw["extends"]))
        raw = _merge_extension(raw, base, file)
    validate_entries(CoreQuestion, raw.get("core"), file=file, section="core")
    validate_entries(FollowUp, raw.get("follow_ups"), file=file, section="follow_ups")
    spec = validate(ScriptSpec, raw, file=file)
    refs = {q.id: resolve_refs(list(q.policy), file=file, entry=q.id) for q in (*spec.core, *spec.follow_ups)}
    return CallScript(spec, refs, version=content_hash(*texts))
