"""The gated matcher must find exactly what one plain Matcher with every pattern finds:
gating by anchor words and windowing are speed tricks only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.matcher import Matcher

from assistant.extraction.gated_matcher import GatedMatcher, anchor_words
from assistant.extraction.pipeline import build_pipeline
from assistant.extraction.rules import load_rules

DEV = Path(__file__).parents[1] / "data" / "dev_cases.jsonl"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


@pytest.fixture(scope="module", params=["targets", "context"])
def matchers(request, nlp: Language) -> tuple[GatedMatcher, Matcher]:
    compiled = getattr(load_rules(), request.param)
    gated, plain = GatedMatcher(nlp.vocab), Matcher(nlp.vocab)
    for rule in compiled:
        gated.add(rule.rule.id, rule.patterns)
        plain.add(rule.rule.id, rule.patterns)
    return gated, plain


def _normalised(nlp: Language, text: str):
    doc = nlp.make_doc(text)
    return nlp.get_pipe("police_normalizer")(doc)


def _same(nlp: Language, matchers: tuple[GatedMatcher, Matcher], text: str) -> None:
    gated, plain = matchers
    doc = _normalised(nlp, text)
    assert sorted(set(gated(doc))) == sorted(set(plain(doc))), text


def test_same_matches_on_every_development_note(nlp, matchers) -> None:
    notes = [m for line in DEV.read_text(encoding="utf-8").splitlines() for m in json.loads(line)["messages"]]
    assert len(notes) > 300
    for note in notes:
        _same(nlp, matchers, note)


# Words the rules use, shuffled into nonsense: stresses windows at note edges and overlaps.
_WORDS = ["he", "is", "at", "the", "door", "not", "no", "knife", "kids", "2", "in", "kitchen", "her", "ex",
          "still", "inside", "last", "week", "strangled", "threatened", "kill", "-", ",", "/", "outside",
          "partner", "has", "a", "gun", "left", "custody", "arrested", "never", "before", "police", "again"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_same_matches_on_shuffled_rule_words(nlp, matchers, words: list[str]) -> None:
    _same(nlp, matchers, " ".join(words))


def test_anchor_is_the_rarest_required_token() -> None:
    pattern = [{"NORM": {"IN": ["he", "partner"]}}, {"NORM": "is", "OP": "?"}, {"NORM": "kitchen"}]
    assert anchor_words(pattern) == frozenset({"kitchen"})
    assert anchor_words([{"LIKE_NUM": True}, {"NORM": "child", "OP": "?"}]) is None


def test_unbounded_patterns_are_refused(nlp) -> None:
    with pytest.raises(ValueError, match="unbounded"):
        GatedMatcher(nlp.vocab).add("bad", [[{"NORM": "a"}, {"OP": "*"}, {"NORM": "b"}]])
