"""Trackers for the action tests, built from data/trackers.yml, and an engine on the session's analyser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker

from actions.engine import CallEngine

FIXTURES = yaml.safe_load((Path(__file__).parent / "data" / "trackers.yml").read_text())


def build_tracker(name: str, **overrides: Any) -> Tracker:
    spec = {**FIXTURES[name], **overrides}
    slots = {"call_open": False, "script": "call_999", "notes": [], "answers": [], "asked": [], **spec["slots"]}
    latest = {"text": spec["text"], "intent": {"name": spec["intent"], "confidence": 0.99}, "entities": []}
    events: list[dict[str, Any]] = [{"event": "action", "name": "action_listen"},
                                    {"event": "user", "text": spec["text"], "parse_data": latest}]
    events += [{"event": "slot", "name": s, "value": slots[s]} for s in spec.get("just_set", [])]
    loop = spec.get("active_loop")
    return Tracker(
        sender_id=f"test-{name}",
        slots=slots,
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": loop} if loop else {},
        latest_action_name="action_listen",
    )


class FakeSearch:
    """Stands in for assistant.retrieval.PolicySearch (its own tests live with it)."""

    def __init__(self, answered: bool = True) -> None:
        self.answered = answered
        self.queries: list[str] = []

    def search(self, query: str, k: int = 5) -> Any:
        from assistant.retrieval.models import SearchAnswer, SearchResult

        self.queries.append(query)
        result = SearchResult(
            document="hmic-2015", document_title="Increasingly everyone's business", publisher="HMIC",
            version="2015", source_kind="inspection report", section="Identifying repeat victims",
            section_id="s1", passage_id="hmic-2015:s1:p1",
            text="Forces should identify repeat victims at the first point of contact. Other text.",
            score=0.9, highlights=[{"start": 0, "end": 68, "sentence": "Forces should identify repeat victims at the first point of contact."}],
            marked_text="**Forces should identify repeat victims at the first point of contact.** Other text.")
        return SearchAnswer(query=query, answered=self.answered, results=[result][:k],
                            message=None if self.answered else "not covered")


@pytest.fixture(scope="session")
def engine(analyser) -> CallEngine:
    return CallEngine(analyser=analyser, policy_search=FakeSearch())


@pytest.fixture
def tracker():
    return build_tracker


@pytest.fixture
def fake_search():
    return FakeSearch
