"""One PolicySearch for the retrieval tests (uses the on-disk index cache; the first run
builds it, which takes a few minutes on 2 cores)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def policy_search():
    from assistant.retrieval import PolicySearch

    return PolicySearch.load()
