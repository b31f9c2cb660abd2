"""resolve(): from hand-built mentions to one status per label (no extraction involved)."""

from __future__ import annotations

import pytest

from assistant.extraction.mentions import Mention
from assistant.extraction.resolve import resolve
from assistant.extraction.rules import Implication, Implications, load_rules
from assistant.labels import LABELS, Status

C, H, N = Status.CURRENT, Status.HISTORICAL, Status.NEGATED

PAST_ABUSE = [
    "weapon", "strangulation", "threats_to_kill", "injury", "coercive_control", "stalking_harassment",
    "sexual_abuse", "animal_abuse",
]

IMPLICATIONS = Implications(
    never_historical=["suspect_present", "cannot_talk_safely", "safety_confirmed"],
    historical_becomes_current=["previous_incidents"],
    implications=[
        Implication(
            id="past_abuse_is_previous_incident",
            if_any=PAST_ABUSE,
            statuses=[H],
            then="previous_incidents",
            status=C,
        )
    ],
)


def m(label: str, status: Status, message: int = 0, start: int = 0, text: str | None = None) -> Mention:
    text = text or f"{label}-{status.value}-{message}-{start}"
    return Mention(label, status, message, start, start + len(text), text, f"{label}.rule", ())


def statuses(indicators) -> dict[str, Status]:
    return {i.label: i.status for i in indicators}


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        # later statement wins
        ([m("weapon", C, 0), m("weapon", N, 1)], {"weapon": N}),
        ([m("weapon", N, 0), m("weapon", C, 1)], {"weapon": C}),
        ([m("children_present", N, 0, 0), m("children_present", C, 0, 30)], {"children_present": C}),
        ([m("children_present", C, 0, 0), m("children_present", N, 0, 30)], {"children_present": N}),
        ([m("injury", C, 0), m("injury", N, 1), m("injury", C, 2)], {"injury": C}),
        ([m("injury", N, 0), m("injury", C, 1), m("injury", N, 2)], {"injury": N}),
        # order is by (message, start), not by the order of the list given
        ([m("weapon", N, 1), m("weapon", C, 0)], {"weapon": N}),
        ([m("weapon", N, 0, 40), m("weapon", C, 0, 5)], {"weapon": N}),
        # a historical assertion survives a later present-tense denial
        ([m("strangulation", H, 0), m("strangulation", N, 1)], {"strangulation": H}),
        ([m("strangulation", N, 0), m("strangulation", H, 1)], {"strangulation": H}),
        # current beats historical, either order
        ([m("weapon", H, 0), m("weapon", C, 1)], {"weapon": C}),
        ([m("weapon", C, 0), m("weapon", H, 1)], {"weapon": C}),
        # ... but a later negation of the current one leaves the history
        ([m("weapon", H, 0), m("weapon", C, 1), m("weapon", N, 2)], {"weapon": H}),
        # labels do not interfere with one another
        ([m("weapon", C, 0), m("injury", N, 1)], {"weapon": C, "injury": N}),
        ([], {}),
    ],
)
def test_merge_statuses(mentions, expected):
    no_implications = Implications(never_historical=[], historical_becomes_current=[], implications=[])
    assert statuses(resolve(mentions, no_implications)) == expected


@pytest.mark.parametrize("label", ["suspect_present", "cannot_talk_safely", "safety_confirmed"])
@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        (lambda l: [m(l, H)], None),
        (lambda l: [m(l, H, 0), m(l, N, 1)], N),
        (lambda l: [m(l, N, 0), m(l, H, 1)], N),
        (lambda l: [m(l, H, 0), m(l, C, 1)], C),
        (lambda l: [m(l, C, 0), m(l, H, 1)], C),
    ],
)
def test_never_historical_labels_drop_historical_mentions(label, mentions, expected):
    result = {i.label: i for i in resolve(mentions(label), IMPLICATIONS)}
    if expected is None:
        assert label not in result
    else:
        assert result[label].status is expected
        assert all(e.status is expected for e in result[label].evidence)


def test_previous_incidents_historical_becomes_current():
    mention = m("previous_incidents", H, 1, 4, "police called last year")
    (indicator,) = resolve([mention], IMPLICATIONS)
    assert indicator.label == "previous_incidents"
    assert indicator.status is C
    assert indicator.implied_by == ()
    (evidence,) = indicator.evidence
    assert (evidence.message, evidence.start, evidence.end, evidence.text) == (1, 4, 27, "police called last year")
    assert evidence.status is C


def test_previous_incidents_negated_then_history_is_current():
    result = statuses(resolve([m("previous_incidents", N, 0), m("previous_incidents", H, 1)], IMPLICATIONS))
    assert result == {"previous_incidents": C}


@pytest.mark.parametrize("label", PAST_ABUSE)
def test_past_abuse_implies_previous_incidents(label):
    source = m(label, H, 0, 3, "last year")
    result = {i.label: i for i in resolve([source], IMPLICATIONS)}
    assert result[label].status is H
    implied = result["previous_incidents"]
    assert implied.status is C
    assert implied.implied_by == ("past_abuse_is_previous_incident",)
    assert implied.evidence == result[label].evidence
    (evidence,) = implied.evidence
    assert (evidence.message, evidence.start, evidence.text, evidence.rule) == (0, 3, "last year", f"{label}.rule")


def test_implication_collects_evidence_from_every_source():
    found = [m("weapon", H, 0, 0, "belt last year"), m("strangulation", H, 1, 5, "choked in 2019")]
    result = {i.label: i for i in resolve(found, IMPLICATIONS)}
    texts = {e.text for e in result["previous_incidents"].evidence}
    assert texts == {"belt last year", "choked in 2019"}


@pytest.mark.parametrize("status", [C, N])
def test_implication_needs_the_stated_status(status):
    result = statuses(resolve([m("weapon", status)], IMPLICATIONS))
    assert "previous_incidents" not in result


@pytest.mark.parametrize(
    ("explicit", "expected"),
    [(N, N), (C, C), (H, C)],  # H: historical_becomes_current turns it into current first
)
def test_explicit_previous_incidents_is_not_overridden(explicit, expected):
    found = [m("weapon", H, 0), m("previous_incidents", explicit, 1, 0, "no previous")]
    result = {i.label: i for i in resolve(found, IMPLICATIONS)}
    assert result["previous_incidents"].status is expected
    assert result["previous_incidents"].implied_by == ()
    assert [e.text for e in result["previous_incidents"].evidence] == ["no previous"]


def test_implication_with_override_replaces_explicit_status():
    imp = Implications(
        never_historical=[],
        historical_becomes_current=[],
        implications=[Implication(id="force", if_any=["weapon"], statuses=[C], then="injury", status=C, override=True)],
    )
    found = [m("weapon", C, 0), m("injury", N, 1)]
    result = {i.label: i for i in resolve(found, imp)}
    assert result["injury"].status is C
    assert result["injury"].implied_by == ("force",)
    assert result["injury"].evidence == result["weapon"].evidence


def test_evidence_is_only_from_mentions_with_the_winning_status():
    found = [m("weapon", C, 0, 0, "knife"), m("weapon", N, 1, 0, "no knife"), m("weapon", C, 2, 0, "bat")]
    (indicator,) = resolve(found, IMPLICATIONS)
    assert indicator.status is C
    assert [e.text for e in indicator.evidence] == ["knife", "bat"]
    assert [e.message for e in indicator.evidence] == [0, 2]


def test_indicators_come_in_label_order():
    found = [m(label, C, i) for i, label in enumerate(reversed(LABELS)) if label != "previous_incidents"]
    labels = [i.label for i in resolve(found, IMPLICATIONS)]
    assert labels == [l for l in LABELS if l != "previous_incidents"]


def test_mentions_are_not_mutated_and_input_order_does_not_matter():
    found = [m("weapon", N, 1), m("weapon", C, 0), m("suspect_present", H, 0)]
    before = list(found)
    a = resolve(found, IMPLICATIONS)
    b = resolve(list(reversed(found)), IMPLICATIONS)
    assert a == b
    assert found == before


# --- with the shipped implications (spec: risk-indicators.md, previous_incidents) -------------


@pytest.fixture(scope="module")
def shipped_implications() -> Implications:
    load_rules.cache_clear()
    return load_rules().implications


@pytest.mark.parametrize("label", ["weapon", "strangulation", "threats_to_kill", "injury", "sexual_abuse"])
def test_shipped_implications_historical_abuse_is_a_previous_incident(shipped_implications, label):
    result = statuses(resolve([m(label, H)], shipped_implications))
    assert result == {label: H, "previous_incidents": C}


@pytest.mark.parametrize("label", ["suspect_present", "cannot_talk_safely", "safety_confirmed"])
def test_shipped_implications_present_only_labels(shipped_implications, label):
    assert statuses(resolve([m(label, H)], shipped_implications)) == {}


def test_shipped_implications_no_previous_stays_negated(shipped_implications):
    result = statuses(resolve([m("strangulation", H, 0), m("previous_incidents", N, 1)], shipped_implications))
    assert result == {"strangulation": H, "previous_incidents": N}
