"""The status model stacked on the rules (assistant/extraction/status_model.py): the shipped
file loads and matches the shipped rules; bad files and settings stop start-up naming the file
and the entry; the guard keeps an emergency label unless the model is sure; a label the rules did
not find gets evidence that indexes its note exactly; training is deterministic and never reads
the sealed sets."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
import yaml

from assistant import datafiles
from assistant.analysis import Analyser
from assistant.datafiles import DataFileError
from assistant.evaluation.status_training import PROJECT_ROOT, train, training_files
from assistant.extraction import status_model as sm
from assistant.extraction.rules import RULES_PACKAGE, load_rules
from assistant.extraction.status_model import (
    CLASSES,
    MODEL_FILE,
    SETTINGS_FILE,
    StatusModel,
    StatusModelSettings,
    load_settings,
    load_status_model,
    parse_model,
)
from assistant.labels import LABELS, Status
from assistant.models import STATUS_MODEL_RULE, Indicator

FILE = f"{RULES_PACKAGE}/{MODEL_FILE}"
SP = LABELS.index("suspect_present")
SETTINGS = StatusModelSettings(guard=0.8, guarded_labels=["suspect_present"])


def arrays(**changes: object) -> dict[str, np.ndarray]:
    """A minimal valid model: one gram, "leeds", pushing suspect_present towards negated."""
    n, k = len(LABELS), len(CLASSES)
    gram_weights = np.zeros((1, n, k), dtype=np.float32)
    gram_weights[0, SP, CLASSES.index("negated")] = 4.0
    bias = np.zeros((n, k), dtype=np.float32)
    bias[:, 0] = 3.0  # absent unless pushed
    parts = {
        "labels": np.array(LABELS),
        "classes": np.array(CLASSES),
        "grams": np.array(["leeds"]),
        "gram_weights": gram_weights,
        "features": np.array(["suspect_present|rs=current"]),
        "feature_weights": np.array([[0.0, 4.0, 0.0, 0.0]], dtype=np.float32),
        "bias": bias,
        "meta": np.array(json.dumps({"rules_version": "x"})),
    }
    parts.update(changes)  # type: ignore[arg-type]
    return {k: v for k, v in parts.items() if v is not None}


def as_bytes(parts: dict[str, np.ndarray]) -> bytes:
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **parts)
    return buffer.getvalue()


def tiny_model(settings: StatusModelSettings = SETTINGS, **changes: object) -> StatusModel:
    return parse_model(as_bytes(arrays(**changes)), settings)


# --- the shipped model --------------------------------------------------------------------------


def test_shipped_model_matches_the_shipped_rules():
    """Fails whenever a rule file changes without `make status-model`."""
    model = load_status_model(load_rules().version)
    assert model is not None and model.labels == LABELS


def test_shipped_model_never_trained_on_a_sealed_set():
    data = (PROJECT_ROOT / "assistant" / "extraction" / "data" / MODEL_FILE).read_bytes()
    meta = json.loads(str(np.load(io.BytesIO(data))["meta"]))
    excluded = set(load_settings().training_exclude)
    assert excluded and meta["training_files"]
    assert not excluded & set(meta["training_files"])


def test_the_engine_runs_with_the_model_and_without():
    notes = ["ex keeps texting her, he lives in Leeds now, no kids"]
    with_model, rules_only = Analyser(), Analyser(status_model=False)
    assert with_model.status_model is not None and rules_only.status_model is None
    assert with_model.analyse(notes).grade.grade and rules_only.analyse(notes).grade.grade


# --- bad files and settings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "entry"),
    [
        ({"bias": None}, "bias"),
        ({"meta": None}, "meta"),
        ({"classes": np.array(["absent", "current", "negated", "historical"])}, "classes"),
        ({"labels": np.array([*LABELS[:-1], "suspect_presence"])}, "labels"),
        ({"gram_weights": np.zeros((2, len(LABELS), 4), dtype=np.float32)}, "gram_weights"),
        ({"feature_weights": np.zeros((1, 3), dtype=np.float32)}, "feature_weights"),
        ({"bias": np.full((len(LABELS), 4), np.nan, dtype=np.float32)}, "bias"),
        ({"meta": np.array("{not json")}, "meta"),
        ({"meta": np.array(json.dumps({"trained": "yes"}))}, "meta"),
    ],
)
def test_bad_model_file_names_file_and_entry(changes, entry):
    with pytest.raises(DataFileError) as info:
        tiny_model(**changes)
    assert str(info.value).startswith(f"{FILE}, entry {entry}: ")


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 truncated", "é".encode() * 1000])
def test_unreadable_model_file_names_the_file(data):
    with pytest.raises(DataFileError) as info:
        parse_model(data, SETTINGS)
    assert str(info.value).startswith(f"{FILE}: not a readable model file")


def test_a_model_trained_on_other_rules_is_refused():
    with pytest.raises(DataFileError) as info:
        load_status_model("0000000000000000")
    message = str(info.value)
    assert message.startswith(f"{FILE}, entry meta: ") and "make status-model" in message


@pytest.fixture()
def settings_text(monkeypatch: pytest.MonkeyPatch):
    texts: dict[str, str] = {}
    real = datafiles.read_text

    def fake(package: str, name: str) -> str:
        return texts[name] if package == RULES_PACKAGE and name in texts else real(package, name)

    monkeypatch.setattr(datafiles, "read_text", fake)
    load_status_model.cache_clear()
    yield texts
    load_status_model.cache_clear()


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"guard": 0.3}, "guard"),
        ({"guard": "high"}, "guard"),
        ({"guarded_labels": ["suspect_presence"]}, "suspect_presence"),
        ({"colour": "red"}, "colour"),
        ({"regularisation": 0}, "regularisation"),
    ],
)
def test_bad_settings_name_file_and_entry(settings_text, change, fragment):
    raw = yaml.safe_load(datafiles.read_text(RULES_PACKAGE, SETTINGS_FILE))
    raw.update(change)
    settings_text[SETTINGS_FILE] = yaml.safe_dump(raw)
    with pytest.raises(DataFileError) as info:
        load_settings()
    message = str(info.value)
    assert message.startswith(f"{RULES_PACKAGE}/{SETTINGS_FILE}: ") and fragment in message


def test_settings_can_turn_the_model_off(settings_text):
    raw = yaml.safe_load(datafiles.read_text(RULES_PACKAGE, SETTINGS_FILE))
    settings_text[SETTINGS_FILE] = yaml.safe_dump({**raw, "enabled": False})
    assert load_status_model(load_rules().version) is None


# --- what the model does -------------------------------------------------------------------------


def rules_current() -> tuple[Indicator, ...]:
    return (Indicator(label="suspect_present", status=Status.CURRENT),)


@pytest.mark.parametrize(("guard", "expected"), [(0.99, "current"), (0.5, "negated")])
def test_the_guard_keeps_an_emergency_label_unless_the_model_is_sure(guard, expected):
    # the rules said current (+4 towards current); "leeds" pushes +8 towards negated: the model
    # reads negated with p = 0.975, enough for a guard of 0.5, not for one of 0.99
    gram_weights = np.zeros((1, len(LABELS), 4), dtype=np.float32)
    gram_weights[0, SP, CLASSES.index("negated")] = 8.0
    model = tiny_model(StatusModelSettings(guard=guard, guarded_labels=["suspect_present"]), gram_weights=gram_weights)
    got = {i.label: i.status.value for i in model.reread(["he lives in Leeds"], [], rules_current())}
    assert got["suspect_present"] == expected


def test_without_the_words_the_rules_reading_stands():
    model = tiny_model()
    got = model.reread(["he is in the kitchen"], [], rules_current())
    assert got == rules_current()


@pytest.mark.parametrize(
    "notes",
    [["ex keeps texting, he lives in Leeds"], ["first note", "HE'S IN LEEDS NOW"], ["İİ ex\u0130 LEEDS\u0130 leeds"]],
)
def test_a_label_the_rules_did_not_find_gets_evidence_that_indexes_the_note(notes):
    model = tiny_model()
    got = {i.label: i for i in model.reread(notes, [], ())}
    indicator = got["suspect_present"]
    assert indicator.status is Status.NEGATED and indicator.implied_by == (STATUS_MODEL_RULE,)
    [evidence] = indicator.evidence
    assert notes[evidence.message][evidence.start:evidence.end] == evidence.text
    assert evidence.text.lower() == "leeds" and evidence.rule == STATUS_MODEL_RULE
    assert evidence.modifiers and evidence.modifiers[0].startswith("status model: negated (p=")


# --- training ---------------------------------------------------------------------------------


def test_training_is_deterministic_and_skips_the_sealed_sets(tmp_path):
    settings = load_settings()
    files = training_files(settings)
    names = {p.name for p in files}
    assert names and not names & set(settings.training_exclude)
    small = [PROJECT_ROOT / "tests" / "data" / "dev_terse_cases.jsonl"]
    analyser = Analyser(status_model=False)
    first, second = train(small, settings, analyser), train(small, settings, analyser)
    a, b = np.load(io.BytesIO(first)), np.load(io.BytesIO(second))
    assert sorted(a.files) == sorted(b.files)
    for name in a.files:
        assert np.array_equal(a[name], b[name]), name
    model = parse_model(first, settings)
    assert model.rules_version == analyser.rules.version


# --- the commands -------------------------------------------------------------------------------


@pytest.fixture()
def small_training(monkeypatch: pytest.MonkeyPatch):
    """Training reads two small sets instead of every set (the commands, not the model, are tested)."""
    from assistant.evaluation import status_training

    settings = load_settings().model_copy(update={"training_sets": "tests/data/dev*_cases.jsonl"})
    monkeypatch.setattr(status_training, "load_settings", lambda: settings)
    return settings


def test_train_command_writes_a_loadable_model(small_training, tmp_path, capsys):
    from assistant.cli import main

    target = tmp_path / "model.npz"
    assert main(["train", "status-model", "--output", str(target)]) == 0
    model = parse_model(target.read_bytes(), small_training)
    assert model.rules_version == load_rules().version
    assert not list(tmp_path.glob("*.tmp"))
    assert "2 sets" in capsys.readouterr().err


def test_train_command_with_no_sets_is_a_clear_error(monkeypatch, tmp_path, capsys):
    from assistant.cli import main
    from assistant.evaluation import status_training

    settings = load_settings().model_copy(update={"training_sets": "tests/data/no_such_*.jsonl"})
    monkeypatch.setattr(status_training, "load_settings", lambda: settings)
    target = tmp_path / "model.npz"
    assert main(["train", "status-model", "--output", str(target)]) == 2
    assert "no training sets match" in capsys.readouterr().err and not target.exists()


def test_cross_validation_prints_rules_and_model_rows(small_training, capsys):
    from assistant.evaluation.status_training import run_cross_validation

    assert run_cross_validation(folds=[("dev_terse",)]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [line for line in lines if line.startswith(("1 ", "all "))]
    assert [row.split("|")[1].strip() for row in rows] == ["rules", "model", "rules", "model"]
    assert all(len(row.split("|")[2].split(" / ")) == 7 for row in rows)


# --- the scoring shortcuts ----------------------------------------------------------------------


def _reference_logits(model: StatusModel, notes, mentions, statuses) -> np.ndarray:
    """The logits as first written: grams by name, the arrays indexed by label and status, each
    mention's features as strings (the grams summed in row order, as `logits` does)."""
    n, k = len(model.labels), len(CLASSES)
    logits = model._bias.copy()
    rows = sorted(r for r in map(model._grams.get, sm.call_grams(notes)) if r is not None)
    if rows:
        logits += model._gram_weights[rows].sum(axis=0)
    logits += model._own[np.arange(n), [CLASSES.index(statuses.get(label, "absent")) for label in model.labels]]
    if statuses:
        logits += model._others[[LABELS.index(label) for label in statuses],
                                [CLASSES.index(s) for s in statuses.values()]].sum(axis=0)
    for label, found in sm.mentions_by_label(mentions).items():
        parts = [model._summed(label, sm.own_features(m)) for m in found]
        parts.append(model._summed(label, sm.last_features(found[-1], len(notes))))
        logits[model.labels.index(label)] += [sum(column) for column in zip(*parts)]
    assert logits.shape == (n, k)
    return logits


def test_logits_equal_the_plain_computation_bit_for_bit():
    """Tables read with `take`, grams looked up without building their strings, mention sums
    cached by what the features are made of: the same float32 numbers on development calls."""
    from assistant.casefiles import read_cases
    from assistant.extraction.resolve import resolve

    analyser = Analyser()
    model = analyser.status_model
    assert model is not None
    calls = [case.messages for case in read_cases(PROJECT_ROOT / "tests/data/dev_cases.jsonl", gold=True)][:300]
    calls += [("Café — he's at the door!!", "S says he’s got a knife")]  # not ASCII: the regex path
    for notes in calls:
        mentions = analyser.mentions(notes)
        statuses = {i.label: i.status.value for i in resolve(mentions, analyser.rules.implications)}
        for _ in range(2):  # the second time from the caches
            assert model.logits(notes, mentions, statuses).tobytes() == _reference_logits(model, notes, mentions, statuses).tobytes()


def test_call_words_equal_the_regex_on_random_text():
    import random

    rnd = random.Random(7)
    alphabet = "abcXYZ09' \t\n.,;:!?-/()[]{}\"’é\x00\x7f\x1f_"
    for _ in range(5000):
        notes = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(rnd.randint(1, 3))]
        assert sm.call_words(notes) == sm._WORD.findall(" ".join(notes).lower()), notes
