"""Token patterns matched outward from a known anchor token, on attribute arrays.

The gated matcher knows where a pattern can match: its anchor token (a required word) sits
on one of the note's words. Matching the part before the anchor leftwards and the part
after it rightwards from there finds every match holding that word, without spaCy's
Matcher building a Token object for every position of a window and trying every pattern
at each. Only the specs the rule language compiles to are handled (NORM equal / IN /
NOT_IN, a true LIKE_NUM or IS_PUNCT, any token; required, "?", "{0,2}" or "{0,3}"); for anything
else `compile_anchored` returns None and the caller keeps spaCy's Matcher. The results are
the same as the Matcher's: tests/extraction/test_anchored.py checks that on random patterns.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.attrs import IS_PUNCT, LIKE_NUM, NORM

from assistant.extraction.patterns import OPTIONAL_OPS, TokenPattern

# How a token is tested: (column, words, wanted): the token passes if whether its value in
# `COLUMNS[column]` is among `words` equals `wanted` (any token: not among no words).
COLUMNS: tuple[int, ...] = (NORM, LIKE_NUM, IS_PUNCT)
_FLAG_COLUMNS = {"LIKE_NUM": 1, "IS_PUNCT": 2}
# the repeat operators ("{0,n}") and their n
_REPEATS = {op: n for op, n in OPTIONAL_OPS.items() if op != "?"}
_ANY_TOKEN: Test = (0, frozenset(), False)

Test = tuple[int, frozenset[int], bool]
Step = tuple[Test, bool]  # (test, optional)


@dataclass(frozen=True, slots=True)
class Run:
    """The steps on one side of the anchor, nearest first; `fixed` holds their tests when
    none is optional (one way through: no search). Otherwise `head` holds the tests of the
    required steps before the first optional one, checked one way through before the search
    over `rest` (most tries fail there, nearest the anchor)."""

    steps: tuple[Step, ...]
    fixed: tuple[Test, ...] | None
    head: tuple[Test, ...] = ()
    rest: tuple[Step, ...] = ()


@dataclass(frozen=True, slots=True)
class AnchoredPattern:
    """One pattern of one rule around its anchor token; the anchor's own test holds for
    every word of the group the pattern is filed under, so it is not repeated."""

    key: int
    before: Run
    after: Run
    # per required token, the words it must have, fewest first: a note lacking every word
    # of one of these sets cannot hold a match, checked before any stepping
    needs: tuple[frozenset[int], ...] = ()


def _test(spec: dict[str, Any], to_hash: Callable[[str], int]) -> Test | None:
    keys = [k for k in spec if k != "OP"]
    if not keys:
        return _ANY_TOKEN
    if len(keys) > 1:
        return None
    name, value = keys[0], spec[keys[0]]
    if name in _FLAG_COLUMNS:
        return (_FLAG_COLUMNS[name], frozenset({1}), True) if value is True else None
    if name != "NORM":
        return None
    if isinstance(value, str):
        return (0, frozenset({to_hash(value)}), True)
    if isinstance(value, dict) and len(value) == 1:
        (op, words), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(words, list):
            hashes = _hashes(tuple(words), to_hash)
            return None if hashes is None else (0, hashes, op == "IN")
    return None


@lru_cache(maxsize=4096)  # word classes repeat the same lists across hundreds of patterns
def _hashes(words: tuple[Any, ...], to_hash: Callable[[str], int]) -> frozenset[int] | None:
    if not all(isinstance(w, str) for w in words):
        return None
    return frozenset(to_hash(w) for w in words)


def _run(specs: Sequence[dict[str, Any]], to_hash: Callable[[str], int], *, backwards: bool) -> Run | None:
    steps: list[Step] = []
    for spec in specs:
        op = spec.get("OP")
        if op in _REPEATS:  # as spaCy reads "{0,n}": n optional tokens, each passing the test
            gap = _test(spec, to_hash)
            if gap is None:
                return None
            steps += [(gap, True)] * _REPEATS[op]
            continue
        if op not in (None, "?"):
            return None
        test = _test(spec, to_hash)
        if test is None:
            return None
        steps.append((test, op == "?"))
    if backwards:
        steps.reverse()
    if not any(optional for _, optional in steps):
        return Run(tuple(steps), tuple(test for test, _ in steps))
    first_optional = next(i for i, (_, optional) in enumerate(steps) if optional)
    head = tuple(test for test, _ in steps[:first_optional])
    return Run(tuple(steps), None, head, tuple(steps[first_optional:]))


def compile_anchored(
    key: int, pattern: TokenPattern, anchor: int, to_hash: Callable[[str], int]
) -> AnchoredPattern | None:
    """None if the pattern uses anything this module does not handle. The anchor must be
    a required token testing NORM only (equal or IN), as the gated matcher's anchors are."""
    at = pattern[anchor]
    test = None if "OP" in at else _test(at, to_hash)
    if test is None or test[0] != 0 or not test[2]:
        return None
    before = _run(pattern[:anchor], to_hash, backwards=True)
    after = _run(pattern[anchor + 1 :], to_hash, backwards=False)
    if before is None or after is None:
        return None
    return AnchoredPattern(key, before, after, _needs(before, after))


def _needs(*runs: Run) -> tuple[frozenset[int], ...]:
    sets = {
        words
        for run in runs
        for (column, words, wanted), optional in run.steps
        if column == 0 and wanted and not optional
    }
    return tuple(sorted(sets, key=lambda words: (len(words), sorted(words))))


def reach(run: Run, j: int, step: int, n: int, columns: Sequence[Sequence[int]]) -> Collection[int]:
    """Where `run` can stop, consuming tokens from j in direction `step` (+1: the end
    offsets; -1: the start offsets)."""
    if run.fixed is not None:
        for column, words, wanted in run.fixed:
            if not 0 <= j < n or (columns[column][j] in words) is not wanted:
                return ()
            j += step
        return (j if step > 0 else j + 1,)
    return _search(run, j, step, n, columns)


def _search(run: Run, j: int, step: int, n: int, columns: Sequence[Sequence[int]]) -> Collection[int]:
    """`reach` for a run with optional steps. Plain loops, not set comprehensions, and
    apart from `reach`: on Python 3.11 a comprehension builds a function object and a
    frame each time, and the variables it reads become cells made at every call of the
    function holding it, the fixed runs' calls too."""
    for column, words, wanted in run.head:
        if not 0 <= j < n or (columns[column][j] in words) is not wanted:
            return ()
        j += step
    at = {j}  # where the next token to consume can be, over every way through the steps so far
    for (column, words, wanted), optional in run.rest:
        values = columns[column]
        moved = set()
        for k in at:
            if 0 <= k < n and (values[k] in words) is wanted:
                moved.add(k + step)
        if optional:
            at |= moved
        elif moved:
            at = moved
        else:
            return ()
    if step > 0:
        return at
    starts = set()
    for k in at:
        starts.add(k + 1)
    return starts
