"""The service's own data files (api/data/*.yml), validated at load with the core's helpers."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from assistant.datafiles import DataFileError, content_hash, load_yaml, load_yaml_mapping, read_text, validate, validate_entries
from assistant.labels import LABEL_SET
from assistant.questions.script import load_script

PACKAGE = "api.data"
THRIVE_SECTIONS = ("threat", "harm", "risk", "investigation", "vulnerability", "engagement")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Statement(Strict):
    on_yes: str
    on_no: str
    yes_means_absent: bool = False


class AnswersFile(Strict):
    version: int
    statements: dict[str, Statement]
    carry_over: tuple[str, ...] = ()


class ThriveFile(Strict):
    version: int
    sections: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def answers() -> AnswersFile:
    file = f"{PACKAGE}/answers.yml"
    raw = load_yaml_mapping(PACKAGE, "answers.yml")
    validate_entries(Statement, raw.get("statements"), file=file, section="statements")
    spec = validate(AnswersFile, raw, file=file)
    core = {q.id for q in load_script("call_999").spec.core}
    for qid in spec.statements:
        if qid not in core:
            raise DataFileError(file, "not a core question of the call_999 script", entry=qid)
    missing = sorted(core - set(spec.statements))
    if missing:
        raise DataFileError(file, f"no statements for core questions {missing}")
    for qid in spec.carry_over:
        if qid not in core:
            raise DataFileError(file, "carry_over names an unknown question", entry=qid)
    return spec


@lru_cache(maxsize=1)
def thrive() -> ThriveFile:
    file = f"{PACKAGE}/thrive.yml"
    spec = validate(ThriveFile, load_yaml(PACKAGE, "thrive.yml"), file=file)
    if tuple(spec.sections) != THRIVE_SECTIONS:
        raise DataFileError(file, f"sections must be exactly {list(THRIVE_SECTIONS)} in that order")
    seen: dict[str, str] = {}
    for section, labels in spec.sections.items():
        for label in labels:
            if label not in LABEL_SET:
                raise DataFileError(file, f"unknown label {label!r}", entry=section)
            if label in seen:
                raise DataFileError(file, f"label {label!r} is also under {seen[label]}", entry=section)
            seen[label] = section
    missing = sorted(LABEL_SET - set(seen))
    if missing:
        raise DataFileError(file, f"labels under no heading: {missing}")
    return spec


def versions() -> dict[str, str]:
    return {name: content_hash(read_text(PACKAGE, name)) for name in ("answers.yml", "thrive.yml")}
