"""A comparison baseline: our targets, medspaCy 1.3.1's ConText for their status.

The pipeline keeps our tokenizer, `police_normalizer` and `risk_target_matcher`, so the
candidates (`doc.spans["risk"]` and `doc._.risk_candidates`) are identical to the
engine's. Our `risk_context` is replaced by medspaCy's `medspacy_context` with its
DEFAULT clinical rules, reading the spans of `doc.spans["risk"]` (a `sentencizer` runs
first: ConText scopes a modifier by its sentence). `medspacy_status_adapter` then maps
what ConText found onto each candidate, using medspaCy's own category -> attribute map
(`DEFAULT_ATTRIBUTES`):

- status: negated if `is_negated`, else historical if `is_historical`, else the rule's
  fixed status (or current); a rule whose fixed status is negated and that ConText
  negates becomes current, as in `assistant.extraction.context._status`;
- excluded: `is_family` (medspaCy's "other experiencer"); `is_hypothetical` is NOT
  excluded, because our spec counts hypothetical threats ("if you leave I'll kill you")
  as current; `is_uncertain` is ignored (our spec has no such status);
- modifiers: `str()` of each medspaCy ConTextModifier that modifies the span.

The adapter reads ConText's graph edges rather than `span._.is_negated` etc.: spaCy keys
span extensions by character offsets only, so two labels on the same words would share
(and double) them. Rule properties that are not context are honoured as in our engine: a
rule with `context: false` keeps its own status (`min_age` rules are filtered by the
shared target matcher). Our kin-with-adult-age exclusion belongs to our context algorithm
and is not reproduced.

Used by `python -m assistant eval cases FILE --context medspacy|both` and by
`python -m assistant bench analyse`.
"""

from __future__ import annotations

import medspacy  # noqa: F401  (registers medspaCy's span and doc extensions)
import medspacy.context  # noqa: F401  (registers the `medspacy_context` factory)
import spacy
from medspacy.context import DEFAULT_ATTRIBUTES, ConTextModifier
from spacy.language import Language
from spacy.tokens import Doc, Span

from assistant.analysis import Analyser
from assistant.extraction import context as _context  # noqa: F401  (registers our components)
from assistant.extraction import roles as _roles  # noqa: F401  (registers suspect_pronouns)
from assistant.extraction.pipeline import PIPELINE_CONFIG
from assistant.extraction.targets import SPAN_KEY, Candidate
from assistant.labels import Status

ADAPTER = "medspacy_status_adapter"
MEDSPACY_CONTEXT_CONFIG = {
    "rules": "default",
    "input_span_type": "group",
    "span_group_name": SPAN_KEY,
}
# the same front as ours (normaliser, pronoun roles, target rules): only the context step differs
COMPONENTS = ("police_normalizer", "suspect_pronouns", "risk_target_matcher", "sentencizer", "medspacy_context", ADAPTER)

SpanKey = tuple[int, int, str, str]


@Language.factory(ADAPTER)
def create_medspacy_status_adapter(nlp: Language, name: str) -> "MedspacyStatusAdapter":
    return MedspacyStatusAdapter()


class MedspacyStatusAdapter:
    """Gives each candidate the status / exclusion / modifiers medspaCy's ConText found."""

    def __call__(self, doc: Doc) -> Doc:
        edges = _modifiers_by_span(doc)
        for candidate in doc._.risk_candidates or ():
            adapt_candidate(candidate, edges.get(_span_key(candidate.span), []))
        return doc


def _span_key(span: Span) -> SpanKey:
    return span.start, span.end, span.label_, span.id_


def _modifiers_by_span(doc: Doc) -> dict[SpanKey, list[ConTextModifier]]:
    found: dict[SpanKey, list[ConTextModifier]] = {}
    graph = doc._.context_graph
    for target, modifier in graph.edges if graph is not None else ():
        found.setdefault(_span_key(target), []).append(modifier)
    return found


def medspacy_attributes(modifiers: list[ConTextModifier]) -> dict[str, bool]:
    """The span attributes medspaCy would set (`is_negated`, `is_family`, ...)."""
    attrs: dict[str, bool] = {}
    for modifier in modifiers:
        attrs.update(DEFAULT_ATTRIBUTES.get(modifier.category, {}))
    return attrs


def adapt_candidate(candidate: Candidate, modifiers: list[ConTextModifier]) -> None:
    rule = candidate.rule
    if not rule.context:
        modifiers = []
    attrs = medspacy_attributes(modifiers)
    candidate.modifiers = tuple(str(m) for m in modifiers)
    candidate.status = medspacy_status(
        rule.status, negated=attrs.get("is_negated", False), historical=attrs.get("is_historical", False)
    )
    candidate.excluded = attrs.get("is_family", False)


def medspacy_status(fixed: Status | None, *, negated: bool, historical: bool) -> Status:
    """The rule's fixed status, flipped by a negation, made historical if still current."""
    status = fixed or Status.CURRENT
    if negated:
        status = Status.CURRENT if status is Status.NEGATED else Status.NEGATED
    if status is Status.CURRENT and historical:
        status = Status.HISTORICAL
    return status


def build_medspacy_pipeline() -> Language:
    nlp = spacy.blank("en", config=PIPELINE_CONFIG)
    for name in COMPONENTS:
        config = MEDSPACY_CONTEXT_CONFIG if name == "medspacy_context" else {}
        nlp.add_pipe(name, config=config)
    return nlp


def medspacy_analyser() -> Analyser:
    return Analyser(nlp=build_medspacy_pipeline(), status_model=False)  # its context alone against ours
