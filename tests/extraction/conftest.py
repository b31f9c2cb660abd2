"""One warm analyser for every extraction test module: the rules are read-only, so the
table-driven modules share it instead of each loading the pipeline again. These modules test
the rule layer, so the status model stacked on it is off here; test_status_model.py tests the
model, and the tests outside tests/extraction run the whole engine."""

from __future__ import annotations

import pytest

from assistant.analysis import Analyser


@pytest.fixture(scope="session")
def analyser() -> Analyser:
    return Analyser(status_model=False)
