"""The chat benchmark's pure parts: the stock starter bot's turn script and the rows `bench all` reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from actions.bench import STOCK_STORIES, Anchor, TurnStats, figure_rows, nlu_examples, stock_script

NLU = """
version: "3.1"
nlu:
- intent: greet
  examples: |
    - hey
    - hello
- intent: goodbye
  examples: |
    - bye
- intent: affirm
  examples: |
    - yes
- intent: deny
  examples: |
    - no
- intent: mood_great
  examples: |
    - great
- intent: mood_unhappy
  examples: |
    - I am sad
    - unhappy
- regex: unused
  examples: |
    - \\d+
"""

ROWS = dict(rasa_start_s=50.0, train_s=62.0, train_note="cached", rss_rasa_mb=1100.0, rss_actions_mb=260.0)


def test_nlu_examples_reads_intents_only() -> None:
    examples = nlu_examples(NLU)
    assert examples["greet"] == ["hey", "hello"]
    assert examples["mood_unhappy"] == ["I am sad", "unhappy"]
    assert "unused" not in examples


@pytest.mark.parametrize("turns", [0, 1, 13, 26, 104])
def test_stock_script_has_exactly_the_turns_asked_in_story_order(turns: int) -> None:
    script = stock_script(nlu_examples(NLU), turns)
    assert len(script) == turns
    flat = [(c, i) for c, story in enumerate(STOCK_STORIES * 40) for i in story][:turns]
    assert [(c, i) for c, i, _ in script] == flat
    examples = nlu_examples(NLU)
    assert all(text in examples[intent] for _, intent, text in script)


def test_stock_script_rotates_examples_and_starts_each_conversation_with_a_greeting() -> None:
    script = stock_script(nlu_examples(NLU), 13)
    greetings = [text for _, intent, text in script if intent == "greet"]
    assert greetings[:3] == ["hey", "hello", "hey"]
    firsts = {c: i for c, i, _ in reversed(script)}
    assert set(firsts.values()) == {"greet"}
    assert [t for _, i, t in script if i == "mood_unhappy"][:2] == ["I am sad", "unhappy"]


def test_stock_script_names_missing_intents() -> None:
    with pytest.raises(ValueError, match="deny"):
        stock_script({k: v for k, v in nlu_examples(NLU).items() if k != "deny"}, 5)


def test_bundled_starter_bot_has_the_intents_the_script_plays() -> None:
    bundled = sorted(Path(__file__).resolve().parents[2].glob(
        ".venv-rasa/lib/python3*/site-packages/rasa/cli/initial_project/data/nlu.yml"))
    if not bundled:
        pytest.skip(".venv-rasa not built")
    assert len(stock_script(nlu_examples(bundled[0].read_text()), 26)) == 26


def test_rows_put_the_stock_bot_measured_in_this_run_beside_ours() -> None:
    ours = TurnStats((60.0, 65.0, 70.0, 200.0), 0)
    stock = TurnStats((20.0, 30.0, 40.0, 90.0), 1)
    rows = figure_rows(ours, anchor=Anchor("3.6.21", stock, 31.5, 200.0, 900.0), **ROWS)
    by = {r["metric"]: r for r in rows}
    chat = by["chat turn over REST incl. actions, p50 / p95 ms"]
    assert chat["value"] == "68 / 200"
    assert "stock Rasa 3.6.21 starter bot" in chat["anchor"] and chat["anchor"].endswith("4 turns: 35 / 90")
    assert "not re-run" not in chat["anchor"]
    assert by["chat turn errors"]["anchor"] == "4 turns; stock bot: 1 in 4 turns"
    assert by["chat turn errors"]["verdict"] == "PASS"  # the anchor's errors are reported, not ours
    assert by["Rasa server start (s)"]["anchor"] == "stock bot: 31.5"
    assert by["RSS Rasa server / action webhook (MB)"]["anchor"] == "stock bot server: 900"
    assert "stock bot 200" in by["training (s)"]["anchor"]
    assert [r["metric"] for r in rows][0] == "chat turn over REST incl. actions, p50 / p95 ms"
    assert all(set(r) == {"metric", "value", "anchor", "target", "verdict"} for r in rows)


def test_rows_say_why_the_anchor_is_missing() -> None:
    rows = figure_rows(TurnStats((60.0,), 0), anchor=Anchor(failure="RuntimeError: stock-model failed"), **ROWS)
    chat = rows[0]["anchor"]
    assert chat == "stock Rasa bot not measured: RuntimeError: stock-model failed"
    assert rows[0]["verdict"] == "PASS"
    assert all("not measured" in r["anchor"] for r in rows if r["metric"] != "training (s)")
