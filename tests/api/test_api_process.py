"""`python -m api` as a real process: migrates its SQLite database at startup, serves, and on
SIGTERM finishes the request in flight before exiting (graceful shutdown)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from api.bench import _free_port, _prepare, _wait_ready


def test_serves_and_shuts_down_gracefully(tmp_path: Path) -> None:
    token = _prepare(tmp_path)
    port = _free_port()
    env = {**os.environ, "DACA_DATA_DIR": str(tmp_path), "DACA_PORT": str(port), "DACA_POLICY_PRELOAD": "false",
           "DACA_RASA_URL": "http://127.0.0.1:9", "DACA_LOG_LEVEL": "info"}
    log = open(tmp_path / "service.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "api"], env=env, stdout=log, stderr=subprocess.STDOUT,
                            cwd=Path(__file__).resolve().parents[2])
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base, proc, timeout=120)
        h = {"Authorization": f"Bearer {token}"}
        call = httpx.post(f"{base}/api/v1/calls", json={}, headers=h).json()["id"]
        long_note = "He hit her again and he is still in the kitchen with a knife. " * 1400  # ~90k characters
        result: dict[str, object] = {}

        def slow() -> None:
            result["r"] = httpx.post(f"{base}/api/v1/calls/{call}/notes", json={"text": long_note}, headers=h,
                                     timeout=60)
            result["done"] = time.monotonic()

        worker = threading.Thread(target=slow)
        worker.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and "r" not in result:  # wait until the note is in flight
            metrics = httpx.get(f"{base}/metrics").text
            if "daca_http_requests_in_flight 2.0" in metrics:  # the note and this /metrics request
                break
            time.sleep(0.01)
        result["signalled"] = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        worker.join(60)
        proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
        log.close()
    response = result["r"]
    assert isinstance(response, httpx.Response) and response.status_code == 201, response
    assert response.json()["analysis"]["status"] == "ok"
    assert "only the first 10,000 were analysed" in response.json()["analysis"]["warnings"][0]
    assert result["done"] > result["signalled"]  # it really was in flight when the signal came
    text = (tmp_path / "service.log").read_text()
    assert "Finished server process" in text
    assert "kitchen" not in text  # no note text in the log
    import sqlite3

    with sqlite3.connect(tmp_path / "daca.sqlite3") as db:
        assert db.execute("SELECT length(text) FROM notes").fetchall() == [(len(long_note),)]
