"""Errors of the retrieval package that are the caller's fault or the installation's."""

from __future__ import annotations


class SearchInputError(ValueError):
    """A question file or argument is malformed (the message names the line)."""


class ModelIntegrityError(RuntimeError):
    """The embedding model on disk is missing or is not the pinned one."""


class CorpusMissingError(RuntimeError):
    """policy_corpus/ has not been built (run `python -m assistant corpus build`)."""
