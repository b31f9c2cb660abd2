"""Load and soak test: simulated call handlers against the running production topology.

    python -m api.loadtest --handlers 50 --minutes 10          (make load; make prod-up first)

Each handler works through calls like a person at a console: opens a call, types notes (taken
from tests/data/dev_cases.jsonl) with a pause between them, answers a prompt, asks the chat
"what next?", searches policy, reads the call, chooses the suggested grade, reads the THRIVE
summary and closes the call, then takes the next call. Every request is timed on the client.
At the end every acknowledged note (201 on add-note) is checked against the stored call.

Printed: per endpoint count, errors, p50/p95/p99/max; RSS of every process of the topology
(pid files under DACA_PROD_RUN_DIR) sampled over time; the targets. Saved: out/loadtest-<time>.json
and .png (RSS over time, add-note latency over time).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import sys
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "loadtest-password-123"
TARGET_P95_MS = 100.0
FALLBACK_NOTES = [
    "c/r very quiet, says bf is downstairs smashing plates, 2 kids asleep in back bedroom",
    "he grabbed her round the neck earlier tonight",
    "ex keeps sending her dozens of messages a day and waits outside her work",
    "husband took her bank card and won't let her see her sister, no weapons, no injuries",
    "he's at work till 6",
    "she says he has threatened to kill her if she leaves",
]


@dataclass
class Recorder:
    started: float = field(default_factory=time.monotonic)
    samples: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    error_examples: dict[str, str] = field(default_factory=dict)

    def ok(self, endpoint: str, ms: float) -> None:
        self.samples[endpoint].append((time.monotonic() - self.started, ms))

    def fail(self, endpoint: str, detail: str) -> None:
        self.errors[endpoint] += 1
        self.error_examples.setdefault(endpoint, detail[:300])


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def load_notes(path: Path) -> list[list[str]]:
    try:
        cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        calls = [[m for m in c.get("messages", []) if isinstance(m, str) and m.strip()] for c in cases]
        calls = [c for c in calls if c]
        if calls:
            return calls
    except (OSError, ValueError):
        pass
    return [FALLBACK_NOTES]


class Handler:
    def __init__(self, n: int, client: httpx.AsyncClient, token: str, rec: Recorder, notes: list[list[str]],
                 think: float, chat: bool, rng: random.Random) -> None:
        self.n, self.client, self.rec, self.notes, self.think, self.chat, self.rng = (
            n, client, rec, notes, think, chat, rng)
        self.headers = {"Authorization": f"Bearer {token}"}
        self.acked: dict[str, list[int]] = defaultdict(list)  # call id -> acknowledged note ids
        self.calls = 0

    async def request(self, endpoint: str, method: str, url: str, expect: tuple[int, ...] = (200, 201),
                      **kwargs: Any) -> httpx.Response | None:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        start = time.perf_counter()
        try:
            r = await self.client.request(method, url, headers=headers, **kwargs)
        except httpx.HTTPError as exc:
            self.rec.fail(endpoint, f"{type(exc).__name__}: {exc}")
            return None
        ms = (time.perf_counter() - start) * 1000
        if r.status_code not in expect:
            self.rec.fail(endpoint, f"HTTP {r.status_code}: {r.text[:200]}")
            return None
        self.rec.ok(endpoint, ms)
        return r

    async def pause(self) -> None:
        await asyncio.sleep(self.rng.uniform(0.3, 1.7) * self.think)

    async def run(self, deadline: float) -> None:
        await asyncio.sleep(self.rng.uniform(0, self.think))  # handlers do not all start at once
        while time.monotonic() < deadline:
            await self.one_call(deadline)

    async def one_call(self, deadline: float) -> None:
        r = await self.request("open_call", "POST", "/api/v1/calls", json={})
        if r is None:
            await self.pause()
            return
        call_id, version = r.json()["id"], r.json()["version"]
        self.calls += 1
        suggested, question = None, None
        script = self.rng.choice(self.notes)
        for i, text in enumerate(script * (1 + 3 // len(script))):
            if time.monotonic() > deadline:
                break
            await self.pause()
            r = await self.request("add_note", "POST", f"/api/v1/calls/{call_id}/notes", json={"text": text})
            if r is None:
                continue
            body = r.json()
            version = body["call_version"]
            if body.get("note"):
                self.acked[call_id].append(body["note"]["id"])
            result = (body.get("analysis") or {}).get("result") or {}
            suggested = (result.get("grade") or {}).get("grade", suggested)
            questions = result.get("questions") or []
            question = questions[0]["id"] if questions else None
            if i == 1 and question:
                await self.pause()
                r = await self.request("answer", "POST", f"/api/v1/calls/{call_id}/answers",
                                       json={"question_id": question, "answer": self.rng.choice(["yes", "no"])})
                if r is not None:
                    body = r.json()
                    version = body["call_version"]
                    if body.get("note"):
                        self.acked[call_id].append(body["note"]["id"])
                    result = (body.get("analysis") or {}).get("result") or {}
                    suggested = (result.get("grade") or {}).get("grade", suggested)
            if i == 2 and self.chat:
                await self.pause()
                await self.request("chat", "POST", "/api/v1/chat", json={"message": "what next?", "call_id": call_id})
        await self.pause()
        await self.request("policy_search", "POST", "/api/v1/policy/search",
                           json={"query": self.rng.choice(["children present at a domestic incident",
                                                           "repeat victim definition", "grading an emergency"])})
        r = await self.request("get_call", "GET", f"/api/v1/calls/{call_id}")
        if r is not None:
            version = r.json()["version"]
        if suggested:
            r = await self.request("grade", "POST", f"/api/v1/calls/{call_id}/grade", json={"grade": suggested, "reason": "as suggested (load test)"},
                                   headers={"If-Match": f'"{version}"'})
            if r is not None:
                version = r.json()["call_version"]
        await self.request("summary", "GET", f"/api/v1/calls/{call_id}/summary")
        await self.request("close", "POST", f"/api/v1/calls/{call_id}/close", headers={"If-Match": f'"{version}"'})

    async def verify(self) -> tuple[int, int]:
        """(acknowledged notes, of which missing from the stored calls)."""
        acked = missing = 0
        for call_id, ids in self.acked.items():
            acked += len(ids)
            r = await self.client.get(f"/api/v1/calls/{call_id}", headers=self.headers)
            stored = {n["id"] for n in r.json().get("notes", [])} if r.status_code == 200 else set()
            missing += sum(1 for i in ids if i not in stored)
        return acked, missing


# ---- processes and memory -------------------------------------------------------------------------

def run_dir() -> Path:
    path = Path(os.environ.get("DACA_PROD_RUN_DIR", "run/prod"))
    return path if path.is_absolute() else ROOT / path


def topology_processes(run: Path) -> dict[str, int]:
    pids = {}
    for pidfile in sorted((run / "pids").glob("*.pid")) if (run / "pids").is_dir() else []:
        try:
            pids[pidfile.stem] = int(pidfile.read_text().strip())
        except ValueError:
            continue
    return pids


def rss_mb(pid: int) -> float | None:
    import psutil

    try:
        proc = psutil.Process(pid)
        return sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]) / 2**20
    except psutil.Error:
        return None


async def sample_memory(pids: dict[str, int], every: float, out: dict[str, list[tuple[float, float]]],
                        started: float, stop: asyncio.Event) -> None:
    while True:
        t = time.monotonic() - started
        for name, pid in pids.items():
            value = rss_mb(pid)
            if value is not None:
                out[name].append((t, value))
        try:
            await asyncio.wait_for(stop.wait(), timeout=every)
            return
        except asyncio.TimeoutError:
            continue


# ---- setup --------------------------------------------------------------------------------------

async def make_tokens(client: httpx.AsyncClient, n: int, admin: str, password: str, run_id: str) -> list[str]:
    r = await client.post("/api/v1/auth/token", json={"username": admin, "password": password})
    if r.status_code != 200:
        raise SystemExit(f"loadtest: admin login as {admin!r} failed ({r.status_code}): {r.text[:200]} "
                         "(set DACA_PROD_ADMIN_USER / DACA_PROD_ADMIN_PASSWORD)")
    headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
    tokens = []
    for i in range(n):
        name = f"load{run_id}h{i:02d}"
        r = await client.post("/api/v1/admin/users", headers=headers,
                              json={"username": name, "password": PASSWORD, "role": "call_handler"})
        if r.status_code != 201:
            raise SystemExit(f"loadtest: creating user {name} failed ({r.status_code}): {r.text[:200]}")
        r = await client.post(f"/api/v1/admin/users/{name}/tokens", headers=headers, json={"name": "loadtest"})
        if r.status_code != 201:
            raise SystemExit(f"loadtest: token for {name} failed ({r.status_code}): {r.text[:200]}")
        tokens.append(r.json()["access_token"])
    return tokens


# ---- report -------------------------------------------------------------------------------------

def table(rec: Recorder) -> list[dict[str, Any]]:
    rows = []
    for endpoint in sorted(set(rec.samples) | set(rec.errors)):
        ms = [m for _, m in rec.samples.get(endpoint, [])]
        rows.append({"endpoint": endpoint, "ok": len(ms), "errors": rec.errors.get(endpoint, 0),
                     "p50_ms": percentile(ms, 0.50), "p95_ms": percentile(ms, 0.95),
                     "p99_ms": percentile(ms, 0.99), "max_ms": max(ms) if ms else float("nan")})
    return rows


def memory_rows(mem: dict[str, list[tuple[float, float]]]) -> list[dict[str, Any]]:
    rows = []
    for name, series in sorted(mem.items()):
        if not series:
            continue
        values = [v for _, v in series]
        # growth: the last minute against the first minute after warm-up (the first sample is cold)
        head = [v for t, v in series if t <= series[0][0] + 60] or values[:1]
        tail = [v for t, v in series if t >= series[-1][0] - 60] or values[-1:]
        start, end = statistics.median(head), statistics.median(tail)
        rows.append({"process": name, "rss_start_mb": start, "rss_end_mb": end, "rss_max_mb": max(values),
                     "growth_pct": (end - start) / start * 100 if start else float("nan")})
    return rows


def print_report(rows: list[dict[str, Any]], mem: list[dict[str, Any]], meta: dict[str, Any]) -> None:
    print(f"\nload test: {meta['handlers']} handlers, {meta['seconds']:.0f} s, {meta['calls']} calls, "
          f"{meta['requests']} requests ({meta['requests'] / max(meta['seconds'], 1):.1f}/s) against {meta['base_url']}")
    print(f"machine: {meta['machine']}")
    print(f"\n{'endpoint':<15}{'ok':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for r in rows:
        print(f"{r['endpoint']:<15}{r['ok']:>7}{r['errors']:>8}{r['p50_ms']:>9.1f}{r['p95_ms']:>9.1f}"
              f"{r['p99_ms']:>9.1f}{r['max_ms']:>9.1f}")
    if mem:
        print(f"\n{'process':<14}{'RSS start MB':>14}{'RSS end MB':>12}{'max MB':>9}{'growth':>9}")
        for m in mem:
            print(f"{m['process']:<14}{m['rss_start_mb']:>14.0f}{m['rss_end_mb']:>12.0f}{m['rss_max_mb']:>9.0f}"
                  f"{m['growth_pct']:>8.1f}%")
    errors = sum(r["errors"] for r in rows)
    note = next((r for r in rows if r["endpoint"] == "add_note"), None)
    p95 = note["p95_ms"] if note else float("nan")
    print(f"\ntargets: errors {errors} (target 0: {'PASS' if errors == 0 else 'FAIL'}); "
          f"add-note p95 {p95:.1f} ms (target <= {TARGET_P95_MS:.0f}: {'PASS' if p95 <= TARGET_P95_MS else 'FAIL'}); "
          f"acknowledged notes lost {meta['notes_lost']} of {meta['notes_acked']} "
          f"({'PASS' if meta['notes_lost'] == 0 else 'FAIL'})")
    for endpoint, example in meta.get("error_examples", {}).items():
        print(f"  first {endpoint} error: {example}")


def plot(path: Path, rec: Recorder, mem: dict[str, list[tuple[float, float]]], title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(11, 8), sharex=True)
    for name, series in sorted(mem.items()):
        if series:
            ax1.plot([t / 60 for t, _ in series], [v for _, v in series], label=name)
    ax1.set_ylabel("RSS (MB)")
    ax1.set_title(title)
    ax1.legend(loc="upper left", fontsize="small", ncol=4)
    ax1.grid(alpha=0.3)
    for endpoint in ("add_note", "chat", "open_call", "policy_search"):
        series = rec.samples.get(endpoint, [])
        if not series:
            continue
        # p95 per 30 s window
        windows: dict[int, list[float]] = defaultdict(list)
        for t, ms in series:
            windows[int(t // 30)].append(ms)
        xs = sorted(windows)
        ax2.plot([(w + 0.5) * 0.5 for w in xs], [percentile(windows[w], 0.95) for w in xs], marker=".",
                 label=f"{endpoint} p95 / 30 s")
    ax2.axhline(TARGET_P95_MS, color="red", linestyle="--", linewidth=1, label="add-note p95 target")
    ax2.set_xlabel("minutes")
    ax2.set_ylabel("latency (ms)")
    ax2.set_yscale("log")
    ax2.legend(loc="upper left", fontsize="small")
    ax2.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


async def main_async(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    notes = load_notes(Path(args.notes))
    run = run_dir()
    pids = topology_processes(run)
    if not pids:
        print(f"loadtest: no pid files under {run}/pids: memory is not sampled (is the topology up?)",
              file=sys.stderr)
    limits = httpx.Limits(max_connections=args.handlers * 2, max_keepalive_connections=args.handlers * 2)
    async with httpx.AsyncClient(base_url=args.base_url, timeout=args.timeout, limits=limits) as client:
        try:
            ready = await client.get("/ready")
        except httpx.HTTPError as exc:
            raise SystemExit(f"loadtest: {args.base_url} does not answer ({type(exc).__name__}); "
                             "start it with `make prod-up`") from None
        if ready.status_code != 200:
            raise SystemExit(f"loadtest: {args.base_url}/ready says {ready.status_code}: {ready.text[:300]}")
        run_id = uuid.uuid4().hex[:6]
        tokens = await make_tokens(client, args.handlers, args.admin_user, args.admin_password, run_id)
        rec = Recorder()
        handlers = [Handler(i, client, tokens[i], rec, notes, args.think_seconds, not args.no_chat,
                            random.Random(rng.random())) for i in range(args.handlers)]
        mem: dict[str, list[tuple[float, float]]] = defaultdict(list)
        stop = asyncio.Event()
        sampler = asyncio.create_task(sample_memory(pids, args.sample_seconds, mem, rec.started, stop))
        deadline = time.monotonic() + args.minutes * 60
        load_before = os.getloadavg()
        print(f"loadtest: {args.handlers} handlers for {args.minutes:g} min against {args.base_url} "
              f"(think time ~{args.think_seconds:g} s) ...", file=sys.stderr)
        await asyncio.gather(*(h.run(deadline) for h in handlers))
        seconds = time.monotonic() - rec.started
        stop.set()
        await sampler
        checks = await asyncio.gather(*(h.verify() for h in handlers))
    acked, lost = sum(a for a, _ in checks), sum(m for _, m in checks)
    rows, mem_rows = table(rec), memory_rows(mem)
    meta = {
        "handlers": args.handlers, "seconds": seconds, "base_url": args.base_url,
        "calls": sum(h.calls for h in handlers), "requests": sum(r["ok"] + r["errors"] for r in rows),
        "notes_acked": acked, "notes_lost": lost, "error_examples": dict(rec.error_examples),
        "machine": f"{platform.node()} {os.cpu_count()} cores, {platform.python_version()}, load average "
                   f"{load_before[0]:.1f} at start / {os.getloadavg()[0]:.1f} at end (shared with other work)",
    }
    print_report(rows, mem_rows, meta)
    out = Path(args.out)
    out = out if out.is_absolute() else ROOT / out
    out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    (out / f"loadtest-{stamp}.json").write_text(json.dumps(
        {"meta": meta, "endpoints": rows, "memory": mem_rows,
         "memory_series": {k: v for k, v in mem.items()}}, indent=1), encoding="utf-8")
    png = out / f"loadtest-{stamp}.png"
    plot(png, rec, mem, f"{args.handlers} handlers, {seconds / 60:.1f} min, {meta['requests']} requests")
    print(f"\nsaved {png.relative_to(ROOT) if png.is_relative_to(ROOT) else png} and its .json")
    failed = sum(r["errors"] for r in rows) > 0 or lost > 0
    return 1 if (args.strict and failed) else 0


def build_parser() -> argparse.ArgumentParser:
    host = os.environ.get("DACA_PROD_HTTP_HOST", "127.0.0.1")
    port = os.environ.get("DACA_PROD_HTTP_PORT", "8088")
    parser = argparse.ArgumentParser(prog="python -m api.loadtest", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default=f"http://{host}:{port}", help="the proxy in front of the API")
    parser.add_argument("--handlers", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--think-seconds", type=float, default=3.0, help="mean pause between a handler's actions")
    parser.add_argument("--no-chat", action="store_true", help="skip the chat turn (Rasa) in each call")
    parser.add_argument("--sample-seconds", type=float, default=5.0, help="RSS sampling interval")
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--notes", default=str(ROOT / "tests" / "data" / "dev_cases.jsonl"))
    parser.add_argument("--admin-user", default=os.environ.get("DACA_PROD_ADMIN_USER", "admin"))
    parser.add_argument("--admin-password", default=os.environ.get("DACA_PROD_ADMIN_PASSWORD", "change-me-please-now"))
    parser.add_argument("--out", default="out")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--strict", action="store_true", help="exit 1 on any error or lost note")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.handlers < 1 or args.minutes <= 0 or args.think_seconds < 0:
        print("loadtest: --handlers must be >= 1, --minutes > 0, --think-seconds >= 0", file=sys.stderr)
        return 2
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
