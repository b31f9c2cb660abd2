"""Case files (read_cases, write_jsonl_atomic) and the batch CLI (shared/spec/eval-formats.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.casefiles import CaseFileError, read_cases, write_jsonl_atomic
from assistant.cli import main
from assistant.labels import Grade, Status
from assistant.questions.script import load_script

STATUSES = {s.value for s in Status}
GRADES = {g.value for g in Grade}
QUESTION_IDS = {
    q.id for name in ("call_999", "front_counter") for q in (*load_script(name).spec.core, *load_script(name).spec.follow_ups)
}

GOOD_CASES = [
    {"id": "c001", "messages": ["caller whispering, says partner has a knife and 2 kids upstairs"]},
    {"id": "c002", "messages": ["he left an hour ago", "she is at her sister's, he doesn't know the address"]},
    {"id": "c003", "messages": []},
    {"id": "c004", "messages": ["", "   "]},
    {"id": "c005", "messages": ["ex keeps texting her, 50 messages tonight", "no weapons seen"]},
]


def write_lines(path: Path, lines: list[str | bytes]) -> Path:
    data = b"".join((line if isinstance(line, bytes) else line.encode("utf-8")) + b"\n" for line in lines)
    path.write_bytes(data)
    return path


def case_lines(cases: list[dict]) -> list[str]:
    return [json.dumps(c) for c in cases]


def tmp_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- read_cases -------------------------------------------------------------------------------


def test_read_cases_good_file(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", case_lines(GOOD_CASES))
    cases = read_cases(path)
    assert [c.id for c in cases] == [c["id"] for c in GOOD_CASES]
    assert cases[0].messages == tuple(GOOD_CASES[0]["messages"])
    assert cases[2].messages == ()
    assert cases[0].indicators is None and cases[0].grade is None


def test_blank_lines_are_ignored(tmp_path):
    lines = ["", case_lines(GOOD_CASES)[0], "   ", "\t", case_lines(GOOD_CASES)[1], ""]
    path = write_lines(tmp_path / "in.jsonl", lines)
    assert [c.id for c in read_cases(path)] == ["c001", "c002"]


def test_crlf_line_endings_are_accepted(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"".join(line.encode() + b"\r\n" for line in case_lines(GOOD_CASES[:2])))
    assert [c.id for c in read_cases(path)] == ["c001", "c002"]


GOOD = json.dumps({"id": "ok1", "messages": ["fine"]})


@pytest.mark.parametrize(
    ("lines", "bad_line", "fragment"),
    [
        ([GOOD, '{"id": "x", "messages": ["a"]'], 2, "invalid JSON"),
        ([GOOD, "", "not json at all"], 3, "invalid JSON"),
        (["{'id': 'x'}"], 1, "invalid JSON"),
        ([GOOD, '["x", ["a"]]'], 2, "expected a JSON object"),
        ([GOOD, '"c002"'], 2, "expected a JSON object"),
        ([GOOD, "null"], 2, "expected a JSON object"),
        ([GOOD, '{"messages": ["a"]}'], 2, "'id' must be a non-empty string"),
        ([GOOD, '{"id": "", "messages": ["a"]}'], 2, "'id' must be a non-empty string"),
        ([GOOD, '{"id": "  ", "messages": ["a"]}'], 2, "'id' must be a non-empty string"),
        ([GOOD, '{"id": 7, "messages": ["a"]}'], 2, "'id' must be a non-empty string"),
        ([GOOD, '{"id": "x"}'], 2, "'messages' must be a list of strings"),
        ([GOOD, '{"id": "x", "messages": "he has a knife"}'], 2, "'messages' must be a list of strings"),
        ([GOOD, '{"id": "x", "messages": {"0": "a"}}'], 2, "'messages' must be a list of strings"),
        ([GOOD, '{"id": "x", "messages": ["a", 3]}'], 2, "'messages' must be a list of strings"),
        ([GOOD, '{"id": "x", "messages": ["a", null]}'], 2, "'messages' must be a list of strings"),
        ([GOOD, '{"id": "x", "messages": [["nested"]]}'], 2, "'messages' must be a list of strings"),
        ([GOOD, "", GOOD], 3, "duplicate id 'ok1'"),
        ([GOOD, b'{"id": "x", "messages": ["caf\xe9"]}'], 2, "not valid UTF-8"),
        ([b'\xff\xfe{"id": "x", "messages": []}'], 1, "not valid UTF-8"),
        ([GOOD, GOOD.encode()[:-3] + b"\xc3"], 2, "not valid UTF-8"),
    ],
)
def test_read_cases_errors_name_the_line(tmp_path, lines, bad_line, fragment):
    path = write_lines(tmp_path / "in.jsonl", lines)
    with pytest.raises(CaseFileError) as info:
        read_cases(path)
    assert info.value.line == bad_line
    message = str(info.value)
    assert message.startswith(f"{path}, line {bad_line}: ")
    assert fragment in message


def test_missing_input_file(tmp_path):
    with pytest.raises(CaseFileError, match="cannot open"):
        read_cases(tmp_path / "nope.jsonl")


GOLD = {"id": "g1", "messages": ["he has a knife"], "indicators": {"weapon": "current"}, "grade": "emergency"}


def gold(**changes) -> str:
    case = dict(GOLD, **changes)
    return json.dumps({k: v for k, v in case.items() if v is not ...})


def test_read_gold_cases(tmp_path):
    path = write_lines(tmp_path / "gold.jsonl", [gold(), gold(id="g2", indicators={}, grade="priority")])
    cases = read_cases(path, gold=True)
    assert cases[0].indicators == {"weapon": Status.CURRENT}
    assert cases[0].grade is Grade.EMERGENCY
    assert cases[1].indicators == {} and cases[1].grade is Grade.PRIORITY


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        (gold(indicators={"weapons": "current"}), "unknown label 'weapons'"),
        (gold(indicators={"weapon": "present"}), "unknown status 'present' for weapon"),
        (gold(indicators={"weapon": None}), "unknown status None for weapon"),
        (gold(grade="P1"), "unknown grade 'P1'"),
        (gold(grade=...), "unknown grade None"),
        (gold(indicators=...), "'indicators' must be an object"),
        (gold(indicators=["weapon"]), "'indicators' must be an object"),
    ],
)
def test_gold_file_errors_name_the_line(tmp_path, line, fragment):
    path = write_lines(tmp_path / "gold.jsonl", [gold(id="g0"), "", line])
    with pytest.raises(CaseFileError) as info:
        read_cases(path, gold=True)
    assert str(info.value).startswith(f"{path}, line 3: ")
    assert fragment in str(info.value)


def test_gold_fields_are_ignored_in_a_plain_file(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", [gold(grade="P1")])
    assert read_cases(path)[0].grade is None


# --- write_jsonl_atomic -----------------------------------------------------------------------


def test_write_jsonl_atomic_writes_all_rows(tmp_path):
    target = tmp_path / "sub" / "out.jsonl"
    rows = [{"id": "a", "x": "é"}, {"id": "b"}]
    assert write_jsonl_atomic(target, rows) == 2
    assert [json.loads(l) for l in target.read_text(encoding="utf-8").splitlines()] == rows
    assert "é" in target.read_text(encoding="utf-8")  # not escaped
    assert tmp_leftovers(target.parent) == []


class Boom(RuntimeError):
    pass


def failing_rows(n_good: int):
    for i in range(n_good):
        yield {"id": f"r{i}"}
    raise Boom("failed mid-way")


@pytest.mark.parametrize("n_good", [0, 1, 3])
def test_write_jsonl_atomic_leaves_nothing_when_rows_fail(tmp_path, n_good):
    target = tmp_path / "out.jsonl"
    with pytest.raises(Boom):
        write_jsonl_atomic(target, failing_rows(n_good))
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "rows",
    [lambda: failing_rows(2), lambda: iter([{"id": "a"}, {"id": object()}])],
)
def test_write_jsonl_atomic_keeps_existing_file_on_failure(tmp_path, rows):
    target = tmp_path / "out.jsonl"
    target.write_text("old contents\n", encoding="utf-8")
    with pytest.raises((Boom, TypeError)):
        write_jsonl_atomic(target, rows())
    assert target.read_text(encoding="utf-8") == "old contents\n"
    assert tmp_leftovers(tmp_path) == []


def test_write_jsonl_atomic_replaces_existing_file_on_success(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old contents\nmore\nand more\n", encoding="utf-8")
    write_jsonl_atomic(target, [{"id": "new"}])
    assert target.read_text(encoding="utf-8") == '{"id": "new"}\n'
    assert tmp_leftovers(tmp_path) == []


def test_write_jsonl_atomic_empty_rows_writes_an_empty_file(tmp_path):
    target = tmp_path / "out.jsonl"
    assert write_jsonl_atomic(target, []) == 0
    assert target.read_bytes() == b""


# --- CLI: analyse -----------------------------------------------------------------------------


def check_result_rows(rows: list[dict], cases: list[dict]) -> None:
    assert [r["id"] for r in rows] == [c["id"] for c in cases]
    for row in rows:
        assert set(row) == {"id", "indicators", "grade", "questions"}
        assert isinstance(row["indicators"], dict)
        assert all(isinstance(k, str) and v in STATUSES for k, v in row["indicators"].items())
        assert row["grade"] in GRADES
        assert isinstance(row["questions"], list)
        assert all(q in QUESTION_IDS for q in row["questions"])
        assert len(row["questions"]) == len(set(row["questions"]))


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("script", [None, "call_999", "front_counter"])
def test_cli_analyse_good_file(tmp_path, capsys, script):
    src = write_lines(tmp_path / "in.jsonl", case_lines(GOOD_CASES))
    out = tmp_path / "out" / "results.jsonl"
    argv = ["analyse", "--input", str(src), "--output", str(out)]
    if script:
        argv += ["--script", script]
    assert main(argv) == 0
    rows = read_rows(out)
    assert len(rows) == len(GOOD_CASES)
    check_result_rows(rows, GOOD_CASES)
    assert rows[2]["indicators"] == {} and rows[2]["grade"] == "priority"  # no notes at all
    assert rows[3]["indicators"] == {} and rows[3]["grade"] == "priority"  # blank notes
    assert "analysed 5 cases" in capsys.readouterr().err


def test_cli_scripts_order_questions_differently(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", case_lines([{"id": "a", "messages": []}]))
    out_999, out_fc = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert main(["analyse", "--input", str(src), "--output", str(out_999)]) == 0
    assert main(["analyse", "--input", str(src), "--output", str(out_fc), "--script", "front_counter"]) == 0
    q_999, q_fc = read_rows(out_999)[0]["questions"], read_rows(out_fc)[0]["questions"]
    assert set(q_999) == set(q_fc) and q_999 != q_fc


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        ("{broken", "invalid JSON"),
        ('{"id": "c001", "messages": ["again"]}', "duplicate id"),
        ('{"id": "x", "messages": "text"}', "'messages' must be a list of strings"),
        (b'{"id": "x", "messages": ["\xff"]}', "not valid UTF-8"),
    ],
)
@pytest.mark.parametrize("pre_existing", [False, True])
def test_cli_analyse_malformed_line(tmp_path, capsys, bad, fragment, pre_existing):
    lines: list[str | bytes] = case_lines(GOOD_CASES[:2])
    lines.insert(1, bad)  # line 2
    src = write_lines(tmp_path / "in.jsonl", lines)
    out = tmp_path / "results.jsonl"
    if pre_existing:
        out.write_text("previous results\n", encoding="utf-8")
    code = main(["analyse", "--input", str(src), "--output", str(out)])
    assert code != 0
    err = capsys.readouterr().err
    assert f"{src}, line 2" in err
    assert fragment in err
    assert "Traceback" not in err
    if pre_existing:
        assert out.read_text(encoding="utf-8") == "previous results\n"
    else:
        assert not out.exists()
    assert tmp_leftovers(tmp_path) == []


def test_cli_missing_input_file(tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    assert main(["analyse", "--input", str(tmp_path / "none.jsonl"), "--output", str(out)]) != 0
    assert "none.jsonl" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["analyse"],
        ["analyse", "--input", "x.jsonl"],
        ["analyse", "--input", "x", "--output", "y", "--script", "radio"],
        ["frobnicate"],
    ],
)
def test_cli_argument_errors_exit_non_zero(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code != 0
    assert "usage" in capsys.readouterr().err


def test_module_entry_point_runs_analyse(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", case_lines(GOOD_CASES))
    out = tmp_path / "results.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "analyse", "--input", str(src), "--output", str(out)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert proc.returncode == 0, proc.stderr
    check_result_rows(read_rows(out), GOOD_CASES)


def test_module_entry_point_malformed_line_exits_non_zero(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", [case_lines(GOOD_CASES)[0], "{oops"])
    out = tmp_path / "results.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "analyse", "--input", str(src), "--output", str(out)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert proc.returncode != 0
    assert f"{src}, line 2" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()


# --- CLI: eval cases --------------------------------------------------------------------------


def test_cli_eval_cases_prints_the_report(tmp_path, capsys):
    gold_cases = [
        {"id": "g1", "messages": ["he has a knife, 2 kids upstairs"],
         "indicators": {"weapon": "current", "children_present": "current"}, "grade": "emergency"},
        {"id": "g2", "messages": [], "indicators": {}, "grade": "priority"},
        {"id": "g3", "messages": ["no weapons"], "indicators": {"weapon": "negated"}, "grade": "priority"},
    ]
    path = write_lines(tmp_path / "gold.jsonl", case_lines(gold_cases))
    assert main(["eval", "cases", str(path), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "grade accuracy" in out
    assert "question misses" in out
    assert "3 cases" in out


def test_cli_eval_cases_bad_gold_line(tmp_path, capsys):
    path = write_lines(tmp_path / "gold.jsonl", [gold(), gold(id="g2", grade="urgent")])
    assert main(["eval", "cases", str(path)]) != 0
    err = capsys.readouterr().err
    assert f"{path}, line 2" in err and "unknown grade" in err
