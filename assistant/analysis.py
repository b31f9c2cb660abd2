"""The core engine's entry point: notes in, indicators + grade + questions out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from assistant.extraction.mentions import Mention, mentions_from_doc, told_as
from assistant.extraction.pipeline import build_pipeline, paused_gc
from assistant.extraction.resolve import resolve
from assistant.extraction.roles import READING, USUAL_READING, CallReading, load_roles
from assistant.extraction.rules import load_rules
from assistant.extraction.status_model import load_status_model
from assistant.extraction.tense import TenseReader
from assistant.grading.engine import suggest_grade
from assistant.grading.policy import DEFAULT_POLICY, load_policy
from assistant.labels import CURRENT, HISTORICAL
from assistant.models import Analysis, CallContext, Indicator
from assistant.questions.engine import suggest_questions
from assistant.questions.script import load_script
from assistant.text import MAX_NOTE_CHARS, replace_surrogates



_NO_CONTEXT = CallContext()  # frozen: one shared default, not a validated model per call


class NoteTooLongError(ValueError):
    pass


def _through(components: Sequence[Callable[[Doc], Doc]], doc: Doc) -> Doc:
    for proc in components:
        doc = proc(doc)
    return doc


class Analyser:
    """Holds the warm pipeline and the loaded rule files; analysis is pure and thread-safe
    in the sense that it keeps no per-call state."""

    def __init__(self, *, nlp: Language | None = None, policy: str = DEFAULT_POLICY, status_model: bool = True) -> None:
        """`status_model=False`: the rules alone (training the model, the medspaCy baseline,
        tests of the rule layer)."""
        with paused_gc():
            self.rules = load_rules()
            self.roles = load_roles()
            self.nlp = nlp or build_pipeline()
            self.policy = load_policy(policy)
            self.status_model = load_status_model(self.rules.version) if status_model else None
        self._labels_a_next_note_dates = frozenset(self.rules.implications.dated_by_next_note)
        control_ended = self.rules.implications.control_ended
        self._tense = TenseReader.of(control_ended) if control_ended is not None else None

    def mentions(self, notes: Sequence[str], *, reading: CallReading | None = None) -> list[Mention]:
        """`reading`: who the pronouns and names stand for (roles.py); by default decided from
        `notes` themselves, so pass it when `notes` are only part of a call."""
        if reading is None:
            reading = self.roles.call_reading(notes)
        for i, note in enumerate(notes):
            if len(note) > MAX_NOTE_CHARS:
                raise NoteTooLongError(f"note {i} has {len(note):,} characters; the limit is {MAX_NOTE_CHARS:,}")
        found: list[Mention] = []
        adult_kin: set[str] = set()
        for i, doc in enumerate(self._docs(notes, reading=reading)):
            if i and (dating := doc._.dates_previous_note):
                found = self._dated_by_next_note(found, i - 1, dating)
            # evidence quotes the note as typed, even where a surrogate was replaced for spaCy
            found.extend(mentions_from_doc(doc, i, adult_kin, note=notes[i]))
            # the candidates' spans point back at the doc: dropping them breaks the cycle,
            # so the doc is freed now rather than left for the cyclic garbage collector
            doc._.risk_candidates = None
        if self._tense is not None:
            found = self._tense.mark(notes, found)
        return found

    def indicators(self, notes: Sequence[str], mentions: Sequence[Mention]) -> tuple[Indicator, ...]:
        """One status per label: the rules' resolution, then the status model's reading."""
        found = resolve(mentions, self.rules.implications)
        if self.status_model is not None:
            found = self.status_model.reread(notes, mentions, found)
        return found

    def _dated_by_next_note(self, found: list[Mention], message: int, dating: str) -> list[Mention]:
        """"husband has threatened to kill her" || "Clarified: that was two years ago": the
        one-off acts of note `message` with no present time of their own become historical."""
        labels = self._labels_a_next_note_dates
        return [
            replace(m, status=HISTORICAL, modifiers=(*m.modifiers, f"{dating} in the next note"))
            if m.message == message and m.label in labels and m.status is CURRENT
            and not told_as(m, "present")
            else m
            for m in found
        ]

    def _docs(self, notes: Sequence[str], *, reading: CallReading = USUAL_READING) -> Iterator[Doc]:
        """The notes through the pipeline, in order (a subclass may look at each doc). When no
        component batches (has a `pipe` method), each is called on each doc in turn, as
        `nlp.pipe` would call them, without its per-call generator and wrapper set-up."""
        components = [proc for _, proc in self.nlp.pipeline]
        if any(hasattr(proc, "pipe") for proc in components):
            return self.nlp.pipe(self._doc(note, reading) for note in notes)
        return (_through(components, self._doc(note, reading)) for note in notes)

    def _doc(self, note: str, reading: CallReading) -> Doc:
        doc = self.nlp.make_doc(replace_surrogates(note))
        if reading != USUAL_READING:
            doc.user_data[READING] = reading
        return doc

    def analyse(
        self,
        notes: Sequence[str],
        *,
        script: str = "call_999",
        context: CallContext | None = None,
        asked: frozenset[str] = frozenset(),
    ) -> Analysis:
        context = context or _NO_CONTEXT
        indicators = self.indicators(notes, self.mentions(notes))
        call_script = load_script(script)
        return Analysis(
            indicators=indicators,
            grade=suggest_grade(self.policy, indicators, context),
            questions=suggest_questions(call_script, indicators, asked=asked),
            rules_version=self.rules.version,
            script=call_script.name,
        )
