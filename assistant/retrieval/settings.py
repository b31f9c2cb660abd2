"""Where the retrieval code finds the built corpus and keeps its index cache.

Read once per process (`get_retrieval_settings()` is cached); environment variables
ASSISTANT_CORPUS_DIR and ASSISTANT_CACHE_DIR override the defaults (the repository's
policy_corpus/ and .cache/). Tests build their own `RetrievalSettings(...)`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]


class RetrievalSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    corpus_dir: Path = REPO_ROOT / "policy_corpus"
    cache_dir: Path = REPO_ROOT / ".cache"


@lru_cache(maxsize=1)
def get_retrieval_settings() -> RetrievalSettings:
    return RetrievalSettings()
