"""The source manifest (sources.yml): document metadata plus structure hints, validated at load."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.datafiles import DataFileError, load_yaml, regex_that_compiles, validate, validate_entries

PACKAGE = "assistant.corpus"
FILE = "sources.yml"

Kind = Literal["app", "force_policy", "inspection_report"]

KIND_LABELS: dict[str, str] = {
    "app": "national guidance (APP)",
    "force_policy": "force policy",
    "inspection_report": "inspection report",
}


class SourceDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    seed: str
    title: str
    publisher: str
    version: str
    date: str | None = None
    kind: Kind
    supersedes: str | None = None
    superseded_by: str | None = None
    headings: Literal["generic", "numbered"] = "generic"
    footnotes: Literal["none", "superscript", "separator"] = "none"
    start_at: str | None = None
    stop_at: str | None = None
    level1: list[str] = []
    not_headings: list[str] = []
    extra_headings: list[str] = []
    drop_lines: list[str] = []

    @field_validator("level1", "drop_lines")
    @classmethod
    def _regexes_compile(cls, patterns: list[str]) -> list[str]:
        return [regex_that_compiles(p) for p in patterns]

    @field_validator("start_at", "stop_at")
    @classmethod
    def _regex_compiles(cls, pattern: str | None) -> str | None:
        return None if pattern is None else regex_that_compiles(pattern)


class _Raw(BaseModel):
    documents: list[dict]


@lru_cache(maxsize=1)
def load_sources() -> tuple[SourceDocument, ...]:
    label = f"{PACKAGE}/{FILE}"
    raw = load_yaml(PACKAGE, FILE)
    data = validate(_Raw, raw, file=label)
    validate_entries(SourceDocument, data.documents, file=label, section="documents")
    docs = tuple(SourceDocument.model_validate(d) for d in data.documents)
    ids = [d.id for d in docs]
    for i, doc in enumerate(docs):
        if ids.count(doc.id) > 1:
            raise DataFileError(label, f"duplicate id {doc.id!r}", entry=f"documents[{i}]")
        for ref in (doc.supersedes, doc.superseded_by):
            if ref is not None and ref not in ids:
                raise DataFileError(label, f"unknown document {ref!r}", entry=f"documents[{i}] ({doc.id})")
    return docs
