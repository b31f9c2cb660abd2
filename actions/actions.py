"""The custom actions. Each reads the call from the tracker, asks the engine, and answers
with one short line plus the sidebar payload (actions/payload.py)."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import AllSlotsReset, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from assistant.models import Analysis, Question
from assistant.questions.script import load_script

from actions.engine import CallEngine, PolicySearchUnavailable, default_engine
from actions.payload import changed_labels, grade_line, payload, status_line, summary_text
from actions.prompts import ANSWER_INTENTS, answer_status
from actions.state import Answer, CallState, clip, question_of_slot, question_slot

FORM = "call_script_form"
NO_CALL = "No call is open. Type a note about the call (or 'new call') to start one."
HELP = (
    "Type notes as you go (e.g. 'c/r whispering, ex outside w/ knife'). I track risks and prompt the next "
    "question: answer it with 'yes', 'no', 'dk' or a short detail. Ask 'wot next', 'wot grade', "
    "'what does policy say abt ...', 'summary' for the log, or 'new call'."
)
_FRONT_COUNTER = re.compile(r"\b(front[ -]?(counter|desk)|counter)\b", re.IGNORECASE)


def _send(dispatcher: CollectingDispatcher, text: str, body: dict[str, Any]) -> None:
    dispatcher.utter_message(text=text, json_message=body)


class CallAction(Action, ABC):
    """Base for actions that work on the call state. Registered with an engine by
    actions.webhook; a bare `rasa_sdk` server instantiates them without one."""

    def __init__(self, engine: CallEngine | None = None) -> None:
        self._engine = engine

    @property
    def engine(self) -> CallEngine:
        return self._engine or default_engine()

    @abstractmethod
    def name(self) -> str: ...

    def state(self, tracker: Tracker) -> CallState:
        return CallState.from_slots(tracker.get_slot)

    def pending(self, tracker: Tracker, state: CallState) -> Question | None:
        qid = question_of_slot(tracker.get_slot("requested_slot")) if tracker.active_loop_name == FORM else None
        return self.engine.question(state, qid) if qid else None

    def no_call(self, dispatcher: CollectingDispatcher, state: CallState, kind: str) -> list[EventType]:
        _send(dispatcher, NO_CALL, payload(kind, state, None, notice="no_call"))
        return []


def record_note(engine: CallEngine, tracker: Tracker, state: CallState, prefix: str = "") -> tuple[CallState, str, Analysis]:
    """Append the latest message to the notes; the reply line says what changed."""
    text, cut = clip(tracker.latest_message.get("text"))
    opened = not state.open
    before = engine.analyse(state) if state.notes else None
    state = replace(state, open=True).with_note(text)
    analysis = engine.analyse(state)
    changed = changed_labels(before, analysis)
    parts = [prefix] if prefix else []
    if opened:
        parts.append("New call opened.")
    parts.append(f"Noted: {status_line(analysis, changed)}." if changed else "Noted; no new risk indicator.")
    if before is None or before.grade.grade != analysis.grade.grade:
        parts.append(grade_line(analysis) + ".")
    if cut:
        parts.append("(Only the first 20,000 characters were kept.)")
    return state, " ".join(parts), analysis


class ActionRecordNote(CallAction):
    def name(self) -> str:
        return "action_record_note"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = self.state(tracker)
        if not (tracker.latest_message.get("text") or "").strip():
            _send(dispatcher, "Empty message: nothing recorded.", payload("notice", state, None, notice="empty"))
            return []
        state, line, analysis = record_note(self.engine, tracker, state)
        _send(dispatcher, line, payload("note", state, analysis, pending=self.pending(tracker, state)))
        return [SlotSet(k, v) for k, v in state.slot_values().items()]


class ActionFallback(CallAction):
    """Low NLU confidence (or nothing else applies): during a call the message is most
    likely a note, so it is kept as one; otherwise the help line."""

    def name(self) -> str:
        return "action_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = self.state(tracker)
        text = (tracker.latest_message.get("text") or "").strip()
        if not text:
            _send(dispatcher, "Empty message: nothing recorded.", payload("notice", state, None, notice="empty"))
            return []
        if not state.open:
            _send(dispatcher, f"Sorry, I didn't follow. {HELP}", payload("help", state, None, notice="not_understood"))
            return []
        state, line, analysis = record_note(self.engine, tracker, state, prefix="Not sure what you meant, so I kept it as a note.")
        _send(dispatcher, line, payload("note", state, analysis, pending=self.pending(tracker, state)))
        return [SlotSet(k, v) for k, v in state.slot_values().items()]


class ActionNewCall(CallAction):
    def name(self) -> str:
        return "action_new_call"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        script = "front_counter" if _FRONT_COUNTER.search(text) else "call_999"
        state = CallState(open=True, script=script)
        analysis = self.engine.analyse(state)
        _send(dispatcher, f"New call started ({script.replace('_', ' ')} script). Type notes as you go.",
              payload("new_call", state, analysis))
        return [AllSlotsReset(), SlotSet("call_open", True), SlotSet("script", script)]


class ActionNextQuestion(CallAction):
    def name(self) -> str:
        return "action_next_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = self.state(tracker)
        if not state.open:
            return self.no_call(dispatcher, state, "questions")
        analysis = self.engine.analyse(state)
        if analysis.questions:
            line = "Ask next: " + " | ".join(f"{n}. {q.text}" for n, q in enumerate(analysis.questions, 1))
        else:
            line = "No scripted question left to ask. Type 'wot grade' or 'summary'."
        _send(dispatcher, line, payload("questions", state, analysis, pending=self.pending(tracker, state)))
        return []


class ActionGrade(CallAction):
    def name(self) -> str:
        return "action_grade"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = self.state(tracker)
        if not state.open:
            return self.no_call(dispatcher, state, "grade")
        analysis = self.engine.analyse(state)
        why = [i.label for r in analysis.grade.rules for i in r.indicators]
        line = grade_line(analysis) + (f". Because: {status_line(analysis, why)}" if why else "") + "."
        critical = [q.id for q in analysis.questions if q.critical]
        if critical:
            line += " Still unknown: " + ", ".join(critical) + "."
        _send(dispatcher, line, payload("grade", state, analysis, pending=self.pending(tracker, state)))
        return []


class ActionPolicySearch(CallAction):
    def name(self) -> str:
        return "action_policy_search"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = self.state(tracker)
        query, _ = clip(tracker.latest_message.get("text"))
        analysis = self.engine.analyse(state) if state.open else None
        pending = self.pending(tracker, state)
        try:
            answered, results = self.engine.search_policy(query, k=3)
        except PolicySearchUnavailable:
            _send(dispatcher, "Policy search is unavailable right now; the notes and grading still work.",
                  payload("policy", state, analysis, pending=pending, policy={"available": False, "query": query}))
            return []
        cites = [_citation(r) for r in results]
        if answered and results:
            top = cites[0]
            line = f"{top['document']} {top['section']}: \"{_short(top['quote'])}\""
        elif results:
            line = "No passage answers that directly. Closest: " + "; ".join(
                f"{c['document']} {c['section']}" for c in cites[:3])
        else:
            line = "No policy passage found for that."
        _send(dispatcher, line, payload("policy", state, analysis, pending=pending, extra_citations=cites,
                                        policy={"available": True, "query": query, "answered": answered,
                                                "results": [c["id"] for c in cites]}))
        return []


def _citation(result: dict[str, Any]) -> dict[str, Any]:
    """A search result (assistant.retrieval.SearchResult as a dict) in the payload's citation shape:
    the quote is the sentence that best answers, the passage text is kept whole beside it."""
    highlights = result.get("highlights") or []
    text = str(result.get("text", ""))
    return {
        "id": str(result.get("passage_id") or result.get("id") or ""),
        "document": str(result.get("document", "")),
        "document_title": str(result.get("document_title", "")),
        "section": str(result.get("section", "")),
        "quote": " ".join(h.get("sentence", "") for h in highlights[:2]).strip() or text,
        "text": text,
        "score": result.get("score"),
        "superseded": bool(result.get("superseded", False)),
    }


def _short(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class ActionSummary(CallAction):
    def name(self) -> str:
        return "action_summary"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = self.state(tracker)
        if not state.open:
            return self.no_call(dispatcher, state, "summary")
        analysis = self.engine.analyse(state)
        text = summary_text(state, analysis)
        _send(dispatcher, text, payload("summary", state, analysis, pending=self.pending(tracker, state), summary=text))
        return []


class ActionHelp(CallAction):
    def name(self) -> str:
        return "action_help"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = self.state(tracker)
        analysis = self.engine.analyse(state) if state.open else None
        _send(dispatcher, HELP, payload("help", state, analysis, pending=self.pending(tracker, state)))
        return []


class ActionOutOfScope(CallAction):
    def name(self) -> str:
        return "action_out_of_scope"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = self.state(tracker)
        analysis = self.engine.analyse(state) if state.open else None
        _send(dispatcher, "I can only help with the call: notes, next questions, grade, policy and the summary.",
              payload("out_of_scope", state, analysis, pending=self.pending(tracker, state)))
        return []


class ActionAnswerWithoutPrompt(CallAction):
    """A yes / no / don't know with no prompt on screen; a short detail is kept as a note."""

    def name(self) -> str:
        return "action_answer_without_prompt"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = self.state(tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if not state.open:
            return self.no_call(dispatcher, state, "notice")
        if intent == "answer_detail" and (tracker.latest_message.get("text") or "").strip():
            state, line, analysis = record_note(self.engine, tracker, state, prefix="No question was waiting; kept as a note.")
            _send(dispatcher, line, payload("note", state, analysis))
            return [SlotSet(k, v) for k, v in state.slot_values().items()]
        analysis = self.engine.analyse(state)
        _send(dispatcher, "No question is waiting for an answer. Type a note, or 'wot next' for questions.",
              payload("notice", state, analysis, notice="no_prompt"))
        return []


class ActionScriptComplete(CallAction):
    def name(self) -> str:
        return "action_script_complete"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = self.state(tracker)
        analysis = self.engine.analyse(state)
        _send(dispatcher, "Every scripted question is covered. " + grade_line(analysis) + ". Type 'summary' for the log.",
              payload("script_complete", state, analysis))
        return []


class ValidateCallScriptForm(FormValidationAction):
    """The form's required slots are the questions still open (unknown and not yet asked),
    in the engine's order; an answer to the pending one updates the call state."""

    def __init__(self, engine: CallEngine | None = None) -> None:
        self._engine = engine

    @property
    def engine(self) -> CallEngine:
        return self._engine or default_engine()

    def name(self) -> str:
        return f"validate_{FORM}"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> list[str]:
        state = CallState.from_slots(tracker.get_slot)
        if not state.open:
            return []
        open_slots = [question_slot(q.id) for q in self.engine.open_questions(state)]
        pending = tracker.get_slot("requested_slot")
        if pending in open_slots:  # a prompt on screen stays there until answered or settled
            open_slots.remove(pending)
            open_slots.insert(0, pending)
        return open_slots

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> list[EventType]:
        return []  # slots come from the domain's from_text mappings

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        qid = question_of_slot(requested)
        just_set = tracker.slots_to_validate()
        if qid is None or requested not in just_set or just_set[requested] is None:
            return []
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        state = CallState.from_slots(tracker.get_slot)
        if intent == "note":
            # A note typed while a prompt is pending: recorded like any note; the prompt stays
            # pending unless the note settled it (then required_slots drops it).
            if not str(just_set[requested]).strip():
                return [SlotSet(requested, None)]
            state, line, analysis = record_note(self.engine, tracker, state)
            still_open = self.engine.open_questions(state)
            pending = next((q for q in still_open if q.id == qid), still_open[0] if still_open else None)
            dispatcher.utter_message(text=line, json_message=payload("note", state, analysis, pending=pending))
            return [SlotSet(requested, None), *(SlotSet(k, v) for k, v in state.slot_values().items())]
        if intent not in ANSWER_INTENTS:
            return [SlotSet(requested, None)]
        question = self.engine.question(state, qid)
        text, _ = clip(str(just_set[requested]))
        status = answer_status(qid, question.settles if question else None, intent)
        state = state.with_note(text)
        answer = Answer(question=qid, intent=intent, message=len(state.notes) - 1, text=text,
                        label=question.settles if (question and status) else None,
                        status=status.value if status else None)
        state = state.with_answer(answer)
        return [SlotSet(requested, text), *(SlotSet(k, v) for k, v in state.slot_values().items())]


class AskQuestion(CallAction, ABC):
    """Base of the generated `action_ask_q_<id>` actions the form calls to put a prompt.
    A prompt already on screen is not repeated after a side question (grade, policy...)."""

    question_id: str = ""

    def name(self) -> str:
        return f"action_ask_{question_slot(self.question_id)}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        state = self.state(tracker)
        question = self.engine.question(state, self.question_id)
        if question is None:
            return []
        if state.last_prompt != question.id:
            analysis = self.engine.analyse(state)
            line = ("Critical - ask: " if question.critical else "Ask: ") + question.text
            _send(dispatcher, line, payload("question", state, analysis, pending=question))
        return [SlotSet("last_prompt", question.id)]


def _ask_classes() -> list[type[AskQuestion]]:
    ids: dict[str, None] = {}
    for name in ("call_999", "front_counter"):
        spec = load_script(name).spec
        ids.update(dict.fromkeys([q.id for q in spec.core] + [f.id for f in spec.follow_ups]))
    return [type(f"AskQ_{qid}", (AskQuestion,), {"question_id": qid, "__module__": __name__}) for qid in ids]


ASK_ACTIONS = _ask_classes()
ACTIONS: list[type] = [
    ActionRecordNote, ActionFallback, ActionNewCall, ActionNextQuestion, ActionGrade, ActionPolicySearch,
    ActionSummary, ActionHelp, ActionOutOfScope, ActionAnswerWithoutPrompt, ActionScriptComplete,
    ValidateCallScriptForm, *ASK_ACTIONS,
]
