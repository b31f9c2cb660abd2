"""Reading and writing call-case JSONL files (shared/spec/eval-formats.md).

A malformed line stops the run with a message naming the file and line; output is
written to a temporary file and renamed, so it is complete or absent, never half-written.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.labels import LABEL_SET, Grade, Status
from assistant.text import MAX_NOTE_CHARS, has_lone_surrogate

MAX_LINE_BYTES = 8 * 1024 * 1024


class CaseFileError(ValueError):
    def __init__(self, path: str | os.PathLike[str], line: int | None, message: str) -> None:
        where = f"{path}, line {line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")
        self.line = line


@dataclass(frozen=True)
class Case:
    id: str
    messages: tuple[str, ...]
    indicators: dict[str, Status] | None = None  # gold, development sets only
    grade: Grade | None = None


def _parse_case(obj: Any, path: str | os.PathLike[str], line: int, *, gold: bool) -> Case:
    if not isinstance(obj, dict):
        raise CaseFileError(path, line, "expected a JSON object")
    case_id = obj.get("id")
    if not isinstance(case_id, str) or not case_id.strip():
        raise CaseFileError(path, line, "'id' must be a non-empty string")
    messages = obj.get("messages")
    if not isinstance(messages, list) or not all(isinstance(m, str) for m in messages):
        raise CaseFileError(path, line, "'messages' must be a list of strings")
    for index, message in enumerate(messages):
        if len(message) > MAX_NOTE_CHARS:
            raise CaseFileError(
                path, line, f"message {index} has {len(message):,} characters; the limit is {MAX_NOTE_CHARS:,}"
            )
        if has_lone_surrogate(message):
            raise CaseFileError(path, line, f"message {index} contains an unpaired surrogate escape (\\ud800-\\udfff)")
    indicators: dict[str, Status] | None = None
    grade: Grade | None = None
    if gold:
        raw = obj.get("indicators")
        if not isinstance(raw, dict):
            raise CaseFileError(path, line, "'indicators' must be an object (gold file)")
        indicators = {}
        for label, status in raw.items():
            if label not in LABEL_SET:
                raise CaseFileError(path, line, f"unknown label {label!r}")
            try:
                indicators[label] = Status(status)
            except ValueError:
                raise CaseFileError(path, line, f"unknown status {status!r} for {label}") from None
        try:
            grade = Grade(obj.get("grade"))
        except ValueError:
            raise CaseFileError(path, line, f"unknown grade {obj.get('grade')!r}") from None
    return Case(id=case_id, messages=tuple(messages), indicators=indicators, grade=grade)


def read_cases(path: str | os.PathLike[str], *, gold: bool = False) -> list[Case]:
    """Read every case, or raise CaseFileError naming the first bad line."""
    cases: list[Case] = []
    seen: set[str] = set()
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise CaseFileError(path, None, f"cannot open: {exc.strerror}") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if len(raw) > MAX_LINE_BYTES:
                raise CaseFileError(path, number, f"line longer than {MAX_LINE_BYTES:,} bytes")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise CaseFileError(path, number, f"not valid UTF-8 (byte {exc.start})") from None
            if not text.strip():
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise CaseFileError(path, number, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
            case = _parse_case(obj, path, number, gold=gold)
            if case.id in seen:
                raise CaseFileError(path, number, f"duplicate id {case.id!r}")
            seen.add(case.id)
            cases.append(case)
    return cases


def write_jsonl_atomic(path: str | os.PathLike[str], rows: Iterable[dict[str, Any]]) -> int:
    """Write all rows or nothing: a temporary file in the same folder, fsynced, renamed."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return count


