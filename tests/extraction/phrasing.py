"""The one check behind the table-driven phrasing modules: a call's notes, the label, and the
status the engine must give it (None: the label is not mentioned)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from assistant.analysis import Analyser

# (label, expected status or None, notes): one note as a string ("a || b" for two notes) or a list
Row = tuple[str, "str | None", "str | list[str]"]


def as_notes(notes: str | Sequence[str]) -> list[str]:
    return notes.split(" || ") if isinstance(notes, str) else list(notes)


def phrasing_rows(rows: Sequence[Row]) -> pytest.MarkDecorator:
    """Parametrize a test over `rows`, each shown by its label and last note."""
    return pytest.mark.parametrize(
        ("label", "expected", "notes"), rows, ids=[f"{label}:{as_notes(notes)[-1][:60]}" for label, _, notes in rows]
    )


def assert_reads(analyser: Analyser, label: str, expected: str | None, notes: str | Sequence[str]) -> None:
    statuses = analyser.analyse(as_notes(notes)).statuses()
    assert statuses.get(label) == expected, f"{notes!r}: {label} should be {expected}, all: {statuses}"
