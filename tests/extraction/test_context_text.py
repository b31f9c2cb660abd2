"""The context component describes a modifier's words off the orth and space-after columns
(no Span): the text must be `Span.text`, on every stretch of every development note."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.attrs import IS_SPACE, ORTH, SPACY

from assistant.extraction.context import _text
from assistant.extraction.pipeline import build_pipeline

DEV = Path(__file__).parents[1] / "data" / "dev_cases.jsonl"


def test_text_off_the_columns_is_span_text() -> None:
    nlp = build_pipeline()
    notes = [m for line in DEV.read_text(encoding="utf-8").splitlines() for m in json.loads(line)["messages"]]
    notes += ["  two  spaces\n\nand a newline ", "tab\there - and / slash", ""]
    for note in notes:
        doc = nlp.make_doc(note)
        rows = doc.to_array([ORTH, IS_SPACE, SPACY]).tolist()
        for start in range(len(doc)):
            for end in range(start, min(len(doc), start + 6) + 1):
                assert _text(rows, start, end, doc.vocab.strings) == doc[start:end].text, (note, start, end)
