"""assistant.datafiles: every failure names the file, and the entry where there is one."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from assistant import datafiles
from assistant.datafiles import DataFileError, content_hash, iter_jsonl, load_yaml, read_text, validate

PKG = "pkg.data"


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Fake package data: {name: text}. Names not present behave as missing files."""
    contents: dict[str, str] = {}

    def fake_read_text(package: str, name: str) -> str:
        if package != PKG or name not in contents:
            raise DataFileError(f"{package}/{name}", "file not found")
        return contents[name]

    monkeypatch.setattr(datafiles, "read_text", fake_read_text)
    return contents


# --- DataFileError ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "message", "entry", "expected"),
    [
        ("a/b.yml", "bad thing", None, "a/b.yml: bad thing"),
        ("a/b.yml", "bad thing", "line 7", "a/b.yml, entry line 7: bad thing"),
        ("x.jsonl", "duplicate id 'q'", "rules[2] (q)", "x.jsonl, entry rules[2] (q): duplicate id 'q'"),
    ],
)
def test_data_file_error_message_names_file_and_entry(file, message, entry, expected):
    err = DataFileError(file, message, entry=entry)
    assert str(err) == expected
    assert err.file == file
    assert err.entry == entry
    assert isinstance(err, ValueError)


# --- read_text --------------------------------------------------------------------------------


def test_read_text_reads_a_shipped_file():
    text = read_text("assistant", "policy_refs.yml")
    assert "refs:" in text


@pytest.mark.parametrize(
    ("package", "name"),
    [("assistant", "no_such_file.yml"), ("assistant.grading.policies", "missing.yml")],
)
def test_read_text_missing_file_names_it(package, name):
    with pytest.raises(DataFileError) as info:
        read_text(package, name)
    assert f"{package}/{name}" in str(info.value)
    assert "not found" in str(info.value)
    assert info.value.file == f"{package}/{name}"


def test_content_hash_is_stable_and_separates_texts():
    assert content_hash("a", "b") == content_hash("a", "b")
    assert content_hash("ab") != content_hash("a", "b")
    assert len(content_hash("x")) == 16


# --- load_yaml --------------------------------------------------------------------------------


def test_load_yaml_parses(files):
    files["ok.yml"] = "name: x\nitems: [1, 2]\n"
    assert load_yaml(PKG, "ok.yml") == {"name": "x", "items": [1, 2]}


@pytest.mark.parametrize(
    "text",
    ["key: [unclosed\n", "a: b: c\n", "- a\nb: c\n", "key: 'unterminated\n", "\tkey: tab\n"],
)
def test_load_yaml_invalid_names_file(files, text):
    files["bad.yml"] = text
    with pytest.raises(DataFileError) as info:
        load_yaml(PKG, "bad.yml")
    assert str(info.value).startswith(f"{PKG}/bad.yml: invalid YAML")


def test_load_yaml_missing_file(files):
    with pytest.raises(DataFileError, match=r"pkg\.data/absent\.yml: file not found"):
        load_yaml(PKG, "absent.yml")


# --- iter_jsonl -------------------------------------------------------------------------------


def test_iter_jsonl_yields_line_numbers_and_skips_blank_and_comments(files):
    files["r.jsonl"] = '{"id": "a"}\n\n   \n// a comment\n  {"id": "b"}  \n'
    assert list(iter_jsonl(PKG, "r.jsonl")) == [(1, {"id": "a"}), (5, {"id": "b"})]


@pytest.mark.parametrize(
    ("text", "bad_line", "problem"),
    [
        ('{"id": "a"}\n{"id": \n', 2, "invalid JSON"),
        ('{"id": "a"}\n\n// c\n{id: "b"}\n', 4, "invalid JSON"),
        ('{"id": "a"}\n{"id": "b"} trailing\n', 2, "invalid JSON"),
        ('[1, 2]\n', 1, "each line must be a JSON object"),
        ('{"id": "a"}\n"just a string"\n', 2, "each line must be a JSON object"),
        ('{"id": "a"}\n{"id": "b"}\nnull\n', 3, "each line must be a JSON object"),
        ('{"id": "a"}\n42\n', 2, "each line must be a JSON object"),
    ],
)
def test_iter_jsonl_bad_line_reports_its_number(files, text, bad_line, problem):
    files["r.jsonl"] = text
    with pytest.raises(DataFileError) as info:
        list(iter_jsonl(PKG, "r.jsonl"))
    err = info.value
    assert err.file == f"{PKG}/r.jsonl"
    assert err.entry == f"line {bad_line}"
    assert f"{PKG}/r.jsonl, entry line {bad_line}: {problem}" in str(err)


def test_iter_jsonl_yields_good_lines_before_the_bad_one(files):
    files["r.jsonl"] = '{"id": "a"}\n{"id": "b"}\n{oops\n'
    it = iter_jsonl(PKG, "r.jsonl")
    assert next(it) == (1, {"id": "a"})
    assert next(it) == (2, {"id": "b"})
    with pytest.raises(DataFileError, match="line 3"):
        next(it)


# --- validate ---------------------------------------------------------------------------------


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    count: int
    tags: list[str] = []


def test_validate_returns_the_model():
    item = validate(Item, {"id": "a", "count": 3}, file="f.yml", entry="items[0]")
    assert item == Item(id="a", count=3)


@pytest.mark.parametrize(
    ("data", "entry", "fragments"),
    [
        ({"id": "a"}, "items[0] (a)", ["count", "Field required"]),
        ({"id": "a", "count": "many"}, "items[1] (a)", ["count", "integer"]),
        ({"id": "a", "count": 1, "colour": "red"}, "items[2] (a)", ["colour", "Extra inputs are not permitted"]),
        ({"id": "a", "count": 1, "tags": ["x", 5]}, "line 9", ["tags.1"]),
        ("not a mapping", "line 3", ["(root)"]),
        ({"count": "x"}, None, ["id", "count"]),
    ],
)
def test_validate_turns_pydantic_errors_into_data_file_errors(data, entry, fragments):
    with pytest.raises(DataFileError) as info:
        validate(Item, data, file="pkg/f.yml", entry=entry)
    err = info.value
    message = str(err)
    assert err.file == "pkg/f.yml"
    assert err.entry == entry
    prefix = "pkg/f.yml" if entry is None else f"pkg/f.yml, entry {entry}"
    assert message.startswith(prefix + ": ")
    for fragment in fragments:
        assert fragment in message
