"""Loading package data files (rules, scripts, policies) with errors that name file and entry.

Forces edit these files; a mistake must stop start-up with a message that says exactly
which file and which entry is wrong, never a stack trace deep inside a component.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources
from typing import Any, Iterator, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)


class DataFileError(ValueError):
    """A package data file is missing, unparsable or has an invalid entry."""

    def __init__(self, file: str, message: str, entry: str | None = None) -> None:
        self.file = file
        self.entry = entry
        where = f"{file}, entry {entry}" if entry is not None else file
        super().__init__(f"{where}: {message}")


def read_text(package: str, name: str) -> str:
    """Read a data file shipped inside `package` (a dotted package name)."""
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"{package}/{name}", "file not found") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{package}/{name}", f"not valid UTF-8 ({exc.reason})") from exc


def regex_that_compiles(pattern: str) -> str:
    """For pydantic validators over data-file fields holding regular expressions."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression {pattern!r}: {exc}") from exc
    return pattern


def content_hash(*texts: str) -> str:
    """Short stable hash of data file contents, recorded with every analysis."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


# libyaml's parser when PyYAML was built with it (several times faster at start-up); both are safe loaders
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(package: str, name: str) -> Any:
    text = read_text(package, name)
    try:
        return yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{package}/{name}", f"invalid YAML: {exc}") from exc


def load_yaml_mapping(package: str, name: str) -> dict[str, Any]:
    """A YAML file whose top level must be a mapping (every rules, script and policy file)."""
    raw = load_yaml(package, name)
    if not isinstance(raw, dict):
        raise DataFileError(f"{package}/{name}", "expected a mapping at the top level")
    return raw


def iter_jsonl(package: str, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank, non-comment line."""
    label = f"{package}/{name}"
    for number, line in enumerate(read_text(package, name).splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise DataFileError(label, f"invalid JSON: {exc.msg}", entry=f"line {number}") from exc
        if not isinstance(obj, dict):
            raise DataFileError(label, "each line must be a JSON object", entry=f"line {number}")
        yield number, obj


def validate(model: type[Model], data: Any, *, file: str, entry: str | None = None) -> Model:
    """Validate `data` against a pydantic model, re-raising as DataFileError."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}" for err in exc.errors()
        )
        raise DataFileError(file, problems, entry=entry) from exc


def validate_entries(model: type[Model], entries: Any, *, file: str, section: str) -> None:
    """Validate each mapping in a list on its own, so an error names `section[i] (id)`
    rather than a path deep inside the whole document."""
    for i, entry in enumerate(entries or []):
        if isinstance(entry, dict):
            validate(model, entry, file=file, entry=f"{section}[{i}] ({entry.get('id', '?')})")
