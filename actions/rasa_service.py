"""Starting and talking to the chat services from the project's Python, for tests and the benchmark.

The Rasa server runs in .venv-rasa (scripts/rasa_cmd.sh); the action webhook runs in this venv
(`python -m actions.server`). Processes get their own process group and are stopped by pid.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RASA_CMD = ROOT / "scripts" / "rasa_cmd.sh"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rasa_cmd(*args: str, env: dict[str, str] | None = None, timeout: float = 1800) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(RASA_CMD), *args], cwd=ROOT, env={**os.environ, **(env or {})},
                          capture_output=True, text=True, timeout=timeout)


@dataclass
class Service:
    name: str
    proc: subprocess.Popen
    url: str
    log: Path
    started: float
    ready_seconds: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def rss_mb(self) -> float:
        import psutil  # noqa: PLC0415

        return psutil.Process(self.proc.pid).memory_info().rss / 2**20

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                try:
                    self.proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                    self.proc.wait(timeout=10)
            except ProcessLookupError:  # exited between poll and kill
                self.proc.wait(timeout=10)

    def tail(self, n: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:]) if self.log.exists() else ""


def _spawn(name: str, argv: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    log.parent.mkdir(parents=True, exist_ok=True)
    out = log.open("w")
    return subprocess.Popen(argv, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)


def _wait(service: Service, probe: str, ok: Any, timeout: float) -> Service:
    """Polls until ready; on a timeout, an error or Ctrl-C while waiting the process is stopped
    (the caller never got the Service, so it could not stop it)."""
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if service.proc.poll() is not None:
                raise RuntimeError(f"{service.name} exited with {service.proc.returncode}:\n{service.tail()}")
            try:
                with urllib.request.urlopen(service.url + probe, timeout=2) as r:
                    if ok(json.loads(r.read() or b"null")):
                        service.ready_seconds = time.monotonic() - service.started
                        return service
            except (urllib.error.URLError, OSError, ValueError):
                pass
            time.sleep(0.25)
        raise TimeoutError(f"{service.name} not ready after {timeout:.0f} s:\n{service.tail()}")
    except BaseException:
        service.stop()
        raise


def start_actions(port: int | None = None, timeout: float = 180) -> Service:
    port = port or free_port()
    log = ROOT / "out" / f"actions_{port}.log"
    started = time.monotonic()
    proc = _spawn("actions", [sys.executable, "-m", "actions.server", "--port", str(port)], log)
    return _wait(Service("actions", proc, f"http://127.0.0.1:{port}", log, started), "/health",
                 lambda body: body == {"status": "ok"}, timeout)


def start_rasa(action_url: str, *, port: int | None = None, endpoints: str = "endpoints.yml",
               env: dict[str, str] | None = None, timeout: float = 300) -> Service:
    """Expects the model to be trained already (`rasa_cmd.sh train`), so the time measured
    is the server's own start: Python and TensorFlow imports, model load, stores."""
    env = {"RASA_ACTION_URL": action_url, "RASA_ENDPOINTS": endpoints, **(env or {})}
    return _start_rasa_server("rasa", "run", port, env, timeout)


def _start_rasa_server(name: str, command: str, port: int | None, env: dict[str, str] | None,
                       timeout: float) -> Service:
    """`rasa_cmd.sh <command>` (run / run-stock) on a free loopback port; ready when /status names a model."""
    port = port or free_port()
    log = ROOT / "out" / f"{name}_{port}.log"
    started = time.monotonic()
    proc = _spawn(name, ["bash", str(RASA_CMD), command, "--port", str(port), "--interface", "127.0.0.1"], log, env)
    return _wait(Service(name, proc, f"http://127.0.0.1:{port}", log, started), "/status",
                 lambda body: bool(body and body.get("model_id")), timeout)


@dataclass(frozen=True)
class StockBot:
    """The stock Rasa starter bot (`rasa init --no-prompt`, the bundled moodbot), cached per Rasa version."""
    model: Path
    rasa_version: str
    train_seconds: float  # when the cache was built

    @property
    def project(self) -> Path:
        return self.model.parent / "project"


def stock_bot(timeout: float = 1800) -> StockBot:
    """Builds the stock starter bot if this Rasa version has none yet (`rasa_cmd.sh stock-model`, offline,
    a few minutes on 2 cores), else finds the cached one."""
    done = rasa_cmd("stock-model", timeout=timeout)
    if done.returncode:
        raise RuntimeError(f"rasa_cmd.sh stock-model failed:\n{done.stderr[-2000:]}")
    model = Path(done.stdout.strip().splitlines()[-1])
    stamp = model.parent / "stock.train_seconds"
    return StockBot(model, model.parent.name.removeprefix("rasa-"),
                    float(stamp.read_text()) if stamp.exists() else float("nan"))


def start_stock_rasa(*, port: int | None = None, timeout: float = 300) -> Service:
    """A second Rasa server on the stock starter bot (REST channel, in-memory tracker store, no
    actions). Call stock_bot() first, so the time measured is the server's own start."""
    return _start_rasa_server("rasa-stock", "run-stock", port, None, timeout)


def chat(rasa_url: str, sender: str, message: str, timeout: float = 30) -> tuple[int, list[dict[str, Any]]]:
    """POST to the REST channel; (HTTP status, bot messages)."""
    req = urllib.request.Request(f"{rasa_url}/webhooks/rest/webhook",
                                 data=json.dumps({"sender": sender, "message": message}).encode(),
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"[]")
    except urllib.error.HTTPError as e:
        return e.code, []


def turns(messages: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """Pairs each bot text with the payload sent with it (REST sends them as separate messages)."""
    out: list[tuple[str, dict[str, Any]]] = []
    for m in messages:
        if "text" in m:
            out.append((m["text"], {}))
        if "custom" in m and out:
            out[-1] = (out[-1][0], m["custom"])
    return out
