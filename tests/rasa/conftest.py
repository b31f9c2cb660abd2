"""Session fixtures that drive the Rasa 3.6 venv: one trained model (cached by data hash in
models/), one action webhook and one Rasa server for all tests in this folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from actions.rasa_service import rasa_cmd, start_actions, start_rasa


@pytest.fixture(scope="session")
def trained_model() -> str:
    done = rasa_cmd("model", timeout=1500)  # creates .venv-rasa if needed, trains only on a data change
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def action_server():
    service = start_actions()
    yield service
    service.stop()


@pytest.fixture(scope="session")
def rasa_server(trained_model, action_server):
    db = Path(tempfile.mkdtemp()) / "trackers.db"
    service = start_rasa(f"{action_server.url}/webhook", env={"RASA_TRACKER_DB": str(db)})
    service.extra["db"] = db
    yield service
    service.stop()
