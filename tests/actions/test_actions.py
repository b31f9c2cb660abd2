"""Action unit tests: CollectingDispatcher, trackers from data/trackers.yml, the real engine."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions.engine import CallEngine, PolicySearchUnavailable
from actions.state import MAX_MESSAGE_CHARS, CallState

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain" / "questions.yml").read_text())
PAYLOAD_KEYS = {"kind", "call_open", "indicators", "grade", "next_questions", "pending", "citations", "answers"}


def run(action: Any, tracker: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, DOMAIN)
    if inspect.isawaitable(events):
        events = asyncio.run(events)
    for m in dispatcher.messages:  # every bot turn: a readable line plus the sidebar payload
        assert m["text"] and isinstance(m["text"], str)
        assert PAYLOAD_KEYS <= set(m["custom"]), m["custom"].keys()
    return events, dispatcher.messages


def slots(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def state_after(tracker: Any, events: list[dict[str, Any]]) -> CallState:
    merged = {**tracker.slots, **slots(events)}
    return CallState.from_slots(merged.get)


def test_first_note_opens_the_call_and_reports_indicators_with_evidence(engine, tracker):
    t = tracker("first_note")
    events, messages = run(A.ActionRecordNote(engine), t)
    assert slots(events)["call_open"] is True
    assert slots(events)["notes"] == ["c/r whispering ex outside w/ knife"]
    body = messages[0]["custom"]
    assert messages[0]["text"].startswith("New call opened.")
    weapon = next(i for i in body["indicators"] if i["label"] == "weapon")
    assert weapon["status"] == "current"
    assert weapon["evidence"][0]["message"] == 0
    assert "knife" in weapon["evidence"][0]["text"]
    assert body["grade"]["grade"] == "emergency" and body["grade"]["rules"]
    assert body["next_questions"] and all(q["reason"] for q in body["next_questions"])
    assert {c["id"] for c in body["citations"]} >= {p for r in body["grade"]["rules"] for p in r["policy"]}


def test_no_to_the_weapons_prompt_negates_weapon_with_that_message_as_evidence(engine, tracker):
    t = tracker("weapons_no")
    events, _ = run(A.ValidateCallScriptForm(engine), t)
    set_ = slots(events)
    assert set_["notes"][-1] == "no"
    assert set_["answers"] == [{"question": "weapons", "intent": "deny", "message": 1, "text": "no",
                                "label": "weapon", "status": "negated"}]
    assert set_["asked"] == ["weapons"]
    assert set_["requested_slot"] not in (None, "q_weapons")
    analysis = engine.analyse(state_after(t, events))
    weapon = next(i for i in analysis.indicators if i.label == "weapon")
    assert weapon.status.value == "negated"
    assert [(e.message, e.text, e.rule) for e in weapon.evidence] == [(1, "no", "prompt_answer:weapons")]
    assert "weapons" not in {q.id for q in analysis.questions}


def test_yes_to_can_you_talk_freely_means_she_can(engine, tracker):
    events, _ = run(A.ValidateCallScriptForm(engine), tracker("safe_to_talk_yes"))
    answer = slots(events)["answers"][-1]
    assert (answer["label"], answer["status"]) == ("cannot_talk_safely", "negated")


def test_dont_know_settles_nothing_but_is_not_asked_again(engine, tracker):
    t = tracker("children_dont_know")
    events, _ = run(A.ValidateCallScriptForm(engine), t)
    answer = slots(events)["answers"][-1]
    assert answer["label"] is None and answer["status"] is None
    state = state_after(t, events)
    assert "children" in state.asked
    assert "children_present" not in engine.analyse(state).statuses()
    assert slots(events)["requested_slot"] != "q_children"


def test_required_slots_skip_what_the_notes_answered(engine, tracker):
    t = tracker("knife_in_notes")
    required = asyncio.run(A.ValidateCallScriptForm(engine).required_slots([], CollectingDispatcher(), t, DOMAIN))
    assert "q_weapons" not in required
    assert "q_weapon_details" in required  # follow-up for a current weapon
    assert required[0] == "q_safe_to_talk"  # critical questions first
    assert len(required) == len(set(required))


def test_a_later_note_overrides_an_earlier_answer(engine, tracker):
    t = tracker("note_after_denial")
    events, messages = run(A.ActionRecordNote(engine), t)
    analysis = engine.analyse(state_after(t, events))
    assert analysis.statuses()["weapon"] == "current"
    assert "weapon (current)" in messages[0]["text"]
    assert messages[0]["custom"]["pending"]["id"] == "injuries"


def test_no_call_open_gets_a_clear_reply(engine, tracker):
    for action in (A.ActionGrade(engine), A.ActionSummary(engine), A.ActionNextQuestion(engine)):
        events, messages = run(action, tracker("no_call_grade"))
        assert events == []
        assert messages[0]["text"] == A.NO_CALL
        assert messages[0]["custom"]["call_open"] is False
    events, messages = run(A.ActionAnswerWithoutPrompt(engine), tracker("no_call_answer"))
    assert events == [] and messages[0]["text"] == A.NO_CALL


def test_answer_with_no_prompt_pending(engine, tracker):
    events, messages = run(A.ActionAnswerWithoutPrompt(engine), tracker("stray_answer"))
    assert events == [] and "No question is waiting" in messages[0]["text"]
    events, messages = run(A.ActionAnswerWithoutPrompt(engine), tracker("stray_detail"))
    assert slots(events)["notes"] == ["ex shouting outside", "kitchen knife"]
    assert "kept as a note" in messages[0]["text"]


def test_grade_reply_names_grade_reasons_and_unknowns(engine, tracker):
    _, messages = run(A.ActionGrade(engine), tracker("call_open_no_prompt"))
    text, body = messages[0]["text"], messages[0]["custom"]
    assert text.startswith(f"Suggested grade: {body['grade']['grade'].upper()}")
    assert "Because:" in text and "Still unknown:" in text
    assert body["kind"] == "grade"


def test_summary_is_log_text(engine, tracker):
    _, messages = run(A.ActionSummary(engine), tracker("call_open_no_prompt"))
    text = messages[0]["text"]
    assert text.startswith("Call summary (call_999, 1 messages)")
    assert "Current risks:" in text and messages[0]["custom"]["summary"] == text


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_message_records_nothing(engine, tracker, text):
    for action in (A.ActionRecordNote(engine), A.ActionFallback(engine)):
        events, messages = run(action, tracker("first_note", text=text))
        assert events == [] and messages[0]["text"] == "Empty message: nothing recorded."


def test_huge_message_is_cut_and_said_so(engine, tracker):
    text = ("c/r says he has a knife and is outside. " * 700)[: MAX_MESSAGE_CHARS + 5_000]
    events, messages = run(A.ActionRecordNote(engine), tracker("first_note", text=text))
    assert len(slots(events)["notes"][0]) == MAX_MESSAGE_CHARS
    assert "first 20,000 characters" in messages[0]["text"]


@pytest.mark.parametrize("text", ["😡😡😡 🔪", "mi marido me pegó y tiene un cuchillo", "他打了我", "\ud800 lone surrogate",
                                  "<script>alert(1)</script>", "'; DROP TABLE events; --"])
def test_odd_text_becomes_a_note_without_failing(engine, tracker, text):
    events, messages = run(A.ActionFallback(engine), tracker("stray_answer", text=text, intent="nlu_fallback"))
    assert slots(events)["notes"][-1] == text
    assert messages[0]["text"].startswith("Not sure what you meant")


def test_fallback_with_no_call_is_help(engine, tracker):
    events, messages = run(A.ActionFallback(engine), tracker("no_call_answer", text="😡", intent="nlu_fallback"))
    assert events == [] and "didn't follow" in messages[0]["text"]


def test_new_call_resets_and_picks_the_script(engine, tracker):
    events, messages = run(A.ActionNewCall(engine), tracker("new_front_counter"))
    assert events[0] == AllSlotsReset()
    assert SlotSet("script", "front_counter") in events and SlotSet("call_open", True) in events
    assert messages[0]["custom"]["script"] == "front_counter"


def test_pending_prompt_is_not_repeated_after_a_side_question(engine, tracker):
    ask = next(c for c in A.ASK_ACTIONS if c.question_id == "safe_to_talk")(engine)
    assert ask.name() == "action_ask_q_safe_to_talk"
    events, messages = run(ask, tracker("pending_reask"))
    assert messages == [] and events == [SlotSet("last_prompt", "safe_to_talk")]
    events, messages = run(ask, tracker("pending_reask", slots={**tracker("pending_reask").slots, "last_prompt": None}))
    assert messages[0]["text"] == "Critical - ask: Can you talk freely? Is he with you or able to hear?"
    assert messages[0]["custom"]["pending"]["id"] == "safe_to_talk"


def test_policy_answer_carries_citations(engine, tracker):
    _, messages = run(A.ActionPolicySearch(engine), tracker("policy_question"))
    body = messages[0]["custom"]
    assert "Identifying repeat victims" in messages[0]["text"]
    cite = next(c for c in body["citations"] if c["id"] == "hmic-2015:s1:p1")
    assert cite["quote"] == "Forces should identify repeat victims at the first point of contact."
    assert body["policy"]["answered"] is True and body["policy"]["results"] == ["hmic-2015:s1:p1"]


def test_policy_not_answered_says_so(analyser, tracker, fake_search):
    eng = CallEngine(analyser=analyser, policy_search=fake_search(answered=False))
    _, messages = run(A.ActionPolicySearch(eng), tracker("policy_question"))
    assert messages[0]["text"].startswith("No passage answers that directly")


def test_policy_search_unavailable_degrades_with_a_clear_message(analyser, tracker, monkeypatch):
    eng = CallEngine(analyser=analyser)

    def broken() -> Any:
        raise PolicySearchUnavailable("CorpusMissingError: policy_corpus/ is not built")

    monkeypatch.setattr(eng, "policy_search", broken)
    _, messages = run(A.ActionPolicySearch(eng), tracker("policy_question"))
    assert messages[0]["text"].startswith("Policy search is unavailable right now")
    assert messages[0]["custom"]["policy"]["available"] is False
    assert messages[0]["custom"]["grade"] is not None  # the rest of the payload still works


def test_every_scripted_question_has_an_ask_action_and_slot():
    ids = {c.question_id for c in A.ASK_ACTIONS}
    assert {s.removeprefix("q_") for s in DOMAIN["forms"]["call_script_form"]["required_slots"]} == ids
    assert set(DOMAIN["actions"]) == {f"action_ask_q_{i}" for i in ids}


def test_a_note_while_a_prompt_is_pending_is_recorded_as_a_note_not_an_answer(engine, tracker):
    t = tracker("note_while_prompt_pending")
    events, messages = run(A.ValidateCallScriptForm(engine), t)
    set_ = slots(events)
    assert set_["q_weapons"] is None and set_["answers"] == []
    assert set_["notes"] == ["ex banging on the door", "c/r says he's got a knife in the kitchen"]
    assert "weapon (current)" in messages[0]["text"]
    assert set_["requested_slot"] not in (None, "q_weapons")  # the note settled it: the form moves on
    assert messages[0]["custom"]["pending"]["id"] == set_["requested_slot"].removeprefix("q_")


def test_an_unrelated_note_leaves_the_prompt_pending(engine, tracker):
    t = tracker("unrelated_note_while_prompt_pending")
    events, messages = run(A.ValidateCallScriptForm(engine), t)
    set_ = slots(events)
    assert set_["q_children"] is None and "children" not in set_["asked"]
    assert set_["requested_slot"] == "q_children"
    assert messages[0]["custom"]["pending"]["id"] == "children"


def test_command_guard_from_the_rest_channel_is_not_recorded(engine, tracker):
    events, _ = run(A.ActionFallback(engine), tracker("stray_answer", text="\u200b/restart", intent="nlu_fallback"))
    assert slots(events)["notes"][-1] == "/restart"
    events, _ = run(A.ActionRecordNote(engine), tracker("stray_answer", text="\u200bc/r says hi", intent="note"))
    assert slots(events)["notes"][-1] == "\u200bc/r says hi"  # only removed before a "/"
