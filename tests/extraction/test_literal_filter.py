"""The literal filter only skips searches that could not succeed: on every note of the
development sets, and on texts built around each cue's own words, a filtered pattern
finds exactly what the plain pattern finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.extraction.literal_filter import FilteredPattern, filtered
from assistant.extraction.roles import load_roles

DATA = Path(__file__).resolve().parents[1] / "data"


def _role_patterns() -> list[FilteredPattern]:
    roles = load_roles()
    return [p for patterns in roles.cues.values() for p in patterns] + [roles._named, roles._named_adult]


def _notes() -> list[str]:
    notes: list[str] = []
    for path in sorted(DATA.glob("*_cases.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                messages = json.loads(line)["messages"]
                notes += messages + ["\n".join(messages)]
    return notes


def _agrees(p: FilteredPattern, text: str) -> bool:
    """The same first match (span and groups) and the same matches in all, as plain `re`."""
    lowered = text.lower()
    found, plain = p.search(text, lowered), p.pattern.search(text)
    if (found and (found.span(), found.groups())) != (plain and (plain.span(), plain.groups())):
        return False
    return [(m.span(), m.groups()) for m in p.finditer(text, lowered)] == [
        (m.span(), m.groups()) for m in p.pattern.finditer(text)
    ]


def test_every_role_cue_agrees_with_its_plain_pattern_on_every_development_note() -> None:
    notes = _notes()
    assert len(notes) > 5000
    for p in _role_patterns():
        wrong = [n for n in notes if not _agrees(p, n)]
        assert not wrong, (p.pattern.pattern, wrong[:3])


def test_most_role_cues_have_a_filter() -> None:
    patterns = _role_patterns()
    assert sum(p.needs_one_of is not None for p in patterns) >= len(patterns) * 0.8


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\bhis (?:wife|gf)\b", ("his ",)),
        (r"\b(?:wife|gf|girlfriend)\b", ("gf", "girlfriend", "wife")),
        (r"(?:ex[- ]?)?(?:wife|missus)", ("missus", "wife")),  # the optional part is not required
        (r"\b(?:m|male)\b", None),  # a one-letter word filters nothing
        (r"(?i:\b(?:Partner|Husband))\s+([A-Z][a-z]+)", ("husband", "partner")),
        (r"[a-z]+ \d+", None),
    ],
)
def test_the_words_read_off_a_pattern(pattern: str, needs: tuple[str, ...] | None) -> None:
    assert filtered(re.compile(pattern, re.IGNORECASE)).needs_one_of == needs


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\bhis (?:wife|gf)\b", ("his ",)),
        (r"(?<!his )\bex\b", ("ex",)),  # zero-width tests before the first letter
        (r"\b(?:ex[- ]?)?(?:wife|gf)\b", ("ex", "gf", "wife")),  # an optional start, or what follows
        (r"\b(?:ex|ex-wife|Husband)\b", ("ex", "husband")),  # "ex-wife" starts where "ex" does
        (r"(?i:\b(?:Partner|Husband))\s+([A-Z][a-z]+)", ("husband", "partner")),
        (r"(?:^|[\s(,])(?:m|male)\b", None),  # a class of spaces: no literal
        (r"\b(?:m|male)?\s*\d{2}", None),  # may start with anything
        (r"[a-z]+ \d+", None),
    ],
)
def test_the_first_words_read_off_a_pattern(pattern: str, starts: tuple[str, ...] | None) -> None:
    assert filtered(re.compile(pattern, re.IGNORECASE)).starts_with_one_of == starts


def test_a_note_with_other_than_ascii_is_searched_whole() -> None:
    # re's case folding matches the long s for "s"; lower-casing does not make it an "s"
    p = filtered(re.compile(r"\bhusband\b", re.IGNORECASE))
    assert p.starts_with_one_of == ("husband",)
    text = "hu\u017fband husband"
    assert p.search(text, text.lower()).span() == p.pattern.search(text).span() == (0, 7)


_WORDS = st.sampled_from(["his", "wife", "ex", "partner", "p/ner", "she", "he", "Male", "M", "IP", "c/r", "brother",
                          "hit", "him", "me", "(f)", "Zoe", "Marcus", "24", "family", "kids", ",", ".", "-", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=14), st.sampled_from(["", " ", "  "]))
def test_cue_search_agrees_on_generated_notes(words: list[str], sep: str) -> None:
    text = (sep or " ").join(words)
    for p in _role_patterns():
        assert _agrees(p, text), (p.pattern.pattern, text)
