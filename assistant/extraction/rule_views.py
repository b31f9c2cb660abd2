"""Plain read-only views of the context rules, for the per-note path.

The rules are pydantic models, and pydantic's `BaseModel.__getattr__` (for private and
extra attributes) sends every attribute read through Python's `__getattr__` hook, about three
times the cost of a plain slot read; the context component reads rule fields hundreds of
times a note. A view copies the fields it reads once, at load, with the label tests as sets.
tests/extraction/test_rule_views.py checks that each view answers as its rule does.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.extraction.rules import Category, ContextRule


@dataclass(frozen=True, slots=True)
class ContextView:
    rule: ContextRule
    id: str
    category: Category
    kind: str  # the category as a modifier's description names it ("negated")
    forward: bool  # reaches a mention after it
    backward: bool  # reaches a mention before it
    sentence_only: bool  # its scope is the sentence: clause breaks do not stop it
    at_clause_end: bool
    at_clause_start: bool
    anaphoric: bool
    previous_note: bool  # a note opening with it dates the note before
    answer: bool
    is_generic: bool
    labels: frozenset[str]  # empty: every label
    exclude_labels: frozenset[str]
    rules: frozenset[str]  # empty: every target rule
    exclude_rules: frozenset[str]
    max_tokens: int
    longer_labels: frozenset[str]  # labels reached `longer_max_tokens` far
    longer_max_tokens: int

    @classmethod
    def of(cls, rule: ContextRule) -> ContextView:
        longer = rule.longer_reach
        return cls(
            rule=rule,
            id=rule.id,
            category=rule.category,
            kind=rule.category.value.lower(),
            forward=rule.direction in ("forward", "both"),
            backward=rule.direction in ("backward", "both"),
            sentence_only=rule.scope == "sentence",
            at_clause_end=rule.at_clause_end,
            at_clause_start=rule.at_clause_start,
            anaphoric=rule.anaphoric,
            previous_note=rule.previous_note,
            answer=rule.answer,
            is_generic=rule.is_generic,
            labels=frozenset(rule.labels),
            exclude_labels=frozenset(rule.exclude_labels),
            rules=frozenset(rule.rules),
            exclude_rules=frozenset(rule.exclude_rules),
            max_tokens=rule.max_tokens,
            longer_labels=frozenset(longer.labels if longer is not None else ()),
            longer_max_tokens=longer.max_tokens if longer is not None else rule.max_tokens,
        )

    def applies_to(self, label: str, rule_id: str) -> bool:
        """`ContextRule.applies_to`."""
        if self.labels and label not in self.labels:
            return False
        if self.rules and rule_id not in self.rules:
            return False
        return label not in self.exclude_labels and rule_id not in self.exclude_rules

    def reach(self, label: str) -> int:
        """`ContextRule.reach`."""
        return self.longer_max_tokens if label in self.longer_labels else self.max_tokens
