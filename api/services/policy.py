"""Policy search through the core's retrieval (`assistant.retrieval.PolicySearch`), loaded
once per process: in the background at startup (the first load may build the index, about a
minute), or on first use. Until it is loaded, or when it cannot load (not installed, corpus
not built, model hash mismatch), searches get a 503 that says why."""

from __future__ import annotations

import dataclasses
import threading
import time
from typing import Any

from api.services.errors import Unavailable

RETRY_SECONDS = 30.0


class PolicyService:
    def __init__(self) -> None:
        self._search: Any = None
        self._error: str | None = None
        self._failed_at = 0.0
        self._lock = threading.Lock()

    def preload(self) -> threading.Thread:
        thread = threading.Thread(target=self._try_load, name="policy-preload", daemon=True)
        thread.start()
        return thread

    def _try_load(self) -> None:
        try:
            self._load(wait=True)
        except Unavailable:
            pass

    def _load(self, *, wait: bool = False) -> Any:
        if self._search is not None:
            return self._search
        if self._error is not None and time.monotonic() - self._failed_at < RETRY_SECONDS:
            raise Unavailable(self._error)
        if not self._lock.acquire(timeout=-1 if wait else 0.2):
            raise Unavailable("policy search is still loading (the first start builds its index); try again shortly")
        try:
            if self._search is None:
                self._error = None
                try:
                    from assistant.retrieval import PolicySearch  # type: ignore[attr-defined]

                    loader = getattr(PolicySearch, "shared", None) or PolicySearch.load
                    self._search = loader()
                except ImportError as exc:
                    self._error = f"policy search is not available: {exc}"
                except Exception as exc:  # a broken index must not take the service down
                    self._error = f"policy search failed to load ({type(exc).__name__}: {exc})"
                if self._error is not None:
                    self._failed_at = time.monotonic()
                    raise Unavailable(self._error)
            return self._search
        finally:
            self._lock.release()

    def status(self) -> dict[str, Any]:
        """Never loads: readiness must answer at once."""
        if self._search is None:
            return {"available": False, "detail": self._error or "not loaded yet"}
        info: dict[str, Any] = {"available": True}
        key = getattr(getattr(self._search, "index", None), "key", None)
        if isinstance(key, str):
            info["index"] = key  # c<corpus hash>-m<model hash>-...: which corpus and model answer
        return info

    def search(self, query: str, k: int) -> dict[str, Any]:
        answer = self._load().search(query, k)
        data = jsonable(answer)
        out = data if isinstance(data, dict) else {}
        out["answered"] = bool(getattr(answer, "answered", False))
        out["results"] = [jsonable(r) for r in getattr(answer, "results", ())]
        return out


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
    if hasattr(value, "__dict__"):
        return {k: jsonable(v) for k, v in vars(value).items() if not k.startswith("_")}
    return str(value)
