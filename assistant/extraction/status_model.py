"""A learned second reading of each label, stacked on the rules.

The rules find mentions and resolve them to one status per label (resolve.py). Call handlers
and authors differ in ways no phrase list keeps up with ("he lives in Leeds" is a denial of
presence to most of them), so a small per-label logistic model reads the rules' own output
(the resolved status, which rules fired with which status and modifiers, the other labels'
statuses) together with the call's words (unigrams and bigrams), and gives a probability for
absent / current / historical / negated. It was trained on the development sets
(`python -m assistant train status-model`) and ships as plain arrays in
`assistant.extraction.data/status_model.npz`; its settings live in `status_model.yml`.

Safety: an emergency label the rules read as current stays current unless the model is at
least `guard` sure of another reading, so the model can raise a grade freely but lowers one
only on strong evidence. Every label it sets or changes carries evidence: the rules' own spans,
or, for a label the rules did not find, the words that weighed most, each marked with rule
`status_model` and the probability.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from pydantic import Field, field_validator

from assistant.datafiles import DataFileError, load_yaml, validate
from assistant.extraction.mentions import Mention
from assistant.extraction.rules import RULES_PACKAGE, Strict, _check_labels
from assistant.labels import LABELS, Status
from assistant.models import STATUS_MODEL_RULE as MODEL_RULE, Evidence, Indicator

SETTINGS_FILE = "status_model.yml"
MODEL_FILE = "status_model.npz"
CLASSES = ("absent", "current", "historical", "negated")
_WORD = re.compile(r"[a-z0-9']+")
_LABEL_INDEX = {label: i for i, label in enumerate(LABELS)}
_CLASS_INDEX = {name: i for i, name in enumerate(CLASSES)}


class StatusModelSettings(Strict):
    """`status_model.yml`: whether the model runs, and how sure it must be to lower a grade."""

    enabled: bool = True
    guard: float = Field(ge=0.5, le=1.0)
    guarded_labels: list[str]
    # what `python -m assistant train status-model` reads (paths relative to the project root)
    training_sets: str = "tests/data/*_cases.jsonl"
    training_exclude: list[str] = Field(default_factory=list)
    regularisation: float = Field(default=1.0, gt=0)
    min_weight: float = Field(default=0.02, ge=0)

    _labels = field_validator("guarded_labels")(_check_labels)


# every ASCII character that is not in a word, as a space: `_WORD.findall` of ASCII text is
# `translate` then `split` (a few times cheaper; the status model reads every call's words)
_NOT_WORD = str.maketrans({chr(c): " " for c in range(128) if not _WORD.fullmatch(chr(c))})


def call_words(notes: Sequence[str]) -> list[str]:
    text = " ".join(notes).lower()
    if text.isascii():
        return text.translate(_NOT_WORD).split()
    return _WORD.findall(text)


def grams_of(words: Sequence[str]) -> Iterator[str]:
    """The unigrams, then the bigrams (joined with a space), of a list of words."""
    yield from words
    yield from map(" ".join, zip(words, words[1:]))


def call_grams(notes: Sequence[str]) -> set[str]:
    """The call's unigrams and bigrams."""
    return set(grams_of(call_words(notes)))


def mentions_by_label(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    """Each label's mentions in call order."""
    by_label: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.message, m.start)):
        by_label.setdefault(m.label, []).append(m)
    return by_label


def own_features(m: Mention) -> tuple[str, ...]:
    """One mention's features: its rule, with and without its status, and its modifiers' kinds."""
    status = m.status.value
    return (f"r={m.rule}", f"r={m.rule}:{status}", f"ms={status}",
            *(f"mod={modifier.split(':', 1)[0]}:{status}" for modifier in m.modifiers))


def last_features(last: Mention, notes: int) -> tuple[str, str]:
    """The label's last mention: its status, and whether it is in the call's last note."""
    return f"last={last.status.value}", f"lastmsg={'last' if last.message == notes - 1 else 'earlier'}"


def mention_features(mentions: Sequence[Mention], notes: int) -> Counter[str]:
    """What the rules found for one label: `mentions` are its mentions in call order."""
    features: Counter[str] = Counter()
    for m in mentions:
        features.update(own_features(m))
    if mentions:
        features.update(last_features(mentions[-1], notes))
    return features


def label_features(label: str, mentions: Sequence[Mention], statuses: dict[str, str], notes: int) -> Counter[str]:
    """Every named feature of `label`: its resolved status (rs=), its mentions, and the other
    labels' resolved statuses (o=). The model scores the first and last kinds as arrays."""
    features = mention_features(mentions, notes)
    features[f"rs={statuses.get(label, 'absent')}"] += 1
    for other, status in statuses.items():
        if other != label:
            features[f"o={other}:{status}"] += 1
    return features


@dataclass(frozen=True)
class Reading:
    label: str
    status: str  # one of CLASSES
    probability: float


class StatusModel:
    """The arrays of a trained model and the settings it runs with."""

    def __init__(
        self,
        *,
        labels: Sequence[str],
        grams: Sequence[str],
        gram_weights: np.ndarray,
        features: Sequence[str],
        feature_weights: np.ndarray,
        bias: np.ndarray,
        settings: StatusModelSettings,
        rules_version: str,
    ) -> None:
        self.labels = tuple(labels)
        self._label_index = {label: i for i, label in enumerate(self.labels)}
        self._grams = {g: i for i, g in enumerate(grams)}
        self._gram_weights = gram_weights  # [grams, labels, classes]
        self._bias = bias  # [labels, classes]
        self.settings = settings
        self.rules_version = rules_version
        self._guarded = frozenset(settings.guarded_labels)
        # The features every label has (its own resolved status, the other labels' statuses) as
        # dense arrays, so all labels are scored at once; the mention features stay by name and
        # are looked up only for labels the rules found.
        n, k = len(self.labels), len(CLASSES)
        self._own = np.zeros((n, k, k), dtype=np.float32)  # [label, its status, classes]
        self._others = np.zeros((len(LABELS), k, n, k), dtype=np.float32)  # [other, its status, label, classes]
        self._mention_features: dict[str, tuple[int, int]] = {}  # name -> (label row, weights row)
        mention_weights: list[np.ndarray] = []
        for name, weights in zip(features, feature_weights):
            label, _, feature = name.partition("|")
            li = self._label_index[label]
            kind, _, value = feature.partition("=")
            if kind == "rs":
                self._own[li, _CLASS_INDEX[value]] = weights
            elif kind == "o":
                other, _, status = value.partition(":")
                self._others[_LABEL_INDEX[other], _CLASS_INDEX[status], li] = weights
            else:
                self._mention_features[name] = (li, len(mention_weights))
                mention_weights.append(weights)
        self._mention_weights = np.array(mention_weights, dtype=np.float32).reshape(len(mention_weights), k)
        self._sums: dict[tuple[str, tuple[str, ...]], tuple[float, ...]] = {}
        # The same arrays as 2-D tables one `take` reads (rows: a gram; a label and its status;
        # another label and its status): cheaper than numpy's indexing by several index arrays.
        self._gram_table = self._gram_weights.reshape(len(self._gram_weights), n * k)
        self._own_table = self._own.reshape(n * k, k)
        self._others_table = self._others.reshape(len(LABELS) * k, n, k)
        self._own_rows = {label: i * k for i, label in enumerate(self.labels)}
        self._other_rows = {label: i * k for i, label in enumerate(LABELS)}
        # a mention's summed own features by what they are made of: (label, rule, status, modifiers)
        self._mention_sums: dict[tuple[object, ...], tuple[float, ...]] = {}

    def logits(self, notes: Sequence[str], mentions: Sequence[Mention], statuses: dict[str, str]) -> np.ndarray:
        """Unnormalised class scores, [labels, classes]."""
        return self._scores(notes, mentions, statuses)[0]

    def _scores(self, notes: Sequence[str], mentions: Sequence[Mention], statuses: dict[str, str]) -> tuple[np.ndarray, list[int]]:
        """The logits, and each label's resolved status as a class index (the rules' reading)."""
        n, k = self._gram_weights.shape[1:]
        logits = self._bias.copy()
        rows = self._gram_rows(notes)
        if rows:
            logits += self._gram_table.take(rows, axis=0).sum(axis=0).reshape(n, k)
        status_index = [_CLASS_INDEX[statuses.get(label, "absent")] for label in self.labels]
        own = self._own_rows
        logits += self._own_table.take([own[label] + s for label, s in zip(self.labels, status_index)], axis=0)
        if statuses:
            other = self._other_rows
            logits += self._others_table.take([other[label] + _CLASS_INDEX[s] for label, s in statuses.items()],
                                              axis=0).sum(axis=0)
        for label, found in mentions_by_label(mentions).items():
            i = self._label_index.get(label)
            if i is None:
                continue
            parts = [self._mention_summed(label, m) for m in found]
            parts.append(self._summed(label, last_features(found[-1], len(notes))))
            logits[i] += [sum(column) for column in zip(*parts)]
        return logits, status_index

    def _gram_rows(self, notes: Sequence[str]) -> list[int]:
        """The rows of the call's grams the model knows (call_grams' set, looked up without
        building it), in row order: the float32 sum then does not depend on string hashing."""
        rows = set(map(self._grams.get, grams_of(call_words(notes))))
        rows.discard(None)
        return sorted(rows)  # type: ignore[type-var]

    def _mention_summed(self, label: str, m: Mention) -> tuple[float, ...]:
        """`_summed(label, own_features(m))`, keyed by what those features are made of, so the
        feature strings are built only the first time."""
        key = (label, m.rule, m.status, m.modifiers)
        cached = self._mention_sums.get(key)
        if cached is None:
            cached = self._summed(label, own_features(m))
            if len(self._mention_sums) < 50_000:  # bounded in a long-running service
                self._mention_sums[key] = cached
        return cached

    def _summed(self, label: str, features: tuple[str, ...]) -> tuple[float, ...]:
        """The summed weights of some of `label`'s named features. The same features always
        add the same, so each distinct list is worked out once (a plain tuple: adding a few
        floats in Python is cheaper than a numpy call per mention)."""
        key = (label, features)
        cached = self._sums.get(key)
        if cached is None:
            total = np.zeros(len(CLASSES), dtype=np.float64)
            for feature in features:
                hit = self._mention_features.get(f"{label}|{feature}")
                if hit is not None:
                    total += self._mention_weights[hit[1]]
            cached = tuple(total.tolist())
            if len(self._sums) < 50_000:  # bounded in a long-running service
                self._sums[key] = cached
        return cached

    def readings(self, notes: Sequence[str], mentions: Sequence[Mention], statuses: dict[str, str]) -> list[Reading]:
        """The labels whose reading differs from the rules' (the guard applied); the
        probabilities are worked out only for those."""
        logits, rules_index = self._scores(notes, mentions, statuses)
        best = logits.argmax(axis=1).tolist()
        out: list[Reading] = []
        for i, (label, b, rules) in enumerate(zip(self.labels, best, rules_index)):
            if b == rules:
                continue
            probabilities = _softmax(logits[i])
            status, p = CLASSES[b], float(probabilities[b])
            if label in self._guarded and statuses.get(label) == "current" and p <= self.settings.guard:
                continue  # the rules' current reading stands
            out.append(Reading(label, status, p))
        return out

    def reread(self, notes: Sequence[str], mentions: Sequence[Mention], indicators: Iterable[Indicator]) -> tuple[Indicator, ...]:
        """The rules' indicators, each kept, changed or dropped by the model, plus the labels it
        finds that the rules did not; in the rules' label order."""
        by_label = {i.label: i for i in indicators}
        statuses = {label: i.status.value for label, i in by_label.items()}
        readings = {r.label: r for r in self.readings(notes, mentions, statuses)}
        if not readings:
            return tuple(by_label.values())
        out: list[Indicator] = []
        for label in LABELS:
            reading = readings.get(label)
            rules = by_label.get(label)
            if reading is None:
                if rules is not None:
                    out.append(rules)
                continue
            if reading.status == "absent":
                continue
            status = Status(reading.status)
            note = f"status model: {reading.status} (p={reading.probability:.2f})"
            if rules is not None:
                evidence = tuple(e.model_copy(update={"modifiers": (*e.modifiers, note)}) for e in rules.evidence)
                implied = rules.implied_by
            else:
                evidence = self._word_evidence(notes, label, status, note)
                implied = ()
            out.append(Indicator(label=label, status=status, evidence=evidence, implied_by=tuple(sorted({*implied, MODEL_RULE}))))
        return tuple(out)

    def _word_evidence(self, notes: Sequence[str], label: str, status: Status, note: str) -> tuple[Evidence, ...]:
        """The call's word or word pair that pushed hardest towards `status`, as a span of the
        note it is in (a pair across two notes is skipped for the next word)."""
        i, c = self._label_index[label], _CLASS_INDEX[status.value]
        present = sorted(((float(self._gram_weights[row, i, c]), g) for g in call_grams(notes)
                          if (row := self._grams.get(g)) is not None), reverse=True)
        for _, gram in present:
            words = gram.split(" ")
            pattern = re.compile(r"(?<![a-z0-9'])" + r"[^a-z0-9']+".join(map(re.escape, words)) + r"(?![a-z0-9'])",
                                 re.IGNORECASE)
            for n, text in enumerate(notes):
                hit = pattern.search(text)
                if hit is not None:
                    return (Evidence(message=n, start=hit.start(), end=hit.end(), text=hit.group(),
                                     status=status, rule=MODEL_RULE, modifiers=(note,)),)
        return ()


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def _check(file: str, condition: bool, message: str, entry: str) -> None:
    if not condition:
        raise DataFileError(file, message, entry=entry)


def parse_model(data: bytes, settings: StatusModelSettings, *, file: str = f"{RULES_PACKAGE}/{MODEL_FILE}") -> StatusModel:
    """Reads and checks the arrays; every problem names the file and the array."""
    try:
        arrays = np.load(io.BytesIO(data), allow_pickle=False)
        parts = {name: arrays[name] for name in arrays.files}
    except Exception as exc:  # a truncated or foreign file: np.load raises several kinds
        raise DataFileError(file, f"not a readable model file ({exc})") from exc
    for name in ("labels", "classes", "grams", "gram_weights", "features", "feature_weights", "bias", "meta"):
        _check(file, name in parts, "missing", name)
    labels = [str(x) for x in parts["labels"]]
    _check(file, set(labels) <= set(LABELS) and len(set(labels)) == len(labels), f"unknown or repeated labels {labels}", "labels")
    _check(file, tuple(str(x) for x in parts["classes"]) == CLASSES, f"classes must be {list(CLASSES)}", "classes")
    grams, features = [str(x) for x in parts["grams"]], [str(x) for x in parts["features"]]
    n, k = len(labels), len(CLASSES)
    _check(file, parts["gram_weights"].shape == (len(grams), n, k), f"shape {parts['gram_weights'].shape}", "gram_weights")
    _check(file, parts["feature_weights"].shape == (len(features), k), f"shape {parts['feature_weights'].shape}", "feature_weights")
    _check(file, parts["bias"].shape == (n, k), f"shape {parts['bias'].shape}", "bias")
    for name in ("gram_weights", "feature_weights", "bias"):
        _check(file, bool(np.isfinite(parts[name]).all()), "holds a value that is not a finite number", name)
    try:
        meta = json.loads(str(parts["meta"]))
        rules_version = str(meta["rules_version"])
    except (ValueError, KeyError, TypeError) as exc:
        raise DataFileError(file, f"not JSON with a rules_version ({exc})", entry="meta") from exc
    return StatusModel(labels=labels, grams=grams, gram_weights=parts["gram_weights"].astype(np.float32),
                       features=features, feature_weights=parts["feature_weights"].astype(np.float32),
                       bias=parts["bias"].astype(np.float32), settings=settings, rules_version=rules_version)


def load_settings() -> StatusModelSettings:
    file = f"{RULES_PACKAGE}/{SETTINGS_FILE}"
    return validate(StatusModelSettings, load_yaml(RULES_PACKAGE, SETTINGS_FILE), file=file)


@lru_cache(maxsize=1)
def load_status_model(rules_version: str) -> StatusModel | None:
    """The shipped model, or None when `status_model.yml` turns it off. A model trained on
    other rules than the loaded ones is refused: its rule features would mean something else."""
    settings = load_settings()
    if not settings.enabled:
        return None
    file = f"{RULES_PACKAGE}/{MODEL_FILE}"
    try:
        data = resources.files(RULES_PACKAGE).joinpath(MODEL_FILE).read_bytes()
    except FileNotFoundError as exc:
        raise DataFileError(file, "file not found: train it with `make status-model`, or set enabled: false in "
                            f"{SETTINGS_FILE}") from exc
    model = parse_model(data, settings, file=file)
    if model.rules_version != rules_version:
        raise DataFileError(file, f"trained on rules {model.rules_version} but the rules loaded are {rules_version}: "
                            f"retrain it with `make status-model`, or set enabled: false in {SETTINGS_FILE}", entry="meta")
    return model
