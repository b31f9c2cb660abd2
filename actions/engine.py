"""The actions' window on the core engine: one warm Analyser and one policy search per process.

`analyse` is `Analyser.analyse` plus the answers given to prompts: an answer becomes a
mention at its message (so "later statements win" holds between notes and answers), then
the engine's own resolve, grading and question steps run unchanged.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from assistant.analysis import Analyser
from assistant.extraction.mentions import Mention
from assistant.grading.engine import suggest_grade
from assistant.labels import Status
from assistant.models import Analysis, CallContext, Question
from assistant.questions.engine import suggest_questions
from assistant.questions.script import load_script

from actions.state import CallState

log = logging.getLogger(__name__)
ANSWER_RULE_PREFIX = "prompt_answer:"


class PolicySearchUnavailable(RuntimeError):
    pass


class CallEngine:
    """Thread-safe for concurrent action calls: caches are guarded, analysis keeps no state."""

    def __init__(self, analyser: Analyser | None = None, policy_search: Any | None = None) -> None:
        self._analyser = analyser
        self._policy_search = policy_search
        self._policy_error: str | None = None
        self._lock = threading.Lock()
        self._note_cache: OrderedDict[str, tuple[Mention, ...]] = OrderedDict()
        self._analysis_cache: OrderedDict[tuple, Analysis] = OrderedDict()

    @property
    def analyser(self) -> Analyser:
        if self._analyser is None:
            with self._lock:
                if self._analyser is None:
                    self._analyser = Analyser()
        return self._analyser

    def _mentions(self, notes: tuple[str, ...]) -> list[Mention]:
        """Notes never change once recorded, so each is analysed once per process."""
        found: list[Mention] = []
        missing = [n for n in dict.fromkeys(notes) if n not in self._note_cache]
        if missing:
            fresh = {n: tuple(self.analyser.mentions([n])) for n in missing}
            with self._lock:
                self._note_cache.update(fresh)
                while len(self._note_cache) > 4096:
                    self._note_cache.popitem(last=False)
        for i, note in enumerate(notes):
            cached = self._note_cache.get(note)
            if cached is None:
                cached = tuple(self.analyser.mentions([note]))
            found.extend(replace(m, message=i) for m in cached)
        return found

    @staticmethod
    def _answer_mentions(state: CallState) -> list[Mention]:
        out = []
        for a in state.answers:
            if a.label is None or a.status is None:
                continue
            out.append(Mention(label=a.label, status=Status(a.status), message=a.message, start=0,
                               end=len(a.text), text=a.text, rule=f"{ANSWER_RULE_PREFIX}{a.question}",
                               modifiers=()))
        return out

    def analyse(self, state: CallState) -> Analysis:
        key = (state.notes, state.answers, frozenset(state.asked), state.script)
        cached = self._analysis_cache.get(key)
        if cached is not None:
            return cached
        an = self.analyser
        indicators = an.indicators(state.notes, [*self._mentions(state.notes), *self._answer_mentions(state)])
        script = load_script(state.script)
        analysis = Analysis(
            indicators=indicators,
            grade=suggest_grade(an.policy, indicators, CallContext()),
            questions=suggest_questions(script, indicators, asked=frozenset(state.asked)),
            rules_version=an.rules.version,
            script=script.name,
        )
        with self._lock:
            self._analysis_cache[key] = analysis
            while len(self._analysis_cache) > 256:
                self._analysis_cache.popitem(last=False)
        return analysis

    def open_questions(self, state: CallState) -> tuple[Question, ...]:
        """Every question still worth asking, in the script's order of priority (not capped
        at the five the sidebar shows): the form's required slots."""
        analysis = self.analyse(state)
        script = load_script(state.script)
        return suggest_questions(script, analysis.indicators, asked=frozenset(state.asked),
                                 limit=len(script.spec.core) + len(script.spec.follow_ups))

    def question(self, state: CallState, question_id: str) -> Question | None:
        script = load_script(state.script)
        for q in script.spec.core:
            if q.id == question_id:
                return Question(id=q.id, text=q.text, kind="core", settles=q.settles, reason=q.reason,
                                critical=q.critical, policy=script.refs[q.id])
        for f in script.spec.follow_ups:
            if f.id == question_id:
                return Question(id=f.id, text=f.text, kind="follow_up", reason=f.reason, policy=script.refs[f.id])
        return None

    # policy search (assistant.retrieval, built by another issue): loaded lazily, optional
    def policy_search(self) -> Any:
        if self._policy_search is not None:
            return self._policy_search
        if self._policy_error is not None:
            raise PolicySearchUnavailable(self._policy_error)
        with self._lock:
            if self._policy_search is None:
                try:
                    from assistant.retrieval import PolicySearch  # noqa: PLC0415 - optional, heavy
                    shared = getattr(PolicySearch, "shared", None)  # one per process, shared with the API
                    self._policy_search = shared() if shared else PolicySearch.load()
                except Exception as exc:  # ImportError, missing index, model hash mismatch
                    self._policy_error = f"{type(exc).__name__}: {exc}"
                    log.warning("policy search unavailable: %s", self._policy_error)
                    raise PolicySearchUnavailable(self._policy_error) from exc
        return self._policy_search

    def search_policy(self, query: str, k: int = 3) -> tuple[bool, list[dict[str, Any]]]:
        """(answered, results as plain dicts). Raises PolicySearchUnavailable."""
        found = self.policy_search().search(query, k)
        return bool(getattr(found, "answered", bool(getattr(found, "results", ())))), [
            _plain(r) for r in getattr(found, "results", found)
        ]


def _plain(obj: Any) -> dict[str, Any]:
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if hasattr(obj, "__dataclass_fields__"):
        from dataclasses import asdict  # noqa: PLC0415

        return asdict(obj)
    if isinstance(obj, dict):
        return dict(obj)
    return {k: v for k, v in vars(obj).items() if not k.startswith("_")}


_default: CallEngine | None = None
_default_lock = threading.Lock()


def default_engine() -> CallEngine:
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = CallEngine()
    return _default


def set_default_engine(engine: CallEngine) -> None:
    """For a host process (api/) that already holds a warm Analyser / PolicySearch."""
    global _default
    with _default_lock:
        _default = engine
