"""The search index on disk, keyed by corpus hash + model hash + index format.

Layout: <cache_dir>/retrieval/<key>/ with passages.jsonl (ids, documents, paths, texts),
embeddings.npy, bm25/ (bm25s files) and key.json. A stale key is simply a different folder,
so a changed corpus or model is rebuilt automatically. Building is done under a file lock in a
temporary folder that is renamed into place atomically, so concurrent starts either wait for
the one build or find the finished index; they never read a half-written one.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from filelock import FileLock

from assistant.retrieval import lexical
from assistant.retrieval.model_files import VerifiedModel
from assistant.retrieval.passages import Corpus, Passage, pieces
from assistant.retrieval.text import tokens

INDEX_FORMAT = 1
LOCK_TIMEOUT_S = 600


@dataclass
class Index:
    key: str
    folder: Path
    passages: list[Passage]
    embeddings: np.ndarray  # one unit vector per passage (normalised mean of its pieces)
    pieces: np.ndarray      # one unit vector per piece (a few sentences)
    piece_starts: np.ndarray  # index of each passage's first piece (pieces are in passage order)
    bm25: object
    built_seconds: float | None = None  # set when this process built it


def index_key(corpus: Corpus, model: VerifiedModel, max_words: int, piece_words: int) -> str:
    return f"c{corpus.hash}-m{model.hash}-f{INDEX_FORMAT}-w{max_words}-p{piece_words}"


def open_index(corpus: Corpus, model: VerifiedModel, cache_dir: Path, max_words: int, piece_words: int) -> Index:
    key = index_key(corpus, model, max_words, piece_words)
    root = Path(cache_dir) / "retrieval"
    root.mkdir(parents=True, exist_ok=True)
    folder = root / key
    if not (folder / "key.json").is_file():
        with FileLock(str(root / f"{key}.lock"), timeout=LOCK_TIMEOUT_S):
            if not (folder / "key.json").is_file():  # another process may have built it meanwhile
                seconds = _build(corpus, model, folder, piece_words)
                index = _load(folder, key)
                index.built_seconds = seconds
                return index
    return _load(folder, key)


def _build(corpus: Corpus, model: VerifiedModel, folder: Path, piece_words: int) -> float:
    """Encode every piece once; a passage's vector is the normalised mean of its pieces
    (measured as good as encoding the whole passage, at half the build time)."""
    from assistant.retrieval.dense import encode_passages

    start = time.perf_counter()
    texts = [p.index_text(corpus.documents[p.document].title) for p in corpus.passages]
    piece_texts: list[str] = []
    starts: list[int] = []
    for p in corpus.passages:
        starts.append(len(piece_texts))
        piece_texts.extend(pieces(p, piece_words))
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        piece_vectors = encode_passages(model.path, piece_texts)
        sums = np.add.reduceat(piece_vectors, np.asarray(starts), axis=0)
        embeddings = (sums / np.linalg.norm(sums, axis=1, keepdims=True)).astype(np.float32)
        np.save(tmp / "embeddings.npy", embeddings, allow_pickle=False)
        np.save(tmp / "pieces.npy", piece_vectors, allow_pickle=False)
        np.save(tmp / "piece_starts.npy", np.asarray(starts, dtype=np.int64), allow_pickle=False)
        bm25 = lexical.build_bm25([tokens(t) for t in texts])
        lexical.save_bm25(bm25, tmp / "bm25")
        with open(tmp / "passages.jsonl", "w", encoding="utf-8") as handle:
            for p in corpus.passages:
                handle.write(json.dumps({"id": p.id, "document": p.document, "section_id": p.section_id,
                                         "path": list(p.path), "text": p.text}, ensure_ascii=False) + "\n")
        (tmp / "key.json").write_text(json.dumps({"key": folder.name, "passages": len(corpus.passages)}))
        if folder.exists():  # a leftover without key.json: an interrupted older build
            shutil.rmtree(folder)
        os.replace(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return time.perf_counter() - start


def _load(folder: Path, key: str) -> Index:
    passages = []
    with open(folder / "passages.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            passages.append(Passage(row["id"], row["document"], row["section_id"], tuple(row["path"]), row["text"]))
    embeddings = np.load(folder / "embeddings.npy", allow_pickle=False)
    piece_vectors = np.load(folder / "pieces.npy", allow_pickle=False)
    starts = np.load(folder / "piece_starts.npy", allow_pickle=False)
    bm25 = lexical.load_bm25(folder / "bm25")
    return Index(key, folder, passages, embeddings, piece_vectors, starts, bm25)
