"""load_rules(): the shipped rule files load; a broken file stops loading with a
DataFileError that names the file and the entry."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from assistant import datafiles
from assistant.datafiles import DataFileError
from assistant.extraction import rules as rules_module
from assistant.extraction.rules import (
    CONTEXT_FILE,
    IMPLICATIONS_FILE,
    LEXICON_FILE,
    RULES_PACKAGE,
    TARGETS_FILE,
    load_rules,
)
from assistant.labels import LABEL_SET

REAL_READ_TEXT = datafiles.read_text


@pytest.fixture(autouse=True)
def fresh_rules_cache():
    load_rules.cache_clear()
    yield
    load_rules.cache_clear()


@pytest.fixture
def override(monkeypatch: pytest.MonkeyPatch):
    """Replace the text of some rule files; the others are read as shipped."""
    texts: dict[str, str] = {}

    def fake_read_text(package: str, name: str) -> str:
        if package == RULES_PACKAGE and name in texts:
            return texts[name]
        return REAL_READ_TEXT(package, name)

    monkeypatch.setattr(datafiles, "read_text", fake_read_text)
    monkeypatch.setattr(rules_module, "read_text", fake_read_text, raising=False)
    return texts


def shipped(name: str) -> str:
    return REAL_READ_TEXT(RULES_PACKAGE, name)


def first_rule(name: str) -> dict:
    for line in shipped(name).splitlines():
        if line.strip() and not line.strip().startswith("//"):
            return json.loads(line)
    raise AssertionError(f"{name} has no rules")


def with_extra_line(name: str, line: str) -> tuple[str, int]:
    """The shipped file plus one line at the end; returns the text and that line's number."""
    text = shipped(name).rstrip("\n") + "\n" + line + "\n"
    return text, len(text.splitlines())


def load_error() -> DataFileError:
    with pytest.raises(DataFileError) as info:
        load_rules()
    return info.value


# --- the shipped files ------------------------------------------------------------------------


def test_shipped_rules_load():
    rules = load_rules()
    assert rules.targets and rules.context
    assert re.fullmatch(r"[0-9a-f]{16}", rules.version)
    target_ids = [c.rule.id for c in rules.targets]
    context_ids = [c.rule.id for c in rules.context]
    assert len(target_ids) == len(set(target_ids))
    assert len(context_ids) == len(set(context_ids))
    assert all(c.rule.label in LABEL_SET for c in rules.targets)
    assert all(c.patterns for c in (*rules.targets, *rules.context))


def test_every_label_has_a_target_rule():
    labels = {c.rule.label for c in load_rules().targets}
    assert sorted(LABEL_SET - labels) == []


def test_shipped_implications_follow_the_spec():
    imp = load_rules().implications
    # risk-indicators.md: these describe the present and are never historical
    assert {"suspect_present", "cannot_talk_safely", "safety_confirmed"} <= set(imp.never_historical)
    # previous_incidents is about the past by definition: a history asserted is current
    assert "previous_incidents" in imp.historical_becomes_current
    assert all(label in LABEL_SET for label in (*imp.never_historical, *imp.historical_becomes_current))


def test_load_rules_is_cached_and_cache_clear_reloads():
    first = load_rules()
    assert load_rules() is first
    load_rules.cache_clear()
    assert load_rules() is not first


# --- broken target / context files ------------------------------------------------------------


def _target(**changes) -> str:
    rule = first_rule(TARGETS_FILE)
    rule.update(changes)
    return json.dumps(rule)


def _context(**changes) -> str:
    rule = first_rule(CONTEXT_FILE)
    rule.update(changes)
    return json.dumps(rule)


@pytest.mark.parametrize(
    ("file", "line", "entry_id", "problem"),
    [
        (TARGETS_FILE, lambda: _target(id="zz.unknown_label", label="not_a_label"), "zz.unknown_label", "not_a_label"),
        (TARGETS_FILE, lambda: _target(id="zz.bad_status", status="maybe"), "zz.bad_status", "status"),
        (TARGETS_FILE, lambda: _target(id="zz.bad_override", overrides=["nope"]), "zz.bad_override", "nope"),
        (TARGETS_FILE, lambda: _target(id="zz.extra", colour="red"), "zz.extra", "colour"),
        (TARGETS_FILE, lambda: json.dumps(first_rule(TARGETS_FILE)), first_rule(TARGETS_FILE)["id"], "duplicate id"),
        (TARGETS_FILE, lambda: _target(id="zz.bad_pattern", pattern=".. knife"), "zz.bad_pattern", "'..'"),
        (TARGETS_FILE, lambda: _target(id="zz.empty_phrase", pattern="knife ;"), "zz.empty_phrase", "empty phrase"),
        (TARGETS_FILE, lambda: _target(id="zz.optional", pattern="the? a?"), "zz.optional", "optional"),
        (TARGETS_FILE, lambda: _target(id="zz.multi", pattern="ex-partner"), "zz.multi", "tokens"),
        (TARGETS_FILE, lambda: _target(id="zz.no_class", pattern="@nobody here"), "zz.no_class", "unknown word class"),
        (CONTEXT_FILE, lambda: _context(id="zz.bad_category", category="SIDEWAYS"), "zz.bad_category", "category"),
        (CONTEXT_FILE, lambda: _context(id="zz.bad_label", labels=["weapons"]), "zz.bad_label", "weapons"),
        (CONTEXT_FILE, lambda: _context(id="zz.bad_dir", direction="up"), "zz.bad_dir", "direction"),
        (CONTEXT_FILE, lambda: _context(id="zz.bad_max", max_tokens=0), "zz.bad_max", "max_tokens"),
        (CONTEXT_FILE, lambda: _context(id="zz.bad_reach", longer_reach={"labels": ["weapons"], "max_tokens": 16}),
         "zz.bad_reach", "weapons"),
        (CONTEXT_FILE, lambda: _context(id="zz.no_reach", longer_reach={"labels": ["weapon"], "max_tokens": 0}),
         "zz.no_reach", "longer_reach.max_tokens"),
        (CONTEXT_FILE, lambda: _context(id="zz.not_past", previous_note=True), "zz.not_past", "HISTORICAL rules only"),
        (CONTEXT_FILE, lambda: _context(id="zz.open_forward", category="UNANSWERED", direction="forward", answer=True),
         "zz.open_forward", "UNANSWERED rule is an answer"),
        (CONTEXT_FILE, lambda: _context(id="zz.open_no_answer", category="UNANSWERED", direction="backward"),
         "zz.open_no_answer", "UNANSWERED rule is an answer"),
        (CONTEXT_FILE, lambda: json.dumps(first_rule(CONTEXT_FILE)), first_rule(CONTEXT_FILE)["id"], "duplicate id"),
        (CONTEXT_FILE, lambda: _context(id="zz.bad_pattern", pattern="not .."), "zz.bad_pattern", "'..'"),
    ],
)
def test_broken_rule_names_file_and_entry(override, file, line, entry_id, problem):
    override[file], number = with_extra_line(file, line())
    err = load_error()
    assert err.file == f"{RULES_PACKAGE}/{file}"
    assert err.entry == f"line {number} ({entry_id})"
    message = str(err)
    assert message.startswith(f"{RULES_PACKAGE}/{file}, entry line {number} ({entry_id}): ")
    assert problem in message


@pytest.mark.parametrize("key", ["rules", "exclude_rules"])
def test_context_rule_naming_an_unknown_target_rule_names_both(override, key):
    override[CONTEXT_FILE], _ = with_extra_line(CONTEXT_FILE, _context(id="zz.no_such_rule", **{key: ["weapon.nope"]}))
    err = load_error()
    assert err.file == f"{RULES_PACKAGE}/{CONTEXT_FILE}" and err.entry == "zz.no_such_rule"
    assert "weapon.nope" in str(err)


@pytest.mark.parametrize("file", [TARGETS_FILE, CONTEXT_FILE])
@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"id": "zz.broken", "label": ', "invalid JSON"),
        ("[1, 2, 3]", "each line must be a JSON object"),
        ('"a string"', "each line must be a JSON object"),
    ],
)
def test_unparsable_line_names_file_and_line(override, file, line, problem):
    override[file], number = with_extra_line(file, line)
    err = load_error()
    assert str(err).startswith(f"{RULES_PACKAGE}/{file}, entry line {number}: {problem}")


def test_rule_without_id_names_the_line(override):
    rule = first_rule(TARGETS_FILE)
    del rule["id"]
    override[TARGETS_FILE], number = with_extra_line(TARGETS_FILE, json.dumps(rule))
    err = load_error()
    assert err.entry == f"line {number}"
    assert "id" in str(err) and "Field required" in str(err)


def test_bad_line_in_the_middle_names_that_line(override):
    lines = shipped(TARGETS_FILE).splitlines()
    lines.insert(2, "{not json")
    override[TARGETS_FILE] = "\n".join(lines) + "\n"
    assert load_error().entry == "line 3"


@pytest.mark.parametrize("file", [TARGETS_FILE, CONTEXT_FILE])
def test_empty_rule_file_is_an_error(override, file):
    override[file] = "// nothing here\n\n"
    err = load_error()
    assert str(err) == f"{RULES_PACKAGE}/{file}: no rules"


@pytest.mark.parametrize("file", [TARGETS_FILE, CONTEXT_FILE, LEXICON_FILE, IMPLICATIONS_FILE])
def test_missing_rule_file_is_named(monkeypatch, file):
    def fake_read_text(package: str, name: str) -> str:
        if package == RULES_PACKAGE and name == file:
            raise DataFileError(f"{package}/{name}", "file not found")
        return REAL_READ_TEXT(package, name)

    monkeypatch.setattr(datafiles, "read_text", fake_read_text)
    monkeypatch.setattr(rules_module, "read_text", fake_read_text, raising=False)
    err = load_error()
    assert str(err) == f"{RULES_PACKAGE}/{file}: file not found"


# --- lexicon ----------------------------------------------------------------------------------


def _lexicon() -> dict:
    return yaml.safe_load(shipped(LEXICON_FILE))


def test_lexicon_variant_mapped_to_two_canonicals(override):
    lexicon = _lexicon()
    (first, first_variants), (second, _) = list(lexicon["words"].items())[:2]
    variant = first_variants[0]
    lexicon["words"][second] = list(lexicon["words"][second]) + [variant]
    override[LEXICON_FILE] = yaml.safe_dump(lexicon)
    err = load_error()
    message = str(err)
    assert message.startswith(f"{RULES_PACKAGE}/{LEXICON_FILE}: ")
    assert "words" in message
    assert repr(variant) in message and repr(first) in message and repr(second) in message


def test_lexicon_variant_clash_is_case_insensitive(override):
    lexicon = _lexicon()
    (first, _), (second, _) = list(lexicon["words"].items())[:2]
    lexicon["words"][second] = list(lexicon["words"][second]) + [first.upper()]
    override[LEXICON_FILE] = yaml.safe_dump(lexicon)
    message = str(load_error())
    assert repr(first.upper()) in message and "maps to both" in message


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda lex: lex.update(colour="red"), "colour"),
        (lambda lex: lex.pop("words"), "words"),
        (lambda lex: lex.update(fuzzy_min_length="long"), "fuzzy_min_length"),
        (lambda lex: lex["words"].update(knife="sharp thing"), "words.knife"),
        (lambda lex: lex["classes"].update(place=[]), "class 'place' is empty"),
        (lambda lex: lex["classes"].update(place=["front door"]), "not single words"),
        (lambda lex: lex["classes"].update({"bad-name": ["x"]}), "plain identifier"),
        (lambda lex: lex.update(dropped_g=["shouting", "shouted"]), "dropped_g entry 'shouted'"),
        (lambda lex: lex.update(dropped_g=["sing"]), "dropped_g entry 'sing'"),
    ],
)
def test_lexicon_schema_errors(override, change, fragment):
    lexicon = _lexicon()
    change(lexicon)
    override[LEXICON_FILE] = yaml.safe_dump(lexicon)
    message = str(load_error())
    assert message.startswith(f"{RULES_PACKAGE}/{LEXICON_FILE}: ")
    assert fragment in message


def test_lexicon_invalid_yaml(override):
    override[LEXICON_FILE] = "words: {knife: [knives\n"
    assert str(load_error()).startswith(f"{RULES_PACKAGE}/{LEXICON_FILE}: invalid YAML")


# --- implications -----------------------------------------------------------------------------


def _implications() -> dict:
    return yaml.safe_load(shipped(IMPLICATIONS_FILE))


def _bad_first_implication(**changes):
    def change(imp: dict) -> None:
        imp["implications"][0].update(changes)

    return change


@pytest.mark.parametrize(
    "section,key",
    [("elderly_victim", "markers"), ("elderly_victim", "adult_kin"), ("victim_away", "negates"), ("victim_away", "returns"),
     ("weak_denials", None),
     ("weak_assertions", None), ("named_only", None), ("custody_ended", "markers"), ("custody_ended", "cancels"),
     ("only_beside", 0), ("not_beside", 0), ("not_beside", "markers")],
)
def test_implications_naming_an_unknown_rule_name_the_section(override, section, key):
    imp = _implications()
    if key is None:
        imp[section] = ["no.such_rule"]
    elif key == 0:
        imp[section][0]["rules"] = ["no.such_rule"]
    elif key == "markers" and isinstance(imp[section], list):
        imp[section][0]["markers"] = ["no.such_rule"]
    else:
        imp[section][key] = ["no.such_rule"]
    override[IMPLICATIONS_FILE] = yaml.safe_dump(imp)
    message = str(load_error())
    assert message.startswith(f"{RULES_PACKAGE}/{IMPLICATIONS_FILE}, entry {section}: ")
    assert "no.such_rule" in message


@pytest.mark.parametrize(
    ("change", "fragments"),
    [
        (_bad_first_implication(if_any=["weapon", "not_a_label"]), ["implications.0.if_any", "not_a_label"]),
        (_bad_first_implication(then="previous_incident"), ["implications.0.then", "previous_incident"]),
        (_bad_first_implication(status="sometimes"), ["implications.0.status"]),
        (_bad_first_implication(statuses=["historical", "later"]), ["implications.0.statuses.1"]),
        (_bad_first_implication(unexpected=True), ["implications.0.unexpected"]),
        (lambda imp: imp.pop("never_historical"), ["never_historical", "Field required"]),
        (lambda imp: imp["implications"].append({"id": "half"}), [f"implications.{len(_implications()['implications'])}", "if_any"]),
        (lambda imp: imp.update(adult_age="eighteen"), ["adult_age"]),
        (lambda imp: imp["elderly_victim"].pop("adult_kin"), ["elderly_victim.adult_kin", "Field required"]),
        (lambda imp: imp["child_subject"].update(labels=["suspect_presence"]), ["child_subject.labels", "suspect_presence"]),
        (lambda imp: imp.update(hedged_unknown=["safety"]), ["hedged_unknown", "safety"]),
        (lambda imp: imp.update(dated_by_next_note=["threats"]), ["dated_by_next_note", "threats"]),
        (lambda imp: imp["only_beside"][0].update(labels=["honour"]), ["only_beside.0.labels", "honour"]),
        (lambda imp: imp["not_beside"][0].pop("markers"), ["not_beside.0.markers", "Field required"]),
        (lambda imp: imp["control_ended"].update(when="safety"), ["control_ended.when", "safety"]),
        (lambda imp: imp["control_ended"].update(labels=["control"]), ["control_ended.labels", "control"]),
        (lambda imp: imp["control_ended"].update(look_back=0), ["control_ended.look_back"]),
        (lambda imp: imp["control_ended"].pop("past_words"), ["control_ended.past_words", "Field required"]),
    ],
)
def test_bad_implications_name_file_and_entry(override, change, fragments):
    imp = _implications()
    change(imp)
    override[IMPLICATIONS_FILE] = yaml.safe_dump(imp)
    err = load_error()
    message = str(err)
    assert message.startswith(f"{RULES_PACKAGE}/{IMPLICATIONS_FILE}: ")
    for fragment in fragments:
        assert fragment in message
