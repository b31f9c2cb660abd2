"""data/search.yml: passage size, fusion choice and weights, no-answer threshold."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.datafiles import load_yaml, validate

DATA = "assistant.retrieval.data"


class NoAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    with_strong_words: float = Field(ge=-1, le=1)
    with_domain_words: float = Field(ge=-1, le=1)
    without_domain_words: float = Field(ge=-1, le=1)


class SearchConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    passage_max_words: int = Field(ge=50, le=400)
    passage_min_words: int = Field(ge=0, le=100)
    unit_min_words: int = Field(ge=1, le=200)
    fusion: Literal["weighted", "rrf"]
    rrf_k: int = Field(ge=1)
    lexical_weight: float = Field(ge=0, le=1)
    dense_weight: float = Field(ge=0, le=1)
    passage_vs_piece: float = Field(ge=0, le=1)
    synonym_weight: float = Field(ge=0, le=1)
    kind_bonus: dict[Literal["force_policy", "app", "inspection_report"], float]
    candidates: int = Field(ge=5, le=500)
    no_answer: NoAnswer
    duplicate_cosine: float = Field(ge=0, le=1)

    @model_validator(mode="after")
    def _weights_sum_to_one(self) -> "SearchConfig":
        if abs(self.lexical_weight + self.dense_weight - 1.0) > 1e-6:
            raise ValueError("lexical_weight + dense_weight must be 1")
        return self


@lru_cache(maxsize=1)
def load_config() -> SearchConfig:
    return validate(SearchConfig, load_yaml(DATA, "search.yml"), file=f"{DATA}/search.yml")
