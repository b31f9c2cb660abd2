"""Policy search through the core's retrieval (assistant.retrieval), loaded lazily once.
If the retrieval module is not installed yet the service answers 503 and says so."""

from __future__ import annotations

import dataclasses
import threading
import time
from typing import Any

from api.services.errors import Unavailable


class PolicyService:
    def __init__(self) -> None:
        self._search: Any = None
        self._error: str | None = None
        self._failed_at = 0.0
        self._lock = threading.Lock()

    RETRY_SECONDS = 30.0

    def _load(self) -> Any:
        if self._error is not None and time.monotonic() - self._failed_at > self.RETRY_SECONDS:
            self._error = None  # the index may have been built since: try again
        if self._search is None and self._error is None:
            with self._lock:
                if self._search is None and self._error is None:
                    try:
                        from assistant.retrieval import PolicySearch  # type: ignore[attr-defined]

                        self._search = PolicySearch.load()
                    except ImportError as exc:
                        self._error = f"policy search is not available: {exc}"
                    except Exception as exc:  # a broken index must not take the service down
                        self._error = f"policy search failed to load ({type(exc).__name__}: {exc})"
                    if self._error is not None:
                        self._failed_at = time.monotonic()
        if self._search is None:
            raise Unavailable(self._error or "policy search is not available")
        return self._search

    def status(self) -> dict[str, Any]:
        try:
            search = self._load()
        except Unavailable as exc:
            return {"available": False, "detail": exc.message}
        info: dict[str, Any] = {"available": True}
        for attr in ("version", "model_sha256", "index_version"):
            value = getattr(search, attr, None)
            if isinstance(value, str):
                info[attr] = value
        return info

    def search(self, query: str, k: int) -> dict[str, Any]:
        answer = self._load().search(query, k)
        return {"answered": bool(getattr(answer, "answered", False)),
                "results": [jsonable(r) for r in getattr(answer, "results", ())],
                **{k: jsonable(v) for k, v in _extra_fields(answer).items()}}


def _extra_fields(answer: Any) -> dict[str, Any]:
    data = jsonable(answer)
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if k not in ("answered", "results")}
    return {}


def jsonable(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "_asdict"):
        return {k: jsonable(v) for k, v in value._asdict().items()}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
