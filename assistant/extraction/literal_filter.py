"""A cheap necessary condition for a regular expression: words it cannot match without.

Python's `re` tries a pattern like `\\b(?:husband|boyfriend|...)` at every character of a
note; the role cues in roles.yml cost more per note than matching all the target rules.
Most notes hold none of a cue's words, which `str` containment finds far faster. From the
parsed pattern we take one set of literal strings such that every match contains at least
one of them (lower-cased, compared with the lower-cased text); when none can be read off
safely, there is no filter and the pattern always runs. The filter only skips searches
that could not succeed, so results never change (tests/extraction/test_literal_filter.py
checks that on every development note).
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


@dataclass(frozen=True, slots=True)
class FilteredPattern:
    pattern: re.Pattern[str]
    needs_one_of: tuple[str, ...] | None  # lower-case; None: no filter

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        """`lowered` is `text.lower()`, computed once by the caller for all its patterns."""
        return self.pattern.search(text) if self._may_match(lowered) else None

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self._may_match(lowered) else iter(())

    def _may_match(self, lowered: str) -> bool:
        return self.needs_one_of is None or any(word in lowered for word in self.needs_one_of)


def filtered(pattern: re.Pattern[str]) -> FilteredPattern:
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a construct this reading does not know: no filter, never wrong
        return FilteredPattern(pattern, None)
    return FilteredPattern(pattern, _required(list(parsed)))


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
