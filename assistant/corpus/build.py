"""`python -m assistant corpus build`: seeds -> policy_corpus/ (manifest + sectioned text).

Output, all reviewable text:
- manifest.json: one entry per document (id, title, publisher, version, date, kind,
  supersedes / superseded_by, seed file and its sha256, section count) and the corpus hash;
- <id>.jsonl: one section per line, {"section_id", "path", "paragraphs"};
- <id>.md: the same sections as Markdown, for reading and diffing.
The build is deterministic: the same seeds give byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from assistant.corpus import clean, structure
from assistant.corpus.sources import KIND_LABELS, SourceDocument, load_sources

MANIFEST = "manifest.json"
FORMAT_VERSION = 1


def document_sections(text: str, doc: SourceDocument) -> list[structure.Section]:
    raw = text.splitlines()
    lines = [line.rstrip("\n") for line in raw]
    numbers: set[str] = set()
    if doc.footnotes == "separator":
        lines, numbers = clean.drop_separator_footnotes(lines)
    elif doc.footnotes == "superscript":
        lines = clean.drop_superscript_footnotes(lines)
    lines = clean.crop(lines, doc)
    lines = clean.drop_furniture(lines, doc)
    lines = clean.leading_space_bullets(lines)
    paragraphs = [clean.drop_marker_digits(p, numbers) for p in clean.paragraphs(lines)]
    if doc.headings == "numbered":
        return structure.numbered_sections(paragraphs, raw, doc)
    return structure.generic_sections(paragraphs, doc)


def build_corpus(seeds_dir: Path, out_dir: Path) -> dict:
    """Build every document; files are written to a temporary directory then moved in."""
    seeds_dir, out_dir = Path(seeds_dir), Path(out_dir)
    docs = load_sources()
    missing = [d.seed for d in docs if not (seeds_dir / d.seed).is_file()]
    if missing:
        raise FileNotFoundError(f"seed file(s) not found in {seeds_dir}: {', '.join(missing)}")
    files: dict[str, str] = {}
    entries = []
    for doc in docs:
        raw = (seeds_dir / doc.seed).read_bytes()
        sections = document_sections(raw.decode("utf-8"), doc)
        jsonl = "".join(
            json.dumps({"section_id": f"{doc.id}#{i}", "path": s.path, "paragraphs": s.paragraphs},
                       ensure_ascii=False) + "\n"
            for i, s in enumerate(sections, start=1)
        )
        files[f"{doc.id}.jsonl"] = jsonl
        files[f"{doc.id}.md"] = _markdown(doc, sections)
        entries.append({
            "id": doc.id, "title": doc.title, "publisher": doc.publisher, "version": doc.version,
            "date": doc.date, "kind": doc.kind, "kind_label": KIND_LABELS[doc.kind],
            "supersedes": doc.supersedes, "superseded_by": doc.superseded_by,
            "seed": doc.seed, "seed_sha256": hashlib.sha256(raw).hexdigest(),
            "sections": len(sections), "file": f"{doc.id}.jsonl",
        })
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name].encode("utf-8") + b"\0")
    digest.update(json.dumps(entries, sort_keys=True).encode())
    manifest = {"format": FORMAT_VERSION, "corpus_hash": digest.hexdigest()[:16], "documents": entries}
    files[MANIFEST] = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    _write_all(out_dir, files)
    return manifest


def _markdown(doc: SourceDocument, sections: list[structure.Section]) -> str:
    out = [f"# {doc.title}\n", f"{doc.publisher} · {doc.version} · {KIND_LABELS[doc.kind]}\n"]
    for i, section in enumerate(sections, start=1):
        out.append(f"## {' > '.join(section.path)}  {{#{doc.id}-{i}}}\n")
        out.extend(f"{p}\n" for p in section.paragraphs)
    return "\n".join(out)


def _write_all(out_dir: Path, files: dict[str, str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, out_dir / name)
