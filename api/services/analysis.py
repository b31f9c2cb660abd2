"""The core engine, loaded once per process, with a per-note cache.

Notes are append-only, so each note's extraction result never changes: `CachingAnalyser`
extracts only the notes it has not seen and re-indexes cached mentions, then the core's own
`Analyser.analyse` resolves, grades and picks questions over the whole call as usual.
tests/api/test_api_service.py checks the result equals a plain `Analyser`'s.

Memory: every word the pipeline had not seen before (names, addresses, phone numbers, times)
used to stay in spaCy's vocabulary, string store and tokenizer cache for the life of the
process (a few hundred bytes per new word, plus their hash tables doubling now and then), so
the service grew with every note. New notes are extracted inside `nlp.memory_zone()`, which
frees what the zone added. What must outlive a zone is a normalised form (`token.norm_`
differing from the lower-case word, e.g. "knife" for "knif"): the normaliser remembers it by
hash, so it is made permanent after the zone. Those forms come from the lexicon (bounded).
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence

import spacy
from spacy.attrs import LOWER, NORM
from spacy.tokens import Doc

from assistant.analysis import Analyser
from assistant.extraction.mentions import Mention
from assistant.extraction.roles import USUAL_READING, CallReading
from assistant.models import Analysis, CallContext
from assistant.questions.script import load_script

from api.services.memory import Trimmer

_WARM_UP = ("He hit her and has a knife, 2 kids upstairs, she is 8 weeks pregnant, he was arrested last year. "
            "No weapons. She is not injured.")


class CachingAnalyser(Analyser):
    """The core `Analyser` plus a per-note cache (the `max_notes` most recently used notes) and
    memory zones around extraction (`memory_zones=False`: the core's behaviour). The pipeline
    must not be used by another thread while a zone is open: the service runs one analysis at
    a time."""

    def __init__(self, *, max_notes: int = 2_000, memory_zones: bool = True, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        # keyed by (reading, note): how a note reads depends on who "she", "they" and the names
        # are in the call
        self._cache: OrderedDict[tuple[CallReading, str], tuple[Mention, ...]] = OrderedDict()
        self._max = max_notes
        self._lock = threading.Lock()
        self._zones = memory_zones and hasattr(self.nlp, "memory_zone")
        self._norms: set[str] | None = None  # normalised forms seen in the open zone
        self._zone_lock = threading.Lock()  # one zone at a time on this pipeline
        if self._zones:
            # Components build some tables on their first doc; outside a zone they stay.
            super().mentions([_WARM_UP])

    @property
    def cached_notes(self) -> int:
        return len(self._cache)

    def _docs(self, notes: Sequence[str], *, reading: CallReading = USUAL_READING) -> Iterator[Doc]:
        for doc in super()._docs(notes, reading=reading):
            if self._norms is not None and len(doc):
                lower, norm = doc.to_array([LOWER, NORM]).T
                self._norms.update(doc[int(i)].norm_ for i in (lower != norm).nonzero()[0])
            yield doc

    def _extract(self, notes: list[str], reading: CallReading) -> list[Mention]:
        if not self._zones:
            return super().mentions(notes, reading=reading)
        with self._zone_lock:
            norms: set[str] = set()
            self._norms = norms
            try:
                with self.nlp.memory_zone():
                    return super().mentions(notes, reading=reading)  # mentions hold plain Python strings, no spaCy objects
            finally:
                self._norms = None
                strings = self.nlp.vocab.strings
                for form in norms:
                    strings.add(form, allow_transient=False)

    def mentions(self, notes: Sequence[str], *, reading: CallReading | None = None) -> list[Mention]:
        if reading is None:
            reading = self.roles.call_reading(notes)  # from the whole call, not the missing notes
        with self._lock:
            cached = {n: self._cache[(reading, n)] for n in notes if (reading, n) in self._cache}
            for n in cached:
                self._cache.move_to_end((reading, n))
        missing = list(dict.fromkeys(n for n in notes if n not in cached))
        if missing:
            fresh = self._extract(missing, reading)  # message index = position in `missing`
            by_note: dict[str, list[Mention]] = {n: [] for n in missing}
            for m in fresh:
                by_note[missing[m.message]].append(m)
            with self._lock:
                for n, found in by_note.items():
                    cached[n] = tuple(dataclasses.replace(m, message=0) for m in found)
                    if self._max:
                        self._cache[(reading, n)] = cached[n]
                while len(self._cache) > self._max:
                    self._cache.popitem(last=False)
        return [dataclasses.replace(m, message=i) if i else m for i, n in enumerate(notes) for m in cached[n]]


class AnalysisService:
    """Runs analyses one at a time (the work holds the GIL; a lock keeps spaCy single-threaded)
    and says which rule files and models produced each result."""

    def __init__(self, factory: Callable[[], Analyser], *, trimmer: Trimmer | None = None) -> None:
        self._factory = factory
        self._trimmer = trimmer
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

    def sizes(self) -> dict[str, int]:
        """What the loaded analyser holds in memory (for /metrics): flat once the cache is full."""
        a = self._analyser
        if a is None:
            return {"cached_notes": 0, "strings": 0}
        return {"cached_notes": getattr(a, "cached_notes", 0), "strings": len(a.nlp.vocab.strings)}

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
            ms = (time.perf_counter() - start) * 1000
        if self._trimmer is not None:
            self._trimmer.maybe()  # hand the heaps' free memory back now and then (api/services/memory.py)
        return result, ms


def default_factory(max_notes: int, memory_zones: bool = True) -> Callable[[], Analyser]:
    def build() -> Analyser:
        from assistant.extraction.pipeline import shared_pipeline

        return CachingAnalyser(nlp=shared_pipeline(), max_notes=max_notes, memory_zones=memory_zones)

    return build
