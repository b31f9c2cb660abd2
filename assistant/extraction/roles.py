"""Who "she" and "they" are in a call: the pronoun roles behind the suspect and victim rules.

The rules are written for the usual case (a male suspect, "he"; a female victim, "she").
The analyser decides once per call how its pronouns read (`Reading`):
- a man reporting a female partner: the `suspect_pronouns` component swaps the canonical
  forms of the pronouns (he <-> she, his/him <-> her), so "she's at work" is read as the
  suspect's whereabouts;
- a woman threatened by her family (brothers, in-laws) with no children in the notes: "they"
  are the suspects ("they are downstairs"), read as "he".
The notes may also name the suspect ("her ex Marcus", "son Daniel (50)") and go on by name
("Marcus is parked outside"): the name is read as "he" in every note of the call.
The text and the evidence spans are never changed. The cues are data (`roles.yml`),
validated at load.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

import numpy
from pydantic import field_validator
from spacy.language import Language
from spacy.symbols import NORM
from spacy.tokens import Doc

from assistant.datafiles import load_yaml, regex_that_compiles, validate
from assistant.extraction.literal_filter import FilteredPattern, filtered
from assistant.extraction.rules import ROLES_FILE, RULES_PACKAGE, Strict

READING = "pronoun_reading"  # key in Doc.user_data, set by the analyser for the whole call


class Reading(StrEnum):
    USUAL = "usual"
    FEMALE_SUSPECT = "female_suspect"  # "she" is the suspect, "he" the victim
    GROUP_SUSPECTS = "group_suspects"  # "they" are the suspects (her family)


@dataclass(frozen=True)
class CallReading:
    """How one call's words read (hashable: the service caches notes by it)."""

    pronouns: Reading = Reading.USUAL
    suspect_names: frozenset[str] = frozenset()


USUAL_READING = CallReading()


class SuspectNames(Strict):
    """Words that introduce the suspect's name ("ex Marcus"); kin words only with an adult
    age after the name ("son Daniel (50)": "son Tyler (8)" is a child at the scene)."""

    after: list[str]
    after_with_adult_age: list[str]
    not_names: list[str]
    adult_age: int = 18
    # capital letters a log uses for the suspect ("V says S is at work"), read as the suspect
    # where one stands alone before a lower-case word and not after a title ("Mrs S")
    letters: list[str] = []

    @field_validator("letters")
    @classmethod
    def _capital_letters(cls, values: list[str]) -> list[str]:
        for value in values:
            if len(value) != 1 or not value.isupper():
                raise ValueError(f"{value!r}: one capital letter per entry")
        return values

    @field_validator("after", "after_with_adult_age", "not_names")
    @classmethod
    def _single_words(cls, values: list[str]) -> list[str]:
        for value in values:
            if not value or any(ch.isspace() for ch in value):
                raise ValueError(f"{value!r}: one word per entry")
        return [v.lower() for v in values]


class Cue(Strict):
    id: str
    pattern: str

    _compiles = field_validator("pattern")(lambda cls, value: regex_that_compiles(value))


class RolesSpec(Strict):
    female_partner_of_male: list[Cue]
    male_victim: list[Cue]
    female_partner: list[Cue]
    male_suspect: list[Cue]
    group_suspects: list[Cue]
    group_veto: list[Cue]
    suspect_names: SuspectNames


_NAME = r"([A-Z][a-z]{2,})\b"


def _words(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class PronounRoles:
    """The cues of roles.yml, compiled: section name -> patterns; and the name finders."""

    cues: dict[str, tuple[FilteredPattern, ...]]
    names: SuspectNames
    _named: FilteredPattern
    _named_adult: FilteredPattern
    _letter: re.Pattern[str] | None
    # a letter of `_letter` then a space or a tab: text holding none of these cannot match it,
    # and `in` finds that far faster than the pattern's look-behinds tried at every character
    _letter_needles: tuple[str, ...] = ()

    @classmethod
    def from_spec(cls, spec: "RolesSpec") -> "PronounRoles":
        cues = {
            section: tuple(filtered(re.compile(c.pattern, re.IGNORECASE)) for c in getattr(spec, section))
            for section in RolesSpec.model_fields
            if section != "suspect_names"
        }
        names = spec.suspect_names
        # the introducing word in any case, the name capitalised: "Ex Marcus", "partner - Zoe"
        named = re.compile(rf"(?i:\b(?:{_words(names.after)}))\s*[-:,]?\s+{_NAME}(?!\s*'s\s+(?:ex|partner|husband|boyfriend|wife|girlfriend))")
        named_adult = re.compile(rf"(?i:\b(?:{_words(names.after_with_adult_age)}))\s*[-:,]?\s+{_NAME}\s*[(,]\s*(?:aged\s+)?(\d{{1,3}})\b")
        letter = re.compile(
            rf"(?<![\w/.'’&-])(?<!Mr )(?<!Ms )(?<!Dr )(?<!Mrs )(?<!Miss )([{''.join(names.letters)}])(?=[ \t]+[a-z])"
        ) if names.letters else None
        needles = tuple(f"{c}{gap}" for c in names.letters for gap in " \t")
        return cls(cues, names, filtered(named), filtered(named_adult), letter, needles)

    def call_reading(self, notes: Sequence[str]) -> CallReading:
        text = _CallText.of(notes)  # joined and lower-cased once: this runs on every analysis
        return CallReading(self._reading(text), self._names(text))

    def suspect_names(self, notes: Sequence[str]) -> frozenset[str]:
        return self._names(_CallText.of(notes))

    def reading(self, notes: Sequence[str]) -> Reading:
        return self._reading(_CallText.of(notes))

    def suspect_is_female(self, notes: Sequence[str]) -> bool:
        return self._female_suspect(_CallText.of(notes))

    def _names(self, text: "_CallText") -> frozenset[str]:
        found = {m.group(1) for m in self._named.finditer(*text)}
        found |= {m.group(1) for m in self._named_adult.finditer(*text) if int(m.group(2)) >= self.names.adult_age}
        found = {n for n in found if n.lower() not in self.names.not_names}
        if self._letter is not None and any(needle in text.text for needle in self._letter_needles):
            found |= {m.group(1) for m in self._letter.finditer(text.text)}
        return frozenset(found)

    def _reading(self, text: "_CallText") -> Reading:
        if self._female_suspect(text):
            return Reading.FEMALE_SUSPECT
        if self._found("group_suspects", text) and not self._found("group_veto", text):
            return Reading.GROUP_SUSPECTS
        return Reading.USUAL

    def _female_suspect(self, text: "_CallText") -> bool:
        if self._found("male_suspect", text):
            return False
        return self._found("female_partner_of_male", text) or (
            self._found("male_victim", text) and self._found("female_partner", text)
        )

    def _found(self, section: str, text: "_CallText") -> bool:
        return any(p.search(*text) for p in self.cues[section])


class _CallText(NamedTuple):
    """A call's notes joined, and lower-cased for the cues' word filters."""

    text: str
    lowered: str

    @classmethod
    def of(cls, notes: Sequence[str]) -> "_CallText":
        text = "\n".join(notes)
        return cls(text, text.lower())


@lru_cache(maxsize=1)
def load_roles() -> PronounRoles:
    spec = validate(RolesSpec, load_yaml(RULES_PACKAGE, ROLES_FILE), file=f"{RULES_PACKAGE}/{ROLES_FILE}")
    return PronounRoles.from_spec(spec)


# canonical pronoun -> its counterpart; "her" is settled by the word after it
_SWAP = {"he": "she", "she": "he", "him": "her", "his": "her", "himself": "herself", "herself": "himself", "hers": "his"}
# only the subject: "shamed them", "their honour" are the family's words and stay as written
_GROUP = {"they": "he"}
# after "her", these words mean "her" was an object ("hit her to the floor"), not a possessive
_AFTER_OBJECT = frozenset(
    "to and at in on with from for that up out off down a an the again back over into is was , . ! ? ; : - "
    "when while if because so but or then till until as by".split()
)


@Language.factory("suspect_pronouns", default_config={})
def create_suspect_pronouns(nlp: Language, name: str) -> "SuspectPronouns":
    return SuspectPronouns()


class SuspectPronouns:
    """Rewrites pronoun and suspect-name norms in a doc the analyser marked with a
    `CallReading` (see module doc)."""

    def __call__(self, doc: Doc) -> Doc:
        call: CallReading = doc.user_data.get(READING, USUAL_READING)
        if call == USUAL_READING or not len(doc):
            return doc
        reading = call.pronouns
        strings = doc.vocab.strings
        norms = [t.norm_ for t in doc]
        swapped = list(norms)
        for i, norm in enumerate(norms):
            if reading is Reading.USUAL:
                break
            if reading is Reading.GROUP_SUSPECTS:
                swapped[i] = _GROUP.get(norm, norm)
            elif norm == "her":
                following = norms[i + 1] if i + 1 < len(norms) else "."
                swapped[i] = "him" if following in _AFTER_OBJECT else "his"
            elif norm in _SWAP:
                swapped[i] = _SWAP[norm]
        if call.suspect_names:
            for i, token in enumerate(doc):
                if token.text in call.suspect_names:
                    swapped[i] = "he"  # after the swap, "he" is the suspect in every reading
        if swapped != norms:
            doc.from_array([NORM], numpy.array([[strings.add(n)] for n in swapped], dtype=numpy.uint64))
        return doc
