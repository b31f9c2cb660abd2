"""What an answer to a scripted prompt means for the label the prompt settles.

Adapter between the dialogue (intents affirm / deny / dont_know / answer_detail) and the
core engine's statuses; the mapping is data (`actions/data/prompt_answers.yml`).
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from assistant.datafiles import DataFileError, load_yaml, validate
from assistant.labels import Status
from assistant.questions.script import load_script

PACKAGE = "actions.data"
FILE = "prompt_answers.yml"
ANSWER_INTENTS = ("affirm", "deny", "dont_know", "answer_detail")


class Polarity(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    affirm: Status | None = None
    deny: Status | None = None


class PromptAnswers(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    default: Polarity
    questions: dict[str, Polarity] = {}


@lru_cache(maxsize=1)
def load_prompt_answers() -> PromptAnswers:
    file = f"{PACKAGE}/{FILE}"
    spec = validate(PromptAnswers, load_yaml(PACKAGE, FILE), file=file)
    known = {q.id for name in ("call_999", "front_counter") for q in load_script(name).spec.core}
    unknown = sorted(set(spec.questions) - known)
    if unknown:
        raise DataFileError(file, f"unknown question id(s) {unknown}", entry="questions")
    return spec


def answer_status(question_id: str, settles: str | None, intent: str) -> Status | None:
    """The status a yes/no answer gives `settles`, or None when the answer settles nothing."""
    if settles is None or intent not in ("affirm", "deny"):
        return None
    spec = load_prompt_answers()
    polarity = spec.questions.get(question_id, spec.default)
    return getattr(polarity, intent)
