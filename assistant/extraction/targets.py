"""`risk_target_matcher`: finds phrases that signal a risk-indicator label.

Writes candidate mentions to `doc.spans["risk"]`, each labelled with its indicator and
carrying the rule that found it in `span._.risk_rule`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from assistant.extraction.rules import RuleSet, TargetRule, load_rules

SPAN_KEY = "risk"

if not Span.has_extension("risk_rule"):
    Span.set_extension("risk_rule", default=None)


@Language.factory("risk_target_matcher", default_config={"span_key": SPAN_KEY})
def create_risk_target_matcher(nlp: Language, name: str, span_key: str) -> "RiskTargetMatcher":
    return RiskTargetMatcher(nlp, load_rules(), span_key=span_key)


class RiskTargetMatcher:
    def __init__(self, nlp: Language, rules: RuleSet, *, span_key: str) -> None:
        self.span_key = span_key
        self._matcher = Matcher(nlp.vocab, validate=True)
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
            span = Span(doc, start, end, label=rule.label)
            span._.risk_rule = rule
            found.append((span, rule))
        doc.spans[self.span_key] = _resolve_overlaps(found)
        return doc


def _resolve_overlaps(found: list[tuple[Span, TargetRule]]) -> list[Span]:
    """Per label keep the longest non-overlapping matches; drop a match whose label is
    overridden by an overlapping match of another rule ("kill the dog" over "kill")."""
    overridden: set[int] = set()
    for i, (span, rule) in enumerate(found):
        if not rule.overrides:
            continue
        for j, (other, other_rule) in enumerate(found):
            if i != j and other_rule.label in rule.overrides and _overlaps(span, other):
                overridden.add(j)
    by_label: dict[str, list[Span]] = {}
    for i, (span, _) in enumerate(found):
        if i not in overridden:
            by_label.setdefault(span.label_, []).append(span)
    kept: list[Span] = []
    for spans in by_label.values():
        spans.sort(key=lambda s: (-(s.end - s.start), s.start))
        taken: list[Span] = []
        for span in spans:
            if not any(_overlaps(span, t) for t in taken):
                taken.append(span)
        kept.extend(taken)
    kept.sort(key=lambda s: (s.start, s.end))
    return kept


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
