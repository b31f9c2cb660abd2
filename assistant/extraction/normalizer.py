"""Tokenizer and normaliser for call-handler shorthand.

The text is never rewritten (evidence spans must index the input exactly): shorthand,
inflections and common typos are mapped onto `token.norm_`, which the rule patterns match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import numpy
from spacy.lang.en import English
from spacy.language import Language
from spacy.symbols import LOWER, NORM
from spacy.tokens import Doc
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry
from spacy.vocab import Vocab

from assistant.extraction.rules import Lexicon, load_rules

_AGE_UNIT_SUFFIX = r"(?<=[0-9])(?:yo|y/o|yrs|yr|mths|mth|wks|wk)"
_AGE_SUFFIX = re.compile(r"^(\d{1,3})(?:yo|y/o|yrs?|yr|years?|m|mths?|months?|wks?|weeks?)$")


@registry.tokenizers("assistant.police_tokenizer.v1")
def create_police_tokenizer() -> Callable[[Language], object]:
    """English tokenizer plus: shorthand with slashes kept whole ("c/r", "p/ner"), and
    brackets split inside words ("son(8)")."""

    def make(nlp: Language) -> object:
        defaults = nlp.Defaults
        # "f/67", "m/58": the sex and the age become separate tokens
        infixes = list(defaults.infixes) + [r"[()\[\]<>]", r"(?<=[mMfF])/(?=[0-9])"]
        # "4yo", "2yrs", "3wks": the age unit becomes its own token, so "#num yo" rules see it
        suffixes = [_AGE_UNIT_SUFFIX, *defaults.suffixes]
        lexicon = load_rules().lexicon
        # slash shorthand ("c/r", "p/ner", "w/") kept whole by a token match and by infix
        # splits that skip it ("ex-p/ner"), not by special cases: a special case holding an
        # infix puts every note through spaCy's special-case matcher and out of its word
        # cache, which made tokenizing five times slower
        words = "|".join(sorted(map(re.escape, lexicon.special_tokens), key=len, reverse=True))
        shorthand = re.compile(rf"(?i)(?:{words})\Z").match
        default_match = defaults.token_match
        token_match = shorthand if default_match is None else (lambda text: shorthand(text) or default_match(text))
        infix_finditer = _infixes_outside(
            compile_infix_regex(infixes).finditer, re.compile(rf"(?i)(?<![a-z0-9])(?:{words})(?![a-z0-9])")
        )
        return english_tokenizer(nlp.vocab, suffixes=suffixes, infix_finditer=infix_finditer, token_match=token_match)

    return make


def english_tokenizer(
    vocab: Vocab,
    *,
    suffixes: Sequence[str] | None = None,
    infix_finditer: Callable[[str], Any] | None = None,
    token_match: Callable[[str], Any] | None = None,
    rules: dict[str, Any] | None = None,
) -> Tokenizer:
    """English's tokenizer, with the given suffixes, infix finder and token match in place of
    English's own (and `rules` in place of its special cases). Built in one go: each later
    change of a regex or a special case reloads every special case, which cost more than
    the rest of the set-up."""
    defaults = English.Defaults
    return Tokenizer(
        vocab,
        rules=english_special_cases() if rules is None else rules,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes if suffixes is None else suffixes).search,
        infix_finditer=infix_finditer or compile_infix_regex(defaults.infixes).finditer,
        token_match=token_match or defaults.token_match,
        url_match=defaults.url_match,
    )


# English keeps "n." and "y." whole (initials); in a call note they are answers, "inj n.
# drink y.", and the full stop ends the item
_ANSWER_LETTERS = frozenset({"n.", "y."})


def english_special_cases() -> dict[str, Any]:
    exceptions = _without_digit_emoticons(English.Defaults.tokenizer_exceptions)
    return {text: tokens for text, tokens in exceptions.items() if text not in _ANSWER_LETTERS}


def _without_digit_emoticons(exceptions: dict[str, Any]) -> dict[str, Any]:
    """English's special cases minus its emoticons made with digits ("8)", "<3", ":3"): in a
    call note "son (8)" is a child's age and "<3" is "under 3". Times ("8a.m.") stay."""
    return {
        text: tokens
        for text, tokens in exceptions.items()
        if not (any(ch.isdigit() for ch in text) and not text.endswith(".m."))
    }


def _infixes_outside(
    finditer: Callable[[str], Iterator[re.Match[str]]], protected: re.Pattern[str]
) -> Callable[[str], Iterator[re.Match[str]] | list[re.Match[str]]]:
    """The infix finder, minus the splits inside a protected word."""

    def find(text: str) -> Iterator[re.Match[str]] | list[re.Match[str]]:
        spans = [m.span() for m in protected.finditer(text)]
        if not spans:
            return finditer(text)
        return [m for m in finditer(text) if not any(start < m.end() and m.start() < end for start, end in spans)]

    return find


class Normaliser:
    """Maps a lower-cased word to its canonical form: exact variant, then prefix, then a
    one-edit typo of a lexicon word (only for longer words not on the protect list)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._variants = lexicon.variant_map()
        self._prefixes = sorted(lexicon.prefixes.items(), key=lambda kv: -len(kv[0]))
        self._fuzzy_min = lexicon.fuzzy_min_length
        self._protect = {w.lower() for w in lexicon.fuzzy_protect}
        self._fuzzy_targets: dict[int, list[tuple[str, str]]] = {}
        for variant, canonical in self._variants.items():
            if len(variant) >= self._fuzzy_min - 1 and variant.isalpha():
                self._fuzzy_targets.setdefault(len(variant), []).append((variant, canonical))
        # bounded: in a long-running service every new word (names, streets) would stay
        self.normalise = lru_cache(maxsize=20_000)(self._normalise)

    def _normalise(self, lower: str) -> str:
        hit = self._variants.get(lower)
        if hit is not None:
            return hit
        if len(lower) > 1 and lower.endswith(".") and lower[:-1].isalpha():
            # spaCy keeps abbreviations whole ("Jan.", "A.", "Ill."): the word without its dot
            return self._normalise(lower[:-1])
        for prefix, canonical in self._prefixes:
            if lower.startswith(prefix):
                return canonical
        age = _AGE_SUFFIX.match(lower)
        if age:
            return age.group(1)
        if len(lower) >= self._fuzzy_min and lower.isalpha() and lower not in self._protect:
            for size in (len(lower) - 1, len(lower), len(lower) + 1):
                for variant, canonical in self._fuzzy_targets.get(size, ()):
                    # typos rarely touch the first two letters; requiring them to agree
                    # keeps "talking" from becoming "stalking"
                    if variant[:2] == lower[:2] and _one_edit(lower, variant):
                        return canonical
        return lower


def _one_edit(a: str, b: str) -> bool:
    """True if a and b differ by one insertion, deletion, substitution or adjacent swap."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


@Language.factory("police_normalizer", default_config={})
def create_police_normalizer(nlp: Language, name: str) -> "PoliceNormalizer":
    return PoliceNormalizer(Normaliser(load_rules().lexicon))


class PoliceNormalizer:
    """Sets `token.norm_` to the canonical word. Works on hash arrays, not Token objects:
    building a Token per word was a third of the per-note time."""

    _CACHE_LIMIT = 20_000  # cleared when full: new words (names, streets) arrive with every call

    def __init__(self, normaliser: Normaliser) -> None:
        self._normaliser = normaliser
        self._norm_of_lower: dict[int, int] = {}  # lower-case hash -> canonical hash (0: unchanged)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        cache = self._norm_of_lower
        if len(cache) > self._CACHE_LIMIT:
            cache.clear()
        # plain lists, not numpy elements: reading one numpy element costs more than a word
        norms, lowers = doc.to_array([NORM, LOWER]).T.tolist()
        changed = False
        for i, lower_hash in enumerate(lowers):
            target = cache.get(lower_hash)
            if target is None:
                lower = strings[lower_hash]
                norm = self._normaliser.normalise(lower)
                target = strings.add(norm) if norm != lower else 0
                cache[lower_hash] = target
            if target and norms[i] != target:
                norms[i] = target
                changed = True
        if changed:
            doc.from_array([NORM], numpy.array(norms, dtype=numpy.uint64).reshape(-1, 1))
        return doc
