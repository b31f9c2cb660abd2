"""The rule-file phrase language (assistant.extraction.patterns), with stub normalise/tokenize."""

from __future__ import annotations

import re

import pytest

from assistant.extraction.patterns import GAP_STOPS, PatternError, compile_pattern, end_of_note_variants

CANONICAL = {"kids": "child", "children": "child", "knives": "knife", "hubby": "husband", "hes": "he"}


def normalise(word: str) -> str:
    return CANONICAL.get(word, word)


def tokenize(word: str) -> list[str]:
    """Splits contractions and hyphens, roughly as spaCy does; enough to test the check."""
    return re.findall(r"\w+(?=n't)|n't|'\w+|\w+|[^\w\s]", word) or [word]


def compile_(source: str):
    return compile_pattern(source, normalise=normalise, tokenize=tokenize)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("knife", [[{"NORM": "knife"}]]),
        ("KNIFE", [[{"NORM": "knife"}]]),
        ("has a knife", [[{"NORM": "has"}, {"NORM": "a"}, {"NORM": "knife"}]]),
        ("knife|gun|bat", [[{"NORM": {"IN": ["knife", "gun", "bat"]}}]]),
        ("knife|Knife|knives", [[{"NORM": "knife"}]]),  # duplicates after canonicalising collapse
        ("the? knife", [[{"NORM": "the", "OP": "?"}, {"NORM": "knife"}]]),
        ("a|the? knife", [[{"NORM": {"IN": ["a", "the"]}, "OP": "?"}, {"NORM": "knife"}]]),
        ("grab _ throat", [[{"NORM": "grab"}, {}, {"NORM": "throat"}]]),
        ("grab _? throat", [[{"NORM": "grab"}, {"OP": "?"}, {"NORM": "throat"}]]),
        ("threat .. kill", [[{"NORM": "threat"}, {"NORM": {"NOT_IN": list(GAP_STOPS)}, "OP": "{0,3}"}, {"NORM": "kill"}]]),
        ("#num child", [[{"LIKE_NUM": True}, {"NORM": "child"}]]),
        ("knife #punct", [[{"NORM": "knife"}, {"IS_PUNCT": True}]]),
        # an optional mark may be two: "hurt - 'yes'" (a dash, then a quote)
        ("hurt #punct? yes", [[{"NORM": "hurt"}, {"IS_PUNCT": True, "OP": "{0,2}"}, {"NORM": "yes"}]]),
        ("#num? child", [[{"LIKE_NUM": True, "OP": "?"}, {"NORM": "child"}]]),
        ("?", [[{"NORM": "?"}]]),  # a lone "?" is a word, not an optional marker
        ("at the !door|window", [[{"NORM": "at"}, {"NORM": "the"}, {"NORM": {"NOT_IN": ["door", "window"]}}]]),
        ("at !door?", [[{"NORM": "at"}, {"NORM": {"NOT_IN": ["door"]}, "OP": "?"}]]),
        ("!", [[{"NORM": "!"}]]),  # a lone "!" is a word, not a negative set
    ],
)
def test_compile_single_phrase(source, expected):
    assert compile_(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # words are canonicalised through the normaliser, exactly as the text is
        ("kids", [[{"NORM": "child"}]]),
        ("hubby|husband", [[{"NORM": "husband"}]]),
        ("kids|knives", [[{"NORM": {"IN": ["child", "knife"]}}]]),
        ("KIDS upstairs", [[{"NORM": "child"}, {"NORM": "upstairs"}]]),
        ("hes? got", [[{"NORM": "he", "OP": "?"}, {"NORM": "got"}]]),
    ],
)
def test_words_are_canonicalised_through_normalise(source, expected):
    assert compile_(source) == expected


def test_normalise_receives_lowercased_words():
    seen: list[str] = []

    def recording(word: str) -> str:
        seen.append(word)
        return word

    compile_pattern("Knife|GUN Now", normalise=recording, tokenize=tokenize)
    assert seen == ["knife", "gun", "now"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("knife ; gun", [[{"NORM": "knife"}], [{"NORM": "gun"}]]),
        (
            "grab throat;choke ;  strangle her",
            [[{"NORM": "grab"}, {"NORM": "throat"}], [{"NORM": "choke"}], [{"NORM": "strangle"}, {"NORM": "her"}]],
        ),
    ],
)
def test_semicolon_separates_phrase_alternatives(source, expected):
    assert compile_(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "#num|third time",
            [[{"LIKE_NUM": True}, {"NORM": "time"}], [{"NORM": "third"}, {"NORM": "time"}]],
        ),
        (
            "#num|third|3rd time",
            [[{"LIKE_NUM": True}, {"NORM": "time"}], [{"NORM": {"IN": ["third", "3rd"]}}, {"NORM": "time"}]],
        ),
        (
            "#num|third? time",
            [
                [{"LIKE_NUM": True, "OP": "?"}, {"NORM": "time"}],
                [{"NORM": "third", "OP": "?"}, {"NORM": "time"}],
            ],
        ),
        (
            "#num|#punct|x",
            [[{"LIKE_NUM": True}], [{"IS_PUNCT": True}], [{"NORM": "x"}]],
        ),
        (
            # two mixed items: the cartesian product, in order
            "#num|one kids|#num",
            [
                [{"LIKE_NUM": True}, {"LIKE_NUM": True}],
                [{"LIKE_NUM": True}, {"NORM": "child"}],
                [{"NORM": "one"}, {"LIKE_NUM": True}],
                [{"NORM": "one"}, {"NORM": "child"}],
            ],
        ),
        (
            # expansion happens per phrase, alongside the `;` alternatives
            "#num|two kids ; baby",
            [
                [{"LIKE_NUM": True}, {"NORM": "child"}],
                [{"NORM": "two"}, {"NORM": "child"}],
                [{"NORM": "baby"}],
            ],
        ),
    ],
)
def test_num_mixed_with_words_expands_into_variants(source, expected):
    assert compile_(source) == expected


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("", "empty phrase"),
        ("   ", "empty phrase"),
        ("knife ;", "empty phrase"),
        ("; knife", "empty phrase"),
        ("knife ;; gun", "empty phrase"),
        ("the?", "every token is optional"),
        ("a? b? _?", "every token is optional"),
        ("..", "every token is optional"),
        ("knife ; the? a?", "every token is optional"),
        (".. knife", "may not start or end with '..'"),
        ("knife ..", "may not start or end with '..'"),
        ("gun ; .. knife", "may not start or end with '..'"),
        ("knife||gun", "empty alternative"),
        ("|knife", "empty alternative"),
        ("can't", "2 tokens"),
        ("knife|ex-partner", "3 tokens"),
        ("he's", "2 tokens"),
    ],
)
def test_pattern_errors(source, message):
    with pytest.raises(PatternError) as info:
        compile_(source)
    assert message in str(info.value)


def test_multi_token_word_error_suggests_the_split():
    with pytest.raises(PatternError) as info:
        compile_("ex-partner")
    text = str(info.value)
    assert "'ex-partner'" in text
    assert "ex - partner" in text
    assert "separate tokens" in text


def test_pattern_error_names_the_phrase():
    with pytest.raises(PatternError, match=r"'\.\. knife'"):
        compile_("gun ; .. knife")
    with pytest.raises(PatternError, match=r"'the\? a\?'"):
        compile_("knife ; the? a?")


def test_tokenize_special_tokens_are_accepted():
    """A tokenizer that keeps slash shorthand whole makes `c/r` a single-token word."""
    specials = {"c/r"}

    def tok(word: str) -> list[str]:
        return [word] if word in specials else tokenize(word)

    assert compile_pattern("c/r says", normalise=normalise, tokenize=tok) == [[{"NORM": "c/r"}, {"NORM": "says"}]]
    with pytest.raises(PatternError):
        compile_pattern("w/o", normalise=normalise, tokenize=tok)


def test_gap_does_not_cross_a_denial_or_sentence_end() -> None:
    """`..` once let "has not threatened to kill" match as one threat, hiding the "not"."""
    (gap,) = [spec for spec in compile_("threat .. kill")[0] if spec.get("OP") == "{0,3}"]
    assert {"not", "never", "no", "."} <= set(gap["NORM"]["NOT_IN"])


def test_named_class_is_written_out_and_unknown_class_is_an_error() -> None:
    classes = {"susp": ["he", "husband"]}
    got = compile_pattern("@susp|him is here", normalise=lambda w: w, tokenize=lambda w: [w], classes=classes)
    assert got == [[{"NORM": {"IN": ["he", "husband", "him"]}}, {"NORM": "is"}, {"NORM": "here"}]]
    negated = compile_pattern("!@susp here", normalise=lambda w: w, tokenize=lambda w: [w], classes=classes)
    assert negated[0][0] == {"NORM": {"NOT_IN": ["he", "husband"]}}
    with pytest.raises(PatternError, match="unknown word class '@nobody'"):
        compile_pattern("@nobody here", normalise=lambda w: w, tokenize=lambda w: [w], classes=classes)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a trailing required `!a|b` also holds where the note ends: the phrase without it
        ("still in !school|work", [[{"NORM": "still"}, {"NORM": "in"}]]),
        # an optional trailing negative, or one mid-phrase, needs no variant
        ("still in !school?", []),
        ("at !door now", []),
        # nothing is left to match once the negative is dropped
        ("!door", []),
        ("the? !door", []),
        ("knife ; kill !himself", [[{"NORM": "kill"}]]),
    ],
)
def test_end_of_note_variants(source, expected):
    assert end_of_note_variants(compile_(source)) == expected
