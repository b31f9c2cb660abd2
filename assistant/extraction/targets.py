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

from assistant.extraction.gated_matcher import COLUMNS_KEY, GatedMatcher, note_columns
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
    adult: bool = False  # a kin word shown to be an adult ("daughter (20)")
    modifiers: tuple[str, ...] = field(default=())


if not Doc.has_extension("risk_candidates"):
    Doc.set_extension("risk_candidates", default=None)


@Language.factory("risk_target_matcher", default_config={"span_key": SPAN_KEY})
def create_risk_target_matcher(nlp: Language, name: str, span_key: str) -> "RiskTargetMatcher":
    return RiskTargetMatcher(nlp, load_rules(), span_key=span_key)


@dataclass(frozen=True, slots=True)
class _RuleFacts:
    """What matching and overlap resolution read of a target rule, as plain slots: pydantic's
    `__getattr__` hook made each read of a rule field about three times a slot read."""

    rule: TargetRule
    key: int  # the rule id's hash: the span id
    label_hash: int
    label: str
    overrides: tuple[str, ...]
    checks_age: bool  # has a min_age or max_age


Match = tuple[int, int, _RuleFacts]  # start, end (tokens), rule


class RiskTargetMatcher:
    def __init__(self, nlp: Language, rules: RuleSet, *, span_key: str) -> None:
        self.span_key = span_key
        self._matcher = GatedMatcher(nlp.vocab)
        self._rules: dict[int, _RuleFacts] = {}  # rule id hash -> the rule
        # rules with a pattern whose first or last token may be punctuation: only their
        # matches are trimmed (most rules' edges are words, and need no look)
        self._may_trim: set[int] = set()
        for compiled in rules.targets:
            rule = compiled.rule
            assert isinstance(rule, TargetRule)
            key = nlp.vocab.strings.add(rule.id)
            self._rules[key] = _RuleFacts(
                rule,
                key,
                nlp.vocab.strings.add(rule.label),
                rule.label,
                tuple(rule.overrides),
                rule.min_age is not None or rule.max_age is not None,
            )
            self._matcher.add(rule.id, compiled.patterns, end_patterns=compiled.end_patterns)
            if any(_may_be_punct(p[0]) or _may_be_punct(p[-1]) for p in compiled.patterns if p):
                self._may_trim.add(key)

    def __call__(self, doc: Doc) -> Doc:
        found: list[Match] = []
        # read once for both matchers: the context component takes them from user_data
        columns = note_columns(doc)
        doc.user_data[COLUMNS_KEY] = columns
        for match_id, start, end in self._matcher(doc, columns):
            facts = self._rules[match_id]
            if not facts.checks_age or _age_allows(doc[start:end], facts.rule):
                found.append((start, end, facts))
        spans: list[Span] = []
        candidates: list[Candidate] = []
        for start, end, facts in _resolve_overlaps(found):
            span = Span(doc, start, end, label=facts.label_hash, span_id=facts.key)  # hashes: no string lookups
            if facts.key in self._may_trim:
                span = _without_edge_punct(span)
            spans.append(span)
            candidates.append(Candidate(span, facts.rule))
        doc.spans[self.span_key] = spans
        doc._.risk_candidates = candidates
        return doc


def _resolve_overlaps(found: list[Match]) -> list[Match]:
    """Per label keep the longest non-overlapping matches; drop a match whose label is
    overridden by an overlapping match of another rule ("kill the dog" over "kill").

    Linear in the number of matches (token occupancy maps, not pairwise comparison), so a
    megabyte of notes costs no more per word than one line."""
    overriding: dict[str, list[tuple[int, int]]] = {}
    for start, end, facts in found:
        for label in facts.overrides:
            overriding.setdefault(label, []).append((start, end))
    blocked: dict[str, set[int]] = {
        label: {i for start, end in ranges for i in range(start, end)} for label, ranges in overriding.items()
    }
    by_label: dict[str, list[Match]] = {}
    for match in found:
        start, end, facts = match
        covered = blocked.get(facts.label)
        if covered and not facts.overrides and any(i in covered for i in range(start, end)):
            continue
        if covered and facts.overrides and _overridden_by_other(match, found):
            continue
        by_label.setdefault(facts.label, []).append(match)
    kept: list[Match] = []
    for items in by_label.values():
        items.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        occupied: set[int] = set()
        for item in items:
            positions = range(item[0], item[1])
            if not any(i in occupied for i in positions):
                occupied.update(positions)
                kept.append(item)
    kept.sort(key=lambda m: (m[0], m[1], m[2].label))
    return kept


_SENTENCE_ENDS = frozenset({".", "!", "?", ";", "..."})
_CLAUSE_ENDS = _SENTENCE_ENDS | {",", ":"}
# a `!word` test at a pattern's end may take the word joining the next item ("threats to kill
# and weapons"): the mention ends before it, so a list goes on past it
_JOINERS = frozenset({"and", "or", "&", "+", "nor"})


def _may_be_punct(spec: dict) -> bool:
    """Whether a token spec can match punctuation: any token, a punctuation test, a word test
    that only excludes words (`!word`), or one that names a punctuation mark ("." in a list)."""
    if "IS_PUNCT" in spec or not any(key != "OP" for key in spec):
        return True
    norm = spec.get("NORM")
    if isinstance(norm, dict):
        if "NOT_IN" in norm:
            return True
        words = norm.get("IN", [])
    else:
        words = [norm] if isinstance(norm, str) else []
    return any(isinstance(w, str) and not w[:1].isalnum() for w in words)


def _without_edge_punct(span: Span) -> Span:
    """A pattern's first or last token may be punctuation (a `!word` test, a `#punct`): the
    mention starts after a sentence end and ends before a clause end (an apposition's comma
    stays: "her brother, a PCSO"), so a full stop still bounds the scope of
    what stands across it ("she's not going back. he's not with her": the second denial is
    not about the first; "kids? none. 2 prev reports": the "none" is not about the reports).
    A joining word at the end goes too (see _JOINERS)."""
    start, end = span.start, span.end
    while end - start > 1 and (span.doc[end - 1].text in _CLAUSE_ENDS or span.doc[end - 1].lower_ in _JOINERS):
        end -= 1
    while end - start > 1 and span.doc[start].text in _SENTENCE_ENDS:
        start += 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(span.doc, start, end, label=span.label, span_id=span.id)


def _overridden_by_other(match: Match, found: list[Match]) -> bool:
    """Rare path: a match that itself overrides its own label (a pseudo rule) is dropped only
    by another overlapping rule that overrides it."""
    start, end, facts = match
    return any(
        other is not facts and facts.label in other.overrides
        for other_start, other_end, other in found
        if other_start < end and start < other_end
    )


def _age_allows(span: Span, rule: TargetRule) -> bool:
    if rule.min_age is not None and not _holds_age_at_least(span, rule.min_age):
        return False
    return rule.max_age is None or any(t.norm_.isdecimal() and int(t.norm_) <= rule.max_age for t in span)


def _holds_age_at_least(span: Span, age: int) -> bool:
    """`min_age` rules ("88-year-old mum") match only when the age is high enough."""
    return any(t.norm_.isdecimal() and age <= int(t.norm_) <= 120 for t in span)
