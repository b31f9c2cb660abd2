"""A Matcher split by anchor words, so a note only pays for the rules it could match,
and only around the words that could start them.

spaCy's Matcher tries every pattern at every token and builds a Token object for every
position it visits; with a few thousand expanded patterns that dominated the per-note
time. Each rule gets its own small Matcher and an anchor set: the words one of its tokens
must have (the rarest required NORM token of each pattern). A rule runs only when the note
contains one of its anchors, and only on windows around those words: a match contains an
anchor at most `lead` tokens after its start and is at most `width` tokens long, so the
window [i - lead, i + width) around each anchor at i holds every match. A pattern with no
such token (a number, a wildcard) makes its rule run on the whole note.

Two later speed-ups, same matches: patterns the rule language compiles to are matched
outward from each anchor on attribute arrays (anchored.py), with no Matcher at all; for
the others a window is skipped when it lacks a word some required token needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SPACY
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from assistant.extraction.anchored import COLUMNS, AnchoredPattern, Run, compile_anchored, reach
from assistant.extraction.patterns import OPTIONAL_OPS, TokenPattern

_SPAN_OF_OP: dict[str | None, int] = {None: 1, **OPTIONAL_OPS}
_END_OF_NOTE = "#at-end"  # suffix of the internal key of a rule's end-of-note variants
# A note read as columns: the anchored patterns' (NORM, LIKE_NUM, IS_PUNCT), whether a token
# is a space (for the end-of-note check), then its ORTH and whether a space follows it (not
# read here: the context component's, so one `to_array` call serves both components)
NOTE_COLUMNS = [*COLUMNS, IS_SPACE, ORTH, SPACY]
_PUNCT, _SPACE = COLUMNS.index(IS_PUNCT), len(COLUMNS)


# Words so common in notes that anchoring on them would open a window almost everywhere;
# a pattern is anchored on its rarest required token instead. Only speed depends on this.
_COMMON = frozenset(
    "he she is has her his him the a an to in at on of and not with caller victim partner "
    "suspect it they them there now was be been by for from that this".split()
)


def _required_words(spec: dict) -> frozenset[str] | None:
    op = spec.get("OP")
    if op in OPTIONAL_OPS or op == "*":
        return None
    norm = spec.get("NORM")
    if isinstance(norm, str):
        return frozenset({norm})
    if isinstance(norm, dict) and "IN" in norm:
        return frozenset(norm["IN"])
    return None


def _anchor_index(pattern: TokenPattern) -> int | None:
    """The required token whose words are rarest (fewest, and fewest common ones)."""
    best: tuple[int, int] | None = None
    for index, spec in enumerate(pattern):
        words = _required_words(spec)
        if words is None:
            continue
        cost = sum(100 if w in _COMMON else 1 for w in words)
        if best is None or cost < best[0]:
            best = (cost, index)
    return None if best is None else best[1]


def anchor_words(pattern: TokenPattern) -> frozenset[str] | None:
    index = _anchor_index(pattern)
    return None if index is None else _required_words(pattern[index])


def _lead_and_width(pattern: TokenPattern, anchor: int) -> tuple[int, int]:
    """Most tokens a match can have before its anchor token, and most tokens in all."""
    lead = sum(_SPAN_OF_OP[spec.get("OP")] for spec in pattern[:anchor])
    return lead, sum(_SPAN_OF_OP[spec.get("OP")] for spec in pattern)


# where the target component leaves a note's columns for the context component, which runs
# right after it on the same words and takes them out again
COLUMNS_KEY = "gated_matcher.note_columns"


def note_columns(doc: Doc) -> list[list[int]]:
    """The note's NOTE_COLUMNS as lists of ints (a numpy element read costs more than a word)."""
    return doc.to_array(NOTE_COLUMNS).T.tolist()


@dataclass(slots=True)
class _AnchorGroup:
    """Every pattern that one anchor word can start, in one Matcher."""

    patterns: dict[str, list[TokenPattern]]
    singles: set[int] = field(default_factory=set)  # rule keys matched by this one word alone
    anchored: list[AnchoredPattern] = field(default_factory=list)  # matched without a Matcher
    # the same, indexed by the word the token right after (or else right before) the anchor
    # must have: the note's neighbouring words rule out nearly all of them in two lookups
    by_next: dict[int, list[AnchoredPattern]] = field(default_factory=dict)
    by_previous: dict[int, list[AnchoredPattern]] = field(default_factory=dict)
    unindexed: list[AnchoredPattern] = field(default_factory=list)  # no such word
    # per pattern, the NORM hashes each of its required tokens must have: a window lacking
    # one of them cannot hold that pattern, and most windows hold none of the group's
    requirements: list[tuple[frozenset[int], ...]] = field(default_factory=list)
    needs: list[tuple[frozenset[int], ...]] | None = None  # the same, minimal (None: no filter)
    lead: int = 0
    width: int = 0
    matcher: Matcher | None = None


class GatedMatcher:
    """Patterns are grouped by anchor word: one Matcher per word, run on windows around
    that word's occurrences. A pattern with several anchor words sits in each group; the
    same match found from two groups is reported once."""

    def __init__(self, vocab: Vocab) -> None:
        self._vocab = vocab
        self._always = Matcher(vocab, validate=True)
        self._has_always = False
        self._groups: dict[str, _AnchorGroup] = {}
        self._by_hash: dict[int, _AnchorGroup] | None = None
        self._end_only: dict[int, int] = {}  # key of a rule's end-of-note variants -> the rule's key

    def add(self, key: str, patterns: Iterable[TokenPattern], *, end_patterns: Iterable[TokenPattern] = ()) -> None:
        """`end_patterns` match only where nothing but punctuation follows (a trailing `!a|b`
        with no token to test at the end of a note); they report under `key` too."""
        end_patterns = list(end_patterns)
        if end_patterns:
            end_key = f"{key}{_END_OF_NOTE}"
            self._end_only[self._vocab.strings.add(end_key)] = self._vocab.strings.add(key)
            self.add(end_key, end_patterns)
        patterns = list(patterns)
        if any(spec.get("OP") == "*" for p in patterns for spec in p):
            raise ValueError(f"rule {key!r}: unbounded '*' patterns cannot be windowed")
        anchors = [_anchor_index(p) for p in patterns]
        if any(anchor is None for anchor in anchors):
            self._always.add(key, patterns)  # validated by spaCy, which names the rule
            self._has_always = True
            return
        strings = self._vocab.strings
        key_hash = strings.add(key)
        for pattern, anchor in zip(patterns, anchors):
            single = len(pattern) == 1 and "OP" not in pattern[0]
            anchored = None if single else compile_anchored(key_hash, pattern, anchor, strings.add)
            if not single and anchored is None:
                # checked now so an error names the rule (anchored ones compiled, so well formed)
                Matcher(self._vocab, validate=True).add(key, [pattern])
            lead, width = _lead_and_width(pattern, anchor)
            for word in _required_words(pattern[anchor]) or ():
                group = self._groups.setdefault(word, _AnchorGroup(patterns={}))
                if single:  # a one-word pattern needs no Matcher: the word is the match
                    group.singles.add(key_hash)
                    continue
                if anchored is not None:
                    group.anchored.append(anchored)
                    continue
                group.patterns.setdefault(key, []).append(pattern)
                group.requirements.append(_requirements(pattern, strings.add))
                group.lead, group.width = max(group.lead, lead), max(group.width, width)
                group.matcher = None
        self._by_hash = None

    def _matcher(self, group: _AnchorGroup) -> Matcher:
        if group.matcher is None:
            group.matcher = Matcher(self._vocab)
            for key, patterns in group.patterns.items():
                group.matcher.add(key, patterns)
        return group.matcher

    def __call__(self, doc: Doc, columns: list[list[int]] | None = None) -> list[tuple[int, int, int]]:
        """`columns`: `note_columns(doc)` when the caller has them already."""
        found: set[tuple[int, int, int]] = set(self._always(doc)) if self._has_always else set()
        if self._by_hash is None:
            self._prepare()
        groups = self._by_hash
        assert groups is not None
        windows: dict[int, list[tuple[int, int]]] = {}
        n = len(doc)
        if not n:
            return sorted(found, key=_match_order)
        # hashes, not Token objects: building a Token per word cost more than matching
        if columns is None:
            columns = note_columns(doc)
        norms = columns[0]
        present = set(norms)
        add = found.add
        for i, norm in enumerate(norms):
            group = groups.get(norm)
            if group is None:
                continue
            if group.singles:  # most groups have none: no iterator made
                for key in group.singles:
                    add((key, i, i + 1))
            if group.anchored:  # else one-word patterns only, or Matcher-bound ones (below)
                for bucket in (
                    group.unindexed,
                    group.by_next.get(norms[i + 1], ()) if i + 1 < n else (),
                    group.by_previous.get(norms[i - 1], ()) if i else (),
                ):
                    for pattern in bucket:
                        for words in pattern.needs:
                            if words.isdisjoint(present):
                                break  # a word the pattern needs is nowhere in the note
                        else:
                            after, before = pattern.after, pattern.before
                            ends = reach(after, i + 1, 1, n, columns) if after.steps else (i + 1,)
                            if ends:
                                key = pattern.key
                                for start in reach(before, i - 1, -1, n, columns) if before.steps else (i,):
                                    for end in ends:
                                        add((key, start, end))
            if group.patterns:
                windows.setdefault(norm, []).append((max(0, i - group.lead), min(n, i + group.width)))
        for norm, spans in windows.items():
            group = groups[norm]
            for start, end in _merge(spans):
                if group.needs is not None:
                    present = set(norms[start:end])
                    if not any(all(not words.isdisjoint(present) for words in needed) for needed in group.needs):
                        continue  # no pattern of the group can match here: skip the Matcher
                matches = self._matcher(group)(doc[start:end])
                found.update((key, start + s, start + e) for key, s, e in matches)
        end_only = self._end_only
        if end_only and not end_only.keys().isdisjoint(key for key, _, _ in found):
            tail = _tail(columns[_PUNCT], columns[_SPACE])
            found = {(end_only.get(key, key), start, end) for key, start, end in found if key not in end_only or end >= tail}
        return sorted(found, key=_match_order)

    def _prepare(self) -> None:
        """Groups by hash, and their indexes: built at the first note, once every rule is in."""
        strings = self._vocab.strings
        self._by_hash = {strings.add(word): group for word, group in self._groups.items()}
        for word_hash, group in self._by_hash.items():
            group.needs = _minimal_needs(word_hash, group.requirements)
            group.by_next, group.by_previous, group.unindexed = _index_by_neighbour(group.anchored)


def _match_order(match: tuple[int, int, int]) -> tuple[int, int, int]:
    return match[1], match[2], match[0]


def _tail(punct: list[int], space: list[int]) -> int:
    """Where the note's closing run of punctuation and spaces starts (its length: none)."""
    tail = len(punct)
    while tail and (punct[tail - 1] or space[tail - 1]):
        tail -= 1
    return tail


def _requirements(pattern: TokenPattern, to_hash: Callable[[str], int]) -> tuple[frozenset[int], ...]:
    """The NORM hashes allowed at each required token of a pattern (a necessary condition
    only: the Matcher still decides)."""
    return tuple(
        frozenset(to_hash(word) for word in words)
        for spec in pattern
        if (words := _required_words(spec)) is not None
    )


def _index_by_neighbour(
    patterns: list[AnchoredPattern],
) -> tuple[dict[int, list[AnchoredPattern]], dict[int, list[AnchoredPattern]], list[AnchoredPattern]]:
    """Each pattern filed once: under the words its first step after the anchor requires,
    else under those its first step before the anchor requires, else apart."""
    by_next: dict[int, list[AnchoredPattern]] = {}
    by_previous: dict[int, list[AnchoredPattern]] = {}
    unindexed: list[AnchoredPattern] = []
    for pattern in patterns:
        for run, index in ((pattern.after, by_next), (pattern.before, by_previous)):
            words = _required_norms(run)
            if words is not None:
                for word in words:
                    index.setdefault(word, []).append(pattern)
                break
        else:
            unindexed.append(pattern)
    return by_next, by_previous, unindexed


def _required_norms(run: Run) -> frozenset[int] | None:
    """The NORM hashes the token next to the anchor must have, when the run bounds it: its
    first step is a required word, or optional words lead up to one ("at the? address": the
    next token is "the" or "address"). None when any of those steps tests something else, or
    every step is optional (the run may consume nothing)."""
    allowed: set[int] = set()
    for (column, words, wanted), optional in run.steps:
        if column != 0 or not wanted:
            return None
        if not optional:
            return words if not allowed else frozenset(allowed | words)
        allowed |= words
    return None


def _minimal_needs(
    anchor: int, requirements: list[tuple[frozenset[int], ...]]
) -> list[tuple[frozenset[int], ...]] | None:
    """The requirements worth checking in a window around `anchor`: sets holding the anchor
    are always met there; a pattern needing a superset of another's adds nothing. None when
    some pattern needs nothing more than the anchor (every window must be matched)."""
    reduced = {frozenset(words for words in needed if anchor not in words) for needed in requirements}
    if frozenset() in reduced:
        return None
    minimal = [needed for needed in reduced if not any(other < needed for other in reduced)]
    # fewest sets first: the cheapest checks, and the likeliest to pass
    return [tuple(needed) for needed in sorted(minimal, key=lambda n: (len(n), sorted(map(sorted, n))))]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping windows merged, so no match is found twice."""
    spans.sort()
    merged = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = merged[-1]
        if start < last_end:
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return merged
