"""BM25 over stemmed passage tokens (bm25s), saved as the library's own readable files."""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np


def build_bm25(token_lists: list[list[str]]) -> bm25s.BM25:
    index = bm25s.BM25(k1=1.2, b=0.75)
    vocab: dict[str, int] = {}
    ids = [[vocab.setdefault(t, len(vocab)) for t in toks] for toks in token_lists]
    index.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)
    index.vocab_dict = vocab
    return index


def save_bm25(index: bm25s.BM25, folder: Path) -> None:
    index.save(str(folder), show_progress=False)


def load_bm25(folder: Path) -> bm25s.BM25:
    return bm25s.BM25.load(str(folder), show_progress=False, verbosity=0)


def bm25_scores(index: bm25s.BM25, query_tokens: list[str]) -> np.ndarray:
    known = [t for t in query_tokens if t in index.vocab_dict]
    if not known:
        return np.zeros(index.scores["num_docs"], dtype=np.float32)
    return np.asarray(index.get_scores(known), dtype=np.float32)
