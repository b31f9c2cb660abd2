"""Load the built corpus (policy_corpus/) and cut its sections into passages.

A passage is at most `max_words` words, never crosses a section boundary and keeps whole
paragraphs where it can (a long paragraph is cut between sentences). Its text is stored
exactly as it is returned, so a quote can be matched against it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from assistant.retrieval.errors import CorpusMissingError

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9\"“‘(•-])")


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    publisher: str
    version: str
    kind: str
    kind_label: str
    supersedes: str | None
    superseded_by: str | None


@dataclass(frozen=True)
class Passage:
    id: str
    document: str
    section_id: str
    path: tuple[str, ...]
    text: str

    @property
    def section(self) -> str:
        return " > ".join(self.path)

    def index_text(self, title: str) -> str:
        """What the retrievers see: where the passage is, then the passage."""
        return f"{title}. {self.section}.\n{self.text}"


@dataclass(frozen=True)
class Corpus:
    hash: str
    documents: dict[str, Document]
    passages: list[Passage]


def load_corpus(corpus_dir: Path, *, max_words: int = 200, min_words: int = 25) -> Corpus:
    manifest_path = Path(corpus_dir) / "manifest.json"
    if not manifest_path.is_file():
        raise CorpusMissingError(f"{manifest_path} not found: run `python -m assistant corpus build`")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    documents: dict[str, Document] = {}
    passages: list[Passage] = []
    for entry in manifest["documents"]:
        doc = Document(entry["id"], entry["title"], entry["publisher"], entry["version"], entry["kind"],
                       entry["kind_label"], entry.get("supersedes"), entry.get("superseded_by"))
        documents[doc.id] = doc
        lines = (Path(corpus_dir) / entry["file"]).read_text(encoding="utf-8").splitlines()
        for line in lines:
            section = json.loads(line)
            for i, text in enumerate(split_section(section["paragraphs"], max_words, min_words), start=1):
                passages.append(Passage(f"{section['section_id']}.{i}", doc.id, section["section_id"],
                                        tuple(section["path"]), text))
    return Corpus(manifest["corpus_hash"], documents, passages)


def split_section(paragraphs: list[str], max_words: int, min_words: int) -> list[str]:
    pieces: list[str] = []
    for paragraph in paragraphs:
        if len(paragraph.split()) <= max_words:
            pieces.append(paragraph)
        else:
            pieces.extend(_split_paragraph(paragraph, max_words))
    chunks: list[list[str]] = []
    size = 0
    for piece in pieces:
        n = len(piece.split())
        if chunks and size + n <= max_words:
            chunks[-1].append(piece)
            size += n
        else:
            chunks.append([piece])
            size = n
    if len(chunks) > 1 and sum(len(p.split()) for p in chunks[-1]) < min_words:
        tail = chunks.pop()  # a short tail joins the previous passage rather than stand alone
        chunks[-1].extend(tail)
    return ["\n".join(chunk) for chunk in chunks]


def _split_paragraph(paragraph: str, max_words: int) -> list[str]:
    sentences = _SENTENCE_END.split(paragraph)
    out: list[str] = []
    current: list[str] = []
    size = 0
    for sentence in sentences:
        n = len(sentence.split())
        if current and size + n > max_words:
            out.append(" ".join(current))
            current, size = [], 0
        if n > max_words:  # one enormous "sentence" (a table row run): cut by words
            tokens = sentence.split()
            out.extend(" ".join(tokens[i:i + max_words]) for i in range(0, len(tokens), max_words))
            continue
        current.append(sentence)
        size += n
    if current:
        out.append(" ".join(current))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences (and list lines) of a passage."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for match in _SENTENCE_END.finditer(line):
            closing = len(match.group(0)) - len(match.group(0).lstrip("\"”’)"))
            spans.append((offset + start, offset + match.start() + closing))
            start = match.end()
        spans.append((offset + start, offset + len(line)))
        offset += len(line) + 1
    return [(s, e) for s, e in spans if e > s]


def piece_spans(passage: Passage, min_words: int) -> list[tuple[int, int]]:
    """Character spans of a passage's pieces: runs of whole sentences of >= `min_words` words."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    words = 0
    for a, b in sentence_spans(passage.text):
        start = a if start is None else start
        words += len(passage.text[a:b].split())
        if words >= min_words:
            spans.append((start, b))
            start, words = None, 0
    if start is not None:
        spans.append((start, len(passage.text)))
    return spans or [(0, len(passage.text))]


def pieces(passage: Passage, min_words: int) -> list[str]:
    """The pieces' texts as encoded: heading, then the piece's sentences."""
    out = []
    for a, b in piece_spans(passage, min_words):
        sentences = [passage.text[s:e] for s, e in sentence_spans(passage.text) if s >= a and e <= b]
        out.append(f"{passage.path[-1]}. {' '.join(sentences)}")
    return out
