"""Mentions: what the pipeline found in one note, as plain data."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from assistant.extraction.targets import SPAN_KEY
from assistant.labels import Status


@dataclass(frozen=True, slots=True)
class Mention:
    label: str
    status: Status
    message: int  # index of the note in the call, oldest first
    start: int  # character offsets into that note
    end: int
    text: str
    rule: str
    modifiers: tuple[str, ...]


def mentions_from_doc(doc: Doc, message: int) -> list[Mention]:
    found: list[Mention] = []
    for span in doc.spans[SPAN_KEY]:
        if span._.risk_excluded:
            continue
        found.append(
            Mention(
                label=span.label_,
                status=span._.risk_status,
                message=message,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                rule=span._.risk_rule.id,
                modifiers=span._.risk_modifiers,
            )
        )
    return found
