"""A cheap necessary condition for a regular expression: words it cannot match without.

Python's `re` tries a pattern like `\\b(?:husband|boyfriend|...)` at every character of a
note; the role cues in roles.yml cost more per note than matching all the target rules.
Most notes hold none of a cue's words, which `str` containment finds far faster. From the
parsed pattern we take one set of literal strings such that every match contains at least
one of them (lower-cased, compared with the lower-cased text); when none can be read off
safely, there is no filter and the pattern always runs. The filter only skips searches
that could not succeed, so results never change (tests/extraction/test_literal_filter.py
checks that on every development note).

When every match must also start with one of a few literals ("\\b(?:husband|ex|...)"), an
ASCII note is searched only where one of them stands: `pattern.match` at each such place,
in order, finds the match `pattern.search` would (the leftmost), without `re` trying the
whole pattern at every character. `match(text, pos)` still sees the text before `pos`, so
`\\b` and look-behinds read as they do in a search. Case-insensitive matching of ASCII text is
plain lower-casing, so the places are read off the lower-cased text; a note with other
characters (where `re`'s case folding and `str.lower` can differ) is searched as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from collections.abc import Iterator
from typing import Any

_MIN_LENGTH = 2  # a one-letter literal is in nearly every note: no use as a filter
_SKIPPABLE = {sre.AT}  # zero-width: "\\b" before the words
# zero-width tests that may stand before a match's first character ("(?<!his )\\bex")
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


@dataclass(frozen=True, slots=True)
class FilteredPattern:
    pattern: re.Pattern[str]
    needs_one_of: tuple[str, ...] | None  # lower-case; None: no filter
    # lower-case, ASCII, none a prefix of another; None: a match may start anywhere
    starts_with_one_of: tuple[str, ...] | None = None

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        """`lowered` is `text.lower()`, computed once by the caller for all its patterns."""
        if not self._may_match(lowered):
            return None
        if self.starts_with_one_of is None or not text.isascii():
            return self.pattern.search(text)
        match = self.pattern.match
        for start in _places(lowered, self.starts_with_one_of):
            if found := match(text, start):
                return found
        return None

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        if not self._may_match(lowered):
            return iter(())
        if self.starts_with_one_of is None or not text.isascii():
            return self.pattern.finditer(text)
        return self._match_at_places(text, lowered, self.starts_with_one_of)

    def _match_at_places(self, text: str, lowered: str, starts: tuple[str, ...]) -> Iterator[re.Match[str]]:
        """What `finditer` yields: each search resumes where the last match ended (every
        match holds its first literal, so none is empty)."""
        resume = 0
        for start in _places(lowered, starts):
            if start >= resume and (found := self.pattern.match(text, start)):
                yield found
                resume = found.end()

    def _may_match(self, lowered: str) -> bool:
        return self.needs_one_of is None or any(word in lowered for word in self.needs_one_of)


def _places(lowered: str, words: tuple[str, ...]) -> list[int]:
    """Every offset where one of `words` starts, in order."""
    places: set[int] = set()
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            places.add(at)
            at = lowered.find(word, at + 1)
    return sorted(places)


def filtered(pattern: re.Pattern[str]) -> FilteredPattern:
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a construct this reading does not know: no filter, never wrong
        return FilteredPattern(pattern, None)
    return FilteredPattern(pattern, _required(list(parsed)), _shortest_distinct(_starts(list(parsed))))


def _starts(items: list[Any]) -> tuple[str, ...] | None:
    """Literals one of which every match of `items` starts with (lower-cased), past any
    zero-width tests; None when the first thing to match is not a literal."""
    for index, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return (_prefix(items[index:]),)
        if op is sre.IN:
            if all(kind is sre.LITERAL for kind, _ in av):
                return tuple(chr(code).lower() for _, code in av)
            return None
        if op is sre.SUBPATTERN:
            return _starts(list(av[3]))
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, _, inner = av
            first = _starts(list(inner))
            if low > 0 or first is None:
                return first
            rest = _starts(items[index + 1 :])  # the optional part may be skipped
            return None if rest is None else first + rest
        if op is sre.BRANCH:
            starts = [_starts(list(branch)) for branch in av[1]]
            if any(s is None for s in starts):
                return None
            return tuple(word for s in starts for word in s)  # type: ignore[union-attr]
        return None
    return None


def _shortest_distinct(words: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """Without a word another one starts ("ex-wife" after "ex": its places are among
    the shorter one's); None unless all are ASCII and none empty."""
    if not words or not all(w and w.isascii() for w in words):
        return None
    kept: list[str] = []
    for word in sorted(set(words), key=len):
        if not any(word.startswith(shorter) for shorter in kept):
            kept.append(word)
    return tuple(sorted(kept))


def _required(items: list[Any]) -> tuple[str, ...] | None:
    """The most selective literal set among the items of a sequence (each is required)."""
    best: tuple[str, ...] | None = None
    for candidate in _candidates(items):
        if candidate and all(len(w) >= _MIN_LENGTH and w.isascii() for w in candidate):
            if best is None or min(map(len, candidate)) > min(map(len, best)):
                best = candidate
    return best


def _candidates(items: list[Any]) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(("".join(run).lower(),))
            run = []
        if op is sre.BRANCH:
            prefixes = [_prefix(list(branch)) for branch in av[1]]
            if all(prefixes):
                found.append(tuple(sorted(set(prefixes))))  # type: ignore[arg-type]
        elif op is sre.SUBPATTERN:
            inner = _required(list(av[3]))
            if inner is not None:
                found.append(inner)
    if run:
        found.append(("".join(run).lower(),))
    return found


def _prefix(items: list[Any]) -> str:
    """The literal text a branch starts with (after zero-width tests), lower-cased."""
    chars: list[str] = []
    for op, av in items:
        if op in _SKIPPABLE and not chars:
            continue
        if op is not sre.LITERAL:
            break
        chars.append(chr(av))
    return "".join(chars).lower()
