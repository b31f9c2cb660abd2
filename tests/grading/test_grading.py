"""The default grading policy against shared/spec/grading.md, with hand-built indicators.

The expected grades are computed here from the spec's lists, not read from the policy file,
so a change to default.yml that departs from the spec fails these tests.
"""

from __future__ import annotations

import copy
import itertools

import pytest
from pydantic import ValidationError

from assistant import datafiles
from assistant.datafiles import DataFileError, validate
from assistant.grading import policy as policy_module
from assistant.grading.engine import suggest_grade
from assistant.grading.policy import PACKAGE, PolicySpec, load_policy
from assistant.labels import GRADE_URGENCY, LABELS, Grade, Status
from assistant.models import CallContext, Evidence, Indicator

C, H, N = Status.CURRENT, Status.HISTORICAL, Status.NEGATED

# shared/spec/grading.md, rule 1
EMERGENCY = [
    "suspect_present", "weapon", "strangulation", "threats_to_kill", "injury",
    "cannot_talk_safely", "sexual_abuse", "mental_health_suicide",
]
# rule 2: none of these may be asserted for a scheduled grade
BLOCKERS = [
    "weapon", "firearm_access", "strangulation", "threats_to_kill", "escalation", "sexual_abuse",
    "stalking_harassment", "honour_based_abuse", "order_breach", "mental_health_suicide",
    "police_perpetrator", "cannot_talk_safely",
]
# risk-indicators.md: these describe the present and are never historical
PRESENT_ONLY = {"suspect_present", "cannot_talk_safely", "safety_confirmed"}


def spec_grade(statuses: dict[str, Status]) -> Grade:
    """The spec's rules, written independently of the engine."""
    if any(statuses.get(l) is C for l in EMERGENCY):
        return Grade.EMERGENCY
    if statuses.get("safety_confirmed") is C and not any(statuses.get(l) in (C, H) for l in BLOCKERS):
        return Grade.SCHEDULED
    return Grade.PRIORITY


def indicators(statuses: dict[str, Status]) -> tuple[Indicator, ...]:
    out = []
    for n, (label, status) in enumerate(sorted(statuses.items(), key=lambda kv: LABELS.index(kv[0]))):
        text = f"{label} words"
        evidence = Evidence(message=n, start=0, end=len(text), text=text, status=status, rule=f"{label}.r")
        out.append(Indicator(label=label, status=status, evidence=(evidence,)))
    return tuple(out)


@pytest.fixture(scope="module")
def policy():
    load_policy.cache_clear()
    return load_policy()


def grade(policy, statuses: dict[str, Status], context: CallContext | None = None):
    return suggest_grade(policy, indicators(statuses), context or CallContext())


# --- rule 1: emergency ------------------------------------------------------------------------


@pytest.mark.parametrize("label", EMERGENCY)
def test_each_emergency_label_current_is_emergency(policy, label):
    result = grade(policy, {label: C})
    assert result.grade is Grade.EMERGENCY
    (fired,) = result.rules
    assert fired.grade is Grade.EMERGENCY
    assert [i.label for i in fired.indicators] == [label]
    assert fired.indicators[0].evidence[0].text == f"{label} words"


@pytest.mark.parametrize("label", EMERGENCY)
def test_emergency_beats_safety_confirmed(policy, label):
    assert grade(policy, {label: C, "safety_confirmed": C}).grade is Grade.EMERGENCY


@pytest.mark.parametrize("label", sorted(set(EMERGENCY) - PRESENT_ONLY))
def test_historical_only_emergency_label_is_not_emergency(policy, label):
    assert grade(policy, {label: H}).grade is Grade.PRIORITY
    assert grade(policy, {label: H, "previous_incidents": C}).grade is Grade.PRIORITY


@pytest.mark.parametrize("label", EMERGENCY)
def test_negated_emergency_label_is_not_emergency(policy, label):
    assert grade(policy, {label: N}).grade is Grade.PRIORITY


def test_emergency_rule_lists_every_current_emergency_indicator(policy):
    statuses = {"weapon": C, "injury": C, "strangulation": H, "children_present": C, "threats_to_kill": N}
    (fired,) = grade(policy, statuses).rules
    assert {i.label for i in fired.indicators} == {"weapon", "injury"}
    assert all(i.status is C and i.evidence for i in fired.indicators)


# --- rule 2: scheduled ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"children_present": C},
        {"injury": H},  # not a blocker, and historical: not an emergency either
        {"previous_incidents": C},
        {"separation": C, "coercive_control": C, "pregnancy": C},
        {"substance_misuse": C},
        {"suspect_present": N, "weapon": N, "strangulation": N, "cannot_talk_safely": N},
        {label: N for label in BLOCKERS},
    ],
)
def test_safety_confirmed_without_blockers_is_scheduled(policy, extra):
    result = grade(policy, {"safety_confirmed": C, **extra})
    assert result.grade is Grade.SCHEDULED
    (fired,) = result.rules
    assert [i.label for i in fired.indicators] == ["safety_confirmed"]


@pytest.mark.parametrize("status", [C, H])
@pytest.mark.parametrize("blocker", BLOCKERS)
def test_each_blocker_prevents_scheduled(policy, blocker, status):
    # (the grading engine takes statuses as given: a historical cannot_talk_safely, which the
    # extractor never produces, still blocks an appointment)
    statuses = {"safety_confirmed": C, blocker: status}
    expected = Grade.EMERGENCY if (blocker in EMERGENCY and status is C) else Grade.PRIORITY
    assert grade(policy, statuses).grade is expected


@pytest.mark.parametrize("status", [H, N])
def test_safety_confirmed_not_current_is_not_scheduled(policy, status):
    assert grade(policy, {"safety_confirmed": status}).grade is Grade.PRIORITY


# --- rule 3: priority -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statuses",
    [
        {},
        {"children_present": C},
        {"previous_incidents": C, "separation": C},
        {"weapon": H},
        {"substance_misuse": C},
        {label: N for label in LABELS},
    ],
)
def test_nothing_urgent_is_priority(policy, statuses):
    result = grade(policy, statuses)
    assert result.grade is Grade.PRIORITY
    (fired,) = result.rules
    assert fired.grade is Grade.PRIORITY


# --- all single-label and many two-label combinations against the spec ------------------------

_STATUS_CHOICES = {label: ([C, N] if label in PRESENT_ONLY else [C, H, N]) for label in LABELS}
_SINGLE = [{label: s} for label in LABELS for s in _STATUS_CHOICES[label]]
_WITH_SAFETY = [{"safety_confirmed": C, label: s} for label in LABELS if label != "safety_confirmed"
                for s in _STATUS_CHOICES[label]]
_PAIRS = [
    {a: sa, b: sb}
    for a, b in itertools.combinations(LABELS, 2)
    for sa in _STATUS_CHOICES[a][:2]
    for sb in _STATUS_CHOICES[b][:2]
]


@pytest.mark.parametrize("statuses", _SINGLE + _WITH_SAFETY, ids=lambda d: ",".join(f"{k}={v}" for k, v in d.items()))
def test_grade_matches_spec(policy, statuses):
    assert grade(policy, statuses).grade is spec_grade(statuses)


def test_grade_matches_spec_on_label_pairs(policy):
    wrong = [s for s in _PAIRS if grade(policy, s).grade is not spec_grade(s)]
    wrong += [s for s in _PAIRS if grade(policy, {**s, "safety_confirmed": C}).grade is not spec_grade({**s, "safety_confirmed": C})
              if "safety_confirmed" not in s]
    assert wrong == []


# --- intoxication, manner, reluctance never lower the grade -----------------------------------


@pytest.mark.parametrize("substance", [C, H, N])
@pytest.mark.parametrize(
    "base",
    [{}, {"weapon": C}, {"safety_confirmed": C}, {"injury": C}, {"weapon": H}, {"children_present": C}],
)
def test_substance_misuse_never_lowers_the_grade(policy, base, substance):
    without = grade(policy, base).grade
    with_ = grade(policy, {**base, "substance_misuse": substance}).grade
    assert GRADE_URGENCY[with_] >= GRADE_URGENCY[without]


# --- reasons ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statuses",
    [{}, {"weapon": C}, {"safety_confirmed": C}, {"police_perpetrator": H, "children_present": C}],
)
def test_every_suggestion_carries_rules_with_policy_refs(policy, statuses):
    result = grade(policy, statuses)
    assert len(result.rules) >= 1
    assert result.rules[0].grade is result.grade
    for fired in result.rules:
        assert fired.id and fired.description
        assert fired.policy, f"rule {fired.id} cites no policy"
        for ref in fired.policy:
            assert ref.document in {"000", "001", "002", "003", "004"}
            assert ref.section.strip() and ref.quote.strip()
    for flag in result.flags:
        assert flag.action and flag.reason
        assert flag.policy, f"flag {flag.id} cites no policy"
        assert all(ref.section and ref.quote for ref in flag.policy)
    assert result.policy_version.startswith("default@")


def test_every_policy_rule_and_flag_cites_a_passage(policy):
    for item in (*policy.spec.rules, *policy.spec.flags):
        refs = policy.refs[item.id]
        assert refs, item.id
        assert all(r.document and r.section and r.quote for r in refs)


def test_policy_grades_and_default(policy):
    assert set(policy.spec.grades) == set(Grade)
    assert policy.spec.rules[-1].when is None
    assert policy.spec.rules[-1].grade is Grade.PRIORITY


# --- flags ------------------------------------------------------------------------------------


def flag_ids(policy, statuses, context=None) -> set[str]:
    return {f.id for f in grade(policy, statuses, context).flags}


def flag(policy, statuses, flag_id, context=None):
    found = [f for f in grade(policy, statuses, context).flags if f.id == flag_id]
    assert len(found) == 1, f"{flag_id} not raised for {statuses}"
    return found[0]


@pytest.mark.parametrize("label", EMERGENCY)
def test_supervisor_told_of_every_emergency(policy, label):
    assert "supervisor_emergency" in flag_ids(policy, {label: C})


@pytest.mark.parametrize("statuses", [{}, {"safety_confirmed": C}, {"weapon": H}])
def test_no_supervisor_emergency_flag_below_emergency(policy, statuses):
    assert "supervisor_emergency" not in flag_ids(policy, statuses)


@pytest.mark.parametrize("statuses", [{}, {"weapon": C}, {"safety_confirmed": C}])
def test_repeat_victim_from_context_tells_the_supervisor(policy, statuses):
    assert "supervisor_repeat_victim" in flag_ids(policy, statuses, CallContext(repeat_victim=True, earlier_incidents=2))
    assert "supervisor_repeat_victim" not in flag_ids(policy, statuses, CallContext(repeat_victim=False))
    refs = flag(policy, statuses, "supervisor_repeat_victim", CallContext(repeat_victim=True)).policy
    assert {r.section for r in refs} >= {"3.4 Repeat Victim"}


@pytest.mark.parametrize(
    ("label", "flag_id", "status"),
    [
        ("firearm_access", "inspector_firearms", C),
        ("firearm_access", "inspector_firearms", H),
        ("police_perpetrator", "inspector_police_perpetrator", C),
        ("police_perpetrator", "inspector_police_perpetrator", H),
        ("honour_based_abuse", "specialist_honour_based_abuse", C),
        ("honour_based_abuse", "specialist_honour_based_abuse", H),
        ("sexual_abuse", "specialist_sexual_abuse", C),
        ("sexual_abuse", "specialist_sexual_abuse", H),
        ("children_present", "children", C),
        ("children_present", "children", H),
        ("suspect_present", "keep_line_open", C),
        ("cannot_talk_safely", "keep_line_open", C),
        ("injury", "ambulance", C),
        ("strangulation", "ambulance", C),
    ],
)
def test_flag_raised_with_its_indicator(policy, label, flag_id, status):
    raised = flag(policy, {label: status}, flag_id)
    assert raised.indicators == (label,)
    assert raised.policy


@pytest.mark.parametrize(
    ("label", "flag_id", "status"),
    [
        ("firearm_access", "inspector_firearms", N),
        ("police_perpetrator", "inspector_police_perpetrator", N),
        ("honour_based_abuse", "specialist_honour_based_abuse", N),
        ("sexual_abuse", "specialist_sexual_abuse", N),
        ("children_present", "children", N),
        ("suspect_present", "keep_line_open", N),
        ("cannot_talk_safely", "keep_line_open", N),
        ("injury", "ambulance", H),
        ("injury", "ambulance", N),
        ("strangulation", "ambulance", H),
    ],
)
def test_flag_not_raised(policy, label, flag_id, status):
    assert flag_id not in flag_ids(policy, {label: status})


def test_inspector_flags_cite_their_sections(policy):
    firearms = flag(policy, {"firearm_access": C}, "inspector_firearms")
    assert any(r.document == "004" and r.section.startswith("11.1") for r in firearms.policy)
    police = flag(policy, {"police_perpetrator": C}, "inspector_police_perpetrator")
    assert any(r.document == "000" and r.section == "Immediate referral" for r in police.policy)


def test_nothing_mentioned_raises_no_flags(policy):
    assert flag_ids(policy, {}) == set()


# --- policy file validation -------------------------------------------------------------------

GOOD = {
    "name": "test",
    "version": "1",
    "grades": ["emergency", "priority", "scheduled"],
    "rules": [
        {"id": "e", "grade": "emergency", "description": "d", "when": {"any_current": ["weapon"]}, "policy": ["grade_emergency"]},
        {"id": "p", "grade": "priority", "description": "d", "policy": ["grade_priority_default"]},
    ],
    "flags": [{"id": "f", "action": "a", "reason": "r", "when": {"grade": "emergency"}}],
}


def bad(change) -> dict:
    data = copy.deepcopy(GOOD)
    change(data)
    return data


def test_good_policy_validates():
    spec = PolicySpec.model_validate(GOOD)
    assert [r.id for r in spec.rules] == ["e", "p"]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (bad(lambda d: d["rules"][0]["when"].update(any_current=["weapons"])), "unknown label"),
        (bad(lambda d: d["flags"][0]["when"].update(any_asserted=["gun"])), "unknown label"),
        (bad(lambda d: d["rules"][0]["when"].update(none_asserted=["not_a_label"])), "unknown label"),
        (bad(lambda d: d["rules"].reverse()), "must have no condition"),
        (bad(lambda d: d["rules"][1].update(when={"any_current": ["injury"]})), "must have no condition"),
        (bad(lambda d: d["rules"].insert(0, dict(d["rules"][1], id="p0"))), "only the last rule"),
        (bad(lambda d: d["rules"][0].update(id="p")), "unique"),
        (bad(lambda d: d["flags"][0].update(id="e")), "unique"),
        (bad(lambda d: d["rules"][0]["when"].update(grade="emergency")), "flags only"),
        (bad(lambda d: d["rules"][0].update(grade="urgent")), "grade"),
        (bad(lambda d: d["rules"][0].update(policy=[])), "policy"),
        (bad(lambda d: d.update(rules=[])), "rules"),
        (bad(lambda d: d["rules"][0].update(colour="red")), "colour"),
        (bad(lambda d: d["rules"][0]["when"].update(some_current=["weapon"])), "some_current"),
        (bad(lambda d: d.pop("version")), "version"),
    ],
)
def test_bad_policy_is_rejected(data, fragment):
    with pytest.raises(ValidationError) as info:
        PolicySpec.model_validate(data)
    assert fragment in str(info.value)
    with pytest.raises(DataFileError) as info2:
        validate(PolicySpec, data, file="my/policy.yml")
    assert str(info2.value).startswith("my/policy.yml: ")


@pytest.fixture
def policy_file(monkeypatch: pytest.MonkeyPatch):
    """Serve a policy file named test.yml from the policies package."""
    import yaml

    real = datafiles.read_text
    texts: dict[str, str] = {}

    def fake(package: str, name: str) -> str:
        if package == PACKAGE and name in texts:
            return texts[name]
        return real(package, name)

    monkeypatch.setattr(datafiles, "read_text", fake)
    monkeypatch.setattr(policy_module, "read_text", fake)
    load_policy.cache_clear()
    yield lambda data: texts.__setitem__("test.yml", yaml.safe_dump(data))
    load_policy.cache_clear()


def test_load_policy_from_a_force_file(policy_file):
    policy_file(GOOD)
    loaded = load_policy("test.yml")
    assert loaded.version.startswith("test@1#")
    assert suggest_grade(loaded, indicators({"weapon": C}), CallContext()).grade is Grade.EMERGENCY


@pytest.mark.parametrize(
    ("change", "entry", "fragment"),
    [
        (lambda d: d["rules"][0]["when"].update(any_current=["weapons"]), "rules[0] (e)", "unknown label"),
        (lambda d: d["rules"][1].update(grade="urgent"), "rules[1] (p)", "grade"),
        (lambda d: d["flags"][0].update(when={"any_asserted": ["gun"]}), "flags[0] (f)", "unknown label"),
        (lambda d: d["rules"][0].update(policy=["no_such_ref"]), "e", "no_such_ref"),
        (lambda d: d["flags"][0].update(policy=["no_such_ref"]), "f", "no_such_ref"),
    ],
)
def test_load_policy_errors_name_file_and_entry(policy_file, change, entry, fragment):
    policy_file(bad(change))
    with pytest.raises(DataFileError) as info:
        load_policy("test.yml")
    assert str(info.value).startswith(f"{PACKAGE}/test.yml, entry {entry}: ")
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda d: d["rules"].reverse(), "must have no condition"),
        (lambda d: d["flags"][0].update(id="e"), "unique"),
    ],
)
def test_load_policy_whole_file_errors_name_the_file(policy_file, change, fragment):
    policy_file(bad(change))
    with pytest.raises(DataFileError) as info:
        load_policy("test.yml")
    assert str(info.value).startswith(f"{PACKAGE}/test.yml: ")
    assert fragment in str(info.value)
