"""The core engine, loaded once per process, with a per-note cache.

Notes are append-only, so each note's extraction result never changes: `CachingAnalyser`
extracts only the notes it has not seen and re-indexes cached mentions, then the core's own
`Analyser.analyse` resolves, grades and picks questions over the whole call as usual.
tests/api/test_analysis_service.py checks the result equals a plain `Analyser`'s.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence

import spacy

from assistant.analysis import Analyser
from assistant.extraction.mentions import Mention
from assistant.models import Analysis, CallContext
from assistant.questions.script import load_script


class CachingAnalyser(Analyser):
    def __init__(self, *, max_notes: int = 20_000, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self._cache: OrderedDict[str, tuple[Mention, ...]] = OrderedDict()
        self._max = max_notes
        self._lock = threading.Lock()

    def mentions(self, notes: Sequence[str]) -> list[Mention]:
        with self._lock:
            cached = {n: self._cache[n] for n in notes if n in self._cache}
            for n in cached:
                self._cache.move_to_end(n)
        missing = list(dict.fromkeys(n for n in notes if n not in cached))
        if missing:
            fresh = super().mentions(missing)  # message index = position in `missing`
            by_note: dict[str, list[Mention]] = {n: [] for n in missing}
            for m in fresh:
                by_note[missing[m.message]].append(m)
            with self._lock:
                for n, found in by_note.items():
                    cached[n] = tuple(dataclasses.replace(m, message=0) for m in found)
                    if self._max:
                        self._cache[n] = cached[n]
                while len(self._cache) > self._max:
                    self._cache.popitem(last=False)
        return [dataclasses.replace(m, message=i) if i else m for i, n in enumerate(notes) for m in cached[n]]


class AnalysisService:
    """Runs analyses one at a time (the work holds the GIL; a lock keeps spaCy single-threaded)
    and says which rule files and models produced each result."""

    def __init__(self, factory: Callable[[], Analyser]) -> None:
        self._factory = factory
        self._analyser: Analyser | None = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._analyser is not None

    def analyser(self) -> Analyser:
        if self._analyser is None:
            with self._load_lock:
                if self._analyser is None:
                    self._analyser = self._factory()
        return self._analyser

    def versions(self, script: str) -> dict[str, str]:
        a = self.analyser()
        return {
            "rules": a.rules.version,
            "policy": a.policy.version,
            "script": f"{script}:{load_script(script).version}",
            "pipeline": "+".join(a.nlp.pipe_names),
            "spacy": spacy.__version__,
        }

    def analyse(self, notes: Sequence[str], *, script: str, context: CallContext,
                asked: frozenset[str]) -> tuple[Analysis, float]:
        analyser = self.analyser()
        with self._run_lock:
            start = time.perf_counter()
            result = analyser.analyse(notes, script=script, context=context, asked=asked)
            return result, (time.perf_counter() - start) * 1000


def default_factory(max_notes: int) -> Callable[[], Analyser]:
    def build() -> Analyser:
        from assistant.extraction.pipeline import shared_pipeline

        return CachingAnalyser(nlp=shared_pipeline(), max_notes=max_notes)

    return build
