"""Mentions: what the pipeline found in one note, as plain data."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from assistant.labels import NEGATED, Status


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


def told_as(mention: Mention, kind: str) -> bool:
    """Whether a modifier of this kind ("hedge", "present", "question", "past tense") applies:
    modifiers are described as "<kind>: ..." (context.Modifier.describe, tense.py)."""
    prefix = f"{kind}:"
    return any(modifier.startswith(prefix) for modifier in mention.modifiers)


def mentions_from_doc(
    doc: Doc, message: int, adult_kin: set[str] | None = None, *, note: str | None = None
) -> list[Mention]:
    """`adult_kin` carries across a call's notes the kin words shown to be adults: after
    "daughter (20) harassed by her ex", a later "daughter is at a mate's" is the same adult.
    `note`: the text the doc was made from, or one of the same length (a surrogate replaced);
    a mention's text is then sliced from it, not joined from Token objects."""
    adult_kin = set() if adult_kin is None else adult_kin
    found: list[Mention] = []
    for candidate in doc._.risk_candidates or ():
        if candidate.rule.kin:
            words = {t.norm_ for t in candidate.span if t.is_alpha}
            if candidate.adult:
                adult_kin.update(words)
            elif words & adult_kin and not any(t.like_num for t in candidate.span):
                continue
        if candidate.excluded or candidate.status is None or candidate.rule.pseudo:
            continue
        if candidate.rule.only_negated and candidate.status is not NEGATED:
            continue
        span = candidate.span
        start, end = span.start_char, span.end_char
        # positional: keywords would build a dict for every mention
        found.append(
            Mention(
                span.label_,
                candidate.status,
                message,
                start,
                end,
                span.text if note is None else note[start:end],
                candidate.rule.id,
                candidate.modifiers,
            )
        )
    return found
