"""One warm analyser for every extraction test module: the rules are read-only, so the
table-driven modules share it instead of each loading the pipeline again."""

from __future__ import annotations

import pytest

from assistant.analysis import Analyser


@pytest.fixture(scope="session")
def analyser() -> Analyser:
    return Analyser()
