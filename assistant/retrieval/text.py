"""Tokenising, stemming and synonym expansion shared by indexing and querying."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from assistant.datafiles import DataFileError, load_yaml

DATA = "assistant.retrieval.data"
MAX_QUERY_CHARS = 2000  # longer questions are cut here (a question is not a document)

STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves policy say says said tell does do we us what's whats im
i'm got get gets getting thing things stuff ok okay please need
""".split())

_TOKEN = re.compile(r"[a-z0-9]+(?:[+'][a-z0-9]*)?")


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")


def words(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


def tokens(text: str) -> list[str]:
    """Stemmed content words (stop words dropped)."""
    return _stemmer().stemWords([w.rstrip("'") for w in words(text) if w not in STOPWORDS])


@dataclass(frozen=True)
class Synonyms:
    groups: tuple[tuple[str, ...], ...]

    def expand(self, query: str) -> tuple[list[str], list[str]]:
        """Return (extra lexical tokens, canonical phrases) for the groups the query mentions."""
        text = " " + " ".join(words(query)) + " "
        extra: list[str] = []
        canonical: list[str] = []
        for group in self.groups:
            if any(f" {' '.join(words(term))} " in text for term in group):
                for term in group:
                    extra.extend(tokens(term))
                if f" {' '.join(words(group[0]))} " not in text:
                    canonical.append(group[0])
        return extra, canonical


@lru_cache(maxsize=1)
def load_synonyms() -> Synonyms:
    label = f"{DATA}/synonyms.yml"
    raw = load_yaml(DATA, "synonyms.yml")
    if not isinstance(raw, dict) or not isinstance(raw.get("groups"), list):
        raise DataFileError(label, "expected a mapping with a list `groups`")
    groups = []
    for i, group in enumerate(raw["groups"]):
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(t, str) and t.strip() for t in group):
            raise DataFileError(label, "each group must be a list of at least two non-empty strings", entry=f"groups[{i}]")
        groups.append(tuple(str(t) for t in group))
    return Synonyms(tuple(groups))


@dataclass(frozen=True)
class ScopeWords:
    strong: frozenset[str]
    general: frozenset[str]


@lru_cache(maxsize=1)
def load_scope_words() -> ScopeWords:
    """Stemmed words that place a question inside the documents' subject (data/scope.yml)."""
    label = f"{DATA}/scope.yml"
    raw = load_yaml(DATA, "scope.yml")
    if not isinstance(raw, dict):
        raise DataFileError(label, "expected a mapping with lists `strong` and `words`")
    lists = {}
    for key in ("strong", "words"):
        entries = raw.get(key)
        if not isinstance(entries, list) or not entries:
            raise DataFileError(label, f"`{key}` must be a non-empty list")
        stemmed: set[str] = set()
        for i, word in enumerate(entries):
            if not isinstance(word, (str, int)) or not str(word).strip():
                raise DataFileError(label, "each word must be a non-empty string", entry=f"{key}[{i}]")
            stemmed.update(_stemmer().stemWords([w.rstrip("'") for w in words(str(word))]))
        lists[key] = frozenset(stemmed)
    return ScopeWords(strong=lists["strong"], general=lists["words"] | lists["strong"])
