"""Properties of Analyser.analyse that hold whatever the text (hypothesis), plus edge cases.

Nothing here depends on what exactly the extractor finds in a sentence, except that
"he has a knife." is a weapon.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.analysis import MAX_NOTE_CHARS, Analyser, NoteTooLongError
from assistant.cli import main
from assistant.labels import LABEL_SET, Grade, Status
from assistant.questions.script import SCRIPTS, load_script

STATUSES = set(Status)
GRADES = set(Grade)
SETTLES = {name: {q.id: q.settles for q in load_script(name).spec.core} for name in SCRIPTS}
ALL_QUESTION_IDS = {
    q.id for name in SCRIPTS for q in (*load_script(name).spec.core, *load_script(name).spec.follow_ups)
}

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

# Words the rules care about, mixed with anything at all, so that examples reach the
# extractor's interesting paths (negation, history, lists) and not only random noise.
VOCAB = [
    "he", "she", "has", "had", "a", "knife", "gun", "no", "not", "kids", "children", "son", "2", "(8)",
    "last", "year", "week", "tonight", "again", "choked", "her", "strangled", "threatened", "to", "kill",
    "bleeding", "injured", "hurt", "outside", "left", "arrested", "custody", "whispering", "line", "dead",
    "police", "called", "before", "ex", "partner", "drunk", "pregnant", "bail", "non-mol", "dog", "kicked",
    "officer", "PC", "used", "to", "never", "denies", "any", "weapons", "but", "and", ",", ".", ";", "-",
    "/", "\n", "c/r", "w/", "susp", "ip", "isn't", "doesn't", "can't", "?", "!", "...", "'s", "'",
    "\u00a0", "\t", "\u200b", "😀", "🔪", "سكين", "刀", "ß", "İ", "\x00", "\x07", "\r",
]
words_text = st.lists(st.sampled_from(VOCAB), max_size=40).map(" ".join)
mixed_text = st.lists(st.one_of(st.sampled_from(VOCAB), st.text(max_size=8)), max_size=30).map(
    lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts))
)
any_text = st.one_of(st.text(max_size=200), words_text, mixed_text)
notes_strategy = st.lists(any_text, min_size=0, max_size=5)


@pytest.fixture(scope="module")
def a(analyser: Analyser) -> Analyser:
    return analyser


def check_analysis(notes: list[str], result, script: str = "call_999") -> None:
    statuses = {i.label: i.status for i in result.indicators}
    assert len(statuses) == len(result.indicators), "one indicator per label"
    assert set(statuses) <= LABEL_SET
    assert set(statuses.values()) <= STATUSES
    assert result.grade.grade in GRADES
    assert all(r.grade in GRADES for r in result.grade.rules)
    for indicator in result.indicators:
        for e in indicator.evidence:
            assert 0 <= e.message < len(notes)
            assert 0 <= e.start <= e.end <= len(notes[e.message])
            assert notes[e.message][e.start:e.end] == e.text
            assert e.status in STATUSES
        if not indicator.implied_by:
            assert indicator.evidence, f"{indicator.label} has no evidence"
    ids = [q.id for q in result.questions]
    assert len(ids) == len(set(ids))
    assert set(ids) <= ALL_QUESTION_IDS
    for q in result.questions:
        if q.kind == "core":
            assert SETTLES[script][q.id] not in statuses, f"asked {q.id} though {SETTLES[script][q.id]} is mentioned"


# --- properties -------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(notes=notes_strategy)
def test_analyse_never_raises_and_output_is_well_formed(a, notes):
    check_analysis(notes, a.analyse(notes))


@PROPERTY_SETTINGS
@given(notes=notes_strategy, script=st.sampled_from(sorted(SCRIPTS)))
def test_questions_never_settle_a_mentioned_label(a, notes, script):
    result = a.analyse(notes, script=script)
    mentioned = {i.label for i in result.indicators}
    for q in result.questions:
        if q.kind == "core":
            assert q.settles not in mentioned
            assert SETTLES[script][q.id] not in mentioned


@PROPERTY_SETTINGS
@given(notes=notes_strategy)
def test_same_input_same_output(a, notes):
    first = a.analyse(notes).model_dump()
    second = a.analyse(list(notes)).model_dump()
    assert first == second


@PROPERTY_SETTINGS
@given(notes=st.lists(words_text, min_size=1, max_size=5))
def test_evidence_spans_point_into_the_notes(a, notes):
    result = a.analyse(notes)
    for indicator in result.indicators:
        for e in indicator.evidence:
            assert notes[e.message][e.start:e.end] == e.text
    for rule in result.grade.rules:
        for indicator in rule.indicators:
            for e in indicator.evidence:
                assert notes[e.message][e.start:e.end] == e.text


@PROPERTY_SETTINGS
@given(notes=st.lists(words_text, min_size=0, max_size=4))
def test_critical_unknowns_are_in_the_first_five(a, notes):
    result = a.analyse(notes)
    mentioned = {i.label for i in result.indicators}
    first_five = [q.id for q in result.questions[:5]]
    for qid, label in SETTLES["call_999"].items():
        if label in ("suspect_present", "weapon", "injury", "children_present") and label not in mentioned:
            assert qid in first_five


# --- examples ---------------------------------------------------------------------------------


@pytest.mark.parametrize("notes", [[], [""], ["   \n\t "], ["", "", ""], ["\n\n", "\u00a0\u2003"]])
def test_empty_notes_give_no_indicators_and_priority(a, notes):
    result = a.analyse(notes)
    assert result.indicators == ()
    assert result.grade.grade is Grade.PRIORITY
    assert [q.id for q in result.questions][:5] == [q.id for q in load_script("call_999").spec.core[:5]]


def test_one_megabyte_note_completes(a):
    # Exactly MAX_NOTE_CHARS (spaCy's own default limit): a thousand weapon mentions at the
    # start, then long filler tokens (cheap to match) to reach the limit.
    head = "he has a knife. " * 1000
    filler = "a" * 39 + " "
    note = (head + filler * (MAX_NOTE_CHARS // len(filler)))[:MAX_NOTE_CHARS]
    assert len(note) == MAX_NOTE_CHARS
    result = a.analyse([note])
    statuses = result.statuses()
    assert statuses.get("weapon") == "current"
    check_analysis([note], result)


def test_dense_repeated_note_completes(a):
    note = "he has a knife. " * 3000  # 48 KB of nothing but mentions
    result = a.analyse([note])
    assert result.statuses().get("weapon") == "current"
    check_analysis([note], result)


@pytest.mark.parametrize("index", [0, 2])
def test_note_longer_than_the_limit_is_refused(a, index):
    notes = ["he has a knife"] * 3
    notes[index] = "x" * (MAX_NOTE_CHARS + 1)
    with pytest.raises(NoteTooLongError) as info:
        a.analyse(notes)
    message = str(info.value)
    assert f"note {index}" in message
    assert "1,000,001" in message and "1,000,000" in message
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "notes",
    [
        ["he has a knife\x00 and 2 kids\x00"],
        ["\x00" * 50],
        ["c/r\x07 whispering\x1b[31m red\x1b[0m", "\x0b\x0c\x1c\x1d\x1e\x85"],
        ["he has a knife \u202e edisni si eh \u202c", "\ufeffkids upstairs"],
        ["line1\r\nline2\rline3\u2028line4\u2029"],
        ["🔪🔪 he has a 🔪 knife 👶 kids 😭😭", "👨‍👩‍👧‍👦 family", "🏳️‍🌈"],
        ["زوجها يحمل سكين والأطفال في المنزل", "他有一把刀，孩子们在楼上", "у него нож", "उसके पास चाकू है"],
        ["e\u0301\u0301\u0301 knife\u0308", "ＫＮＩＦＥ ｋｉｄｓ", "ﬁre ﬂat"],
        ["a" * 5000, "." * 5000, "-" * 2000 + "knife"],
    ],
)
def test_unusual_text_is_analysed(a, notes):
    result = a.analyse(notes)
    check_analysis(notes, result)


def test_output_of_a_fresh_analyser_is_identical(a):
    notes = ["c/r whispering, ex outside w/ knife, 2 kids upstairs", "he choked her last year", "no previous"]
    assert Analyser().analyse(notes).model_dump() == a.analyse(notes).model_dump()


def test_cli_rejects_invalid_utf8_naming_the_line(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        json.dumps({"id": "a", "messages": ["fine"]}).encode() + b"\n"
        + b"\n"
        + b'{"id": "b", "messages": ["he has a kni\xed\xa0\x80fe"]}\n'  # an encoded surrogate: invalid UTF-8
    )
    out = tmp_path / "out.jsonl"
    assert main(["analyse", "--input", str(src), "--output", str(out)]) != 0
    err = capsys.readouterr().err
    assert f"{src}, line 3" in err
    assert "UTF-8" in err
    assert not out.exists()
