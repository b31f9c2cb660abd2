"""Index cache: keyed by corpus + model hash, rebuilt when stale, one build under concurrent starts.

Uses a tiny corpus and a fake passage encoder so these tests do not load torch."""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

import numpy as np
import pytest

from assistant.retrieval import dense, index as index_module
from assistant.retrieval.model_files import VerifiedModel
from assistant.retrieval.passages import load_corpus

SECTIONS = [
    {"section_id": "tiny#1", "path": ["Risk"], "paragraphs": ["A repeat victim has two or more incidents in a year.",
                                                              "Officers must complete the risk assessment."]},
    {"section_id": "tiny#2", "path": ["Children"], "paragraphs": ["Officers should see each child to check they are safe."]},
]


def write_corpus(folder: Path, sections: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = "".join(json.dumps(s) + "\n" for s in sections)
    (folder / "tiny.jsonl").write_text(body, encoding="utf-8")
    manifest = {"format": 1, "corpus_hash": hashlib.sha256(body.encode()).hexdigest()[:16], "documents": [{
        "id": "tiny", "title": "Tiny policy", "publisher": "Test", "version": "1", "kind": "force_policy",
        "kind_label": "force policy", "supersedes": None, "superseded_by": None, "file": "tiny.jsonl"}]}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.fixture
def fake_encoder(monkeypatch):
    calls = []

    def encode(model_dir, texts, batch_size=32):
        calls.append(len(texts))
        vectors = np.array([[((hash(t) >> i) & 0xFF) + 1 for i in range(0, 64, 8)] for t in texts], dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    monkeypatch.setattr(dense, "encode_passages", encode)
    return calls


MODEL = VerifiedModel(path=Path("/nonexistent"), max_tokens=256, hash="modelhash0000000")


def test_built_once_then_loaded(tmp_path, fake_encoder):
    corpus = load_corpus(write_corpus(tmp_path / "corpus", SECTIONS))
    first = index_module.open_index(corpus, MODEL, tmp_path / "cache", 200, 12)
    second = index_module.open_index(corpus, MODEL, tmp_path / "cache", 200, 12)
    assert first.built_seconds is not None and second.built_seconds is None
    assert len(fake_encoder) == 1
    assert [p.text for p in second.passages] == [p.text for p in corpus.passages]
    assert second.embeddings.shape[0] == len(corpus.passages)
    assert second.piece_starts[0] == 0 and len(second.pieces) >= len(corpus.passages)
    assert not list((tmp_path / "cache" / "retrieval").glob(".c*"))  # no temporary folders left


def test_changed_corpus_or_model_is_rebuilt(tmp_path, fake_encoder):
    corpus = load_corpus(write_corpus(tmp_path / "corpus", SECTIONS))
    a = index_module.open_index(corpus, MODEL, tmp_path / "cache", 200, 12)
    changed = [SECTIONS[0], {**SECTIONS[1], "paragraphs": ["Officers should see every child."]}]
    corpus2 = load_corpus(write_corpus(tmp_path / "corpus", changed))
    b = index_module.open_index(corpus2, MODEL, tmp_path / "cache", 200, 12)
    other_model = VerifiedModel(path=MODEL.path, max_tokens=256, hash="modelhash1111111")
    c = index_module.open_index(corpus2, other_model, tmp_path / "cache", 200, 12)
    assert len({a.key, b.key, c.key}) == 3
    assert b.built_seconds is not None and c.built_seconds is not None
    assert "every child" in b.passages[-1].text


def test_concurrent_starts_build_once(tmp_path, fake_encoder):
    corpus = load_corpus(write_corpus(tmp_path / "corpus", SECTIONS))
    results, errors = [], []

    def start():
        try:
            results.append(index_module.open_index(corpus, MODEL, tmp_path / "cache", 200, 12))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 4 and len(fake_encoder) == 1
    assert sum(r.built_seconds is not None for r in results) == 1


def test_interrupted_build_leaves_no_index(tmp_path, monkeypatch):
    corpus = load_corpus(write_corpus(tmp_path / "corpus", SECTIONS))

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(dense, "encode_passages", boom)
    with pytest.raises(KeyboardInterrupt):
        index_module.open_index(corpus, MODEL, tmp_path / "cache", 200, 12)
    root = tmp_path / "cache" / "retrieval"
    assert not [p for p in root.iterdir() if p.is_dir()]


def test_missing_corpus_is_a_clear_error(tmp_path):
    from assistant.retrieval.errors import CorpusMissingError

    with pytest.raises(CorpusMissingError, match="corpus build"):
        load_corpus(tmp_path)
