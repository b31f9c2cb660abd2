"""How a mention is told: in the past tense ("he controlled her money", "used to read her
messages", "wouldn't let her out") or not. Read off the mention's first word and the few
words before it in the note, from word lists in implications.yml (`control_ended`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.extraction.mentions import Mention, told_as
from assistant.extraction.rules import ControlEnded
from assistant.labels import CURRENT

PAST_TENSE = "past tense"
_WORD = re.compile(r"[a-z]+|'[a-z]+")
_SENTENCE_END = re.compile(r"[.!?\n]")
_NEVER = re.compile(r"(?!)")


def _sentence(note: str, start: int, end: int) -> str:
    """The sentence holding the mention: from the last stop before it to the first after it."""
    before = [m.end() for m in _SENTENCE_END.finditer(note, 0, start)]
    after = _SENTENCE_END.search(note, end)
    return note[before[-1] if before else 0 : after.start() if after else len(note)]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@dataclass(frozen=True, slots=True)
class TenseReader:
    """The rule's word lists as sets and one regular expression, built once per analyser (the
    reading runs on every mention of the rule's labels)."""

    labels: frozenset[str]
    past: frozenset[str]
    present: frozenset[str]
    not_past: frozenset[str]
    reported_now: re.Pattern[str]
    look_back: int

    @classmethod
    def of(cls, rule: ControlEnded) -> TenseReader:
        phrases = "|".join(re.escape(" ".join(_words(p))) for p in rule.reported_now)
        return cls(
            labels=frozenset(rule.labels),
            past=frozenset(rule.past_words),
            present=frozenset(rule.present_words),
            not_past=frozenset(rule.not_past),
            reported_now=re.compile(rf"(?<![a-z'])(?:{phrases})(?![a-z])") if phrases else _NEVER,
            look_back=rule.look_back,
        )

    def past_word(self, note: str, mention: Mention) -> str | None:
        """The word that puts the telling in the past, or None when it is told in the present
        ("still", "won't", "keeps"), its sentence is about the incident being reported ("took
        her keys last night": spec, the incident being reported is current) or the tense cannot
        be read."""
        if self.reported_now.search(" ".join(_words(_sentence(note, mention.start, mention.end)))):
            return None
        own = _words(mention.text)
        before = _words(note[max(0, mention.start - 60) : mention.start])[-self.look_back :]
        words = [*before, *own[:1]]
        if not self.present.isdisjoint(words) or not self.present.isdisjoint(own):
            return None
        for word in reversed(words):
            if word in self.past or (len(word) > 4 and word.endswith("ed") and word not in self.not_past):
                return word
        return None

    def mark(self, notes: Sequence[str], mentions: list[Mention]) -> list[Mention]:
        """Adds a "past tense" modifier to the current mentions of the rule's labels told in the
        past; resolve() makes them historical where the call confirms her safe from him. A
        present time of their own ("took her phone this morning") is the incident reported."""
        marked = []
        for m in mentions:
            if m.label in self.labels and m.status is CURRENT and not told_as(m, "present"):
                word = self.past_word(notes[m.message], m)
                if word is not None:
                    m = replace(m, modifiers=(*m.modifiers, f"{PAST_TENSE}: {word!r}"))
            marked.append(m)
        return marked
