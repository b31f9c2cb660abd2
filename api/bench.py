"""`python -m assistant bench api`: the service on loopback in a subprocess, driven from this
process at fixed request rates (open loop: requests leave on schedule whether or not earlier
ones have finished, and latency counts from the scheduled time, so a stall is not hidden).

Phases: warm-up, add-note at 20 req/s, add-note at 50 req/s, then a soak with RSS of the
service process before and after. Every note is new text (the per-note cache never helps the
note being added); a call takes a new note per request and is replaced after
`notes_per_call` notes, so each analysis covers a realistic call so far.

RSS during the soak is sampled every 30 s, so growth in the first and second halves can be
compared (a bounded cache still filling shows as growth in the first half only; a leak shows
in both). The service's bounded per-note cache and its pipeline vocabulary are read from
/metrics at the start and end of the soak: the phases before the soak send more notes than
the cache holds, so it is full when the "before soak" RSS is taken.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

NOTES = (
    "Caller says he hit her in the face and she is bleeding from the lip.",
    "He is still in the house, she can hear him downstairs shouting.",
    "Two kids upstairs asleep, aged 4 and 7.",
    "He has a knife from the kitchen drawer.",
    "She says he put his hands round her neck last week.",
    "He has been drinking all afternoon.",
    "There is a non-molestation order, he is not supposed to be here.",
    "Police were called last month for the same thing.",
    "She wants to leave him, they split up two weeks ago.",
    "He has threatened to kill her if she calls the police again.",
    "He checks her phone and takes her bank card.",
    "No injuries that she can see, she is shaken.",
)
TARGETS = {"p95_ms_at_20": 50.0, "errors_at_50": 0, "rss_growth_pct": 5.0}


@dataclass
class Phase:
    name: str
    rate: float
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0
    cpu_ms_per_request: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average at start and end

    def pct(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        values = sorted(self.latencies_ms)
        return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prepare(data_dir: Path) -> str:
    """Migrate and create a handler with an API token (argon2 etc. in this process, not timed)."""
    from api.db import migrate
    from api.db.session import make_engine, make_session_factory
    from api.services import auth

    url = f"sqlite:///{data_dir / 'daca.sqlite3'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    auth.create_user(sessions, username="bench", password="bench-password-123", role=auth.Role.CALL_HANDLER)
    token, _ = auth.create_api_token(sessions, username="bench", name="bench", days=1, actor=None)
    engine.dispose()
    return token


class Driver:
    def __init__(self, base: str, token: str, notes_per_call: int, pid: int) -> None:
        self.service = psutil.Process(pid)
        self.client = httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {token}"},
                                        timeout=10.0, limits=httpx.Limits(max_connections=200))
        self.notes_per_call = notes_per_call
        self.calls: list[str] = []
        self.sent = 0

    async def open_calls(self, n: int) -> None:
        for _ in range(n):
            r = await self.client.post("/api/v1/calls", json={})
            r.raise_for_status()
            self.calls.append(r.json()["id"])

    async def _one(self, phase: Phase, scheduled: float, call_id: str, text: str) -> None:
        try:
            r = await self.client.post(f"/api/v1/calls/{call_id}/notes", json={"text": text})
            ok = r.status_code == 201 and r.json().get("analysis") is not None
            key = str(r.status_code)
        except httpx.HTTPError as exc:
            ok, key = False, type(exc).__name__
        phase.latencies_ms.append((time.perf_counter() - scheduled) * 1000)
        phase.statuses[key] = phase.statuses.get(key, 0) + 1
        phase.errors += 0 if ok else 1

    async def run(self, phase: Phase) -> Phase:
        total = int(phase.rate * phase.seconds)
        await self.open_calls(total // self.notes_per_call + 1)
        cpu0 = sum(self.service.cpu_times()[:2])
        load0 = os.getloadavg()[0]
        start = time.perf_counter()
        tasks = []
        for i in range(total):
            scheduled = start + i / phase.rate
            delay = scheduled - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            call_id = self.calls[self.sent // self.notes_per_call]
            text = f"{NOTES[self.sent % len(NOTES)]} (note {self.sent})"
            self.sent += 1
            tasks.append(asyncio.create_task(self._one(phase, scheduled, call_id, text)))
        await asyncio.gather(*tasks)
        phase.elapsed = time.perf_counter() - start
        phase.cpu_ms_per_request = (sum(self.service.cpu_times()[:2]) - cpu0) * 1000 / max(1, total)
        phase.load = (load0, os.getloadavg()[0])
        return phase


def _rss_mb(pid: int) -> float:
    return psutil.Process(pid).memory_info().rss / 2**20


def _wait_ready(base: str, proc: subprocess.Popen, timeout: float = 180.0) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"the service exited with code {proc.returncode} before it was ready")
        try:
            if httpx.get(base + "/ready", timeout=2).status_code == 200:
                return time.perf_counter() - start
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"the service was not ready after {timeout:.0f} s")


def run_bench_api(*, phase_seconds: float = 30.0, soak_minutes: float = 10.0, soak_rate: float = 20.0,
                  notes_per_call: int = 8, rates: tuple[float, ...] = (20.0, 50.0), json_out: str | None = None) -> int:
    with tempfile.TemporaryDirectory(prefix="daca-bench-") as tmp:
        data_dir = Path(tmp)
        token = _prepare(data_dir)
        port = _free_port()
        env = {**os.environ, "DACA_DATA_DIR": str(data_dir), "DACA_PORT": str(port), "DACA_HOST": "127.0.0.1",
               "DACA_RATE_LIMIT_PER_MINUTE": "0", "DACA_POLICY_PRELOAD": "false", "DACA_LOG_LEVEL": "warning",
               "DACA_RASA_URL": "http://127.0.0.1:9"}
        log_path = data_dir / "service.log"
        with open(log_path, "wb") as log:
            proc = subprocess.Popen([sys.executable, "-m", "api"], env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            ready_s = _wait_ready(base, proc)
            phases, rss = asyncio.run(_drive(base, token, proc.pid, phase_seconds, soak_minutes, soak_rate,
                                             notes_per_call, rates))
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                code = proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                code = proc.wait()
        _print(phases, rss, ready_s, code, phase_seconds, soak_minutes, soak_rate, notes_per_call)
        if json_out:  # for `python -m assistant bench all`
            Path(json_out).parent.mkdir(parents=True, exist_ok=True)
            Path(json_out).write_text(json.dumps({"rows": _json_rows(phases, rss, ready_s)}, indent=1), encoding="utf-8")
        return 0 if _verdict(phases, rss) else 1


def _json_rows(phases: list[Phase], rss: dict, ready_s: float) -> list[dict[str, str]]:
    rows = [{"metric": "service ready (s)", "value": f"{ready_s:.1f}", "anchor": "", "target": "", "verdict": ""}]
    for p in phases:
        n = len(p.latencies_ms)
        achieved = n / p.elapsed if p.elapsed else 0.0
        p95_target = p.rate == 20.0 and p.name.startswith("add note")
        rows.append({"metric": f"{p.name}: p50 / p95 / p99 ms", "anchor": f"achieved {achieved:.1f}/s",
                     "value": f"{p.pct(50):.1f} / {p.pct(95):.1f} / {p.pct(99):.1f}",
                     "target": "p95 <= 50" if p95_target else "",
                     "verdict": ("PASS" if p.pct(95) <= TARGETS["p95_ms_at_20"] else "FAIL") if p95_target else ""})
        must_be_clean = p.rate == 50.0 and p.name.startswith("add note")
        rows.append({"metric": f"{p.name}: errors", "value": str(p.errors), "anchor": f"{n} requests",
                     "target": "0" if must_be_clean else "",
                     "verdict": ("PASS" if p.errors == 0 else "FAIL") if must_be_clean else ""})
    growth = _growth_pct(rss)
    rows.append({"metric": "service RSS growth over the soak", "value": f"{growth:+.2f}%",
                 "anchor": f"{rss['before_soak']:.0f} -> {rss['after_soak']:.0f} MB (judged from the lower of before "
                           "and 30 s in)", "target": "< 5%",
                 "verdict": "PASS" if growth < TARGETS["rss_growth_pct"] else "FAIL"})
    halves = _halves(rss)
    if halves is not None:
        rows.append({"metric": "service RSS growth, first / second half of the soak (MB)",
                     "value": f"{halves[0]:+.1f} / {halves[1]:+.1f}", "anchor": "", "target": "", "verdict": ""})
    return rows


async def _gauges(client: httpx.AsyncClient) -> dict[str, float]:
    """The service's memory gauges from /metrics (analysis cache fill, pipeline vocabulary)."""
    try:
        text = (await client.get("/metrics")).text
    except httpx.HTTPError:
        return {}
    return {line.split()[0]: float(line.split()[1]) for line in text.splitlines()
            if line.startswith(("daca_analysis_cache_notes", "daca_pipeline_vocab_strings"))}


async def _sample_rss(pid: int, samples: list[tuple[float, float]], every: float = 30.0) -> None:
    start = time.perf_counter()
    while True:
        samples.append((time.perf_counter() - start, _rss_mb(pid)))
        await asyncio.sleep(every)


async def _drive(base: str, token: str, pid: int, phase_seconds: float, soak_minutes: float, soak_rate: float,
                 notes_per_call: int, rates: tuple[float, ...]) -> tuple[list[Phase], dict]:
    driver = Driver(base, token, notes_per_call, pid)
    rss: dict = {"start": _rss_mb(pid)}
    await driver.run(Phase("warm-up", 10, 10))
    phases = [await driver.run(Phase(f"add note @{r:g}/s", r, phase_seconds)) for r in rates]
    rss["gauges_before"] = await _gauges(driver.client)
    rss["before_soak"] = _rss_mb(pid)
    samples: list[tuple[float, float]] = []
    if soak_minutes > 0:
        sampler = asyncio.create_task(_sample_rss(pid, samples))
        phases.append(await driver.run(Phase(f"soak @{soak_rate:g}/s", soak_rate, soak_minutes * 60)))
        sampler.cancel()
    rss["after_soak"] = _rss_mb(pid)
    samples.append((soak_minutes * 60, rss["after_soak"]))
    rss["samples"] = samples
    rss["gauges_after"] = await _gauges(driver.client)
    await driver.client.aclose()
    return phases, rss


def _growth_pct(rss: dict) -> float:
    """RSS growth over the soak, in per cent: from the RSS before it, or from the first sample
    30 s into it if that is lower (the service hands back memory freed after the 50/s burst
    early in the soak, which would otherwise hide growth later on), whichever growth is larger."""
    base = rss["before_soak"]
    samples = rss.get("samples") or []
    if len(samples) > 2:
        base = min(base, samples[1][1])
    return 100 * (rss["after_soak"] - base) / base


def _halves(rss: dict) -> tuple[float, float] | None:
    """RSS growth (MB) in the first and second halves of the soak, from the 30 s samples."""
    samples = rss.get("samples") or []
    if len(samples) < 3:
        return None
    end = samples[-1][0]
    mid = min(samples, key=lambda s: abs(s[0] - end / 2))[1]
    return mid - rss["before_soak"], rss["after_soak"] - mid


def _verdict(phases: list[Phase], rss: dict) -> bool:
    by_rate = {p.rate: p for p in phases if p.name.startswith("add note")}
    ok = True
    if 20.0 in by_rate:
        ok &= by_rate[20.0].pct(95) <= TARGETS["p95_ms_at_20"]
    if 50.0 in by_rate:
        ok &= by_rate[50.0].errors == TARGETS["errors_at_50"]
    growth = _growth_pct(rss)
    return bool(ok and growth < TARGETS["rss_growth_pct"])


def _print(phases: list[Phase], rss: dict, ready_s: float, code: int, phase_seconds: float,
           soak_minutes: float, soak_rate: float, notes_per_call: int) -> None:
    print(f"machine: {os.cpu_count()} cores; a load average above that means other processes competed for the CPU")
    print(f"service: python -m api on loopback, SQLite WAL, ready in {ready_s:.1f} s; "
          f"{notes_per_call} notes per call; phases {phase_seconds:g} s, soak {soak_minutes:g} min @{soak_rate:g}/s")
    print("| phase | target rate | achieved/s | requests | errors | p50 ms | p95 ms | p99 ms | max ms "
          "| service CPU ms/req | load avg start/end |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for p in phases:
        n = len(p.latencies_ms)
        print(f"| {p.name} | {p.rate:g} | {n / p.elapsed if p.elapsed else 0:.1f} | {n} | {p.errors} | "
              f"{p.pct(50):.1f} | {p.pct(95):.1f} | {p.pct(99):.1f} | {max(p.latencies_ms, default=0):.1f} | "
              f"{p.cpu_ms_per_request:.1f} | {p.load[0]:.1f}/{p.load[1]:.1f} |")
    growth = _growth_pct(rss)
    plain = 100 * (rss["after_soak"] - rss["before_soak"]) / rss["before_soak"]
    print(f"RSS of the service: start {rss['start']:.1f} MB, before soak {rss['before_soak']:.1f} MB, "
          f"after soak {rss['after_soak']:.1f} MB ({plain:+.2f}%); growth judged {growth:+.2f}% "
          "(from the lower of the RSS before the soak and 30 s into it)")
    halves = _halves(rss)
    if halves is not None:
        print(f"RSS growth by half of the soak: first {halves[0]:+.1f} MB, second {halves[1]:+.1f} MB; "
              "samples every 30 s: " + " ".join(f"{mb:.1f}" for _, mb in rss["samples"]))
    before, after = rss.get("gauges_before") or {}, rss.get("gauges_after") or {}
    if before and after:
        cache0, cache1 = before.get("daca_analysis_cache_notes", 0), after.get("daca_analysis_cache_notes", 0)
        print(f"at soak start / end: analysis cache {cache0:.0f} / {cache1:.0f} notes, pipeline vocabulary "
              f"{before.get('daca_pipeline_vocab_strings', 0):.0f} / {after.get('daca_pipeline_vocab_strings', 0):.0f} "
              "strings" + ("" if cache0 >= cache1 else
                          "; the cache was still filling when the soak started, so part of the growth is the cache"))
    for p in phases:
        bad = {k: v for k, v in p.statuses.items() if k != "201"}
        if bad:
            print(f"non-201 outcomes in {p.name}: {bad}")
    by_rate = {p.rate: p for p in phases if p.name.startswith("add note")}
    p95 = by_rate[20.0].pct(95) if 20.0 in by_rate else float("nan")
    errs = by_rate[50.0].errors if 50.0 in by_rate else -1
    print(f"targets: add-note p95 at 20/s {p95:.1f} ms (<= 50): {'PASS' if p95 <= 50 else 'FAIL'}; "
          f"errors at 50/s {errs} (0): {'PASS' if errs == 0 else 'FAIL'}; "
          f"RSS growth {growth:+.2f}% (< 5%): {'PASS' if growth < 5 else 'FAIL'}")
    print(f"service exit code after SIGTERM: {code} (graceful shutdown)")
