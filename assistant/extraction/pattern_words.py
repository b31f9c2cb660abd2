"""Pattern words tokenized as the pipeline's tokenizer would tokenize them (slash shorthand
kept whole), without loading every English special case.

Building spaCy's English tokenizer loads its ~1,300 special cases ("can't", "o'clock",
":)"), each through spaCy's slow attribute normalisation: about 0.6 G instructions, a
seventh of the analyser's build, spent for the two dozen pattern words ("'ll", "£", "&")
that are not plainly one token. A special case can only apply where the text spells it:
its characters without spaces are a substring of the word's characters without spaces.
So each such word is tokenized by a tokenizer that holds only the special cases it could
meet (with the same prefixes, suffixes and infixes): the same tokens, for a few special
cases loaded instead of all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer


def pattern_tokenizer(special_tokens: Collection[str]) -> Callable[[str], tuple[str, ...]]:
    """`tokenize(word)`: the word's tokens; a special token of the lexicon stays whole."""
    from spacy.vocab import Vocab

    from assistant.extraction.normalizer import english_special_cases, english_tokenizer  # imports rules

    vocab = Vocab()
    special_cases = english_special_cases()
    # English's prefixes, suffixes and infixes with no special case: cheap to build
    affixes = english_tokenizer(vocab, rules={})
    whole = _kept_whole(affixes, special_cases)
    specials = {s.lower() for s in special_tokens}

    @lru_cache(maxsize=None)  # word classes repeat the same words across many patterns
    def tokenize(word: str) -> tuple[str, ...]:
        if word in specials or whole(word):
            return (word,)
        tokenizer = english_tokenizer(vocab, rules=_cases_within(word, special_cases))
        return tuple(t.text for t in tokenizer(word))

    return tokenize


def _cases_within(word: str, special_cases: dict[str, Any]) -> dict[str, Any]:
    """The special cases `word` could hold: the only ones its tokens can depend on."""
    letters = "".join(word.split())
    return {text: pieces for text, pieces in special_cases.items() if "".join(text.split()) in letters}


def _kept_whole(affixes: Tokenizer, special_cases: Collection[str]) -> Callable[[str], bool]:
    """True for a word the tokenizer certainly leaves as one token, without tokenizing it
    (which builds a Doc: three times the cost, over some five thousand pattern words).
    spaCy splits a word without spaces only at a special case, a prefix, a suffix or an
    infix, and its special-case matcher can only match a word that is a special case
    itself; any other word (a zero-length match included) goes to the tokenizer."""
    prefix, suffix, infixes = affixes.prefix_search, affixes.suffix_search, affixes.infix_finditer

    def whole(word: str) -> bool:
        return (
            word.split() == [word]
            and word not in special_cases
            and prefix(word) is None
            and suffix(word) is None
            and next(iter(infixes(word)), None) is None
        )

    return whole
