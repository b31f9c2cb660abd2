"""The sidebar in a real browser: a harness (the service in a subprocess on a free loopback
port with a throwaway SQLite database, a stand-in Rasa, Debian's Chromium driven by
Playwright) shared by tests/web, and the benchmark that prints first-load time and
Enter-to-updated-indicators latency measured in the page with performance.now().

    python -m api.web_bench [--calls 3] [--notes 15]

Nothing here downloads anything: Playwright drives /usr/bin/chromium (never `playwright install`),
and the browser is started with networking features that call home switched off.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("DACA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSWORD = "correct-horse-battery-staple"
USERS = {"handler": "call_handler", "desk": "front_counter", "trainee": "trainee", "super": "supervisor",
         "admin": "admin"}
ROOT = Path(__file__).resolve().parents[1]
FIRST_LOAD_TARGET_MS = 1000.0
ENTER_P95_TARGET_MS = 150.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:  # noqa: S310 (loopback only)
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


class FakeRasa:
    """A stand-in for the Rasa REST channel on loopback that can be stopped and started again."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.messages: list[dict[str, Any]] = []
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _json(self, status: int, body: Any) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:  # noqa: N802
                self._json(200, {"version": "stub"})

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                data = json.loads(self.rfile.read(length) or b"{}")
                owner.messages.append(data)
                self._json(200, [{"recipient_id": data.get("sender"),
                                  "text": f"Rasa stub heard: {str(data.get('message', ''))[:80]}"}])

        ThreadingHTTPServer.allow_reuse_address = True
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


class ServiceProcess:
    """`python -m api` in a subprocess: loopback, a free port, a fresh SQLite database with one
    user per role (password PASSWORD). stop()/start() keep the database: a restart mid-call."""

    def __init__(self, *, rasa_url: str | None = None, data_dir: Path | None = None, port: int | None = None) -> None:
        self.data_dir = Path(data_dir or tempfile.mkdtemp(prefix="daca-web-"))
        self.port = port or free_port()
        self.rasa_url = rasa_url or f"http://127.0.0.1:{free_port()}"  # nothing listens: Rasa down
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = self.data_dir / "service.log"
        self._seeded = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db_path(self) -> Path:
        return self.data_dir / "daca.sqlite3"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DACA_")}
        env.update({"DACA_DATA_DIR": str(self.data_dir), "DACA_HOST": "127.0.0.1", "DACA_PORT": str(self.port),
                    "DACA_RASA_URL": self.rasa_url, "DACA_RATE_LIMIT_PER_MINUTE": "0",
                    "DACA_LOGIN_ATTEMPTS_PER_MINUTE": "1000", "DACA_LOG_LEVEL": "warning",
                    "DACA_GRACEFUL_SHUTDOWN_SECONDS": "1", "DACA_RASA_TIMEOUT_SECONDS": "1.0"})
        # run from the data dir (no stray .env is read) with this checkout importable
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
        return env

    def seed(self) -> None:
        from api.db import migrate
        from api.db.session import make_engine, make_session_factory
        from api.services import auth

        url = f"sqlite:///{self.db_path}"
        migrate.upgrade(url)
        engine = make_engine(url)
        sessions = make_session_factory(engine)
        for name, role in USERS.items():
            auth.create_user(sessions, username=name, password=PASSWORD, role=auth.Role(role))
        engine.dispose()
        self._seeded = True

    def start(self, timeout: float = 180.0) -> None:
        if not self._seeded:
            self.seed()
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "api"], cwd=self.data_dir, env=self.env(),
                                     stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the service exited ({self.proc.returncode}); see {self.log_path}:\n"
                                   + self.log_path.read_text(errors="replace")[-3000:])
            try:
                if _get(self.url + "/health", 1.0)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the service did not start in {timeout:.0f}s; see {self.log_path}")

    def warm(self, timeout: float = 900.0) -> dict[str, Any]:
        """/ready loads policy search (lazily, once): do it before the browser needs it."""
        status, body = _get(self.url + "/ready", timeout)
        return json.loads(body)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None

    def api(self, method: str, path: str, body: Any = None, token: str | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        for k, v in (headers or {}).items():
            request.add_header(k, v)
        try:
            with urllib.request.urlopen(request, timeout=60) as r:  # noqa: S310 (loopback only)
                raw = r.read()
                return r.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            return exc.code, json.loads(raw) if raw else None

    def token(self, username: str) -> str:
        status, body = self.api("POST", "/api/v1/auth/token", {"username": username, "password": PASSWORD})
        if status != 200:
            raise RuntimeError(f"login as {username} failed: {status} {body}")
        return body["access_token"]

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)


def launch_browser(playwright: Any) -> Any:
    """Debian's Chromium (a fresh temporary profile per launch), nothing downloaded."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run scripts/bootstrap.sh (it installs Debian's chromium)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def login(page: Any, base_url: str, username: str, password: str = PASSWORD) -> None:
    page.goto(base_url + "/")
    page.fill("#login-username", username)
    page.fill("#login-password", password)
    page.click("#login-form button[type=submit]")
    page.wait_for_selector("#logout", state="visible")


# ---------------------------------------------------------------------------- benchmark
BENCH_NOTES = [
    "Caller whispering, says her partner is in the next room.",
    "He punched her in the face tonight, her lip is bleeding.",
    "He has a kitchen knife and said he would kill her.",
    "Two kids upstairs, aged 4 and 7.",
    "He grabbed her by the throat last week.",
    "Police have been called twice before this year.",
    "He has been drinking all day.",
    "She left him last month, he keeps turning up at her work.",
    "He checks her phone and takes her wages.",
    "There is a non-molestation order in place.",
    "No weapons seen now, he put the knife down.",
    "She is 6 months pregnant.",
    "He says he will kill himself if she leaves.",
    "He kicked the dog.",
    "He is still banging on the door.",
]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def run_bench_web(*, calls: int = 3, notes: int = 15, loads: int = 20, json_out: str | None = None) -> int:
    from playwright.sync_api import sync_playwright

    service = ServiceProcess()
    rasa = FakeRasa()
    rasa.start()
    service.rasa_url = rasa.url
    print(f"starting the service on {service.url} …", file=sys.stderr)
    try:
        service.start()
        with sync_playwright() as p:
            browser = launch_browser(p)
            first_loads: list[float] = []
            dcl: list[float] = []
            # the browser's own start-up (network service, renderer) is not the page's load time
            warm = browser.new_context()
            warm.new_page().goto(service.url + "/health")
            warm.close()
            for _ in range(loads):  # a fresh context each time: cold cache
                context = browser.new_context(viewport={"width": 420, "height": 900})
                page = context.new_page()
                page.goto(service.url + "/")
                page.wait_for_selector("#login-username", state="visible")
                nav = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                                    " return {load: n.loadEventEnd, dcl: n.domContentLoadedEventEnd}; })()")
                first_loads.append(nav["load"])
                dcl.append(nav["dcl"])
                context.close()
            context = browser.new_context(viewport={"width": 420, "height": 900})
            page = context.new_page()
            login(page, service.url, "handler")
            for c in range(calls):
                page.wait_for_selector("#start-form", state="visible")
                page.click("#start-button")
                page.wait_for_selector("#call-active", state="visible")
                for i in range(notes):
                    count = page.evaluate("window.__dacaPerf.length")
                    # a reference makes every note new to the service's per-note cache
                    page.fill("#note-box", f"{BENCH_NOTES[i % len(BENCH_NOTES)]} Ref {c + 1}-{i + 1}.")
                    page.press("#note-box", "Enter")
                    page.wait_for_function("(n) => window.__dacaPerf.length > n", arg=count)
                page.click("#leave-call")
            perf = page.evaluate("window.__dacaPerf")
            browser.close()
    finally:
        service.cleanup()
        rasa.stop()
    dom = [x["dom"] for x in perf]
    frame = [x["frame"] for x in perf]
    fetch = [x["fetch"] for x in perf if x.get("fetch") is not None]
    analysis = [x["analysis"] for x in perf if x.get("analysis") is not None]
    client = [x["dom"] - x["fetch"] for x in perf if x.get("fetch") is not None]
    rows = [
        ("first load (navigation → load event), cold", first_loads, FIRST_LOAD_TARGET_MS, "p95"),
        ("first load (DOMContentLoaded), cold", dcl, None, "p95"),
        ("Enter → indicators, questions, grade in the DOM", dom, ENTER_P95_TARGET_MS, "p95"),
        ("Enter → next frame painted", frame, None, "p95"),
        ("  of which: POST /notes round trip", fetch, None, "p95"),
        ("  of which: analysis in the service", analysis, None, "p95"),
        ("  of which: in the page (queue, render)", client, None, "p95"),
    ]
    print(f"\nSidebar in Chromium ({len(first_loads)} cold loads; {len(dom)} notes over {calls} call(s) "
          f"of {notes}); times in ms")
    print(f"{'measure':<50} {'n':>4} {'p50':>8} {'p95':>8} {'max':>8}  target")
    ok = True
    json_rows: list[dict[str, str]] = []
    for name, values, target, _ in rows:
        p95 = _pct(values, 95)
        verdict = ""
        if target is not None:
            passed = p95 <= target
            ok &= passed
            verdict = f"p95 <= {target:.0f}: {'met' if passed else 'MISSED'}"
            json_rows.append({"metric": f"{name} p95", "value": f"{p95:.0f} ms (p50 {statistics.median(values):.0f})",
                              "anchor": "", "target": f"<= {target:.0f} ms", "verdict": "PASS" if passed else "FAIL"})
        print(f"{name:<50} {len(values):>4} {statistics.median(values):>8.1f} {p95:>8.1f} {max(values):>8.1f}  {verdict}")
    if json_out:  # for `python -m assistant bench all`
        Path(json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(json_out).write_text(json.dumps({"rows": json_rows, "first_load_ms": first_loads, "perf": perf}, indent=1),
                                  encoding="utf-8")
    print("\nall targets met" if ok else "\nsome targets MISSED (see the table)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.web_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=3, help="calls to open")
    parser.add_argument("--notes", type=int, default=15, help="notes typed per call")
    parser.add_argument("--loads", type=int, default=20, help="cold page loads to time")
    parser.add_argument("--json-out", help="also write the figures as JSON (for `bench all`)")
    args = parser.parse_args(argv)
    if args.calls < 1 or args.notes < 1 or args.loads < 1:
        print("error: --calls, --notes and --loads must be at least 1", file=sys.stderr)
        return 2
    try:
        return run_bench_web(calls=args.calls, notes=args.notes, loads=args.loads, json_out=args.json_out)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


@contextmanager
def running_service(**kwargs: Any) -> Iterator[ServiceProcess]:
    service = ServiceProcess(**kwargs)
    try:
        service.start()
        yield service
    finally:
        service.cleanup()


if __name__ == "__main__":
    sys.exit(main())
