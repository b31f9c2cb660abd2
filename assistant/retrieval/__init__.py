"""Cited retrieval over the policy corpus ("what does policy say about X").

Public API (stable; used by the FastAPI service and the Rasa actions):

    from assistant.retrieval import PolicySearch
    ps = PolicySearch.load()            # or PolicySearch.shared(): one per process
    answer = ps.search("can I do the DASH over the phone?", k=5)
    answer.answered      # False: the policy documents do not answer it (answer.message says why)
    answer.results       # list[SearchResult], best first
    r = answer.results[0]
    r.document, r.document_title, r.source_kind   # "wmp-policy", "...", "force policy"
    r.section            # heading path, e.g. "8 RECORDING AND INITIAL RESPONSE > 8.3 Initial Response Principles"
    r.text               # the passage exactly as indexed (quote it verbatim)
    r.score              # fused score (higher is better)
    r.superseded         # True for the 2021 APP version when a current version exists
    r.highlights         # sentence(s) that best answer the question (offsets into r.text)
    r.marked_text        # r.text with those sentences wrapped in ** **

`search()` never raises on odd text (empty, huge, symbols, other languages): it returns an
answer with `answered=False` and a message. It raises TypeError/ValueError only for a
non-string query or k outside 1..50. Loading raises ModelIntegrityError when the pinned
model files do not match, CorpusMissingError when policy_corpus/ is not built.

Loading verifies the model, then opens the on-disk index (.cache/retrieval/, keyed by corpus
and model hash; built on first use with sentence-transformers, ~1 min). Questions are encoded
in NumPy (encoder.py), so a warm start imports neither torch nor sentence-transformers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.retrieval.models import Highlight, SearchAnswer, SearchResult
    from assistant.retrieval.search import PolicySearch

__all__ = ["PolicySearch", "SearchAnswer", "SearchResult", "Highlight"]


def __getattr__(name: str) -> Any:  # lazy, so `import assistant.retrieval` stays cheap
    if name == "PolicySearch":
        from assistant.retrieval.search import PolicySearch

        return PolicySearch
    if name in {"SearchAnswer", "SearchResult", "Highlight"}:
        from assistant.retrieval import models

        return getattr(models, name)
    raise AttributeError(name)
