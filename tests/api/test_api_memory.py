"""Memory the service keeps flat over a long run: spaCy memory zones around extraction (new
words do not stay in the pipeline's vocabulary), the per-note cache bound, and handing the
heaps' free memory back to the OS (api/services/memory.py)."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.attrs import NORM
from spacy.language import Language

from api.services.analysis import AnalysisService, CachingAnalyser
from api.services.memory import Trimmer, release_free_heap
from assistant.analysis import Analyser
from assistant.extraction.pipeline import build_pipeline
from assistant.models import CallContext


def _unique_notes(n: int, tag: str) -> list[str]:
    # every note brings words the pipeline has never seen: a name, a street, numbers
    return [f"Caller {tag}zorvel{i} says Qx{i}plin hit her at {4000 + i} Wexmoor{i} Road, call back 07700 9{i:05d}."
            for i in range(n)]


@pytest.fixture(scope="module")
def fresh_nlp():  # noqa: ANN201
    """A pipeline of its own: the session's has seen the development cases outside any zone."""
    return build_pipeline()


def _lexemes(nlp) -> int:  # noqa: ANN001
    return sum(1 for _ in nlp.vocab)  # len(vocab) is a counter that memory zones do not decrease (spaCy 3.8)


def test_memory_zones_keep_the_vocabulary_flat(fresh_nlp) -> None:  # noqa: ANN001
    zoned = CachingAnalyser(nlp=fresh_nlp, max_notes=0)
    zoned.analyse(_unique_notes(5, "warm"))
    strings, lexemes = len(fresh_nlp.vocab.strings), _lexemes(fresh_nlp)
    for k in range(0, 300, 10):
        zoned.analyse(_unique_notes(300, "zoned")[k : k + 10])
    assert len(fresh_nlp.vocab.strings) - strings < 10
    assert _lexemes(fresh_nlp) - lexemes < 10


def test_without_memory_zones_the_vocabulary_grows(fresh_nlp) -> None:  # noqa: ANN001
    """The failure the zones prevent, shown on the same notes: about one string per new word."""
    plain = CachingAnalyser(nlp=fresh_nlp, max_notes=0, memory_zones=False)
    strings, lexemes = len(fresh_nlp.vocab.strings), _lexemes(fresh_nlp)
    for k in range(0, 300, 10):
        plain.analyse(_unique_notes(300, "plain")[k : k + 10])
    assert len(fresh_nlp.vocab.strings) - strings > 600
    assert _lexemes(fresh_nlp) - lexemes > 600


def test_memory_zones_give_the_core_result() -> None:
    """Each note extracted in its own zone, twice over (so the normaliser's remembered forms
    are reused after their zone closed), equals the plain engine on a pipeline of its own."""
    zoned = CachingAnalyser(nlp=build_pipeline(), max_notes=0)
    plain = Analyser(nlp=build_pipeline())
    cases = [json.loads(line) for line in open("tests/data/dev_cases.jsonl", encoding="utf-8")][:60]
    typed = ["She is 37yo and 8 wks pregnant, he has a knif and a gunn.", "Kids aged 4yo and 7yrs, he strangld her."]
    calls = [case["messages"] for case in cases] + [typed]
    first = [zoned.analyse(notes) for notes in calls]
    second = [zoned.analyse(notes) for notes in calls]
    expected = [plain.analyse(notes) for notes in calls]
    assert first == expected
    assert second == expected


class _RememberingNormaliser:
    """Like the police normaliser: remembers, by hash, a normalised form it added to the string
    store, and sets it again on later docs without adding it."""

    def __init__(self) -> None:
        self.seen: dict[int, int] = {}

    def __call__(self, doc):  # noqa: ANN001, ANN204
        norms = doc.to_array([NORM]).reshape(-1, 1)
        for i, token in enumerate(doc):
            target = self.seen.get(token.lower)
            if target is None:
                target = self.seen[token.lower] = doc.vocab.strings.add(f"canon-{token.lower_}")
            norms[i, 0] = target
        doc.from_array([NORM], norms)
        return doc


@Language.factory("test_remembering_normaliser")
def _remembering(nlp: Language, name: str) -> _RememberingNormaliser:
    return _RememberingNormaliser()


def test_normalised_forms_outlive_the_zone() -> None:
    """A form first added inside a zone and remembered by hash must still be readable after
    it (else `token.norm_` raises KeyError on the next note with that word)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("test_remembering_normaliser")
    zoned = CachingAnalyser(nlp=nlp, max_notes=0)
    zoned.analyse(["Blorptastic wibble"])
    zoned.analyse(["Blorptastic again"])  # remembered hash, set again in a later zone
    assert [t.norm_ for t in nlp("blorptastic wibble")] == ["canon-blorptastic", "canon-wibble"]


def test_memory_zones_can_be_turned_off(make_env) -> None:  # noqa: ANN001
    env = make_env(analysis_memory_zones=False)
    assert env.settings.analysis_memory_zones is False


def test_cache_keeps_the_most_recently_used_notes(fresh_nlp) -> None:  # noqa: ANN001
    cached = CachingAnalyser(nlp=fresh_nlp, max_notes=3)
    cached.analyse(["He hit her.", "He has a knife.", "Two kids upstairs."])
    cached.analyse(["He hit her.", "She is bleeding."])  # "He hit her." used again, so "He has a knife." goes
    assert [note for _reading, note in cached._cache] == ["Two kids upstairs.", "He hit her.", "She is bleeding."]
    assert cached.cached_notes == 3


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_trimmer_runs_at_most_once_per_interval() -> None:
    clock, released = _Clock(), []
    trimmer = Trimmer(30, release=lambda: released.append(clock.now) or True, clock=clock)
    for t in (0, 10, 29.9, 30, 45, 59.9, 61, 200):
        clock.now = t
        trimmer.maybe()
    assert released == [30, 61, 200]


def test_trimmer_off_at_zero() -> None:
    clock, released = _Clock(), []
    trimmer = Trimmer(0, release=lambda: released.append(1) or True, clock=clock)
    for t in (0, 100, 1000):
        clock.now = t
        assert trimmer.maybe() is False
    assert released == []


def test_release_free_heap_runs_here() -> None:
    assert release_free_heap() is True  # the service runs on glibc (Linux)


def test_analysis_service_trims_after_analysing(api_analyser) -> None:  # noqa: ANN001
    clock, released = _Clock(), []
    service = AnalysisService(lambda: api_analyser,
                              trimmer=Trimmer(30, release=lambda: released.append(clock.now) or True, clock=clock))
    service.analyse(["He hit her."], script="call_999", context=CallContext(), asked=frozenset())
    assert released == []
    clock.now = 31
    service.analyse(["He hit her."], script="call_999", context=CallContext(), asked=frozenset())
    assert released == [31]


def test_metrics_show_what_the_analyser_holds(env) -> None:  # noqa: ANN001
    call = env.open_call()["id"]
    env.note(call, "He hit her with a bottle zorvelnote.")
    metrics = env.client.get("/metrics").text
    values = {line.split()[0]: float(line.split()[1]) for line in metrics.splitlines()
              if line.startswith(("daca_analysis_cache_notes", "daca_pipeline_vocab"))}
    assert values["daca_analysis_cache_notes"] >= 1
    assert values["daca_pipeline_vocab_strings"] > 0
