"""Trains the status model (assistant/extraction/status_model.py) on the development sets:
`python -m assistant train status-model`, or `make status-model`.

For every case and every label: the rules' features (what they found and how they resolved it)
and the call's words, against the author's gold status. One multinomial logistic regression per
label (scikit-learn, imported only here: the running engine needs numpy alone). The sealed sets
named in `status_model.yml` are never read. Training is deterministic: same sets, same rules,
same file.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.analysis import Analyser
from assistant.casefiles import Case, read_cases
from assistant.extraction.resolve import resolve
from assistant.extraction.status_model import (
    CLASSES,
    MODEL_FILE,
    StatusModelSettings,
    call_grams,
    label_features,
    mentions_by_label,
    load_settings,
)
from assistant.labels import LABELS

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = PROJECT_ROOT / "assistant" / "extraction" / "data" / MODEL_FILE
ABSENT_BIAS = -30.0  # a class a label never had in training is never its reading


def training_files(settings: StatusModelSettings, root: Path = PROJECT_ROOT) -> list[Path]:
    excluded = set(settings.training_exclude)
    return sorted(p for p in root.glob(settings.training_sets) if p.name not in excluded)


def case_rows(analyser: Analyser, case: Case) -> list[tuple[str, dict[str, float], str]]:
    """(label, features, gold status) for every label of one case; the rules alone, no model."""
    mentions = analyser.mentions(case.messages)
    statuses = {i.label: i.status.value for i in resolve(mentions, analyser.rules.implications)}
    grams = {f"w={g}": 1.0 for g in call_grams(case.messages)}
    by_label = mentions_by_label(mentions)
    assert case.indicators is not None
    rows = []
    for label in LABELS:
        features: dict[str, float] = {k: float(v) for k, v in
                                      label_features(label, by_label.get(label, []), statuses, len(case.messages)).items()}
        features.update(grams)
        gold = case.indicators.get(label)
        rows.append((label, features, gold.value if gold is not None else "absent"))
    return rows


def _full_weights(classes: Sequence[str], coef: np.ndarray, intercept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """sklearn's coefficients over the classes a label had, spread over all four classes."""
    weights = np.zeros((coef.shape[1], len(CLASSES)), dtype=np.float64)
    bias = np.full(len(CLASSES), ABSENT_BIAS)
    if len(classes) == 2:  # binary: sklearn keeps one row, for classes[1] against classes[0]
        weights[:, CLASSES.index(classes[1])] = coef[0]
        bias[CLASSES.index(classes[0])] = 0.0
        bias[CLASSES.index(classes[1])] = intercept[0]
    else:
        for row, name in enumerate(classes):
            weights[:, CLASSES.index(name)] = coef[row]
            bias[CLASSES.index(name)] = intercept[row]
    return weights, bias


def train(files: Sequence[Path], settings: StatusModelSettings, analyser: Analyser | None = None) -> bytes:
    """The model file's bytes (a compressed .npz)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    analyser = analyser or Analyser(status_model=False)
    per_label: dict[str, tuple[list[dict[str, float]], list[str]]] = {label: ([], []) for label in LABELS}
    cases = 0
    for path in files:
        for case in read_cases(str(path), gold=True):
            cases += 1
            for label, features, gold in case_rows(analyser, case):
                per_label[label][0].append(features)
                per_label[label][1].append(gold)
    gram_rows: dict[str, np.ndarray] = {}
    feature_rows: dict[str, np.ndarray] = {}
    bias = np.zeros((len(LABELS), len(CLASSES)))
    for li, label in enumerate(LABELS):
        features, gold = per_label[label]
        classes = sorted(set(gold))
        if len(classes) == 1:  # never varied in training: always that reading
            bias[li] = ABSENT_BIAS
            bias[li, CLASSES.index(classes[0])] = 0.0
            continue
        vectorizer = DictVectorizer()
        matrix = vectorizer.fit_transform(features)
        model = LogisticRegression(C=settings.regularisation, max_iter=5000)
        model.fit(matrix, gold)
        weights, bias[li] = _full_weights(list(model.classes_), model.coef_, model.intercept_)
        for name, column in vectorizer.vocabulary_.items():
            row = weights[column]
            if np.abs(row).max() < settings.min_weight:
                continue
            if name.startswith("w="):
                gram_rows.setdefault(name[2:], np.zeros((len(LABELS), len(CLASSES))))[li] = row
            else:
                feature_rows[f"{label}|{name}"] = row
    grams = sorted(gram_rows)
    names = sorted(feature_rows)
    meta = {
        "rules_version": analyser.rules.version,
        "training_files": [p.name for p in files],
        "cases": cases,
        "regularisation": settings.regularisation,
        "min_weight": settings.min_weight,
    }
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        labels=np.array(LABELS),
        classes=np.array(CLASSES),
        grams=np.array(grams, dtype=str),
        gram_weights=np.array([gram_rows[g] for g in grams], dtype=np.float32).reshape(len(grams), len(LABELS), len(CLASSES)),
        features=np.array(names, dtype=str),
        feature_weights=np.array([feature_rows[n] for n in names], dtype=np.float32).reshape(len(names), len(CLASSES)),
        bias=bias.astype(np.float32),
        meta=np.array(json.dumps(meta, sort_keys=True)),
    )
    return buffer.getvalue()


def run_train_status_model(output: str | None = None) -> int:
    settings = load_settings()
    files = training_files(settings)
    if not files:
        print(f"error: no training sets match {settings.training_sets}", file=sys.stderr)
        return 2
    data = train(files, settings)
    target = Path(output) if output else DEFAULT_OUTPUT
    tmp = target.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)  # written completely or not at all
    print(f"status model: {len(files)} sets -> {target} ({len(data) / 1e6:.1f} MB)", file=sys.stderr)
    return 0


# Four groups of read sets, each scored by a model trained on the other read sets
DEFAULT_FOLDS = (
    ("fresh_az", "fresh_ba", "fresh_bb", "fresh_bc", "fresh_be", "fresh_bf", "fresh_bg", "fresh_bh", "fresh_bj"),
    ("fresh_at", "fresh_au", "fresh_av", "fresh_aw", "fresh_ax", "fresh_ay"),
    ("fresh_an", "fresh_ao", "fresh_ap", "fresh_aq", "fresh_ar", "fresh_as"),
    ("fresh_ae", "fresh_af", "fresh_ak", "fresh_al", "fresh_am", "holdout", "fresh_w", "fresh_x"),
)
COLUMNS = ("asserted_micro_f1", "negated_micro_f1", "status_accuracy", "grade_accuracy",
           "under_graded_emergencies", "question_violations", "question_misses")


def _mean_row(rows: list[dict[str, float | int]]) -> str:
    means = [sum(float(r[c]) for r in rows) / len(rows) for c in COLUMNS[:4]]
    totals = [sum(int(r[c]) for r in rows) for c in COLUMNS[4:]]
    return " / ".join([*(f"{m:.4f}" for m in means), *(str(t) for t in totals)])


def run_cross_validation(folds: Sequence[Sequence[str]] = DEFAULT_FOLDS) -> int:
    """Rules alone against rules + a model trained without the fold, fold by fold (the set
    means of asserted / negated / status / grade, the totals of under-graded / violations /
    misses): `python -m assistant eval status-model`."""
    from assistant.batch import analyse_cases
    from assistant.evaluation.cases import score_cases
    from assistant.extraction.status_model import parse_model

    settings = load_settings()
    rules = Analyser(status_model=False)
    files = training_files(settings)
    everything: dict[str, list[dict[str, float | int]]] = {"rules": [], "model": []}
    print("fold  | engine | " + " / ".join(COLUMNS))
    for number, fold in enumerate(folds, 1):
        held = {f"{name}_cases.jsonl" for name in fold}
        model = parse_model(train([p for p in files if p.name not in held], settings, rules), settings)
        stacked = Analyser(status_model=False)
        stacked.status_model = model
        for name, analyser in (("rules", rules), ("model", stacked)):
            rows = []
            for path in (p for p in files if p.name in held):
                cases = read_cases(str(path), gold=True)
                rows.append(score_cases(cases, analyse_cases(analyser, cases)).summary())
            everything[name].extend(rows)
            print(f"{number:<5} | {name:6} | {_mean_row(rows)}", flush=True)
    for name, rows in everything.items():
        print(f"all   | {name:6} | {_mean_row(rows)}")
    return 0
