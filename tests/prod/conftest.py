from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from topology import Topology, rasa_model_or_reason


@pytest.fixture(scope="module")
def topology(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Topology]:
    model, reason = rasa_model_or_reason()
    if model is None:
        pytest.skip(reason)
    topo = Topology(run_dir=Path(tmp_path_factory.mktemp("prod")) / "run", model=model)
    topo.up()
    try:
        yield topo
    finally:
        topo.down()
