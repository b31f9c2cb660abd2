"""Encode passages with sentence-transformers (torch) when the index is built.

The only module that imports torch / sentence-transformers, and only inside the function,
so the core engine and a warm search start never load them.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np


def encode_passages(model_dir: Path, texts: list[str], batch_size: int = 32) -> np.ndarray:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
    vectors = model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                           show_progress_bar=False, convert_to_numpy=True)
    return np.asarray(vectors, dtype=np.float32)
