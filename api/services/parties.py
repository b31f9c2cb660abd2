"""Victim and suspect identifiers: normalised for matching, and matched against earlier calls
to recognise repeat victims (two or more incidents in twelve months, 004 s3.4).

A victim matches an earlier call's victim on any of: the same normalised phone number; the
same postcode and a fuzzy address match; a fuzzy name match with the same date of birth.
Fuzzy scores come from rapidfuzz; thresholds are settings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import fuzz
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from api.db.models import Call, Party, aware
from api.settings import Settings

_NON_DIGITS = re.compile(r"\D+")
_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b")
_ADDRESS_WORDS = {
    "road": "rd", "street": "st", "avenue": "ave", "lane": "ln", "drive": "dr", "close": "cl", "court": "ct",
    "crescent": "cres", "place": "pl", "gardens": "gdns", "terrace": "ter", "flat": "flat", "apartment": "flat",
    "apt": "flat", "house": "ho",
}
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr"}


def normalise_phone(raw: str | None) -> str | None:
    """UK numbers to national format with the leading 0: '+44 (0)7700 900123', '0044 7700
    900123', '07700-900123' -> '07700900123'. Other international numbers keep '+' and digits.
    Returns None when too few digits remain to identify anyone."""
    if not raw:
        return None
    text = raw.strip()
    plus = text.startswith("+")
    text = text.replace("(0)", "")
    digits = _NON_DIGITS.sub("", text)
    if plus and digits.startswith("44"):
        digits = "0" + digits[2:]
    elif digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif plus or digits.startswith("00"):
        digits = "+" + digits.lstrip("0")
        return digits if len(digits) >= 8 else None
    elif len(digits) == 10 and digits[0] in "1237":  # UK number typed without its leading 0
        digits = "0" + digits
    return digits if 9 <= len(digits) <= 11 else None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9 ]+", " ", text)


def normalise_name(raw: str | None) -> str | None:
    if not raw:
        return None
    words = [w for w in _fold(raw).split() if w not in _TITLES]
    return " ".join(words) or None


def extract_postcode(raw: str | None) -> str | None:
    if not raw:
        return None
    match = _POSTCODE.search(raw.upper())
    return f"{match.group(1)}{match.group(2)}" if match else None


def normalise_address(raw: str | None) -> str | None:
    if not raw:
        return None
    text = raw.upper()
    text = _POSTCODE.sub(" ", text)
    words = [_ADDRESS_WORDS.get(w, w) for w in _fold(text).split()]
    return " ".join(words) or None


def fill_normalised(party: Party) -> Party:
    party.name_norm = normalise_name(party.name)
    party.phone_norm = normalise_phone(party.phone)
    party.address_norm = normalise_address(party.address)
    party.postcode = extract_postcode(party.address)
    return party


@dataclass(frozen=True)
class EarlierCall:
    call_id: str
    opened_at: datetime
    matched_on: tuple[str, ...]
    score: float


def _reasons(victim: Party, other: Party, settings: Settings) -> tuple[tuple[str, ...], float]:
    reasons: list[str] = []
    best = 0.0
    if victim.phone_norm and victim.phone_norm == other.phone_norm:
        reasons.append("phone")
        best = 100.0
    if victim.address_norm and other.address_norm and (victim.postcode == other.postcode or not (victim.postcode and other.postcode)):
        score = fuzz.token_sort_ratio(victim.address_norm, other.address_norm)
        if score >= settings.address_match_threshold:
            reasons.append("address")
            best = max(best, score)
    if victim.name_norm and other.name_norm and victim.dob and victim.dob == other.dob:
        score = fuzz.token_sort_ratio(victim.name_norm, other.name_norm)
        if score >= settings.name_match_threshold:
            reasons.append("name_dob")
            best = max(best, score)
    return tuple(reasons), best


def find_earlier_calls(session: Session, call: Call, settings: Settings) -> list[EarlierCall]:
    """Earlier calls within the window whose victim matches any victim of this call."""
    victims = [p for p in call.parties if p.role == "victim"]
    if not victims:
        return []
    opened = aware(call.opened_at)
    since = opened - timedelta(days=settings.repeat_window_days)
    clauses = []
    for v in victims:
        if v.phone_norm:
            clauses.append(Party.phone_norm == v.phone_norm)
        if v.dob:
            clauses.append(Party.dob == v.dob)
        if v.postcode:
            clauses.append(Party.postcode == v.postcode)
        elif v.address_norm:
            clauses.append(Party.address_norm.is_not(None))
    if not clauses:
        return []
    rows = session.execute(
        select(Party, Call.opened_at)
        .join(Call, Call.id == Party.call_id)
        .where(and_(Party.role == "victim", Call.id != call.id, Call.opened_at >= since,
                    Call.opened_at <= opened, or_(*clauses)))
        .limit(5000)
    ).all()
    found: dict[str, EarlierCall] = {}
    for other, opened_at in rows:
        for v in victims:
            reasons, score = _reasons(v, other, settings)
            if not reasons:
                continue
            prev = found.get(other.call_id)
            merged = tuple(sorted(set(reasons) | set(prev.matched_on if prev else ())))
            found[other.call_id] = EarlierCall(other.call_id, opened_at, merged, max(score, prev.score if prev else 0))
    return sorted(found.values(), key=lambda e: aware(e.opened_at), reverse=True)
