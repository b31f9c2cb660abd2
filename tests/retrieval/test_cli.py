"""The batch commands: `search` writes the shared-spec format, bad files exit 2 naming the line."""

from __future__ import annotations

import json

import pytest

from assistant.cli import main


@pytest.fixture
def warm(policy_search):  # the CLI loads its own PolicySearch from the same (now warm) cache
    return policy_search


def test_search_command_output_format(tmp_path, warm, capsys):
    questions = tmp_path / "q.jsonl"
    questions.write_text("\n".join(json.dumps(q) for q in [
        {"id": "q01", "question": "How is a repeat victim defined?", "gold": ["two or more"]},
        {"id": "q02", "question": "How much is a parking fine?"},
        {"id": 3, "question": ""},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "hits.jsonl"
    assert main(["search", "--input", str(questions), "--output", str(out), "--k", "3"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["q01", "q02", 3]
    assert all(set(r) == {"id", "results"} for r in rows)  # exactly the spec's fields
    first = rows[0]["results"]
    assert len(first) == 3
    assert all(set(hit) == {"document", "section", "text", "score"} for hit in first)
    assert rows[1]["results"] == [] and rows[2]["results"] == []

    detailed = tmp_path / "detailed.jsonl"
    assert main(["search", "--input", str(questions), "--output", str(detailed), "--details"]) == 0
    rows = [json.loads(line) for line in detailed.read_text(encoding="utf-8").splitlines()]
    assert {"source_kind", "best_sentences", "superseded"} <= set(rows[0]["results"][0])
    assert rows[1]["answered"] is False and "do not answer" in rows[1]["message"]
    assert rows[2]["message"]


def test_missing_corpus_is_a_clear_error(tmp_path, monkeypatch, capsys):
    from assistant.retrieval import settings

    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(tmp_path / "nowhere"))
    settings.get_retrieval_settings.cache_clear()
    try:
        questions = tmp_path / "q.jsonl"
        questions.write_text('{"id": "q1", "question": "ok"}\n', encoding="utf-8")
        assert main(["search", "--input", str(questions), "--output", str(tmp_path / "h.jsonl")]) == 1
        assert "corpus build" in capsys.readouterr().err
    finally:
        settings.get_retrieval_settings.cache_clear()


def test_malformed_question_file_exits_2(tmp_path, capsys):
    questions = tmp_path / "q.jsonl"
    questions.write_text('{"id": "q1", "question": "ok"}\n{broken\n', encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    assert main(["search", "--input", str(questions), "--output", str(out)]) == 2
    assert "line 2" in capsys.readouterr().err
    assert not out.exists()  # nothing half-written


def test_k_out_of_range_exits_2(tmp_path, capsys):
    questions = tmp_path / "q.jsonl"
    questions.write_text('{"id": "q1", "question": "ok"}\n', encoding="utf-8")
    assert main(["search", "--input", str(questions), "--output", str(tmp_path / "h.jsonl"), "--k", "0"]) == 2
    assert "--k" in capsys.readouterr().err


def test_eval_search_prints_the_table(tmp_path, warm, capsys):
    questions = tmp_path / "dev.jsonl"
    questions.write_text("\n".join(json.dumps(q) for q in [
        {"id": "a", "question": "How is a repeat victim defined?", "gold": ["two or more domestic abuse incidents"]},
        {"id": "b", "question": "football scores", "gold": []},
    ]) + "\n", encoding="utf-8")
    assert main(["eval", "search", str(questions)]) == 0
    out = capsys.readouterr().out
    for label in ("lexical", "dense", "hybrid-rrf", "hybrid-wsum", "no-answer precision"):
        assert label in out
