"""Generated domain file is current; the prompt-answer data file is validated with clear errors."""

from __future__ import annotations

import pytest
import yaml

from actions import domain_gen, prompts
from assistant.datafiles import DataFileError
from assistant.labels import Status


def test_generated_domain_is_current():
    assert domain_gen.main(["--check"]) == 0, "run: python -m actions.domain_gen"


def test_domain_check_detects_a_stale_file(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "questions.yml"
    stale.write_text("version: '3.1'\n")
    monkeypatch.setattr(domain_gen, "TARGET", stale)
    monkeypatch.setattr(domain_gen, "ROOT", tmp_path)
    assert domain_gen.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err


def test_prompt_answer_polarity():
    assert prompts.answer_status("weapons", "weapon", "affirm") is Status.CURRENT
    assert prompts.answer_status("weapons", "weapon", "deny") is Status.NEGATED
    assert prompts.answer_status("safe_to_talk", "cannot_talk_safely", "affirm") is Status.NEGATED
    assert prompts.answer_status("next_contact", "safety_confirmed", "affirm") is None
    assert prompts.answer_status("weapons", "weapon", "dont_know") is None
    assert prompts.answer_status("weapon_details", None, "affirm") is None


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("default: {affirm: current, deny: nope}\n", "deny"),
        ("default: {affirm: current}\nquestions: {no_such_question: {}}\n", "no_such_question"),
        ("default: {affirm: current}\nextra: 1\n", "extra"),
    ],
)
def test_bad_prompt_answer_file_names_file_and_entry(monkeypatch, text, needle):
    monkeypatch.setattr(prompts, "load_yaml", lambda package, name: yaml.safe_load(text))
    prompts.load_prompt_answers.cache_clear()
    try:
        with pytest.raises(DataFileError) as err:
            prompts.load_prompt_answers()
        assert "actions.data/prompt_answers.yml" in str(err.value) and needle in str(err.value)
    finally:
        prompts.load_prompt_answers.cache_clear()
