"""How a mention is told: in the past tense ("he controlled her money", "used to read her
messages", "wouldn't let her out") or not. Read off the mention's first word and the few
words before it in the note, from word lists in implications.yml (`control_ended`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from assistant.extraction.mentions import Mention
from assistant.extraction.rules import ControlEnded
from assistant.labels import CURRENT

_WORD = re.compile(r"[a-z]+|'[a-z]+")
PAST_TENSE = "past tense"


_SENTENCE_END = re.compile(r"[.!?\n]")


def _sentence(note: str, start: int, end: int) -> str:
    """The sentence holding the mention: from the last stop before it to the first after it."""
    before = [m.end() for m in _SENTENCE_END.finditer(note, 0, start)]
    after = _SENTENCE_END.search(note, end)
    return note[before[-1] if before else 0 : after.start() if after else len(note)]


@lru_cache(maxsize=4)
def _any_phrase(phrases: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(" ".join(_WORD.findall(p.lower()))) for p in phrases)
    return re.compile(rf"(?<![a-z'])(?:{words})(?![a-z])")


def past_word(note: str, mention: Mention, rule: ControlEnded) -> str | None:
    """The word that puts the telling in the past, or None when it is told in the present
    ("still", "won't", "keeps"), its sentence is about the incident being reported ("took her
    keys last night": spec, the incident being reported is current) or the tense cannot be
    read."""
    sentence = " ".join(_WORD.findall(_sentence(note, mention.start, mention.end).lower()))
    if rule.reported_now and _any_phrase(tuple(rule.reported_now)).search(sentence):
        return None
    own = _WORD.findall(mention.text.lower())
    before = _WORD.findall(note[max(0, mention.start - 60) : mention.start].lower())[-rule.look_back :]
    words = [*before, *own[:1]]
    if any(w in rule.present_words for w in (*words, *own)):
        return None
    for word in reversed(words):
        if word in rule.past_words or (len(word) > 4 and word.endswith("ed") and word not in rule.not_past):
            return word
    return None


def mark_past_telling(notes: Sequence[str], mentions: list[Mention], rule: ControlEnded) -> list[Mention]:
    """Adds a "past tense" modifier to the current mentions of the rule's labels told in the
    past; resolve() makes them historical where the call confirms her safe from him."""
    marked = []
    for m in mentions:
        # a present time of its own ("took her phone this morning") is the incident reported
        if m.label in rule.labels and m.status is CURRENT and not any(d.startswith("present:") for d in m.modifiers):
            word = past_word(notes[m.message], m, rule)
            if word is not None:
                m = replace(m, modifiers=(*m.modifiers, f"{PAST_TENSE}: {word!r}"))
        marked.append(m)
    return marked
