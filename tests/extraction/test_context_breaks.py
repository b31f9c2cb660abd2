"""The context component's breaks read off a per-word kind table, and its columns come from
the target component through doc.user_data: both must give what the per-word tests and a
fresh `to_array` gave, on every development note."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.attrs import IS_SPACE, ORTH, SPACY
from spacy.tokens import Doc

from assistant.extraction.context import _capital_follows, _keeps_its_stop
from assistant.extraction.gated_matcher import COLUMNS_KEY
from assistant.extraction.pipeline import build_pipeline

DEV = Path(__file__).parents[1] / "data" / "dev_cases.jsonl"
EDGES = [
    "  two  spaces\n\nand a newline ",
    "tab\there - and / slash -no- x /y z/ | w -- v // u",
    "in Jan. He's gone. with V. INJ: none\n- said no",
    "- at the start / ",
    "",
]


def _notes() -> list[str]:
    return [m for line in DEV.read_text(encoding="utf-8").splitlines() for m in json.loads(line)["messages"]] + EDGES


def _old_hard(doc: Doc, separators: frozenset[int]) -> list[bool]:
    """The per-word tests the kind table replaced (before any modifier is applied)."""
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IS_SPACE, SPACY]).tolist()
    hard: list[bool] = []
    followed_by_space = False
    stops: list[int] = []
    for i, (orth, is_space, spacy) in enumerate(rows):
        separator = orth in separators and followed_by_space and bool(spacy)
        hard.append((bool(is_space) and "\n" in strings[orth]) or separator)
        followed_by_space = bool(spacy)
        if _keeps_its_stop(strings[orth]):
            stops.append(i)
    for i in stops:
        if _capital_follows(rows, i, strings):
            hard[i] = True
    return hard


def test_breaks_from_the_kind_table_are_the_per_word_tests() -> None:
    nlp = build_pipeline()
    context = nlp.get_pipe("risk_context")
    for note in _notes():
        doc = nlp.make_doc(note)
        rows = [tuple(row) for row in doc.to_array([ORTH, IS_SPACE, SPACY]).tolist()]
        hard, _ = context._breaks(doc, [], rows)
        assert hard == _old_hard(doc, context._separators), note


def _reading(doc: Doc) -> list[tuple]:
    return [
        (c.span.start, c.span.end, c.rule.id, c.status, c.excluded, c.adult, c.modifiers)
        for c in doc._.risk_candidates or ()
    ]


def test_context_reads_the_same_with_or_without_the_target_components_columns() -> None:
    nlp = build_pipeline()
    context = nlp.get_pipe("risk_context")
    for note in _notes():
        doc = nlp(note)  # the columns went from the target component to the context one
        assert COLUMNS_KEY not in doc.user_data
        shared = _reading(doc)
        assert _reading(context(doc)) == shared, note  # read afresh
