"""The call's state as the tracker's slots hold it, read into plain values."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.questions.script import SCRIPTS

QUESTION_SLOT_PREFIX = "q_"
MAX_MESSAGE_CHARS = 20_000
"""A chat message longer than this is cut before analysis (the reply says so): a real note
is a few lines, and every action call ships the whole tracker."""


def question_slot(question_id: str) -> str:
    return f"{QUESTION_SLOT_PREFIX}{question_id}"


def question_of_slot(slot: str | None) -> str | None:
    if slot and slot.startswith(QUESTION_SLOT_PREFIX):
        return slot[len(QUESTION_SLOT_PREFIX) :]
    return None


@dataclass(frozen=True)
class Answer:
    """An answer to a scripted prompt; `message` indexes the call's notes."""

    question: str
    intent: str
    message: int
    text: str
    label: str | None = None
    status: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "intent": self.intent,
            "message": self.message,
            "text": self.text,
            "label": self.label,
            "status": self.status,
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> "Answer":
        return cls(
            question=str(raw["question"]),
            intent=str(raw["intent"]),
            message=int(raw["message"]),
            text=str(raw.get("text", "")),
            label=raw.get("label"),
            status=raw.get("status"),
        )


@dataclass(frozen=True)
class CallState:
    open: bool = False
    notes: tuple[str, ...] = ()
    answers: tuple[Answer, ...] = ()
    asked: tuple[str, ...] = ()
    script: str = "call_999"
    children_count: str | None = None
    last_prompt: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def from_slots(cls, get: Callable[[str], Any]) -> "CallState":
        """`get` is `tracker.get_slot`. Malformed slot values (a tracker edited by hand)
        are dropped rather than failing the turn."""
        notes = tuple(str(n) for n in (get("notes") or ()) if isinstance(n, str))
        answers = []
        for raw in get("answers") or ():
            try:
                answer = Answer.from_dict(raw)
            except (KeyError, TypeError, ValueError):
                continue
            if 0 <= answer.message < len(notes):
                answers.append(answer)
        script = get("script") or "call_999"
        return cls(
            open=bool(get("call_open")),
            notes=notes,
            answers=tuple(answers),
            asked=tuple(str(a) for a in (get("asked") or ())),
            script=script if script in SCRIPTS else "call_999",
            children_count=get("children_count"),
            last_prompt=get("last_prompt"),
        )

    def with_note(self, text: str) -> "CallState":
        return CallState(self.open, (*self.notes, text), self.answers, self.asked, self.script,
                         self.children_count, self.last_prompt)

    def with_answer(self, answer: Answer) -> "CallState":
        asked = self.asked if answer.question in self.asked else (*self.asked, answer.question)
        return CallState(self.open, self.notes, (*self.answers, answer), asked, self.script,
                         self.children_count, self.last_prompt)

    def slot_values(self) -> dict[str, Any]:
        """What to write back to the tracker."""
        return {
            "call_open": self.open,
            "notes": list(self.notes),
            "answers": [a.as_dict() for a in self.answers],
            "asked": list(self.asked),
        }


COMMAND_GUARD = "\u200b"
"""Put before a message starting with "/" by the Rasa REST channel (actions/rasa_ext.py) so
Rasa does not read it as a command; removed again here."""


def clip(text: str | None) -> tuple[str, bool]:
    """The message as recorded, and whether it was cut."""
    text = text or ""
    if text.startswith(COMMAND_GUARD) and text[1:].lstrip().startswith("/"):
        text = text[1:]
    if len(text) > MAX_MESSAGE_CHARS:
        return text[:MAX_MESSAGE_CHARS], True
    return text, False
