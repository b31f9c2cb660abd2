"""Shared fixtures. The analyser is built once per session: loading is the slow part."""

from __future__ import annotations

import pytest

from assistant.analysis import Analyser


@pytest.fixture(scope="session")
def analyser() -> Analyser:
    return Analyser()
