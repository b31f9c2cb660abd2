"""The lexicon's dropped_g list: a listed -ing word is also read without its final g
("shoutin"), an existing lexicon variant keeps its own reading, and unlisted words (names,
"heroin", "cousin") are left alone."""

from __future__ import annotations

import pytest

from assistant.extraction.normalizer import Normaliser
from assistant.extraction.rules import Lexicon, load_rules


@pytest.fixture(scope="module")
def normalise():
    return Normaliser(load_rules().lexicon).normalise


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("shoutin", "shouting"),
        ("comin", "coming"),
        ("sittin", "sitting"),
        ("threatenin", "threaten"),  # the -ing word's own canonical form (a prefix rule)
        ("heroin", "drugs"),  # its own lexicon reading, untouched
        ("cousin", "cousin"),
        ("kevin", "kevin"),
        ("within", "within"),
    ],
)
def test_dropped_g_reading(normalise, word, expected):
    assert normalise(word) == expected


def test_an_existing_variant_keeps_its_reading():
    lexicon = Lexicon(words={"hit": ["hittin"], "bang": []}, dropped_g=["hitting", "banging"])
    mapping = lexicon.variant_map()
    assert mapping["hittin"] == "hit"
    assert mapping["bangin"] == "banging"
