"""`risk_context`: a ConText-style component that gives each candidate mention its status.

For every candidate in `doc._.risk_candidates` it finds context modifiers (negation,
history, present time, other subject, adult age) within scope and sets its status
(current / historical / negated) or marks it excluded (not about the victim's household
or the suspect, e.g. "neighbour's kids"). Scope follows ConText: a modifier
reaches forward, backward or both, up to `max_tokens`, within its clause or sentence;
a negation carries across a list ("no knife, gun or bat").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from dataclasses import dataclass

from spacy.attrs import IS_SPACE, ORTH, SPACY
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from assistant.extraction.gated_matcher import COLUMNS_KEY, NOTE_COLUMNS, GatedMatcher, note_columns
from assistant.extraction.rule_views import ContextView
from assistant.extraction.rules import Category, ContextRule, RuleSet, TargetRule, load_rules
from assistant.extraction.targets import Candidate
from assistant.labels import CURRENT, HISTORICAL, NEGATED, Status

# the columns of a note's words that the scope checks read (see gated_matcher.NOTE_COLUMNS)
_ROW_COLUMNS = tuple(NOTE_COLUMNS.index(attr) for attr in (ORTH, IS_SPACE, SPACY))
_STANDALONE_SEPARATORS = {"-", "/", "–", "—", "|", "--", "//"}
_MAX_LIST_RESETS = 8  # list items a negation reaches across ("no knife, gun, bat, ...")
_FLIP_DISTANCE = 1  # a negation undoes a negative phrase only when right before it ("hasn't left", "not yet gone"),
# never across a comma ("not home, on a late shift")
_LIST_DETERMINERS = {"any", "a", "an", "the", "or", "nor", "and", "his", "her", "their", "other"}
_SUBJECTS = {"he", "she", "they", "i", "we", "it", "you", "suspect", "partner", "husband", "boyfriend", "ex"}
# a list item is a thing ("no kids and no pets"); a verb after the break starts a new clause
# ("no children and split up with him last month")
_CLAUSE_VERBS = {"split", "left", "leave", "went", "gone", "ran", "run", "took", "broke", "threw", "hit", "has", "is",
                 "had", "got", "came", "said", "says", "told", "moved", "kept", "keeps", "wants", "lives"}
# what may follow the last item of a denied list: another item, or the denial's own word
_LIST_FOLLOWERS = {"or", "nor", "and", "&", "+", "/", "either", "seen", "found", "present", "reported", "mentioned",
                   "involved", "known", "noted", "disclosed", "at", "tonight", "today", "now", "whatsoever"}
# Category members as module constants, for the per-note loops (see labels.py: on Python 3.11
# a member read off an Enum class goes through EnumType's `__getattr__` hook)
_CAT_NEGATED = Category.NEGATED
_CAT_HISTORICAL = Category.HISTORICAL
_CAT_PRESENT = Category.PRESENT
_CAT_OTHER_SUBJECT = Category.OTHER_SUBJECT
_CAT_ADULT = Category.ADULT
_CAT_PSEUDO = Category.PSEUDO
_CAT_HEDGE = Category.HEDGE
_CAT_HABITUAL = Category.HABITUAL
_CAT_UNANSWERED = Category.UNANSWERED
_CAT_QUESTION = Category.QUESTION
# categories whose forward scope runs along a list ("no knife, gun or bat", "asked re weapons,
# threats and violence")
_LIST_CARRIERS = (_CAT_NEGATED, _CAT_QUESTION)
_CAT_TERMINATE = Category.TERMINATE
_CAT_BREAK = Category.BREAK
_STRUCTURE = (_CAT_TERMINATE, _CAT_BREAK)
_WHEN_CLAUSE = frozenset({"when", "while", "whilst", "before", "after", "during", "and"})
# joins two topics one answer covers ("strangled or choked - no")
_TOPIC_JOINERS = frozenset({"or", "/", "nor"})
# words that make a clause a question an answer can refer to ("asked re weapons - said no")
_QA_SEPARATORS = {"-", "?", ":", "–", "—", "--"}
_ANSWERERS = {"she", "he", "they", "caller", "c/r", "ip", "victim", "mum", "mother", "dad", "father", "neighbour",
              "son", "daughter", "friend", "sister", "brother", "i"}
_REPORTING = {"says", "said", "states", "stated", "replied", "confirms", "confirmed", "answered", "answers"}
# what may stand between a topic and its answer: "weapons - A she says no"
_ANSWER_LEAD = _ANSWERERS | _REPORTING | {"is", "has", "a", "answer"}
# not "if": "threatening to stab her if she rings police" is a condition, not a question ("asked
# if ..." has its "asked")
_QUESTION_CUES = {"asked", "ask", "asking", "q", "question", "any", "whether", "re", "regarding", "?", "dash"}


if not Doc.has_extension("dates_previous_note"):
    # the modifier, described, of a note that opens by dating the note before it (or None)
    Doc.set_extension("dates_previous_note", default=None)


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs a setattr call per field
class Modifier:
    rule: ContextView
    start: int
    end: int
    # label-restricted rules that void this modifier for their labels only: a pseudo phrase
    # overlapping it, or a longer modifier of another kind holding it
    blockers: tuple[ContextView, ...] = ()

    def describe(self, text: str) -> str:
        """`text`: the modifier's words as `Span.text` gives them."""
        return f"{self.rule.kind}: {text!r} ({self.rule.id})"


@Language.factory("risk_context", default_config={})
def create_risk_context(nlp: Language, name: str) -> "RiskContext":
    return RiskContext(nlp, load_rules())


class RiskContext:
    def __init__(self, nlp: Language, rules: RuleSet) -> None:
        self.adult_age = rules.implications.adult_age
        self._present_only = frozenset(rules.implications.never_historical)
        self._lasting = frozenset(rules.implications.lasting_states)
        self._hedged_unknown = frozenset(rules.implications.hedged_unknown)
        self._dated_by_next_note = frozenset(rules.implications.dated_by_next_note)
        child = rules.implications.child_subject
        self._child_subject_labels = frozenset(child.labels if child else ())
        self._child_subject_kin = frozenset(child.kin if child else ())
        widest = max((c.rule.widest_reach for c in rules.context), default=0)
        # forward scope restarts at most _MAX_LIST_RESETS times along a list ("no knife, gun, bat ...")
        self._max_reach = widest * (_MAX_LIST_RESETS + 1) + _MAX_LIST_RESETS
        self._separators = frozenset(nlp.vocab.strings.add(s) for s in _STANDALONE_SEPARATORS)
        # per word (orth hash): is it a newline, a separator, a word keeping a full stop after
        # a letter ("Jan.", "V.") or none (_PLAIN)? Read off the word's text once, not off
        # `doc.text`, which builds a Token per word
        self._kinds: dict[int, int] = {}
        self._matcher = GatedMatcher(nlp.vocab)
        self._rules: dict[int, ContextView] = {}
        for compiled in rules.context:
            rule = compiled.rule
            assert isinstance(rule, ContextRule)
            self._rules[nlp.vocab.strings.add(rule.id)] = ContextView.of(rule)
            self._matcher.add(rule.id, compiled.patterns, end_patterns=compiled.end_patterns)

    # -- scope ----------------------------------------------------------------------------

    def _breaks(
        self, doc: Doc, modifiers: list[Modifier], rows: list[tuple[int, int, int]]
    ) -> tuple[list[bool], list[bool]]:
        # a newline, or a dash or slash standing alone between words ("no one hurt - he's
        # at work", "kids upstairs / he's drunk"), ends a statement like a full stop
        # (hash arrays, not Token objects: a Token per word cost more than the check)
        strings = doc.vocab.strings
        separators = self._separators
        kinds = self._kinds
        hard = [False] * len(rows)
        standalone: list[int] = []  # the separators among them
        stops: list[int] = []
        # most words are none of these: one lookup each
        for i, (orth, is_space, spacy) in enumerate(rows):
            kind = kinds.get(orth)
            if kind is None:
                kind = kinds[orth] = _kind(strings[orth], bool(is_space), orth in separators)
            if kind == _PLAIN:
                continue
            if kind == _NEWLINE:
                hard[i] = True
            elif kind == _SEPARATOR:
                if i and rows[i - 1][2] and spacy:  # spaces on both sides
                    hard[i] = True
                    standalone.append(i)
            else:
                stops.append(i)
        # a word that keeps its full stop ("in Jan. He's gone", "with V. INJ: none") still
        # ends the sentence when a capital follows
        for i in stops:
            if _capital_follows(rows, i, strings):
                hard[i] = True
        soft = [False] * len(doc)
        for m in modifiers:
            if m.rule.category is _CAT_TERMINATE:
                for i in range(m.start, m.end):
                    hard[i] = True
            elif m.rule.category is _CAT_BREAK:
                for i in range(m.start, m.end):
                    soft[i] = True
        if standalone:
            _join_trailing_dates(standalone, modifiers, hard, soft)
        return hard, soft

    def __call__(self, doc: Doc) -> Doc:
        candidates = doc._.risk_candidates or []
        # the target component's reading of the same words, when it ran right before
        columns = doc.user_data.pop(COLUMNS_KEY, None)
        if columns is None:
            columns = note_columns(doc)
        modifiers = self._find_modifiers(doc, columns)
        doc._.dates_previous_note = _dating_of_previous_note(doc, modifiers, candidates, self._dated_by_next_note)
        if not candidates:
            return doc
        orths, spaces, spaces_after = (columns[c] for c in _ROW_COLUMNS)
        rows = list(zip(orths, spaces, spaces_after))  # per token: orth hash, is space, space after
        hard, soft = self._breaks(doc, modifiers, rows)
        target_starts = {c.span.start for c in candidates}
        target_ends = {c.span.end for c in candidates}
        scoped = sorted(
            (m for m in modifiers if m.rule.category not in _STRUCTURE), key=lambda m: m.start
        )
        starts = [m.start for m in scoped]
        reach, longest = self._max_reach, max((m.end - m.start for m in scoped), default=0)
        n = len(doc)
        for candidate in candidates:
            span, rule = candidate.span, candidate.rule
            # only modifiers within reach can apply: linear in the note, not quadratic
            lo = bisect_left(starts, span.start - reach - longest)
            hi = bisect_right(starts, span.end + reach)
            nearby = scoped[lo:hi]
            label = span.label_
            rule_id = rule.id
            present_only = label in self._present_only
            applied = [
                m
                for m in nearby
                if m.rule.applies_to(label, rule_id)
                and not (m.blockers and any(b.applies_to(label, rule_id) for b in m.blockers))
                # a present time inside the mention is its own ("keeps following her")
                and (
                    m.rule.category is _CAT_PRESENT
                    if _overlaps(m, span)
                    else _in_scope(m, span, label, hard, soft, target_starts, target_ends, n, doc)
                )
                and (not m.rule.at_clause_end or _at_clause_end(doc, m.end, hard, soft))
                and (not m.rule.at_clause_start or _at_clause_start(doc, m.start, hard, soft))
            ] if nearby and rule.context else []
            if applied:
                if label in self._lasting or present_only:
                    # a lasting state, or a present-only one ("he strangled her 2 years ago, he
                    # is still on the landing"), takes a past time only from its own clause
                    applied = [
                        m for m in applied
                        if m.rule.category is not _CAT_HISTORICAL or _same_clause(m, span, soft, doc)
                    ]
                if any(m.rule.category is _CAT_HISTORICAL for m in applied):
                    applied = _without_overtaken_past(applied, nearby, span)
            candidate.modifiers = (
                tuple(m.describe(_text(rows, m.start, m.end, doc.vocab.strings)) for m in applied) if applied else ()
            )
            # "grown-up children" (an ADULT modifier, which names its labels) for any rule; a
            # bare adult age nearby ("son (24)") only for kinship words, since "mum, 26, baby"
            # gives the parent's age
            # an explicit child's age beats a word like "older" ("older sister (17)")
            adult_modifier = any(m.rule.category is _CAT_ADULT for m in applied) if applied else False
            candidate.adult = (adult_modifier and not self._child_age_near(doc, span)) or (
                bool(rule.kin) and self._adult_age_near(doc, span)
            )
            candidate.excluded = candidate.adult or self._about_a_child(doc, span) or (
                any(
                    (m.rule.category is _CAT_HEDGE and label in self._hedged_unknown)
                    or m.rule.category is _CAT_OTHER_SUBJECT
                    or m.rule.category is _CAT_UNANSWERED
                    or (m.rule.category is _CAT_HABITUAL and present_only)
                    for m in applied
                )
                if applied
                else False
            )
            candidate.status = _status(rule, span, applied, present_only=present_only)
        return doc

    def _find_modifiers(self, doc: Doc, columns: list[list[int]]) -> list[Modifier]:
        """A pseudo phrase ("no longer", "not sure") voids the modifiers it overlaps, unless a
        longer one holds it ("before he went to prison" holds "before he went"); a longer
        modifier of another kind voids the ones it holds ("now healed" holds "now"). A rule
        restricted to some labels voids them for those labels only."""
        found = [Modifier(self._rules[mid], s, e) for mid, s, e in self._matcher(doc, columns)]
        rivals = sorted((m for m in found if m.rule.category not in _STRUCTURE), key=lambda m: m.start)
        if not rivals:
            return found
        starts = [m.start for m in rivals]
        longest = max(m.end - m.start for m in rivals)
        kept: list[Modifier] = []
        for m in found:
            category = m.rule.category
            if category is _CAT_PSEUDO or category is _CAT_HEDGE:
                kept.append(m)
                continue
            structure = category in _STRUCTURE
            size = m.end - m.start
            blockers: list[ContextView] = []
            dropped = False
            for r in rivals[bisect_left(starts, m.start - longest) : bisect_left(starts, m.end)]:
                if r is m or r.end <= m.start:
                    continue
                r_size = r.end - r.start
                if r.rule.category is _CAT_PSEUDO:
                    if size > r_size and m.start <= r.start and r.end <= m.end:
                        continue  # the longer phrase wins
                elif structure or r.rule.category is category or not (
                    r_size > size and r.start <= m.start and m.end <= r.end
                ):
                    continue
                if r.rule.is_generic and not r.rule.exclude_labels:
                    dropped = True
                    break
                if not structure:
                    blockers.append(r.rule)
            if not dropped:
                kept.append(Modifier(m.rule, m.start, m.end, tuple(blockers)) if blockers else m)
        return kept

    def _adult_age_near(self, doc: Doc, span: Span) -> bool:
        """"son (24)", "daughter aged 19", "19yo son": an age at or over the adult age."""
        age = _age_near(doc, span)
        return age is not None and self.adult_age <= age <= 120

    def _child_age_near(self, doc: Doc, span: Span, *, after: int = 4) -> bool:
        age = _age_near(doc, span, after=after)
        return age is not None and age < self.adult_age

    def _about_a_child(self, doc: Doc, span: Span) -> bool:
        """"her son is there, 12": a kin word opening the mention, with a child's age near."""
        if span.label_ not in self._child_subject_labels or doc[span.start].norm_ not in self._child_subject_kin:
            return False
        return self._child_age_near(doc, doc[span.start : span.start + 1], after=6)


def _text(rows: list[tuple[int, int, int]], start: int, end: int, strings: StringStore) -> str:
    """`doc[start:end].text` off the orth and space-after columns, without a Span and its
    Token objects: each token's text and its space, but for the last token's space."""
    text = "".join(strings[orth] + " " if space_after else strings[orth] for orth, _, space_after in rows[start:end])
    return text[:-1] if start < end and rows[end - 1][2] else text


def _dating_of_previous_note(
    doc: Doc, modifiers: list[Modifier], candidates: list[Candidate], dated: frozenset[str]
) -> str | None:
    """A past time the note opens with, before any act of its own that it could date ("Clarified:
    that was two years ago", "said it few months ago when drunk"), is about the note before."""
    dating = [m for m in modifiers if m.rule.previous_note]
    if not dating:
        return None
    first_mention = min((c.span.start for c in candidates if c.rule.label in dated), default=len(doc))
    for m in dating:
        if m.start < first_mention and _ends_a_statement(doc, m.end):
            return m.describe(doc[m.start : m.end].text)  # at most once a note: a Span is fine here
    return None


def _ends_a_statement(doc: Doc, i: int) -> bool:
    """Nothing of the same statement follows but a clause of when ("that was last week,",
    "... ago when he was drunk"): "it was last week he hit her" is about its own act."""
    return i >= len(doc) or doc[i].is_punct or doc[i].is_space or doc[i].norm_ in _WHEN_CLAUSE


_PLAIN, _NEWLINE, _SEPARATOR, _KEEPS_STOP = range(4)  # what a word can be to _breaks


def _kind(text: str, is_space: bool, separator: bool) -> int:
    """(IS_SPACE is a property of the word, like its text: one answer per orth hash.)"""
    if is_space and "\n" in text:
        return _NEWLINE
    if separator:
        return _SEPARATOR
    return _KEEPS_STOP if _keeps_its_stop(text) else _PLAIN


def _keeps_its_stop(text: str) -> bool:
    return len(text) >= 2 and text[-1] == "." and text[-2].isascii() and text[-2].isalpha()


def _capital_follows(rows: list[tuple[int, int, int]], i: int, strings: StringStore) -> bool:
    """After word i come spaces or tabs, then a word starting with a capital A-Z."""
    j = i + 1
    if not rows[i][2] and (j >= len(rows) or not rows[j][1]):
        return False  # no whitespace at all after the word
    while j < len(rows) and rows[j][1]:
        if strings[rows[j][0]].strip(" \t"):
            return False  # a newline, already a break of its own
        j += 1
    if j >= len(rows):
        return False
    first = strings[rows[j][0]][:1]
    return "A" <= first <= "Z"


def _age_near(doc: Doc, span: Span, *, after: int = 4) -> int | None:
    """The mention's own age when it has one ("daughter (16) seeing a 19 yr old"), else the
    nearest age around it (3 tokens before, `after` after); "18 month old" is not an age in
    years."""
    own = [t for t in span if _age_in_years(doc, t.i)]
    if own:
        return int(own[0].norm_)
    lo, hi = max(0, span.start - 3), min(len(doc), span.end + after)
    near = sorted(
        (t for t in doc[lo:hi] if not (span.start <= t.i < span.end) and _age_in_years(doc, t.i)),
        key=lambda t: min(abs(t.i - span.start), abs(t.i - (span.end - 1))),
    )
    return int(near[0].norm_) if near else None


_NOT_YEARS = {"month", "months", "week", "weeks", "day", "days", "wk", "wks", "mth", "mths", "hour", "hours", "min",
              "mins", "minute", "minutes", "times", "x", "am", "pm", "o'clock", "oclock", ":"}


# words before a number that make it a time of day, not an age ("at work till 10", "back by 6")
_BEFORE_A_TIME = {"till", "until", "til", "by", "at", "from", "after", "before", "since", "around", "about"}


def _join_trailing_dates(separators: list[int], modifiers: list[Modifier], hard: list[bool], soft: list[bool]) -> None:
    """A separator followed by nothing but a past time up to the end of the clause ("choked her
    - 2 wks ago", "strangled y - last wk.") dates what stands before it: it does not end the
    statement."""
    dated_ends = {m.start: m.end for m in modifiers if m.rule.category is _CAT_HISTORICAL}
    for i in separators:
        end = dated_ends.get(i + 1)
        if end is not None and (end >= len(hard) or hard[end] or soft[end]):
            hard[i] = False


def _age_in_years(doc: Doc, i: int) -> bool:
    if not doc[i].norm_.isdecimal():
        return False
    if i and doc[i - 1].norm_ in _BEFORE_A_TIME:
        return False
    following = doc[i + 1].norm_ if i + 1 < len(doc) else ""
    if following == "-" and i + 2 < len(doc):
        following = doc[i + 2].norm_
    return following not in _NOT_YEARS


def _status(rule: TargetRule, span: Span, applied: list[Modifier], *, present_only: bool = False) -> Status:
    """Present-only labels (suspect_present, ...) describe now: a past denial ("arrested
    last week") is marked historical, which the resolver then ignores for them."""
    status = rule.status or CURRENT
    if any(m.rule.category is _CAT_HEDGE for m in applied):
        # a hedge ("not sure if he has gone") keeps the danger open: current, whatever the phrase
        return CURRENT
    negations = [m for m in applied if m.rule.category is _CAT_NEGATED]
    if present_only and status is NEGATED and not rule.durable and _past_nearer(span, applied):
        return HISTORICAL
    if status is NEGATED:
        # Only a grammatical negation ("not in custody") flips a denial; a topical one
        # restricted to some labels ("custody ... arrest") restates it.
        # an answer ("Q safe to talk? n") flips the question's own wording wherever it stands
        if any((_distance(m, span) <= _FLIP_DISTANCE or m.rule.answer) and m.rule.is_generic for m in negations):
            status = CURRENT
    elif negations:
        status = NEGATED
    if status is CURRENT and not rule.durable and _past_nearer(span, applied):
        status = HISTORICAL
    return status


def _past_nearer(span: Span, applied: list[Modifier]) -> bool:
    """A history modifier applies and is nearer than any present-time one."""
    historical = [_distance(m, span) for m in applied if m.rule.category is _CAT_HISTORICAL]
    if not historical:
        return False
    present = [_distance(m, span) for m in applied if m.rule.category is _CAT_PRESENT]
    return not present or min(historical) < min(present)


def _without_overtaken_past(applied: list[Modifier], nearby: list[Modifier], span: Span) -> list[Modifier]:
    """A past time is overtaken by a present one standing between it and the mention ("said
    he'd kill her last week, tonight he told her sister he's driving over ... to kill her"):
    the later time frames what follows it, however far the past one reaches. Only a time
    for every label overtakes ("tonight", "now"), not one kept to some ("lately")."""
    presents = [p for p in nearby if p.rule.category is _CAT_PRESENT and p.rule.is_generic]

    def overtaken(m: Modifier) -> bool:
        lo, hi = (m.end, span.start) if m.end <= span.start else (span.end, m.start)
        return any(lo <= p.start and p.end <= hi for p in presents)

    return [m for m in applied if m.rule.category is not _CAT_HISTORICAL or not overtaken(m)]


def _distance(m: Modifier, span: Span) -> int:
    return span.start - m.end if m.end <= span.start else m.start - span.end


def _overlaps(m: Modifier, span: Span) -> bool:
    return m.start < span.end and span.start < m.end


def _overlaps_mod(a: Modifier, b: Modifier) -> bool:
    return a is not b and a.start < b.end and b.start < a.end


def _at_clause_end(doc: Doc, index: int, hard: list[bool], soft: list[bool]) -> bool:
    for i in range(index, len(doc)):
        if hard[i] or soft[i]:
            return True
        if not (doc[i].is_punct or doc[i].is_space):
            return False
    return True


def _at_clause_start(doc: Doc, index: int, hard: list[bool], soft: list[bool]) -> bool:
    """Nothing but punctuation, or a "that" ("reported that two years ago ..."), before
    `index` in its clause."""
    for i in range(index - 1, -1, -1):
        if hard[i] or soft[i]:
            return True
        if doc[i].norm_ == "that":
            return True
        if not (doc[i].is_punct or doc[i].is_space):
            return False
    return True


def _in_scope(
    m: Modifier,
    span: Span,
    label: str,
    hard: list[bool],
    soft: list[bool],
    target_starts: set[int],
    target_ends: set[int],
    n: int,
    doc: Doc,
) -> bool:
    rule = m.rule
    reach = rule.reach(label)
    sentence_only = rule.sentence_only
    if span.start >= m.end and rule.forward:
        budget = reach
        resets = 0
        i = m.end
        if soft[span.start] and span.start > m.end and not sentence_only:
            return False  # the mention opens a clause of its own ("hasn't called since she left")
        while i < span.start:
            if hard[i]:
                return False
            if soft[i] and not sentence_only:
                if (
                    rule.category in _LIST_CARRIERS
                    and resets < _MAX_LIST_RESETS
                    and _list_continues(i, span.start, target_starts, target_ends, n, doc)
                ):
                    budget = reach
                    resets += 1
                else:
                    return False
            budget -= 1
            if budget < 0:
                return False
            i += 1
        return True
    if span.end <= m.start and rule.backward:
        distance = m.start - span.end
        if distance > reach:
            return False
        if rule.anaphoric or rule.answer:
            return _reaches_back(m, span, hard, soft, doc)
        if m.start > 0 and doc[m.start - 1].norm_ in _REPORTING:
            return False  # "son says no" is an answer, for the answer rules to place
        return not any(hard[i] or (soft[i] and not sentence_only) for i in range(span.end, m.start))
    return False


def _reaches_back(m: Modifier, span: Span, hard: list[bool], soft: list[bool], doc: Doc) -> bool:
    """An anaphoric time ("That was last week") or an answer ("- said no") reaches back
    across the break right before it into the one sentence or question before it."""
    k = m.start
    if m.rule.answer:
        # who gives the answer may stand before it ("weapons - she says no", "A she says no")
        while k > span.end and k > m.start - 3 and doc[k - 1].norm_ in _ANSWER_LEAD:
            k -= 1
        if k == span.end and doc[span.start].norm_ in _ANSWERERS:
            return False  # the mention is the one answering ("son says no")
    while k > span.end and (hard[k - 1] or soft[k - 1] or doc[k - 1].is_punct or doc[k - 1].is_space):
        k -= 1
    if any(hard[i] for i in range(span.end, k)):
        return False
    if m.rule.anaphoric:
        return True
    if m.rule.category is _CAT_UNANSWERED and not any(doc[i].text in _QA_SEPARATORS for i in range(span.end, m.start)):
        return False  # "he doesn't know where she is" is no answer: an open one follows a "-" or "?"
    # an answer needs a question: a cue word or "?" in it, or a bare topic set off by a
    # question-and-answer separator ("weapons - no", "kids? no")
    first = span.start
    while first > 0 and not hard[first - 1] and not soft[first - 1]:
        first -= 1  # a clause: "hurt - yes, weapon - no" answers each topic on its own
    if _bare_topic(first, span, doc) and any(doc[i].text in _QA_SEPARATORS for i in range(k, m.start)):
        return True
    while first > 0 and not hard[first - 1]:
        first -= 1
    return any(doc[i].norm_ in _QUESTION_CUES for i in range(first, m.start))


def _bare_topic(first: int, span: Span, doc: Doc) -> bool:
    """The mention is a topic on its own in its clause, or the last of two ("strangled or
    choked - no", "kids/pets? no"): a question-and-answer separator then answers it."""
    lead = span.start - first
    if lead <= 1:
        return True
    return lead <= 4 and doc[span.start - 1].norm_ in _TOPIC_JOINERS


def _same_clause(m: Modifier, span: Span, soft: list[bool], doc: Doc) -> bool:
    lo, hi = (m.end, span.start) if m.end <= span.start else (span.end, m.start)
    return not any(soft[i] or doc[i].text in ("(", ")") for i in range(lo, hi))


def _list_continues(i: int, limit: int, target_starts: set[int], target_ends: set[int], n: int, doc: Doc) -> bool:
    """After a break at i, is the next thing another item of the same list ("no knife,
    gun or bat") rather than a new clause ("no injuries, he's still inside")? Then a
    negation before the list reaches it: a mention must end right at the break ("no
    injuries to her, kids in bed" is two clauses), and the next word (after at most one
    determiner) must start a mention and must not be a subject."""
    if i not in target_ends:
        return False
    j = i + 1
    if j < n and doc[j].norm_ in _LIST_DETERMINERS:
        j += 1
    if not (j <= limit and j in target_starts and doc[j].norm_ not in _SUBJECTS and not _verb_like(doc[j])):
        return False
    # and the item must end the clause or lead on to the next item ("no kids, weapons or
    # drugs"), not go on to say something of itself ("no injuries, kids in bed")
    end = min((e for e in target_ends if e > j), default=n)
    return end >= n or doc[end].is_punct or doc[end].norm_ in _LIST_FOLLOWERS


def _verb_like(token: Token) -> bool:
    lower = token.lower_
    return token.norm_ in _CLAUSE_VERBS or lower in _CLAUSE_VERBS or (len(lower) > 4 and lower.endswith("ed"))
