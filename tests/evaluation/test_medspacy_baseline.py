"""The medspaCy ConText baseline: our targets, medspaCy's context, mapped onto our statuses."""

from __future__ import annotations

import pytest

from assistant.analysis import Analyser
from assistant.evaluation.medspacy_baseline import medspacy_analyser, medspacy_status
from assistant.extraction.targets import SPAN_KEY
from assistant.labels import Status

NOTES = [
    "no knife seen",
    "he has a knife",
    "c/r whispering says p/ner came home drunk and grabbed her by the throat, kids 4 and 7 upstairs",
    "ex turned up tonight despite the non molestation order and threatened to kill her",
    "IP says he was arrested last year for hitting her, no weapons in the house, he's left now",
    "p/ner threatened to shoot her, he keeps a shotgun in the garage. she is 5 months pregnant",
]


@pytest.fixture(scope="module")
def medspacy() -> Analyser:
    return medspacy_analyser()


@pytest.fixture(scope="module")
def ours() -> Analyser:
    return Analyser()


def statuses(analyser: Analyser, note: str) -> dict[str, Status]:
    return {m.label: m.status for m in analyser.mentions([note])}


def test_pipeline_swaps_only_the_context_component(medspacy: Analyser, ours: Analyser) -> None:
    names = medspacy.nlp.pipe_names
    assert names[:3] == ours.nlp.pipe_names[:3] == ["police_normalizer", "suspect_pronouns", "risk_target_matcher"]
    assert "risk_context" not in names
    assert names.index("sentencizer") < names.index("medspacy_context") < names.index("medspacy_status_adapter")
    assert medspacy.nlp.get_pipe("medspacy_context").span_group_name == SPAN_KEY


def test_negation(medspacy: Analyser) -> None:
    assert statuses(medspacy, "no knife seen") == {"weapon": Status.NEGATED}


def test_current_weapon(medspacy: Analyser) -> None:
    assert statuses(medspacy, "he has a knife") == {"weapon": Status.CURRENT}
    weapon = {i.label: i.status for i in medspacy.analyse(["he has a knife"]).indicators}
    assert weapon.get("weapon") is Status.CURRENT


def test_negation_modifier_is_reported(medspacy: Analyser) -> None:
    (mention,) = medspacy.mentions(["no knife seen"])
    assert any("NEGATED_EXISTENCE" in m for m in mention.modifiers)


def test_family_experiencer_is_excluded(medspacy: Analyser) -> None:
    assert "weapon" not in statuses(medspacy, "her brother has a knife")


def test_hypothetical_is_not_excluded(medspacy: Analyser) -> None:
    found = statuses(medspacy, "if you leave I will kill you")
    assert found.get("threats_to_kill") is Status.CURRENT


@pytest.mark.parametrize("note", NOTES)
def test_targets_equal_ours(medspacy: Analyser, ours: Analyser, note: str) -> None:
    def targets(analyser: Analyser) -> list[tuple[int, int, str, str]]:
        doc = analyser.nlp(note)
        return [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans[SPAN_KEY]]

    assert targets(medspacy) == targets(ours)
    assert targets(ours), "each note should hold at least one target"


def test_every_candidate_gets_a_status(medspacy: Analyser) -> None:
    for note in NOTES:
        doc = medspacy.nlp(note)
        assert all(c.status in set(Status) for c in doc._.risk_candidates)


@pytest.mark.parametrize(
    ("fixed", "negated", "historical", "expected"),
    [
        (None, False, False, Status.CURRENT),
        (None, True, False, Status.NEGATED),
        (None, False, True, Status.HISTORICAL),
        (None, True, True, Status.NEGATED),
        (Status.NEGATED, False, False, Status.NEGATED),
        (Status.NEGATED, True, False, Status.CURRENT),  # double negation
        (Status.NEGATED, False, True, Status.NEGATED),
        (Status.NEGATED, True, True, Status.HISTORICAL),
        (Status.HISTORICAL, False, False, Status.HISTORICAL),
        (Status.HISTORICAL, True, False, Status.NEGATED),
    ],
)
def test_status_mapping(fixed: Status | None, negated: bool, historical: bool, expected: Status) -> None:
    assert medspacy_status(fixed, negated=negated, historical=historical) is expected
