"""Builds the extraction pipeline: tokenizer, normaliser, target matcher, context."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while loading, and one full pass at the end. Loading
    makes hundreds of thousands of lasting objects (rules, patterns, matchers) and few
    cycles: the collector passed over them again and again as they were made (two full
    passes over spaCy's objects too), a fifth of the build for nothing freed. One pass at
    the end settles them in the oldest generation; without it the passes only moved to the
    first note. Nested use is fine: only the outermost pause collects and turns it back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect()


def build_pipeline() -> Language:
    with paused_gc():
        nlp = spacy.blank("en", config=PIPELINE_CONFIG)
        for name in COMPONENTS:
            nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def shared_pipeline() -> Language:
    """One warm pipeline per process: loading is the slow part, analysis is not."""
    return build_pipeline()
