"""TenseReader.past_word: how a mention of control is told, read from word lists in
implications.yml. Table-driven: the note, the mention's text (found in the note), and the word
that puts it in the past or None."""

from __future__ import annotations

import pytest

from assistant.extraction.mentions import Mention
from assistant.extraction.rules import load_rules
from assistant.extraction.tense import PAST_TENSE, TenseReader
from assistant.labels import CURRENT, HISTORICAL


def _mention(note: str, text: str, *, status=CURRENT, modifiers: tuple[str, ...] = ()) -> Mention:
    start = note.index(text)
    return Mention("coercive_control", status, 0, start, start + len(text), text, "coercive_control.test", modifiers)


@pytest.fixture(scope="module")
def reader() -> TenseReader:
    rule = load_rules().implications.control_ended
    assert rule is not None
    return TenseReader.of(rule)


@pytest.mark.parametrize(
    ("note", "text", "expected"),
    [
        ("he controlled all her money", "controlled all her money", "controlled"),
        ("he took her bank card", "took her bank card", "took"),
        ("he wouldn't let her out", "n't let her out", "would"),
        ("she said he wouldn't let her out", "wouldn't let her out", "wouldn"),
        ("dad was controlling", "controlling", "was"),
        ("over the past year he read all her messages", "read all her messages", "read"),
        # present: a present word before it or in it
        ("he still has her bank card", "has her bank card", None),
        ("he won't let her out", "n't let her out", None),
        ("he's controlling", "controlling", None),
        ("he checks her phone", "checks her phone", None),
        # the incident being reported, in the same sentence
        ("he took her phone last night", "took her phone", None),
        ("he took her car keys this morning. he is in custody", "took her car keys", None),
        # a reporting verb is not the control's tense
        ("she reported him taking her wages", "taking her wages", None),
        # no tense to read
        ("coercive control", "coercive control", None),
        # "bleed" ends in "ed" but is no past tense
        ("they bleed her dry", "bleed her dry", None),
    ],
)
def test_past_word(reader: TenseReader, note: str, text: str, expected: str | None) -> None:
    assert reader.past_word(note, _mention(note, text)) == expected


def test_a_time_of_the_mentions_own_keeps_it_unmarked(reader: TenseReader) -> None:
    note = "he took her phone"
    present = _mention(note, "took her phone", modifiers=("present: 'tonight' (present.now)",))
    assert reader.mark([note], [present]) == [present]


def test_only_current_mentions_are_marked(reader: TenseReader) -> None:
    note = "he took her phone"
    current, historical = _mention(note, "took her phone"), _mention(note, "took her phone", status=HISTORICAL)
    marked = reader.mark([note], [current, historical])
    assert marked[0].modifiers == (f"{PAST_TENSE}: 'took'",)
    assert marked[1] == historical
