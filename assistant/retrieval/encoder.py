"""all-MiniLM-L6-v2 forward pass in NumPy, for encoding questions at query time.

Why not sentence-transformers here: importing torch + sentence-transformers takes 5-10 s,
which would break the 3 s warm-start target; a question is ~20 tokens and this pass takes
a few milliseconds. Passages are encoded with sentence-transformers when the index is built
(dense.py), and tests/retrieval checks that both give the same vectors.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from scipy.special import erf
from threadpoolctl import ThreadpoolController
from tokenizers import Tokenizer

LAYER_NORM_EPS = 1e-12
HEADS = 12
# A question is a few dozen tokens: BLAS threads cost more than they save (measured: median
# 16 ms with one thread, 120 ms with two on a busy 2-core machine).
_BLAS = ThreadpoolController()


def single_thread_blas():
    """Context manager: BLAS on one thread (small matrix-vector work at query time)."""
    return _BLAS.limit(limits=1, user_api="blas")


class MiniLMEncoder:
    def __init__(self, model_dir: Path, max_tokens: int = 256) -> None:
        self.tokenizer = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.no_padding()
        w = load_file(str(Path(model_dir) / "model.safetensors"))
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.emb_ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        i = 0
        while f"encoder.layer.{i}.attention.self.query.weight" in w:
            p = f"encoder.layer.{i}."
            qkv_w = np.concatenate([w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]).T.copy()
            qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self.layers.append((
                qkv_w, qkv_b,
                w[p + "attention.output.dense.weight"].T.copy(), w[p + "attention.output.dense.bias"],
                (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                w[p + "intermediate.dense.weight"].T.copy(), w[p + "intermediate.dense.bias"],
                w[p + "output.dense.weight"].T.copy(), w[p + "output.dense.bias"],
                (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
            ))
            i += 1
        self.dim = self.word.shape[1]

    def encode(self, text: str) -> np.ndarray:
        """Unit-length sentence vector (mean pooling, then L2 normalisation)."""
        with _BLAS.limit(limits=1, user_api="blas"):
            return self._encode(text)

    def _encode(self, text: str) -> np.ndarray:
        ids = np.asarray(self.tokenizer.encode(text).ids, dtype=np.int64)
        x = self.word[ids] + self.position[: len(ids)] + self.token_type
        x = _layer_norm(x, *self.emb_ln)
        n, d = x.shape
        head = d // HEADS
        for qkv_w, qkv_b, o_w, o_b, ln1, i_w, i_b, out_w, out_b, ln2 in self.layers:
            qkv = x @ qkv_w + qkv_b
            q, k, v = (qkv[:, j * d:(j + 1) * d].reshape(n, HEADS, head).transpose(1, 0, 2) for j in range(3))
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(head)
            scores -= scores.max(axis=-1, keepdims=True)
            weights = np.exp(scores)
            weights /= weights.sum(axis=-1, keepdims=True)
            context = (weights @ v).transpose(1, 0, 2).reshape(n, d)
            x = _layer_norm(x + context @ o_w + o_b, *ln1)
            h = x @ i_w + i_b
            h = 0.5 * h * (1.0 + erf(h / np.sqrt(2.0)))
            x = _layer_norm(x + h @ out_w + out_b, *ln2)
        pooled = x.mean(axis=0)
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + LAYER_NORM_EPS) * weight + bias
