"""PolicySearch: hybrid (BM25 + MiniLM) retrieval over the policy corpus with cited passages."""

from __future__ import annotations

import math
import threading
from collections import Counter
from pathlib import Path
from typing import Literal

import numpy as np

from assistant.retrieval import fusion, lexical
from assistant.retrieval.config import SearchConfig, load_config
from assistant.retrieval.encoder import MiniLMEncoder, single_thread_blas
from assistant.retrieval.index import Index, open_index
from assistant.retrieval.model_files import verify_model
from assistant.retrieval.models import Highlight, SearchAnswer, SearchResult
from assistant.retrieval.passages import Corpus, load_corpus, piece_spans, sentence_spans
from assistant.retrieval.settings import RetrievalSettings, get_retrieval_settings
from assistant.retrieval.text import MAX_QUERY_CHARS, Synonyms, load_scope_words, load_synonyms, tokens, words

Mode = Literal["hybrid", "lexical", "dense"]
MAX_K = 50
NO_WORDS = "The question has no words to search for."
NOT_IN_POLICY = "The policy documents do not answer this question."

_shared: "PolicySearch | None" = None
_shared_lock = threading.Lock()


class PolicySearch:
    """Load once per process (`PolicySearch.load()`), then call `search()` from any thread."""

    def __init__(self, corpus: Corpus, index: Index, encoder: MiniLMEncoder, config: SearchConfig,
                 synonyms: Synonyms) -> None:
        self.corpus = corpus
        self.index = index
        self.encoder = encoder
        self.config = config
        self.synonyms = synonyms
        self.passages = index.passages
        self._twins = self._find_twins()
        self._idf = self._sentence_idf()
        self._scope = load_scope_words()
        self._bonus = np.array([config.kind_bonus.get(corpus.documents[p.document].kind, 0.0)
                                for p in self.passages], dtype=np.float64)

    @classmethod
    def load(cls, settings: RetrievalSettings | None = None) -> "PolicySearch":
        settings = settings or get_retrieval_settings()
        config = load_config()
        model = verify_model()
        corpus = load_corpus(Path(settings.corpus_dir), max_words=config.passage_max_words,
                             min_words=config.passage_min_words)
        index = open_index(corpus, model, Path(settings.cache_dir), config.passage_max_words, config.unit_min_words)
        return cls(corpus, index, MiniLMEncoder(model.path, model.max_tokens), config, load_synonyms())

    @classmethod
    def shared(cls) -> "PolicySearch":
        """One instance per process, loaded on first use (for the API and Rasa actions)."""
        global _shared
        with _shared_lock:
            if _shared is None:
                _shared = cls.load()
            return _shared

    # -- searching -------------------------------------------------------------------------

    def search(self, query: str, k: int = 5, *, mode: Mode = "hybrid",
               fusion_name: Literal["weighted", "rrf"] | None = None) -> SearchAnswer:
        """Best `k` passages for `query`. `mode` and `fusion_name` exist for evaluation;
        callers use the defaults (hybrid with the fusion chosen in data/search.yml)."""
        with single_thread_blas():
            return self._search(query, k, mode, fusion_name)

    def _search(self, query: str, k: int, mode: Mode, fusion_name: Literal["weighted", "rrf"] | None) -> SearchAnswer:
        if not isinstance(query, str):
            raise TypeError("query must be a string")
        if not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= MAX_K:
            raise ValueError(f"k must be an integer from 1 to {MAX_K}")
        warnings: list[str] = []
        query = query.replace("\x00", " ").encode("utf-8", "replace").decode("utf-8")
        if len(query) > MAX_QUERY_CHARS:
            query = query[:MAX_QUERY_CHARS]
            warnings.append(f"the question was cut to its first {MAX_QUERY_CHARS} characters")
        if not words(query):
            return SearchAnswer(query=query, answered=False, message=NO_WORDS, warnings=warnings)
        q_tokens = tokens(query)
        if not q_tokens:
            return SearchAnswer(query=query, answered=False,
                                message=NOT_IN_POLICY + " (The question has only common words: say what it is about.)",
                                warnings=warnings)
        extra, _canonical = self.synonyms.expand(query)
        synonym_tokens = [t for t in dict.fromkeys(extra) if t not in q_tokens]

        q_vec = self.encoder.encode(query)
        piece_scores = self.index.pieces @ q_vec
        best_piece = np.maximum.reduceat(piece_scores, self.index.piece_starts)
        a = self.config.passage_vs_piece
        dense = a * (self.index.embeddings @ q_vec) + (1 - a) * best_piece
        lex = lexical.bm25_scores(self.index.bm25, q_tokens)
        if synonym_tokens and self.config.synonym_weight > 0:
            lex = lex + self.config.synonym_weight * lexical.bm25_scores(self.index.bm25, synonym_tokens)

        words_used = set(q_tokens)
        limits = self.config.no_answer
        if words_used & self._scope.strong:
            threshold = limits.with_strong_words
        elif words_used & self._scope.general:
            threshold = limits.with_domain_words
        else:
            threshold = limits.without_domain_words
        if float(best_piece.max()) < threshold or (mode == "lexical" and float(lex.max()) <= 0):
            return SearchAnswer(query=query, answered=False, message=NOT_IN_POLICY, warnings=warnings)
        fused = self._fuse(lex, dense, mode, fusion_name)
        highlight_terms = set(q_tokens) | set(synonym_tokens)
        fused = self._prefer_current(fused)
        ranked = fusion.top_k(fused, k)
        results = [self._result(int(i), float(fused[i]), highlight_terms, piece_scores) for i in ranked]
        return SearchAnswer(query=query, answered=True, results=results, warnings=warnings)

    def _fuse(self, lex: np.ndarray, dense: np.ndarray, mode: Mode, fusion_name: str | None = None) -> np.ndarray:
        if mode == "lexical":
            return lex.astype(np.float64)
        if mode == "dense":
            return dense.astype(np.float64)
        if (fusion_name or self.config.fusion) == "rrf":
            n = self.config.candidates
            fused = fusion.rrf([fusion.top_k(lex, n), fusion.top_k(dense, n)], len(dense), self.config.rrf_k)
            return fused + self._bonus * 0.01  # rank scores are ~1/60: the bonus on their scale
        fused = fusion.weighted(lex, dense, self.config.lexical_weight, self.config.dense_weight)
        return fused.astype(np.float64) + self._bonus

    # -- current vs superseded versions ----------------------------------------------------

    def _find_twins(self) -> dict[int, int]:
        """Older-version passage -> the current version's passage that says the same."""
        twins: dict[int, int] = {}
        by_doc: dict[str, list[int]] = {}
        for i, p in enumerate(self.passages):
            by_doc.setdefault(p.document, []).append(i)
        for doc in self.corpus.documents.values():
            if not doc.superseded_by or doc.id not in by_doc or doc.superseded_by not in by_doc:
                continue
            old, new = np.array(by_doc[doc.id]), np.array(by_doc[doc.superseded_by])
            sims = self.index.embeddings[old] @ self.index.embeddings[new].T
            best = sims.argmax(axis=1)
            for row, i in enumerate(old):
                if sims[row, best[row]] >= self.config.duplicate_cosine:
                    twins[int(i)] = int(new[best[row]])
        return twins

    def _prefer_current(self, fused: np.ndarray) -> np.ndarray:
        """When an old passage and its current twin say the same, the current one ranks first."""
        if not self._twins:
            return fused
        fused = fused.copy()
        order = fusion.top_k(fused, self.config.candidates)
        for i in order:
            twin = self._twins.get(int(i))
            if twin is not None and fused[twin] <= fused[i]:
                fused[twin] = fused[i] + 1e-9
        return fused

    # -- presenting ------------------------------------------------------------------------

    def _result(self, i: int, score: float, terms: set[str], piece_scores: np.ndarray) -> SearchResult:
        p = self.passages[i]
        doc = self.corpus.documents[p.document]
        highlights = self._best_piece(i, piece_scores) or self._highlights(p.text, terms)
        return SearchResult(
            document=doc.id, document_title=doc.title, publisher=doc.publisher, version=doc.version,
            source_kind=doc.kind_label, section=p.section, section_id=p.section_id, passage_id=p.id,
            text=p.text, score=round(score, 4), superseded=doc.superseded_by is not None,
            superseded_by=doc.superseded_by, highlights=highlights, marked_text=_mark(p.text, highlights),
        )

    def _sentence_idf(self) -> dict[str, float]:
        df: Counter[str] = Counter()
        for p in self.passages:
            df.update(set(tokens(p.text)))
        n = len(self.passages)
        return {t: math.log(1 + n / c) for t, c in df.items()}

    def _best_piece(self, i: int, piece_scores: np.ndarray) -> list[Highlight]:
        """The sentences of the passage's best-matching piece (the model's choice)."""
        p = self.passages[i]
        first = int(self.index.piece_starts[i])
        last = int(self.index.piece_starts[i + 1]) if i + 1 < len(self.passages) else len(piece_scores)
        spans = piece_spans(p, self.config.unit_min_words)
        if len(spans) != last - first:  # index built with other piece rules: fall back to words
            return []
        a, b = spans[int(np.argmax(piece_scores[first:last]))]
        return [Highlight(start=s, end=e, sentence=p.text[s:e]) for s, e in sentence_spans(p.text) if s >= a and e <= b]

    def _highlights(self, text: str, terms: set[str]) -> list[Highlight]:
        scored = []
        for start, end in sentence_spans(text):
            sentence_terms = set(tokens(text[start:end]))
            score = sum(self._idf.get(t, 0.0) for t in sentence_terms & terms)
            if score > 0:
                scored.append((score, start, end))
        if not scored:
            return []
        best = max(s for s, _, _ in scored)
        chosen = sorted((s, a, b) for s, a, b in scored if s >= 0.75 * best)[-2:]
        return [Highlight(start=a, end=b, sentence=text[a:b]) for _, a, b in sorted(chosen, key=lambda x: x[1])]


def _mark(text: str, highlights: list[Highlight]) -> str:
    out, position = [], 0
    for h in highlights:
        out.append(text[position:h.start])
        out.append(f"**{text[h.start:h.end]}**")
        position = h.end
    out.append(text[position:])
    return "".join(out)

