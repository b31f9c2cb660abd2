"""A small phrase language for rule files, compiled to spaCy Matcher token patterns.

Rule authors write `grab|grabbed by the throat|neck ; choke` instead of nested JSON:

- `;`      separates alternative phrases (each compiled to its own token pattern)
- spaces   separate tokens within a phrase
- `a|b|c`  one token: any of these words (written naturally: each word is mapped to its
           canonical form through the lexicon, exactly as the normaliser maps the text)
- `x?`     an optional token (`a|b?` an optional choice)
- `_`      any single token;  `_?` an optional one;  `..` up to three tokens, none of them a
           negation or a sentence end (GAP_STOPS)
- `#num`   a number (digits or number words)
- `#punct` a punctuation token; `#punct?` up to two ("asked if hurt - 'yes'": a dash, then a quote)
- `!a|b`   one token that is none of these words ("at the !door|window": somewhere else); at
           the end of a phrase it also holds at the end of the note, where there is no token
           ("still in !school" matches "he's still in")
- `@name`  any word of the named class in the lexicon's `classes` (`@susp is in|on the @place`);
           it mixes with words (`@susp|him`) and negation (`!@place`)

Pitfalls: `a|b c` is (a or b) then c; a multi-word alternative needs its own phrase
(`custody suite ; control room`, never `custody suite|control room`). Words are compared
after the lexicon, so forms it merges cannot be told apart: "been", "was" and "'s" are all
"is", "hitting" and "hit" are both "hit", "home" and "flat" are both "address".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

TokenPattern = list[dict[str, Any]]

# canonical forms (after the lexicon) that a `..` gap may not cross
GAP_STOPS = ("not", "never", "no", "nothing", "nobody", "neither", "nor", ".", "!", "?", "semicolon", "ellipsis")


# the optional operators the language compiles to, and the most tokens each may take:
# `x?`, `#punct?` (a dash, then a quote) and the `..` gap
OPTIONAL_OPS: dict[str, int] = {"?": 1, "{0,2}": 2, "{0,3}": 3}
_GAP_OP = "{0,3}"
_PUNCT_RUN_OP = "{0,2}"


class PatternError(ValueError):
    pass


def compile_pattern(
    source: str,
    *,
    normalise: Callable[[str], str],
    tokenize: Callable[[str], Sequence[str]],
    classes: Mapping[str, Sequence[str]] | None = None,
) -> list[TokenPattern]:
    return PatternCompiler(normalise=normalise, tokenize=tokenize, classes=classes)(source)


class PatternCompiler:
    """`compile_pattern` with its normaliser, tokenizer and classes fixed, for a whole rule
    file: each distinct item (`a|b?`, a class written out) is compiled once. Word classes
    repeat the same long lists across hundreds of patterns, and compiling them again was
    most of the loading time. Every pattern still gets specs of its own (fresh dicts)."""

    def __init__(
        self,
        *,
        normalise: Callable[[str], str],
        tokenize: Callable[[str], Sequence[str]],
        classes: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self._normalise = normalise
        self._tokenize = tokenize
        self._classes = classes or {}
        self._specs: dict[str, dict[str, Any]] = {}

    def __call__(self, source: str) -> list[TokenPattern]:
        phrases = [p.strip() for p in source.split(";")]
        if any(not p for p in phrases):
            raise PatternError(f"empty phrase in {source!r}")
        compiled: list[TokenPattern] = []
        for phrase in phrases:
            items = [_substitute_classes(item, self._classes) for item in phrase.split()]
            for expanded in _expand_classes(items):
                compiled.append(_check_phrase([self._spec(item) for item in expanded], phrase))
        return compiled

    def _spec(self, item: str) -> dict[str, Any]:
        spec = self._specs.get(item)
        if spec is None:  # a bad item raises here every time: its error is never remembered
            spec = self._specs[item] = _compile_item(item, self._normalise, self._tokenize)
        return _copy_spec(spec)


def end_of_note_variants(patterns: Sequence[TokenPattern]) -> list[TokenPattern]:
    """For each pattern ending in a required `!a|b` token: the pattern without it. The caller
    (the gated matcher) keeps their matches only where nothing but punctuation follows, so
    "still in !school" also matches a note that ends "he's still in"."""
    variants: list[TokenPattern] = []
    for pattern in patterns:
        last = pattern[-1] if pattern else {}
        norm = last.get("NORM")
        if "OP" in last or not (isinstance(norm, dict) and "NOT_IN" in norm):
            continue
        shorter = pattern[:-1]
        if any(spec.get("OP") not in OPTIONAL_OPS for spec in shorter):
            variants.append(shorter)
    return variants


def _substitute_classes(item: str, classes: Mapping[str, Sequence[str]]) -> str:
    """`@susp|him?` -> `suspect|partner|...|him?`: a named class is written out as its words."""
    if "@" not in item:
        return item
    optional = "?" if item.endswith("?") and len(item) > 1 else ""
    body = item[:-1] if optional else item
    negative = "!" if body.startswith("!") else ""
    words: list[str] = []
    for alternative in body.removeprefix("!").split("|"):
        if alternative.startswith("@"):
            name = alternative[1:]
            if name not in classes:
                raise PatternError(f"unknown word class {alternative!r} (the lexicon's classes: {sorted(classes)})")
            words.extend(classes[name])
        else:
            words.append(alternative)
    return negative + "|".join(dict.fromkeys(words)) + optional


def _expand_classes(items: list[str]) -> list[list[str]]:
    """`#num|third|3rd` mixes a token class with words: one spaCy token spec cannot say
    that, so the phrase is expanded into one variant with `#num` and one with the words."""
    variants: list[list[str]] = [[]]
    for item in items:
        optional = "?" if item.endswith("?") and len(item) > 1 else ""
        alternatives = (item[:-1] if optional else item).split("|")
        classes = [a for a in alternatives if a.startswith("#")]
        if not classes or len(alternatives) == 1:
            choices = [item]
        else:
            words = [a for a in alternatives if not a.startswith("#")]
            choices = [c + optional for c in classes] + ["|".join(words) + optional]
        variants = [v + [choice] for v in variants for choice in choices]
    return variants


def _copy_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """A spec no other pattern shares: its dict, its nested `IN`/`NOT_IN` dict and word list."""
    return {
        key: {op: list(words) for op, words in value.items()} if isinstance(value, dict) else value
        for key, value in spec.items()
    }


def _check_phrase(compiled: TokenPattern, phrase: str) -> TokenPattern:
    if all(spec.get("OP") in OPTIONAL_OPS for spec in compiled):
        raise PatternError(f"phrase {phrase!r} can match nothing: every token is optional")
    if compiled[0].get("OP") == _GAP_OP or compiled[-1].get("OP") == _GAP_OP:
        raise PatternError(f"phrase {phrase!r} may not start or end with '..'")
    return compiled


def _compile_item(item: str, normalise: Callable[[str], str], tokenize: Callable[[str], Sequence[str]]) -> dict[str, Any]:
    if item == "..":
        # a gap never swallows a denial or a sentence end ("has not threatened to kill")
        return {"NORM": {"NOT_IN": list(GAP_STOPS)}, "OP": _GAP_OP}
    optional = item.endswith("?") and len(item) > 1
    body = item[:-1] if optional else item
    spec: dict[str, Any]
    if body == "_":
        spec = {}
    elif body == "#num":
        spec = {"LIKE_NUM": True}
    elif body == "#punct":
        spec = {"IS_PUNCT": True}
    else:
        negative = body.startswith("!") and len(body) > 1
        words: list[str] = []
        for word in body.lower().lstrip("!").split("|") if negative else body.lower().split("|"):
            if not word:
                raise PatternError(f"empty alternative in {item!r}")
            pieces = tokenize(word)
            if len(pieces) != 1:
                raise PatternError(
                    f"{word!r} is {len(pieces)} tokens ({' '.join(pieces)}): write them as separate tokens"
                )
            canonical = normalise(word)
            if canonical not in words:
                words.append(canonical)
        if negative:
            spec = {"NORM": {"NOT_IN": words}}
        else:
            spec = {"NORM": words[0]} if len(words) == 1 else {"NORM": {"IN": words}}
    if optional:
        # an optional punctuation mark may be two: "asked if hurt - 'yes'" (a dash, then a quote)
        spec["OP"] = _PUNCT_RUN_OP if body == "#punct" else "?"
    return spec
