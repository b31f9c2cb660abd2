"""The police tokenizer keeps slash shorthand whole wherever it stands in a word, without
spaCy special cases (which pushed every note through the special-case matcher), and drops
English's emoticons made with digits ("son (8)" is an age)."""

from __future__ import annotations

import pytest

from assistant.analysis import Analyser


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("c/r said", ["c/r", "said"]),
        ("C/R said", ["C/R", "said"]),
        ("P/NER left", ["P/NER", "left"]),
        ("(c/r)", ["(", "c/r", ")"]),
        ("c/r,", ["c/r", ","]),
        ('"c/r"', ['"', "c/r", '"']),
        ("ex-p/ner", ["ex", "-", "p/ner"]),
        ("p/ner's", ["p/ner", "'s"]),
        ("w/o kids", ["w/o", "kids"]),
        ("5y/o", ["5", "y/o"]),
        ("a&e.", ["a&e", "."]),
        ("c/rs", ["c", "/", "rs"]),  # not the shorthand: split as any word
        ("knife/bat", ["knife", "/", "bat"]),
        ("f/67", ["f", "/", "67"]),
        ("4yo", ["4", "yo"]),
        # a child's age in brackets, not English's emoticon "8)"
        ("son (8)", ["son", "(", "8", ")"]),
        ("son(8) upstairs", ["son", "(", "8", ")", "upstairs"]),
        ("kids <3 yrs", ["kids", "<", "3", "yrs"]),
        ("at 8a.m.", ["at", "8", "a.m."]),  # English's times stay
        # an answer letter keeps its full stop apart: "inj n." is "inj n ."
        ("inj n. drink y.", ["inj", "n", ".", "drink", "y", "."]),
        ("in Jan. he left", ["in", "Jan.", "he", "left"]),  # other abbreviations stay whole
    ],
)
def test_tokens(analyser: Analyser, text: str, tokens: list[str]) -> None:
    assert [t.text for t in analyser.nlp.make_doc(text)] == tokens


def test_shorthand_gets_its_canonical_norm(analyser: Analyser) -> None:
    doc = analyser.nlp("ex-p/ner w/ knife, c/r in bathroom")
    assert [t.norm_ for t in doc if "/" in t.text] == ["partner", "with", "caller"]
