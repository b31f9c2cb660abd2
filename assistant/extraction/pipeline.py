"""Builds the extraction pipeline: tokenizer, normaliser, target matcher, context."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# Importing the modules registers the tokenizer and the component factories.
from assistant.extraction import context as _context  # noqa: F401
from assistant.extraction import normalizer as _normalizer  # noqa: F401
from assistant.extraction import roles as _roles  # noqa: F401
from assistant.extraction import targets as _targets  # noqa: F401

PIPELINE_CONFIG = {
    "nlp": {"tokenizer": {"@tokenizers": "assistant.police_tokenizer.v1"}},
}
COMPONENTS = ("police_normalizer", "suspect_pronouns", "risk_target_matcher", "risk_context")


def build_pipeline() -> Language:
    nlp = spacy.blank("en", config=PIPELINE_CONFIG)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def shared_pipeline() -> Language:
    """One warm pipeline per process: loading is the slow part, analysis is not."""
    return build_pipeline()
