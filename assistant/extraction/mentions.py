"""Mentions: what the pipeline found in one note, as plain data."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

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
    for candidate in doc._.risk_candidates or ():
        if candidate.excluded or candidate.status is None or candidate.rule.pseudo:
            continue
        if candidate.rule.only_negated and candidate.status is not Status.NEGATED:
            continue
        span = candidate.span
        found.append(
            Mention(
                label=span.label_,
                status=candidate.status,
                message=message,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                rule=candidate.rule.id,
                modifiers=candidate.modifiers,
            )
        )
    return found
