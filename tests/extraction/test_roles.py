"""Who "she" is: a call whose notes show a man reporting a female partner reads "she" as
the suspect (roles.py, roles.yml); every other call keeps the usual reading."""

from __future__ import annotations

import pytest

from assistant import datafiles
from assistant.analysis import Analyser
from assistant.datafiles import DataFileError
from assistant.extraction import roles as roles_module
from assistant.extraction.roles import load_roles
from assistant.extraction.rules import ROLES_FILE, RULES_PACKAGE

FEMALE_SUSPECT_CALLS = [
    ["male caller, his girlfriend punched him, she's gone to her sister's"],
    ["c/r m/52 says wife threw a plate at him", "she is in the garden now"],
    ["IP (M) 41: ex-wife keeps turning up at his work"],
    ["Mr Khan at the counter, says his wife slaps him when she has been drinking"],
    ["caller says his partner is throwing things at him, she is still in the flat"],
    ["m c/r, p/ner (f) has locked him out, she has his keys"],
    ["sms: gf has locked me in n says if i leave she'll kill herself"],
    ["M c/r says p/ner keeps saying she'll kill herself if he leaves"],
    ["A man attended the front counter: his wife reads his messages. They have an 18 month old son. She is at work."],
    ["c/r male, susp is his ex, she is still inside"],
    ["IP Gary 54, wife Denise gets handy when she's had a drink, split his lip last wk", "she's at work til 10pm"],
    ["Mr Novak via Language Line, says wife took his passport & wont give it back. she's at work."],
    ["Male victim. Says female partner decides which friends he can see. She's at work."],
    ["FC - m 45 attended, says his wife takes his bank card + wont let him see his brother, threatens to tell the kids he's abusive"],
]
USUAL_CALLS = [
    ["IP says bf hit her, he's still in the kitchen"],
    ["neighbour says the man next door is hitting his wife, she is screaming"],
    ["male c/r says his sister's husband hit her"],
    ["M caller says his wife's brothers threatened him"],
    ["c/r says her gf hit her, she is in the bedroom"],  # two women: nothing to swap
    ["male caller says his dad hits his mum"],
    ["M caller says his wife's brothers said he'll regret it"],
    ["Ms Lin reported her partner, Mr Cho, shouted while she was cooking. Mr Cho was stated to be at work"],
    ["Mr Vaughan reported that his ex-partner keeps messaging him, saying he can't live without him"],
    ["c/r (female) states my wife grabbed my wrist"],
    ["caller is a 91-year-old man, his grandson shouted at him and shoved him; his wife is in hospital"],
    ["RP: V (F 55) / partner (M 60) has been shouting at her, she says he is a retired PC"],  # a partner marked male
    ["c/r says h/b has gone to the pub, she is at home with the kids"],
    ["male c/r says his son (23) is in the garden with an air rifle, shouting at his wife"],  # the son who harms
    ["caller says her husband's ex-wife keeps ringing her"],
    [""],
    ["🙂 " * 50],
]


@pytest.mark.parametrize("notes", FEMALE_SUSPECT_CALLS, ids=lambda n: n[0][:40])
def test_female_suspect_calls(notes: list[str]) -> None:
    assert load_roles().suspect_is_female(notes)


@pytest.mark.parametrize("notes", USUAL_CALLS, ids=lambda n: n[0][:40])
def test_usual_calls_are_not_swapped(notes: list[str]) -> None:
    assert not load_roles().suspect_is_female(notes)



READINGS = [
    (["male caller says his wife hit him, she's at work now"], "suspect_present", "negated"),
    (["male caller says his wife hit him, she's still in the kitchen"], "suspect_present", "current"),
    (["M c/r says gf punched him", "she has gone to her mum's"], "suspect_present", "negated"),
    (["M c/r says gf punched him", "he is at his mum's now, she is at home"], "suspect_present", "negated"),
    (["IP says husband hit her, he's still in the kitchen"], "suspect_present", "current"),
    (["IP says husband hit her, she is at her mum's, he is at home"], "suspect_present", "negated"),
]


@pytest.mark.parametrize(("notes", "label", "expected"), READINGS, ids=lambda x: str(x)[:50])
def test_pronouns_read_by_role(analyser: Analyser, notes: list[str], label: str, expected: str) -> None:
    assert analyser.analyse(notes).statuses().get(label) == expected


def test_evidence_quotes_the_text_as_typed(analyser: Analyser) -> None:
    note = "male caller says his wife hit him, she's still in the kitchen"
    for m in analyser.mentions([note]):
        assert note[m.start : m.end] == m.text


def test_a_later_note_can_change_the_reading_of_earlier_ones(analyser: Analyser) -> None:
    first = ["M c/r, partner hit him", "partner is at work now"]
    assert analyser.roles.suspect_is_female(first) is False
    whole = [*first, "c/r says his wife has a key and is coming back"]
    assert analyser.roles.suspect_is_female(whole) is True


def _load_roles_from(monkeypatch: pytest.MonkeyPatch, spec: object) -> None:
    """Loads roles.yml as `spec` instead of the shipped file; the error must name file and entry."""
    monkeypatch.setattr(
        roles_module, "load_yaml",
        lambda package, name: spec if (package, name) == (RULES_PACKAGE, ROLES_FILE) else datafiles.load_yaml(package, name),
    )
    load_roles.cache_clear()
    try:
        load_roles()
    finally:
        load_roles.cache_clear()


def test_a_broken_pattern_names_the_file_and_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = "female_partner_of_male:\n  - id: bad\n    pattern: '(unclosed'\nmale_victim: []\nfemale_partner: []\nmale_suspect: []\n"
    with pytest.raises(DataFileError, match=r"roles\.yml.*female_partner_of_male\.0\.pattern.*regular expression"):
        _load_roles_from(monkeypatch, __import__("yaml").safe_load(broken))


GROUP_READINGS = [
    (["text relay - caller says her brothers are threatening to kill her for refusing a marriage",
      "they are in the house, she is in her bedroom"], "group_suspects", {"suspect_present": "current"}),
    (["her family want her to marry, kids upstairs, they are asleep"], "usual", {"suspect_present": None}),
    (["husband's family say she has shamed them"], "group_suspects", {"honour_based_abuse": "current"}),
]


@pytest.mark.parametrize(("notes", "reading", "expected"), GROUP_READINGS, ids=lambda x: str(x)[:40])
def test_a_family_threatening_her_is_they(analyser: Analyser, notes: list[str], reading: str, expected: dict) -> None:
    assert analyser.roles.reading(notes) == reading
    statuses = analyser.analyse(notes).statuses()
    assert {label: statuses.get(label) for label in expected} == expected


# The suspect named: "ex Marcus", then "Marcus is parked outside" (roles.yml suspect_names).
NAMED_SUSPECT_CALLS = [
    (["Caller Priya re her ex Marcus", "Marcus is parked across the road right now"], "suspect_present", "current"),
    (["Girlfriend Kat reads all her messages. Kat is at work till 6"], "suspect_present", "negated"),
    (["Mr Hughes re son Callum (19) smashing the kitchen", "Callum gone upstairs"], "suspect_present", "current"),
    (["grandson Liam, 23, takes her pension", "Liam is in Spain for a month"], "safety_confirmed", "current"),
    (["Partner - Zoe - shoved her", "Zoe has left in a taxi"], "suspect_present", "negated"),
    # a child named with a child's age is not the suspect
    (["her son Tyler (8) is at home", "Tyler is upstairs"], "suspect_present", None),
    # a name nobody introduced as the suspect stays a name
    (["Gemma says Paul is upstairs"], "suspect_present", None),
    # the introducing word's own possessive: "ex Marcus's new partner" is not a name for the suspect
    (["ex Marcus's partner Jade is outside shouting"], "suspect_present", "current"),
    # a log's letter for the suspect: "S at work"; a title's initial is not one
    (["V rang from her car, ex hit her last night", "c/b V at home, S at work till 6"], "suspect_present", "negated"),
    (["online report: partner took her phone", "c/b V, S thought to be at his brother's in Leith"], "suspect_present", "negated"),
    (["Mrs S reports her husband kicked the door", "he is still in the hallway"], "suspect_present", "current"),
]


@pytest.mark.parametrize(("notes", "label", "expected"), NAMED_SUSPECT_CALLS, ids=lambda x: str(x)[:50])
def test_a_named_suspect_reads_as_he(analyser: Analyser, notes: list[str], label: str, expected: str | None) -> None:
    assert analyser.analyse(notes).statuses().get(label) == expected


def test_suspect_names_found() -> None:
    roles = load_roles()
    assert roles.suspect_names(["her ex Marcus is outside"]) == frozenset({"Marcus"})
    assert roles.suspect_names(["son Daniel (50) took his card"]) == frozenset({"Daniel"})
    assert roles.suspect_names(["son Daniel (5) is asleep"]) == frozenset()
    assert roles.suspect_names(["partner has left", "ex Has"]) == frozenset()  # a word, not a name
    assert roles.suspect_names([""]) == frozenset()
    assert roles.suspect_names(["V at home, S at work"]) == frozenset({"S"})
    assert roles.suspect_names(["Mrs S at home", "C/S at work", "S"]) == frozenset()


def test_a_name_in_a_later_note_changes_the_cache_key() -> None:
    roles = load_roles()
    first = ["Marcus is outside"]
    assert roles.call_reading(first) != roles.call_reading([*first, "c/r says her ex Marcus has a key"])


@pytest.mark.parametrize("bad", [["SS"], ["s"], ["1"]])
def test_a_bad_suspect_letter_names_the_file_and_entry(monkeypatch: pytest.MonkeyPatch, bad: list[str]) -> None:
    spec = datafiles.load_yaml(RULES_PACKAGE, ROLES_FILE)
    spec["suspect_names"]["letters"] = bad
    with pytest.raises(DataFileError, match=r"roles\.yml.*suspect_names\.letters.*one capital letter per entry"):
        _load_roles_from(monkeypatch, spec)


@pytest.mark.parametrize("bad", [["two words"], [""]])
def test_a_bad_name_word_names_the_file_and_entry(monkeypatch: pytest.MonkeyPatch, bad: list[str]) -> None:
    spec = datafiles.load_yaml(RULES_PACKAGE, ROLES_FILE)
    spec["suspect_names"]["after"] = bad
    with pytest.raises(DataFileError, match=r"roles\.yml.*suspect_names\.after.*one word per entry"):
        _load_roles_from(monkeypatch, spec)


def test_the_letter_needles_skip_only_notes_the_letter_pattern_cannot_match():
    """The suspect's letter is looked for only where one of the letters stands before a space
    or a tab: on generated notes, the same letters as the pattern run on every note."""
    import random

    roles = load_roles()
    assert roles._letter is not None and roles._letter_needles
    rnd = random.Random(3)
    pieces = ["S", "s", " ", "\t", "\n", "says", "Mrs ", "he", "S/", ".", "’", "-", "X", "a"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        plain = {m.group(1) for m in roles._letter.finditer(text)}
        # a name proper has three letters or more: the one-letter names are the letter pattern's
        assert {name for name in roles.suspect_names([text]) if len(name) == 1} == plain, text
