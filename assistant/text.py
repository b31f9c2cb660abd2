"""Limits and clean-up for note text, shared by the engine and the file readers."""

from __future__ import annotations

import re

MAX_NOTE_CHARS = 1_000_000
"""Above this a note is refused: no real note is a megabyte, and spaCy's own limit is 1e6."""

_SURROGATES = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(text: str) -> bool:
    """JSON can carry "\\ud800" escapes that decode to unpaired surrogates, which no
    encoder accepts."""
    return _SURROGATES.search(text) is not None


def replace_surrogates(text: str) -> str:
    """Same length (one code point each), so evidence offsets still index the original."""
    return _SURROGATES.sub("\ufffd", text)
