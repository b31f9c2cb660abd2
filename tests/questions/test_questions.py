"""Question scripts and the question engine against shared/spec/question-script.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.labels import LABELS, Status
from assistant.models import Indicator
from assistant.questions.engine import suggest_questions
from assistant.questions.script import CRITICAL_LABELS, SCRIPTS, load_script

C, H, N = Status.CURRENT, Status.HISTORICAL, Status.NEGATED

SPEC = Path(__file__).resolve().parents[2].parent / "shared" / "spec" / "question-script.md"


def _spec_tables() -> dict[str, list[list[str]]]:
    """Section heading -> rows of the first markdown table in that section (cells stripped)."""
    if not SPEC.is_file():
        pytest.fail(f"the question-script spec is missing: expected it at {SPEC}")
    sections: dict[str, list[list[str]]] = {}
    heading = None
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            continue
        if heading and line.lstrip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-+:?", c) for c in cells):
                continue  # the separator row
            sections.setdefault(heading, []).append(cells)
    return sections


def _table(prefix: str) -> list[list[str]]:
    tables = _spec_tables()
    matches = [rows for heading, rows in tables.items() if heading.lower().startswith(prefix.lower())]
    assert len(matches) == 1, f"expected one section starting {prefix!r} in {SPEC}, found {list(tables)}"
    header, *rows = matches[0]
    assert header[0] == "id", header
    return rows


def _ticked(cell: str) -> str:
    match = re.fullmatch(r"`([a-z0-9_]+)`", cell)
    assert match, f"expected a backticked id, got {cell!r}"
    return match.group(1)


SPEC_CORE = [(_ticked(r[0]), _ticked(r[1])) for r in _table("Core questions")]
SPEC_FOLLOW_UPS = [_ticked(r[0]) for r in _table("Follow-ups")]
SPEC_CRITICAL = [qid for qid, _ in SPEC_CORE[:5]]  # "The first five are critical"


def test_spec_tables_parse():
    assert len(SPEC_CORE) == 19
    assert len(SPEC_FOLLOW_UPS) == 6
    assert {label for _, label in SPEC_CORE} <= set(LABELS)
    assert SPEC_CORE[0] == ("safe_to_talk", "cannot_talk_safely")
    assert "weapon_details" in SPEC_FOLLOW_UPS


@pytest.fixture(scope="module", params=sorted(SCRIPTS))
def script(request):
    load_script.cache_clear()
    return load_script(request.param)


@pytest.fixture(scope="module")
def call_999():
    return load_script("call_999")


@pytest.fixture(scope="module")
def front_counter():
    return load_script("front_counter")


def ind(statuses: dict[str, Status]) -> tuple[Indicator, ...]:
    return tuple(Indicator(label=l, status=s) for l, s in statuses.items())


def ask(script, statuses: dict[str, Status], **kwargs) -> list[str]:
    return [q.id for q in suggest_questions(script, ind(statuses), **kwargs)]


# --- ids and order against the spec -----------------------------------------------------------


def test_script_ids_equal_the_spec(script):
    assert {q.id for q in script.spec.core} == {qid for qid, _ in SPEC_CORE}
    assert len(script.spec.core) == len(SPEC_CORE)
    assert {f.id for f in script.spec.follow_ups} == set(SPEC_FOLLOW_UPS)
    assert len(script.spec.follow_ups) == len(SPEC_FOLLOW_UPS)


def test_core_questions_settle_the_spec_labels(script):
    assert {q.id: q.settles for q in script.spec.core} == dict(SPEC_CORE)


def test_call_999_is_in_the_spec_default_order(call_999):
    assert [q.id for q in call_999.spec.core] == [qid for qid, _ in SPEC_CORE]
    assert [f.id for f in call_999.spec.follow_ups] == SPEC_FOLLOW_UPS


def test_critical_questions_are_the_spec_first_five(script):
    assert sorted(q.id for q in script.spec.core if q.critical) == sorted(SPEC_CRITICAL)
    settled = {q.settles for q in script.spec.core if q.critical}
    assert set(CRITICAL_LABELS) <= settled


def test_front_counter_has_the_same_ids_in_another_order(call_999, front_counter):
    ids_999 = [q.id for q in call_999.spec.core]
    ids_fc = [q.id for q in front_counter.spec.core]
    assert sorted(ids_999) == sorted(ids_fc)
    assert ids_999 != ids_fc
    assert {f.id for f in call_999.spec.follow_ups} == {f.id for f in front_counter.spec.follow_ups}
    assert front_counter.name == "front_counter"
    # wording overrides apply only where given; everything else is the 999 wording
    by_id = {q.id: q for q in call_999.spec.core}
    assert any(q.text != by_id[q.id].text for q in front_counter.spec.core)
    assert all(q.settles == by_id[q.id].settles and q.critical == by_id[q.id].critical for q in front_counter.spec.core)


def test_front_counter_suggests_in_its_own_order(call_999, front_counter):
    assert ask(front_counter, {}) != ask(call_999, {})
    assert ask(front_counter, {})[:2] == ["injuries", "children"]


def test_unknown_script_is_refused():
    with pytest.raises(ValueError, match="unknown script 'radio'"):
        load_script("radio")


# --- never a question the notes already answer ------------------------------------------------


@pytest.mark.parametrize("status", [C, H, N])
@pytest.mark.parametrize(("qid", "label"), SPEC_CORE)
def test_core_question_not_suggested_once_its_label_is_mentioned(script, qid, label, status):
    shown = ask(script, {label: status}, limit=25)
    assert qid not in shown
    # while absent it is suggested (when there is room for everything)
    assert qid in ask(script, {}, limit=25)


@pytest.mark.parametrize(
    "statuses",
    [
        {"weapon": C, "children_present": H, "injury": N},
        {"suspect_present": N, "cannot_talk_safely": C, "safety_confirmed": N},
        {label: C for label in LABELS},
        {label: N for label in LABELS},
        {"previous_incidents": C, "threats_to_kill": H, "strangulation": N, "substance_misuse": C},
    ],
)
def test_no_suggested_core_question_settles_a_mentioned_label(script, statuses):
    settles = {q.id: q.settles for q in script.spec.core}
    for q in suggest_questions(script, ind(statuses), limit=25):
        if q.kind == "core":
            assert q.settles not in statuses
            assert settles[q.id] not in statuses


# --- critical first ---------------------------------------------------------------------------


CRITICAL_STATE_CASES = [
    {},
    {"weapon": C},
    {"weapon": C, "injury": C, "strangulation": C, "children_present": H, "suspect_present": N},
    {"honour_based_abuse": C, "police_perpetrator": C, "weapon": C, "strangulation": C},
    {"cannot_talk_safely": C},
    {"suspect_present": C, "weapon": N},
    {label: C for label in ("injury", "children_present", "suspect_present", "weapon", "cannot_talk_safely")},
]


@pytest.mark.parametrize("statuses", CRITICAL_STATE_CASES)
def test_critical_unknowns_come_first_and_within_five(script, statuses):
    questions = suggest_questions(script, ind(statuses))
    ids = [q.id for q in questions]
    assert len(ids) <= 5
    open_critical = [q.id for q in script.spec.core if q.critical and q.settles not in statuses]
    assert ids[: len(open_critical)] == open_critical
    for label in CRITICAL_LABELS:
        if label not in statuses:
            qid = next(q.id for q in script.spec.core if q.settles == label)
            assert qid in ids[:5], f"{qid} missing from the first five for {statuses}"
    assert all(q.critical for q in questions[: len(open_critical)])


@pytest.mark.parametrize("statuses", CRITICAL_STATE_CASES)
def test_critical_first_even_with_a_longer_limit(script, statuses):
    ids = ask(script, statuses, limit=25)
    critical_ids = {q.id for q in script.spec.core if q.critical}
    n = sum(1 for i in ids if i in critical_ids)
    assert set(ids[:n]) <= critical_ids


def test_default_limit_is_five(script):
    assert len(ask(script, {})) == 5
    assert len(ask(script, {}, limit=3)) == 3


# --- follow-ups -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statuses", "follow_up", "expected"),
    [
        ({"weapon": C}, "weapon_details", True),
        ({"weapon": H}, "weapon_details", False),
        ({"weapon": N}, "weapon_details", False),
        ({"injury": C}, "injury_details", True),
        ({"strangulation": C}, "injury_details", True),
        ({"strangulation": H}, "injury_details", False),
        ({"injury": N, "strangulation": N}, "injury_details", False),
        ({"children_present": C}, "children_details", True),
        ({"children_present": H}, "children_details", True),
        ({"children_present": N}, "children_details", False),
        ({"suspect_present": C}, "suspect_description", True),
        ({"suspect_present": N}, "suspect_description", True),  # the suspect has left
        ({}, "suspect_description", False),
        ({"honour_based_abuse": C}, "honour_details", True),
        ({"honour_based_abuse": H}, "honour_details", True),
        ({"honour_based_abuse": N}, "honour_details", False),
        ({"police_perpetrator": C}, "police_perpetrator_details", True),
        ({"police_perpetrator": H}, "police_perpetrator_details", True),
        ({"police_perpetrator": N}, "police_perpetrator_details", False),
        ({label: C for label in LABELS if label not in ("weapon", "injury", "strangulation")},
         "weapon_details", False),
    ],
)
def test_follow_ups_for_the_stated_conditions(script, statuses, follow_up, expected):
    assert (follow_up in ask(script, statuses, limit=25)) is expected


def test_follow_up_fits_in_the_first_five_when_critical_questions_are_settled(script):
    statuses = {"weapon": C, "injury": N, "children_present": N, "suspect_present": C, "cannot_talk_safely": N}
    ids = ask(script, statuses)
    assert ids[:2] == ["weapon_details", "suspect_description"]


def test_follow_ups_come_before_the_rest_of_the_core(script):
    questions = suggest_questions(script, ind({"weapon": C, "children_present": C}), limit=25)
    kinds = [q.kind for q in questions if not q.critical]
    assert kinds == sorted(kinds, key=lambda k: k != "follow_up")
    assert {"weapon_details", "children_details"} <= {q.id for q in questions}


# --- asked questions are not repeated ---------------------------------------------------------


@pytest.mark.parametrize(
    ("statuses", "asked"),
    [
        ({}, {"safe_to_talk", "weapons"}),
        ({}, {q for q, _ in SPEC_CORE[:5]}),
        ({"weapon": C}, {"weapon_details"}),
        ({"weapon": C, "children_present": H}, {"weapon_details", "children_details", "injuries"}),
        ({}, {q for q, _ in SPEC_CORE}),
    ],
)
def test_asked_questions_are_not_repeated(script, statuses, asked):
    ids = ask(script, statuses, asked=frozenset(asked), limit=25)
    assert not set(ids) & asked
    assert len(ids) == len(set(ids))


def test_asking_moves_the_next_question_up(script):
    first = ask(script, {})
    after = ask(script, {}, asked=frozenset({first[0]}))
    assert after[:4] == first[1:]


def test_everything_denied_leaves_only_the_suspect_description(script):
    everything = {label: N for label in LABELS}
    assert ask(script, everything) == ["suspect_description"]  # the suspect has left
    assert ask(script, everything, asked=frozenset({"suspect_description"})) == []


# --- every prompt carries its reason and policy -----------------------------------------------


@pytest.mark.parametrize(
    "statuses",
    [{}, {"weapon": C, "strangulation": C, "children_present": H, "suspect_present": N,
          "honour_based_abuse": C, "police_perpetrator": C}],
)
def test_every_question_carries_reason_and_policy(script, statuses):
    questions = suggest_questions(script, ind(statuses), limit=25)
    assert questions
    for q in questions:
        assert q.text.strip() and q.reason.strip(), q.id
        assert q.kind in ("core", "follow_up")
        assert (q.settles is not None) == (q.kind == "core")
        assert q.policy, f"{q.id} cites no policy"
        for ref in q.policy:
            assert ref.document and ref.section and ref.quote


def test_every_script_entry_is_short_and_cited(script):
    for item in (*script.spec.core, *script.spec.follow_ups):
        assert 0 < len(item.text) <= 160
        assert item.reason.strip()
        assert script.refs[item.id], f"{item.id} cites no policy"


def test_no_duplicate_ids_in_a_suggestion(script):
    statuses = {"weapon": C, "children_present": C, "suspect_present": N}
    ids = ask(script, statuses, limit=25)
    assert len(ids) == len(set(ids))
