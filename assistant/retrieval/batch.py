"""`python -m assistant search --input F --output F --k 5` (format: shared spec eval-formats.md).

Input lines: {"id": "q01", "question": "..."} (extra keys such as "gold" are ignored).
Output lines: {"id": "q01", "results": [{"document", "section", "text", "score"}]}, exactly the
spec's fields; a question the documents do not answer gets "results": []. With `details`,
each result also has source_kind, document_title, superseded, best_sentences, and an
unanswered question "answered": false and a "message". The output file is written
completely or not at all.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterator

from assistant.retrieval.errors import SearchInputError
from assistant.retrieval.search import MAX_K


def read_questions(path: str | Path) -> list[dict[str, Any]]:
    path = Path(path)
    if not path.is_file():
        raise SearchInputError(f"{path}: file not found")
    questions: list[dict[str, Any]] = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise SearchInputError(f"{path}: not valid UTF-8 ({exc.reason})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SearchInputError(f"{path}, line {number}: invalid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise SearchInputError(f"{path}, line {number}: expected a JSON object")
        qid, question = obj.get("id"), obj.get("question")
        if not isinstance(qid, (str, int)) or isinstance(qid, bool) or str(qid) == "":
            raise SearchInputError(f"{path}, line {number}: \"id\" must be a non-empty string")
        if not isinstance(question, str):
            raise SearchInputError(f"{path}, line {number}: \"question\" must be a string")
        if str(qid) in seen:
            raise SearchInputError(f"{path}, line {number}: duplicate id {qid!r}")
        seen.add(str(qid))
        gold = obj.get("gold", [])
        if not isinstance(gold, list) or not all(isinstance(g, str) for g in gold):
            raise SearchInputError(f"{path}, line {number}: \"gold\" must be a list of strings")
        questions.append({**obj, "id": qid})
    return questions


def result_lines(questions: list[dict[str, Any]], k: int, details: bool = False) -> Iterator[str]:
    from assistant.retrieval.search import PolicySearch

    search = PolicySearch.load()
    for q in questions:
        answer = search.search(q["question"], k=k)
        results = []
        for r in answer.results:
            result: dict[str, Any] = {"document": r.document, "section": r.section, "text": r.text, "score": r.score}
            if details:
                result.update(source_kind=r.source_kind, document_title=r.document_title,
                              superseded=r.superseded, best_sentences=[h.sentence for h in r.highlights])
            results.append(result)
        row: dict[str, Any] = {"id": q["id"], "results": results}
        if details and not answer.answered:
            row["answered"] = False
            row["message"] = answer.message
        yield json.dumps(row, ensure_ascii=False)


def run_search(input_path: str, output_path: str, *, k: int = 5, details: bool = False) -> int:
    if not 1 <= k <= MAX_K:
        raise SearchInputError(f"--k must be from 1 to {MAX_K}")
    questions = read_questions(input_path)
    out = Path(output_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for line in result_lines(questions, k, details):
                handle.write(line + "\n")
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(questions)
