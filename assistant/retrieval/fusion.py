"""Fusing the lexical and dense rankings: reciprocal rank fusion and weighted score fusion."""

from __future__ import annotations

import numpy as np


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    k = min(k, len(scores))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


def rrf(rankings: list[np.ndarray], n: int, k: int = 60) -> np.ndarray:
    """Score = sum over rankings of 1 / (k + rank); documents not ranked get nothing."""
    fused = np.zeros(n, dtype=np.float64)
    for ranking in rankings:
        fused[ranking] += 1.0 / (k + np.arange(1, len(ranking) + 1))
    return fused


def weighted(lexical: np.ndarray, dense: np.ndarray, lexical_weight: float, dense_weight: float) -> np.ndarray:
    """Weighted sum of BM25 scaled by its best score (0..1) and dense cosine (as is)."""
    best = float(lexical.max()) if len(lexical) else 0.0
    lex = lexical / best if best > 0 else np.zeros_like(lexical)
    return lexical_weight * lex + dense_weight * dense
