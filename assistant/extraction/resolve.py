"""From mentions across a call's notes to one status per label.

Later statements win ("kids at school ... actually son is upstairs"); a historical
assertion survives a later present-tense denial ("used a belt on her last year ... no
weapons tonight" stays historical: risk tools ask "has he ever"). Implications from the
rules file then add what the notes imply (a historical assault is a previous incident).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from assistant.extraction.mentions import Mention, told_as
from assistant.extraction.rules import ControlEnded, Implications, LaterEnds, NotBeside, OnlyBeside
from assistant.extraction.tense import PAST_TENSE
from assistant.labels import CURRENT, HISTORICAL, LABELS, NEGATED, Status
from assistant.models import Evidence, Indicator

_ORDER = {label: i for i, label in enumerate(LABELS)}


def resolve(mentions: Iterable[Mention], implications: Implications) -> tuple[Indicator, ...]:
    mentions = _without_lone_companions(list(mentions), implications.only_beside)
    mentions = _without_marked(mentions, implications.not_beside)
    mentions = _apply_elderly_victim(_apply_victim_away(mentions, implications), implications)
    mentions = _drop_weak_denials(mentions, set(implications.weak_denials))
    mentions = _drop_weak_assertions(mentions, set(implications.weak_assertions))
    mentions = _drop_named_beside_told(mentions, set(implications.named_only))
    if implications.custody_ended is not None:
        mentions = _drop_ended(mentions, implications.custody_ended)
    if implications.control_ended is not None:
        mentions = _date_ended_control(mentions, implications.control_ended)
    by_label: dict[str, list[Mention]] = {}
    ever_historical: dict[str, list[Mention]] = {}
    for mention in sorted(mentions, key=lambda m: (m.message, m.start)):
        status = mention.status
        if status is HISTORICAL:
            ever_historical.setdefault(mention.label, []).append(mention)
        if status is HISTORICAL:
            if mention.label in implications.never_historical:
                continue
            if mention.label in implications.historical_becomes_current:
                status = CURRENT
        if status is not mention.status:
            mention = _with_status(mention, status)
        by_label.setdefault(mention.label, []).append(mention)

    indicators: dict[str, Indicator] = {}
    for label, found in by_label.items():
        if label in implications.asserted_within_note:
            found = _assertion_wins_within_note(found)
        status = _merge([m.status for m in found])
        evidence = tuple(_evidence(m) for m in found if m.status is status)
        indicators[label] = Indicator(label=label, status=status, evidence=evidence)

    for rule in implications.implications:
        # A label current now can also have a past ("threatened to kill her last week ...
        # tonight he said he'll kill her"): its historical mentions still count.
        evidence = tuple(
            e
            for label in rule.if_any
            if label in indicators
            for e in (
                indicators[label].evidence
                if indicators[label].status in rule.statuses
                else (_evidence(m) for m in ever_historical.get(label, ()) if HISTORICAL in rule.statuses)
            )
        )
        if not evidence:
            continue
        existing = indicators.get(rule.then)
        if existing is not None and not rule.override:
            continue
        implied = tuple(sorted({*(existing.implied_by if existing else ()), rule.id}))
        indicators[rule.then] = Indicator(label=rule.then, status=rule.status, evidence=evidence, implied_by=implied)

    return tuple(sorted(indicators.values(), key=lambda i: _ORDER[i.label]))


def _apply_victim_away(mentions: list[Mention], implications: Implications) -> list[Mention]:
    """Drops the victim-away markers; while one is asserted, "he is at home" reads as negated.
    A hedged mention ("doesn't know if he's outside now") is about where she is, so it stays."""
    rule = implications.victim_away
    if rule is None:
        return mentions
    markers, negates, returns = set(rule.markers), set(rule.negates), set(rule.returns)
    away = _asserted_by(mentions, markers)
    # where the victim last was, by position: after a return ("rang from home") with no
    # marker since, she is home again and "he is at her door" is with her
    home_from: tuple[int, int] | None = None
    if away and any(m.rule in returns for m in mentions):  # the ordered scan only when it can matter
        for m in sorted(mentions, key=lambda m: (m.message, m.start)):
            if m.rule in returns and m.status is CURRENT:
                home_from = (m.message, m.start)
            elif m.rule in markers and m.status is CURRENT and home_from is not None:
                home_from = None
    kept: list[Mention] = []
    for m in mentions:
        if m.rule in markers or m.rule in returns:
            continue
        at_home = home_from is not None and (m.message, m.start) >= home_from
        if away and not at_home and m.rule in negates and m.status is CURRENT and not told_as(m, "hedge"):
            m = replace(m, status=NEGATED, modifiers=(*m.modifiers, "victim away from home"))
        kept.append(m)
    return kept


def _apply_elderly_victim(mentions: list[Mention], implications: Implications) -> list[Mention]:
    """Drops an elderly victim's kin ("her son") as children unless the mention gives an age."""
    rule = implications.elderly_victim
    if rule is None:
        return mentions
    markers, adult_kin = set(rule.markers), set(rule.adult_kin)
    if not _asserted_by(mentions, markers):
        return mentions
    return [m for m in mentions if not (m.rule in adult_kin and not any(ch.isdigit() for ch in m.text))]


def _drop_weak_denials(mentions: list[Mention], weak: set[str]) -> list[Mention]:
    """A vague denial ("she says she's fine") does not undo an injury the call already
    described ("small graze on her arm"); with nothing asserted before it, it still denies."""
    if not weak:
        return mentions
    kept: list[Mention] = []
    asserted: set[str] = set()
    for m in sorted(mentions, key=lambda m: (m.message, m.start)):
        if m.rule in weak and m.label in asserted:
            continue
        if m.status is not NEGATED:
            asserted.add(m.label)
        kept.append(m)
    return kept


def _drop_weak_assertions(mentions: list[Mention], weak: set[str]) -> list[Mention]:
    """An assertion read from a description ("he's drunk") does not undo a denial the call
    made before it ("he has left in a taxi"); with no denial before it, it still asserts."""
    if not weak:
        return mentions
    kept: list[Mention] = []
    last_status: dict[str, Status] = {}
    for m in sorted(mentions, key=lambda m: (m.message, m.start)):
        if m.rule in weak and m.status is not NEGATED and last_status.get(m.label) is NEGATED:
            continue
        last_status[m.label] = m.status
        kept.append(m)
    return kept


def _drop_named_beside_told(mentions: list[Mention], named: set[str]) -> list[Mention]:
    """A bare name of a label ("report the coercive control") says nothing of when; where the
    call also tells the behaviour ("he used to take her wages"), that telling decides the
    status. A name with a time of its own ("controlling behaviour during the relationship")
    stays."""
    if not named:
        return mentions
    told = {m.label for m in mentions if m.rule not in named}
    return [m for m in mentions if not (m.rule in named and m.label in told and not m.modifiers)]


def _drop_ended(mentions: list[Mention], rule: LaterEnds) -> list[Mention]:
    """Drops the `cancels` mentions made before the call's last `markers` mention ("went to
    prison for it ... released last month": the prison no longer says where he is)."""
    markers, cancels = set(rule.markers), set(rule.cancels)
    ends = [(m.message, m.start) for m in mentions if m.rule in markers]
    if not ends:
        return mentions
    last = max(ends)
    return [m for m in mentions if not (m.rule in cancels and (m.message, m.start) < last)]


def _date_ended_control(mentions: list[Mention], rule: ControlEnded) -> list[Mention]:
    """Where the call ends with her safe from him, control told in the past tense (marked by
    tense.TenseReader.mark) is historical: it stopped when contact did."""
    safety = [m.status for m in sorted(mentions, key=lambda m: (m.message, m.start))
              if m.label == rule.when and m.status is not HISTORICAL]
    if not safety or _merge(safety) is not CURRENT:
        return mentions
    labels = set(rule.labels)
    return [
        _with_status(m, HISTORICAL)
        if m.label in labels and m.status is CURRENT and told_as(m, PAST_TENSE)
        else m
        for m in mentions
    ]


def _without_lone_companions(mentions: list[Mention], entries: list[OnlyBeside]) -> list[Mention]:
    """Drops the mentions of each entry's rules when the call asserts none of its labels."""
    dropped: set[str] = set()
    for entry in entries:
        if not any(m.label in entry.labels and m.status is not NEGATED for m in mentions):
            dropped.update(entry.rules)
    return [m for m in mentions if m.rule not in dropped] if dropped else mentions


def _without_marked(mentions: list[Mention], entries: list[NotBeside]) -> list[Mention]:
    """Drops the mentions of each entry's rules when the call has a mention of its markers."""
    dropped: set[str] = set()
    for entry in entries:
        if any(m.rule in entry.markers for m in mentions):
            dropped.update(entry.rules)
    return [m for m in mentions if m.rule not in dropped] if dropped else mentions


def _asserted_by(mentions: list[Mention], rules: set[str]) -> bool:
    """A call-wide fact such as "she is at her mother's": any current mention of these rules."""
    return any(m.rule in rules and m.status is CURRENT for m in mentions)




def _assertion_wins_within_note(found: list[Mention]) -> list[Mention]:
    """Within one note an assertion outlasts a later denial ("cut above her eye ... kids
    unharmed", "threw her phone at her ... no weapons in the house"): the denial is about
    someone or something else more often than it corrects the note. A later note still
    overrides an earlier one. The note's denials are dropped where it also asserts; the topic
    of a question ("asked re weapons. she says never") asserts nothing."""
    asserted = {m.message for m in found if m.status is CURRENT and not told_as(m, "question")}
    return [m for m in found if not (m.status is NEGATED and m.message in asserted)]


def _merge(statuses: list[Status]) -> Status:
    present = [s for s in statuses if s is not HISTORICAL]
    if present and present[-1] is CURRENT:
        return CURRENT
    if HISTORICAL in statuses:
        return HISTORICAL
    return NEGATED


def _with_status(m: Mention, status: Status) -> Mention:
    return replace(m, status=status)


def _evidence(m: Mention) -> Evidence:
    return Evidence(
        message=m.message, start=m.start, end=m.end, text=m.text, status=m.status, rule=m.rule, modifiers=m.modifiers
    )
