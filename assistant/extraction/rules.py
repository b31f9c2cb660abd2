"""Rule files for extraction: lexicon (normalisation), targets and context modifiers.

Each file is validated at load; a bad entry raises DataFileError naming file and entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.datafiles import DataFileError, content_hash, iter_jsonl, load_yaml, read_text, validate
from assistant.extraction.pattern_words import pattern_tokenizer
from assistant.extraction.patterns import PatternCompiler, PatternError, TokenPattern, end_of_note_variants
from assistant.labels import LABEL_SET, Status

RULES_PACKAGE = "assistant.extraction.data"
LEXICON_FILE = "lexicon.yml"
TARGETS_FILE = "targets.jsonl"
CONTEXT_FILE = "context.jsonl"
IMPLICATIONS_FILE = "implications.yml"
ROLES_FILE = "roles.yml"  # read by roles.py; part of the rules version


def _check_label(value: str) -> str:
    if value not in LABEL_SET:
        raise ValueError(f"unknown label {value!r}")
    return value


def _check_labels(values: list[str]) -> list[str]:
    return [_check_label(v) for v in values]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- lexicon -------------------------------------------------------------------------------


class Lexicon(Strict):
    """Canonical word -> variants (shorthand, inflections, typos); prefixes; fuzzy settings."""

    words: dict[str, list[str]]
    prefixes: dict[str, str] = Field(default_factory=dict)
    special_tokens: list[str] = Field(default_factory=list)
    classes: dict[str, list[str]] = Field(default_factory=dict)  # named word sets: `@name` in patterns
    fuzzy_min_length: int = 7
    fuzzy_protect: list[str] = Field(default_factory=list)
    dropped_g: list[str] = Field(default_factory=list)  # "shouting" is also read in "shoutin"

    @field_validator("dropped_g")
    @classmethod
    def _ing_words(cls, words: list[str]) -> list[str]:
        for word in words:
            if not (word.endswith("ing") and len(word) >= 5 and word.isalpha()):
                raise ValueError(f"dropped_g entry {word!r} is not an -ing word of five letters or more")
        return words

    @field_validator("words")
    @classmethod
    def _no_duplicate_variants(cls, words: dict[str, list[str]]) -> dict[str, list[str]]:
        seen: dict[str, str] = {}
        for canonical, variants in words.items():
            for variant in [canonical, *variants]:
                key = variant.lower()
                if key in seen and seen[key] != canonical:
                    raise ValueError(f"{variant!r} maps to both {seen[key]!r} and {canonical!r}")
                seen[key] = canonical
        return words

    @field_validator("classes")
    @classmethod
    def _classes_are_words(cls, classes: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, words in classes.items():
            if not name.isidentifier():
                raise ValueError(f"class name {name!r} must be a plain identifier")
            if not words:
                raise ValueError(f"class {name!r} is empty")
            bad = [w for w in words if not w or any(c in w for c in " |;?!@#")]
            if bad:
                raise ValueError(f"class {name!r}: {bad} are not single words")
        return classes

    def pattern_normaliser(self) -> Callable[[str], str]:
        """Maps a word in a rule pattern the way the normaliser maps text (no typo fixing)."""
        variants = self.variant_map()
        prefixes = sorted(self.prefixes.items(), key=lambda kv: -len(kv[0]))

        @lru_cache(maxsize=None)
        def normalise(word: str) -> str:
            if word in variants:
                return variants[word]
            return next((canonical for prefix, canonical in prefixes if word.startswith(prefix)), word)

        return normalise

    def variant_map(self) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for canonical, variants in self.words.items():
            mapping[canonical.lower()] = canonical.lower()
            for variant in variants:
                mapping[variant.lower()] = canonical.lower()
        for word in self.dropped_g:
            word = word.lower()
            mapping.setdefault(word[:-1], mapping.get(word, word))
        return mapping


# --- targets -------------------------------------------------------------------------------


class TargetRule(Strict):
    """A phrase that signals a label. `status` fixes the polarity the phrase carries itself
    ("he's left" is suspect_present negated whatever surrounds it)."""

    id: str
    label: str
    pattern: str
    status: Status | None = None
    overrides: list[str] = Field(default_factory=list)
    kin: bool = False  # a kinship noun (son, daughter): an adult age excludes it
    min_age: int | None = None  # keep only if the mention holds a number at least this
    max_age: int | None = None  # keep only if the mention holds a number no higher than this
    context: bool = True  # False: context modifiers never change this mention's status
    only_negated: bool = False  # a bare word ("threats") that counts only when denied
    durable: bool = False  # a lasting state ("jailed last month"): a past start does not end it
    pseudo: bool = False  # looks like a mention but is not ("a separate matter"): consumes
    # the overlapping matches named in `overrides` and reports nothing itself

    _label = field_validator("label")(_check_label)

    _labels = field_validator("overrides")(_check_labels)


# --- context -------------------------------------------------------------------------------


class Category(StrEnum):
    NEGATED = "NEGATED"
    HISTORICAL = "HISTORICAL"
    PRESENT = "PRESENT"  # "tonight", "now", "again": the incident being reported
    OTHER_SUBJECT = "OTHER_SUBJECT"  # "neighbour's kids", "her brother is a PC"
    ADULT = "ADULT"  # "adult son", "grown-up daughter"
    PSEUDO = "PSEUDO"  # looks like a trigger but is not ("no longer", "not sure")
    HEDGE = "HEDGE"  # "not sure if he has left": a hedged statement counts as current (spec)
    HABITUAL = "HABITUAL"  # "waits outside her work most days": says nothing of a present-only label now
    # an answer that leaves the question open ("asked re kids - she doesn't know"): its topics
    # are not mentioned at all
    UNANSWERED = "UNANSWERED"
    # the topics of a question asked ("asked re weapons, threats and violence"): no assertion of
    # them, so a later denial in the same note still counts (resolve.py)
    QUESTION = "QUESTION"
    TERMINATE = "TERMINATE"  # ends every scope: sentence punctuation, "but", "however"
    BREAK = "BREAK"  # ends a clause (",", "and") but lists carry negation across it


class LongerReach(Strict):
    labels: list[str] = Field(min_length=1)
    max_tokens: int = Field(ge=1, le=60)

    _labels = field_validator("labels")(_check_labels)


class ContextRule(Strict):
    id: str
    category: Category
    pattern: str
    direction: Literal["forward", "backward", "both"] = "both"
    max_tokens: int = Field(default=8, ge=1, le=60)
    scope: Literal["clause", "sentence"] = "clause"
    at_clause_end: bool = False  # only when nothing but punctuation follows in the clause
    # only when it opens its clause ("Two years ago, when they lived in Leeds, he strangled
    # her"): a fronted time governs the whole sentence after it
    at_clause_start: bool = False
    labels: list[str] = Field(default_factory=list)  # empty: every label
    exclude_labels: list[str] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)  # only these target rule ids (empty: all)
    exclude_rules: list[str] = Field(default_factory=list)  # never these target rule ids
    # a sentence about an earlier one ("... he'd kill her. That was last week"): reaches
    # back across the one sentence break before it (backward, up to max_tokens)
    anaphoric: bool = False
    # a note that opens with it, before any mention, dates the note before it too ("threatened
    # to kill her" || "Clarified: that was two years ago"): historical rules only
    previous_note: bool = False
    # the answer to a question ("asked re weapons - said no", "Q kids? A no"): reaches back
    # across the one break before it into a question (a cue word, "?", or a bare topic)
    answer: bool = False
    # a longer reach for some labels ("several times last year" dates a one-off act further
    # along its clause than it dates a lasting state)
    longer_reach: LongerReach | None = None

    _labels = field_validator("labels", "exclude_labels")(_check_labels)

    def applies_to(self, label: str, rule_id: str) -> bool:
        if self.labels and label not in self.labels:
            return False
        if self.rules and rule_id not in self.rules:
            return False
        return label not in self.exclude_labels and rule_id not in self.exclude_rules

    @property
    def is_generic(self) -> bool:
        """Applies to every label (not restricted to some labels or rules)."""
        return not self.labels and not self.rules

    def reach(self, label: str) -> int:
        """How many tokens the rule reaches for a mention of `label`."""
        longer = self.longer_reach
        return longer.max_tokens if longer is not None and label in longer.labels else self.max_tokens

    @model_validator(mode="after")
    def _previous_note_is_historical(self) -> "ContextRule":
        if self.previous_note and self.category is not Category.HISTORICAL:
            raise ValueError("previous_note is for HISTORICAL rules only")
        return self

    @model_validator(mode="after")
    def _unanswered_is_an_answer(self) -> "ContextRule":
        if self.category is Category.UNANSWERED and not (self.answer and self.direction == "backward"):
            raise ValueError("an UNANSWERED rule is an answer: answer true, direction backward")
        return self

    @property
    def widest_reach(self) -> int:
        return max(self.max_tokens, self.longer_reach.max_tokens if self.longer_reach else 0)


# --- implications --------------------------------------------------------------------------


class Implication(Strict):
    """If any of `if_any` has a status in `statuses`, set `then` to `status` (unless the
    notes mention `then` explicitly and `override` is false)."""

    id: str
    if_any: list[str]
    statuses: list[Status]
    then: str
    status: Status
    override: bool = False

    _labels = field_validator("if_any")(_check_labels)

    _then = field_validator("then")(_check_label)


class LaterEnds(Strict):
    """A later statement ends an earlier state: "went to prison for it ... released last
    month". Mentions of the `cancels` rules that come before a mention of any `markers`
    rule (of any status) in the call are dropped."""

    markers: list[str]
    cancels: list[str]


class ChildSubject(Strict):
    """"He has left but her son is there, 12": a mention of these `labels` that begins with a
    kin word and has a child's age near it is about the child, not the suspect."""

    labels: list[str]
    kin: list[str]

    _labels = field_validator("labels")(_check_labels)


class VictimAway(Strict):
    """Where the victim is matters to what "he is at home" means: at a front counter, at work
    or at her mother's, the suspect at home is not with her (spec: suspect_present is negated
    when he is elsewhere). `markers` are target rules saying the victim is away from home;
    they report no indicator themselves. While any is asserted in the call, the current
    mentions of the `negates` rules count as negated, except after a `returns` mention (the
    victim home again: "rang from home") that no later marker follows."""

    markers: list[str]
    negates: list[str]
    returns: list[str] = Field(default_factory=list)


class ElderlyVictim(Strict):
    """An elderly victim's son, daughter or grandchild is an adult, not a child at the scene
    ("81yo lady ... her son lives with her"): while any `markers` rule is asserted in the
    call, mentions of the `adult_kin` rules with no age in them are dropped."""

    markers: list[str]
    adult_kin: list[str]


class OnlyBeside(Strict):
    """Mentions that place the suspect only in one kind of call: "at home with her parents"
    says the suspects are with her where family pressure is the abuse, and nothing of where a
    partner is. Mentions of `rules` count only when the call asserts one of `labels`."""

    rules: list[str]
    labels: list[str]

    _labels = field_validator("labels")(_check_labels)


class NotBeside(Strict):
    """Mentions that mean something else in one kind of call: "he doesn't know she's here" is
    no protective fact when "here" is the police front counter. Mentions of `rules` are
    dropped when the call has a mention of any `markers` rule."""

    rules: list[str]
    markers: list[str]


class ControlEnded(Strict):
    """Control that stopped when contact did (spec: "control that stopped when he went to
    prison: historical"): where the call confirms her safe from him (`when` current: custody,
    prison, abroad, a refuge he does not know), current mentions of `labels` told in the past
    tense are historical; told in the present ("still has her bank card") they stay current.
    The tense is read from the mention's first word and the `look_back` words before it: a
    word in `past_words` or ending in "ed" (not one of `not_past`) is past, unless a word in
    `present_words` is there too."""

    labels: list[str]
    when: str
    past_words: list[str]
    present_words: list[str]
    not_past: list[str] = Field(default_factory=list)
    # words or phrases that put the mention's sentence in the incident being reported
    reported_now: list[str] = Field(default_factory=list)
    look_back: int = Field(default=3, ge=1, le=8)

    _labels = field_validator("labels")(_check_labels)
    _when = field_validator("when")(_check_label)


class Implications(Strict):
    never_historical: list[str]
    historical_becomes_current: list[str]
    implications: list[Implication]
    victim_away: VictimAway | None = None
    elderly_victim: ElderlyVictim | None = None
    custody_ended: LaterEnds | None = None
    control_ended: ControlEnded | None = None
    child_subject: ChildSubject | None = None
    # labels whose assertion outlasts a later denial within the same note (resolve.py)
    asserted_within_note: list[str] = Field(default_factory=list)
    # lasting states (what the suspect is, what the victim is): a date in another clause
    # does not make them historical ("serving constable, raped her in 2019")
    lasting_states: list[str] = Field(default_factory=list)
    # labels a hedge leaves unknown rather than current (spec: safety is never inferred from a
    # hedge or a question: "not sure if he is still in custody", "is she safe where she is?")
    hedged_unknown: list[str] = Field(default_factory=list)
    # target rule ids of vague denials ("she's fine"): they never override an assertion
    # made earlier in the call (resolve.py)
    weak_denials: list[str] = Field(default_factory=list)
    # target rule ids of presence read from a description ("he's drunk"): they never override
    # a denial made earlier in the call (resolve.py)
    weak_assertions: list[str] = Field(default_factory=list)
    # target rule ids that only name a label ("coercive control"): the call's own accounts of
    # the behaviour, when there are any, decide its status (resolve.py)
    named_only: list[str] = Field(default_factory=list)
    # one-off acts a later note can date ("threatened to kill her" || "that was two years
    # ago"): their current mentions in the note before such a note become historical
    dated_by_next_note: list[str] = Field(default_factory=list)
    only_beside: list[OnlyBeside] = Field(default_factory=list)
    not_beside: list[NotBeside] = Field(default_factory=list)
    adult_age: int = 18

    _labels = field_validator(
        "never_historical", "historical_becomes_current", "lasting_states", "asserted_within_note", "hedged_unknown",
        "dated_by_next_note",
    )(_check_labels)


# --- the loaded bundle ---------------------------------------------------------------------


@dataclass(frozen=True)
class CompiledRule:
    rule: TargetRule | ContextRule
    patterns: list[TokenPattern]
    # patterns that hold only at the end of a note (a trailing `!a|b` with no token to test)
    end_patterns: list[TokenPattern] = field(default_factory=list)


@dataclass(frozen=True)
class RuleSet:
    lexicon: Lexicon
    targets: tuple[CompiledRule, ...]
    context: tuple[CompiledRule, ...]
    implications: Implications
    version: str


def _compile_rules(
    name: str,
    model: type[TargetRule] | type[ContextRule],
    compile_pattern: PatternCompiler,
) -> tuple[CompiledRule, ...]:
    file = f"{RULES_PACKAGE}/{name}"
    compiled: list[CompiledRule] = []
    seen: set[str] = set()
    for number, obj in iter_jsonl(RULES_PACKAGE, name):
        entry = f"line {number}" + (f" ({obj['id']})" if isinstance(obj.get("id"), str) else "")
        rule = validate(model, obj, file=file, entry=entry)
        if rule.id in seen:
            raise DataFileError(file, f"duplicate id {rule.id!r}", entry=entry)
        seen.add(rule.id)
        try:
            patterns = compile_pattern(rule.pattern)
        except PatternError as exc:
            raise DataFileError(file, str(exc), entry=entry) from exc
        compiled.append(CompiledRule(rule=rule, patterns=patterns, end_patterns=end_of_note_variants(patterns)))
    if not compiled:
        raise DataFileError(file, "no rules")
    return tuple(compiled)


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    lexicon = validate(Lexicon, load_yaml(RULES_PACKAGE, LEXICON_FILE), file=f"{RULES_PACKAGE}/{LEXICON_FILE}")
    implications = validate(
        Implications, load_yaml(RULES_PACKAGE, IMPLICATIONS_FILE), file=f"{RULES_PACKAGE}/{IMPLICATIONS_FILE}"
    )
    # one compiler for both files: they share the lexicon's words and classes
    compile_pattern = PatternCompiler(
        normalise=lexicon.pattern_normaliser(), tokenize=pattern_tokenizer(lexicon.special_tokens), classes=lexicon.classes
    )
    targets = _compile_rules(TARGETS_FILE, TargetRule, compile_pattern)
    context = _compile_rules(CONTEXT_FILE, ContextRule, compile_pattern)
    target_ids = {c.rule.id for c in targets}
    for section, named in (
        ("victim_away", [*implications.victim_away.markers, *implications.victim_away.negates,
                         *implications.victim_away.returns] if implications.victim_away else []),
        ("elderly_victim", [*implications.elderly_victim.markers, *implications.elderly_victim.adult_kin]
         if implications.elderly_victim else []),
        ("weak_denials", implications.weak_denials),
        ("weak_assertions", implications.weak_assertions),
        ("named_only", implications.named_only),
        ("custody_ended", [*implications.custody_ended.markers, *implications.custody_ended.cancels]
         if implications.custody_ended else []),
        ("only_beside", [rule for entry in implications.only_beside for rule in entry.rules]),
        ("not_beside", [rule for entry in implications.not_beside for rule in (*entry.rules, *entry.markers)]),
    ):
        unknown = [r for r in named if r not in target_ids]
        if unknown:
            raise DataFileError(
                f"{RULES_PACKAGE}/{IMPLICATIONS_FILE}", f"unknown target rule id(s) {unknown}", entry=section
            )
    for compiled in context:
        named = [*getattr(compiled.rule, "rules", []), *getattr(compiled.rule, "exclude_rules", [])]
        unknown = [r for r in named if r not in target_ids]
        if unknown:
            raise DataFileError(
                f"{RULES_PACKAGE}/{CONTEXT_FILE}", f"unknown target rule id(s) {unknown}", entry=compiled.rule.id
            )
    version = content_hash(
        *(read_text(RULES_PACKAGE, f) for f in (LEXICON_FILE, TARGETS_FILE, CONTEXT_FILE, IMPLICATIONS_FILE, ROLES_FILE))
    )
    return RuleSet(lexicon=lexicon, targets=targets, context=context, implications=implications, version=version)
