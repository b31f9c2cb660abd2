"""Anchored matching (assistant/extraction/anchored.py) must find exactly what spaCy's
Matcher finds, for any pattern the rule language can produce: random patterns of
required / optional words, word sets, negated sets, numbers, punctuation, wildcards and
"..", on random notes built from the same few words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.language import Language
from spacy.matcher import Matcher

from assistant.extraction.anchored import compile_anchored
from assistant.extraction.gated_matcher import GatedMatcher

_VOCAB = ["a", "b", "c", "d", "2", ",", "."]
_WORDS = st.lists(st.sampled_from(_VOCAB[:4]), min_size=1, max_size=3, unique=True)

_token = st.one_of(
    st.sampled_from(_VOCAB[:4]).map(lambda w: {"NORM": w}),
    _WORDS.map(lambda ws: {"NORM": {"IN": ws}}),
    _WORDS.map(lambda ws: {"NORM": {"NOT_IN": ws}}),
    st.just({"LIKE_NUM": True}),
    st.just({"IS_PUNCT": True}),
    st.just({}),
)
_spec = st.one_of(
    _token,
    _token.map(lambda spec: {**spec, "OP": "?"}),
    _token.map(lambda spec: {**spec, "OP": "{0,3}"}),  # ".." is a gap of tokens passing a test
    _token.map(lambda spec: {**spec, "OP": "{0,2}"}),  # "#punct?" is up to two marks
)
_pattern = st.lists(_spec, min_size=1, max_size=6).filter(
    lambda p: any(s.get("OP") is None and s.get("NORM") and not isinstance(s["NORM"], dict) for s in p)
    or any(s.get("OP") is None and isinstance(s.get("NORM"), dict) and "IN" in s["NORM"] for s in p)
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return English()


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.lists(_pattern, min_size=1, max_size=3), min_size=1, max_size=4),
    st.lists(st.sampled_from(_VOCAB), min_size=0, max_size=14),
)
def test_same_matches_as_spacy_matcher(nlp: Language, rules: list[list[list[dict]]], words: list[str]) -> None:
    gated, plain = GatedMatcher(nlp.vocab), Matcher(nlp.vocab)
    for i, patterns in enumerate(rules):
        gated.add(f"rule{i}", patterns)
        plain.add(f"rule{i}", patterns)
    doc = nlp.make_doc(" ".join(words))
    assert sorted(set(gated(doc))) == sorted(set(plain(doc)))


def test_the_rule_language_is_matched_without_spacy(nlp: Language) -> None:
    """Otherwise the comparison above would only compare spaCy with itself."""
    pattern = [{"NORM": {"IN": ["a", "b"]}}, {"OP": "{0,3}"}, {"NORM": "c"}, {"LIKE_NUM": True, "OP": "?"},
               {"IS_PUNCT": True}, {"NORM": {"NOT_IN": ["d"]}, "OP": "?"}, {}]
    assert compile_anchored(1, pattern, 2, nlp.vocab.strings.add) is not None
    assert compile_anchored(1, [{"NORM": "a"}, {"NORM": "b", "OP": "+"}], 0, nlp.vocab.strings.add) is None
    assert compile_anchored(1, [{"NORM": {"REGEX": "a"}}, {"NORM": "b"}], 1, nlp.vocab.strings.add) is None
    assert compile_anchored(1, [{"NORM": "a"}, {"LIKE_NUM": True}], 1, nlp.vocab.strings.add) is None


def test_an_unhandled_pattern_still_matches_through_spacy(nlp: Language) -> None:
    gated = GatedMatcher(nlp.vocab)
    gated.add("lower", [[{"NORM": "a"}, {"LOWER": "b", "OP": "?"}, {"NORM": {"REGEX": "^[bc]$"}}]])
    doc = nlp.make_doc("a b b c a c")
    key = nlp.vocab.strings["lower"]
    assert sorted(gated(doc)) == [(key, 0, 2), (key, 0, 3), (key, 4, 6)]
