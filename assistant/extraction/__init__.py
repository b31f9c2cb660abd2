"""Risk-indicator extraction: a spaCy pipeline of registered components driven by data files."""

from assistant.extraction.pipeline import build_pipeline

__all__ = ["build_pipeline"]
