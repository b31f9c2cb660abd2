"""Policy passages (document, section, exact quote) cited by rules, flags and prompts."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from assistant.datafiles import DataFileError, load_yaml, validate
from assistant.models import PolicyRef

PACKAGE = "assistant"
FILE = "policy_refs.yml"
DOCUMENTS = {"000", "001", "002", "003", "004"}


class _Ref(BaseModel):
    model_config = ConfigDict(extra="forbid")
    document: str
    section: str
    quote: str
    note: str | None = None


@lru_cache(maxsize=1)
def load_policy_refs() -> dict[str, PolicyRef]:
    data = load_yaml(PACKAGE, FILE)
    file = f"{PACKAGE}/{FILE}"
    if not isinstance(data, dict) or not isinstance(data.get("refs"), dict):
        raise DataFileError(file, "expected a mapping with a 'refs' mapping")
    refs: dict[str, PolicyRef] = {}
    for ref_id, raw in data["refs"].items():
        ref = validate(_Ref, raw, file=file, entry=str(ref_id))
        if ref.document not in DOCUMENTS:
            raise DataFileError(file, f"unknown document {ref.document!r}", entry=str(ref_id))
        refs[str(ref_id)] = PolicyRef(id=str(ref_id), document=ref.document, section=ref.section, quote=ref.quote)
    return refs


def resolve_refs(ids: list[str], *, file: str, entry: str) -> tuple[PolicyRef, ...]:
    """Look up cited ids, failing with the citing file and entry when one is unknown."""
    refs = load_policy_refs()
    missing = [i for i in ids if i not in refs]
    if missing:
        raise DataFileError(file, f"unknown policy reference(s) {missing} (see {PACKAGE}/{FILE})", entry=entry)
    return tuple(refs[i] for i in ids)
