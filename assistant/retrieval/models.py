"""Typed results of a policy search (the public contract for the API and Rasa actions)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Highlight(BaseModel):
    """A sentence of the passage that best answers the question: `text[start:end]`."""

    start: int
    end: int
    sentence: str


class SearchResult(BaseModel):
    document: str = Field(description="document id, e.g. 'wmp-policy'")
    document_title: str
    publisher: str
    version: str
    source_kind: str = Field(description="national guidance (APP) | force policy | inspection report")
    section: str = Field(description="heading path, ' > ' separated")
    section_id: str
    passage_id: str
    text: str = Field(description="the passage exactly as indexed")
    score: float
    superseded: bool = False
    superseded_by: str | None = None
    highlights: list[Highlight] = []
    marked_text: str = Field(description="text with the best sentence(s) wrapped in ** **")


class SearchAnswer(BaseModel):
    query: str
    answered: bool
    message: str | None = Field(default=None, description="why there is no answer, when answered is false")
    warnings: list[str] = Field(default=[], description="e.g. the question was cut to the first 2000 characters")
    results: list[SearchResult] = []
