"""A Matcher split by anchor words, so a note only pays for the rules it could match.

spaCy's Matcher tries every pattern at every token; with a few thousand expanded
patterns that dominated the per-note time. Each rule gets its own small Matcher and an
anchor set: the words one of its tokens must have (the first required NORM token of each
pattern). A rule runs only when the note contains one of its anchors; a pattern with no
such token (a number, a wildcard) makes its rule run always.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from assistant.extraction.patterns import TokenPattern


def anchor_words(pattern: TokenPattern) -> frozenset[str] | None:
    for spec in pattern:
        if spec.get("OP") in ("?", "*", "{0,3}"):
            continue
        norm = spec.get("NORM")
        if isinstance(norm, str):
            return frozenset({norm})
        if isinstance(norm, dict) and "IN" in norm:
            return frozenset(norm["IN"])
    return None


class GatedMatcher:
    def __init__(self, vocab: Vocab) -> None:
        self._vocab = vocab
        self._always: list[Matcher] = []
        self._by_anchor: dict[str, list[Matcher]] = {}

    def add(self, key: str, patterns: Iterable[TokenPattern]) -> None:
        patterns = list(patterns)
        matcher = Matcher(self._vocab, validate=True)
        matcher.add(key, patterns)
        anchors: set[str] = set()
        for pattern in patterns:
            words = anchor_words(pattern)
            if words is None:
                self._always.append(matcher)
                return
            anchors |= words
        for word in anchors:
            self._by_anchor.setdefault(word, []).append(matcher)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        selected: dict[int, Matcher] = {id(m): m for m in self._always}
        for token in doc:
            for matcher in self._by_anchor.get(token.norm_, ()):
                selected[id(matcher)] = matcher
        found: list[tuple[int, int, int]] = []
        for matcher in selected.values():
            found.extend(matcher(doc))
        found.sort(key=lambda m: (m[1], m[2], m[0]))
        return found
