"""The context component reads its rules through plain views (rule_views.py): each view must
answer every question as the pydantic rule it copies."""

from __future__ import annotations

from assistant.extraction.rule_views import ContextView
from assistant.extraction.rules import ContextRule, load_rules
from assistant.labels import LABELS


def test_every_view_answers_as_its_rule() -> None:
    rules = load_rules()
    target_ids = [c.rule.id for c in rules.targets]
    for compiled in rules.context:
        rule = compiled.rule
        assert isinstance(rule, ContextRule)
        view = ContextView.of(rule)
        assert (view.rule, view.id, view.category) == (rule, rule.id, rule.category)
        assert (view.at_clause_end, view.at_clause_start, view.anaphoric, view.answer) == (
            rule.at_clause_end, rule.at_clause_start, rule.anaphoric, rule.answer
        )
        assert view.is_generic == rule.is_generic
        assert bool(view.exclude_labels) == bool(rule.exclude_labels)
        assert view.sentence_only == (rule.scope == "sentence")
        assert view.forward == (rule.direction in ("forward", "both"))
        assert view.backward == (rule.direction in ("backward", "both"))
        for label in LABELS:
            assert view.reach(label) == rule.reach(label), (rule.id, label)
            for rule_id in {*target_ids[:50], *rule.rules}:
                assert view.applies_to(label, rule_id) == rule.applies_to(label, rule_id), (rule.id, label, rule_id)
