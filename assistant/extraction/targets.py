"""`risk_target_matcher`: finds phrases that signal a risk-indicator label.

Writes the spans to `doc.spans["risk"]` (labelled with their indicator) and one
`Candidate` per span to `doc._.risk_candidates`, carrying the rule that found it. Per-span
data lives on the Candidate, not in `span._`: spaCy keys span extensions by character
offsets only, so two labels on the same words ("arrested": suspect gone, victim safe)
would overwrite each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from assistant.extraction.gated_matcher import GatedMatcher
from assistant.extraction.rules import RuleSet, TargetRule, load_rules
from assistant.labels import Status

SPAN_KEY = "risk"


@dataclass(slots=True)
class Candidate:
    """A possible mention; the context component fills in status and exclusion."""

    span: Span
    rule: TargetRule
    status: Status | None = None
    excluded: bool = False
    modifiers: tuple[str, ...] = field(default=())


if not Doc.has_extension("risk_candidates"):
    Doc.set_extension("risk_candidates", default=None)


@Language.factory("risk_target_matcher", default_config={"span_key": SPAN_KEY})
def create_risk_target_matcher(nlp: Language, name: str, span_key: str) -> "RiskTargetMatcher":
    return RiskTargetMatcher(nlp, load_rules(), span_key=span_key)


class RiskTargetMatcher:
    def __init__(self, nlp: Language, rules: RuleSet, *, span_key: str) -> None:
        self.span_key = span_key
        self._matcher = GatedMatcher(nlp.vocab)
        self._rules: dict[int, TargetRule] = {}
        for compiled in rules.targets:
            rule = compiled.rule
            assert isinstance(rule, TargetRule)
            key = nlp.vocab.strings.add(rule.id)
            self._rules[key] = rule
            self._matcher.add(rule.id, compiled.patterns)

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, TargetRule]] = []
        for match_id, start, end in self._matcher(doc):
            rule = self._rules[match_id]
            found.append((Span(doc, start, end, label=rule.label, span_id=rule.id), rule))
        kept = _resolve_overlaps(found)
        doc.spans[self.span_key] = [span for span, _ in kept]
        doc._.risk_candidates = [Candidate(span, rule) for span, rule in kept]
        return doc


def _resolve_overlaps(found: list[tuple[Span, TargetRule]]) -> list[tuple[Span, TargetRule]]:
    """Per label keep the longest non-overlapping matches; drop a match whose label is
    overridden by an overlapping match of another rule ("kill the dog" over "kill")."""
    overridden: set[int] = set()
    for i, (span, rule) in enumerate(found):
        if not rule.overrides:
            continue
        for j, (other, other_rule) in enumerate(found):
            if i != j and other_rule.label in rule.overrides and _overlaps(span, other):
                overridden.add(j)
    by_label: dict[str, list[tuple[Span, TargetRule]]] = {}
    for i, item in enumerate(found):
        if i not in overridden:
            by_label.setdefault(item[0].label_, []).append(item)
    kept: list[tuple[Span, TargetRule]] = []
    for items in by_label.values():
        items.sort(key=lambda it: (-(it[0].end - it[0].start), it[0].start))
        taken: list[tuple[Span, TargetRule]] = []
        for item in items:
            if not any(_overlaps(item[0], t[0]) for t in taken):
                taken.append(item)
        kept.extend(taken)
    kept.sort(key=lambda it: (it[0].start, it[0].end, it[0].label_))
    return kept


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
