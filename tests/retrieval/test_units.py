"""Small pure pieces: passage splitting, fusion, quote matching, data files, question files."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.datafiles import DataFileError
from assistant.retrieval import fusion, text
from assistant.retrieval.batch import read_questions
from assistant.retrieval.errors import SearchInputError
from assistant.retrieval.evaluate import first_hit, normalise_quote
from assistant.retrieval.passages import sentence_spans, split_section


def test_split_section_keeps_passages_short_and_loses_nothing():
    paragraphs = [f"Sentence {i} says something about risk and safety." * 3 for i in range(30)]
    paragraphs.append(" ".join(f"Long sentence number {i} is here." for i in range(120)))
    chunks = split_section(paragraphs, max_words=200, min_words=25)
    assert all(len(c.split()) <= 200 + 25 for c in chunks)
    assert " ".join(" ".join(chunks).split()) == " ".join(" ".join(paragraphs).split())


def test_short_section_is_one_passage():
    assert split_section(["One short paragraph.", "Another."], 200, 25) == ["One short paragraph.\nAnother."]


def test_sentence_spans_cover_sentences():
    t = "First one. Second one? Third “quoted.” Fourth\n- a list item"
    assert [t[a:b] for a, b in sentence_spans(t)] == ["First one.", "Second one?", "Third “quoted.”", "Fourth",
                                                      "- a list item"]


def test_rrf_and_weighted_fusion():
    lex = np.array([3.0, 0.0, 1.0])
    dense = np.array([0.1, 0.9, 0.5])
    r = fusion.rrf([fusion.top_k(lex, 3), fusion.top_k(dense, 3)], 3, k=60)
    assert r[2] == pytest.approx(1 / 62 + 1 / 62)  # second in both rankings
    w = fusion.weighted(lex, dense, 0.5, 0.5)
    assert w == pytest.approx([0.55, 0.45, 0.5 / 3 + 0.25])
    assert list(fusion.top_k(w, 2)) == [0, 1]
    assert fusion.weighted(np.zeros(3), dense, 0.5, 0.5) == pytest.approx(dense * 0.5)


def test_quote_matching_follows_the_spec():
    assert normalise_quote("A  **domestic**\nabuse _matter_") == "a domestic abuse matter"
    assert first_hit(["nothing", "A domestic abuse matter **cannot** be resolved"], ["cannot be RESOLVED"]) == 2
    assert first_hit(["nothing"], ["something"]) is None


def test_tokens_stem_and_drop_stop_words():
    assert text.tokens("What does the policy say about the children?") == ["children"]
    assert text.tokens("Officers attended incidents") == ["offic", "attend", "incid"]


def test_synonyms_expand_call_handler_words():
    extra, canonical = text.load_synonyms().expand("non-mol breached, kids at home")
    assert "children" in canonical and "non-molestation order" in canonical
    assert "children" in extra or "child" in extra


def test_bad_synonym_file_names_the_entry(monkeypatch):
    monkeypatch.setattr(text, "load_yaml", lambda package, name: {"groups": [["a", "b"], ["lonely"]]})
    text.load_synonyms.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"synonyms.yml, entry groups\[1\]"):
            text.load_synonyms()
    finally:
        text.load_synonyms.cache_clear()


@pytest.mark.parametrize("line, message", [
    ("not json", "line 1: invalid JSON"),
    ('["a"]', "line 1: expected a JSON object"),
    ('{"question": "x"}', 'line 1: "id" must be'),
    ('{"id": "q1"}', 'line 1: "question" must be a string'),
    ('{"id": "q1", "question": "x", "gold": "y"}', 'line 1: "gold" must be a list'),
])
def test_question_file_errors_name_the_line(tmp_path, line, message):
    path = tmp_path / "q.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(SearchInputError, match=message):
        read_questions(path)


def test_duplicate_ids_and_missing_file(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps({"id": "a", "question": "x"}) + "\n\n" + json.dumps({"id": "a", "question": "y"}))
    with pytest.raises(SearchInputError, match="line 3: duplicate id"):
        read_questions(path)
    with pytest.raises(SearchInputError, match="file not found"):
        read_questions(tmp_path / "none.jsonl")


def test_scope_words_are_stemmed_and_validated(monkeypatch):
    scope = text.load_scope_words()
    assert {"strangl", "p1", "dash"} <= scope.strong and scope.strong <= scope.general
    monkeypatch.setattr(text, "load_yaml", lambda package, name: {"strong": ["abuse"], "words": ["ok", ""]})
    text.load_scope_words.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"scope.yml, entry words\[1\]"):
            text.load_scope_words()
    finally:
        text.load_scope_words.cache_clear()
