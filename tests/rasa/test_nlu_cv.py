"""NLU quality: 3-fold cross-validation of the intent model (cached per data hash in models/)."""

from __future__ import annotations

import re

import pytest

from actions.rasa_service import rasa_cmd

pytestmark = [pytest.mark.rasa, pytest.mark.slow]

FLOOR = 0.93
"""Regression floor for CI (the target, 0.95, was met at 0.958 when measured: docs/rasa.md);
a drop under the floor means the training data or pipeline got worse."""


def test_intent_cross_validation_macro_f1():
    done = rasa_cmd("test-nlu", "--min", str(FLOOR), timeout=2400)
    print(done.stdout)
    macro = re.search(r"^macro avg\s+[\d.]+\s+[\d.]+\s+([\d.]+)$", done.stdout, re.M)
    assert macro, done.stdout[-2000:] + done.stderr[-3000:]
    rows = re.findall(r"^([a-z_]+)\s+[\d.]+\s+[\d.]+\s+([\d.]+)\s+\d+$", done.stdout, re.M)
    assert {name for name, _ in rows} >= {"note", "ask_policy", "ask_next_question", "ask_grade", "affirm", "deny",
                                          "dont_know", "answer_detail", "summary", "new_call", "help", "out_of_scope"}
    assert float(macro.group(1)) >= FLOOR
    assert done.returncode == 0
