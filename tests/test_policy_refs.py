"""Every cited policy passage is real: its quote and section are in the seed document."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from assistant.datafiles import DataFileError
from assistant.policy_refs import DOCUMENTS, load_policy_refs, resolve_refs

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=None)
def seed_text(document: str) -> str:
    if not SEEDS.is_dir():
        pytest.fail(f"seed documents not found: expected the shared/ checkout beside the repo, at {SEEDS}")
    matches = sorted(SEEDS.glob(f"{document}_*.txt"))
    if len(matches) != 1:
        pytest.fail(f"expected exactly one seed file {document}_*.txt in {SEEDS}, found {[m.name for m in matches]}")
    return collapse(matches[0].read_text(encoding="utf-8"))


REFS = load_policy_refs()


def test_refs_load():
    assert len(REFS) >= 10
    for ref_id, ref in REFS.items():
        assert ref.id == ref_id
        assert ref.document in DOCUMENTS
        assert ref.section.strip() and ref.quote.strip()


def test_every_seed_document_is_present():
    for document in sorted(DOCUMENTS):
        assert seed_text(document), document


@pytest.mark.parametrize("ref_id", sorted(REFS))
def test_quote_is_an_exact_substring_of_its_seed(ref_id):
    ref = REFS[ref_id]
    quote = collapse(ref.quote)
    assert quote in seed_text(ref.document), f"{ref_id}: quote not found in seed {ref.document}: {quote!r}"


@pytest.mark.parametrize("ref_id", sorted(REFS))
def test_section_occurs_in_its_seed(ref_id):
    ref = REFS[ref_id]
    assert collapse(ref.section) in seed_text(ref.document), f"{ref_id}: section {ref.section!r} not in {ref.document}"


@pytest.mark.parametrize("ref_id", sorted(REFS))
def test_quote_length_is_reasonable(ref_id):
    # policy_refs.yml: quotes are 8-40 words, so a handler can read them at a glance
    words = len(collapse(REFS[ref_id].quote).split())
    assert 8 <= words <= 40, f"{ref_id}: {words} words"


def test_resolve_refs_unknown_id_names_the_citing_file_and_entry():
    with pytest.raises(DataFileError) as info:
        resolve_refs(["lack_of_injury", "no_such_ref"], file="pkg/rules.yml", entry="rule_x")
    message = str(info.value)
    assert message.startswith("pkg/rules.yml, entry rule_x: ")
    assert "no_such_ref" in message and "lack_of_injury" not in message


def test_resolve_refs_keeps_the_order_cited():
    ids = ["lack_of_injury", "grade_emergency"]
    assert [r.id for r in resolve_refs(ids, file="f", entry="e")] == ids
