"""`python -m assistant bench search`: query latency (warm), cold index build, warm start, RSS.

Start-up figures are measured in fresh subprocesses, so imports count as they would for a
real service: "cold build" loads with an empty cache folder (the index is built: model
import, encoding, BM25), "warm start" loads with the built index (no torch import).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

TARGETS = {"p50": 25.0, "p95": 50.0, "build": 120.0, "warm": 3.0}

_CHILD = r"""
import json, os, sys, time
t0 = time.perf_counter()
from assistant.retrieval.search import PolicySearch
from assistant.retrieval.settings import RetrievalSettings
ps = PolicySearch.load(RetrievalSettings(cache_dir=sys.argv[1]))
ps.search("how is a repeat victim defined?")
ready = time.perf_counter() - t0
import psutil
print(json.dumps({"ready_s": ready, "built_s": ps.index.built_seconds,
                  "rss_mb": psutil.Process().memory_info().rss / 2**20,
                  "torch_imported": "torch" in sys.modules}))
"""

QUERIES = [
    "How is a repeat victim defined?", "can I do the DASH over the phone", "kids in the house what do I do",
    "what grade for a domestic, P1?", "does the sarge need to attend", "what is clare's law",
    "he's breached his non-mol again", "when should body worn video be used", "what is a MARAC",
    "is coercive control a crime", "parking fines", "victim doesn't want to make a statement",
]


def _child(cache_dir: Path) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(cache_dir)], capture_output=True, text=True,
                         env=env, timeout=1800, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_bench_search(*, queries: int = 300, build: bool = True, json_out: str | None = None) -> int:
    from assistant.retrieval.search import PolicySearch
    from assistant.retrieval.settings import get_retrieval_settings

    rows: list[tuple[str, str, str]] = []
    load = os.getloadavg()[0]
    if build:
        with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
            cold = _child(Path(tmp))
        rows.append(("cold index build (empty cache)", f"{cold['built_s']:.1f} s", f"<= {TARGETS['build']:.0f} s"))
        rows.append(("cold start to first answer", f"{cold['ready_s']:.1f} s", ""))
    settings = get_retrieval_settings()
    PolicySearch.load(settings)  # make sure the shared cache is built before timing a warm start
    warm = _child(Path(settings.cache_dir))
    rows.append(("warm start to first answer", f"{warm['ready_s']:.2f} s", f"<= {TARGETS['warm']:.0f} s"))
    rows.append(("torch imported at warm start", str(warm["torch_imported"]), "False"))
    rows.append(("RSS after warm start", f"{warm['rss_mb']:.0f} MB", ""))

    search = PolicySearch.load(settings)
    for q in QUERIES:  # warm-up
        search.search(q)
    times = []
    for i in range(queries):
        start = time.perf_counter()
        search.search(QUERIES[i % len(QUERIES)], k=5)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p50 = statistics.median(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    rows.insert(0, ("query latency p50 (warm, k=5)", f"{p50:.1f} ms", f"<= {TARGETS['p50']:.0f} ms"))
    rows.insert(1, ("query latency p95 (warm, k=5)", f"{p95:.1f} ms", f"<= {TARGETS['p95']:.0f} ms"))
    rows.append(("RSS of this process (index + encoder)", f"{psutil.Process().memory_info().rss / 2**20:.0f} MB", ""))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':{width}}  {'value':>10}  target")
    for name, value, target in rows:
        print(f"{name:{width}}  {value:>10}  {target}")
    print(f"\n{queries} queries; {len(search.passages)} passages, {len(search.index.pieces)} pieces; "
          f"machine: {os.cpu_count()} cores, load average {load:.2f} at start")
    if json_out:  # for `python -m assistant bench all`
        from assistant.bench.analyse import write_figures_json

        write_figures_json(json_out, {"rows": [
            {"metric": name, "value": value, "anchor": "", "target": target, "verdict": _verdict(value, target)}
            for name, value, target in rows
        ]})
    return 0


def _verdict(value: str, target: str) -> str:
    """PASS/FAIL for rows with a numeric `<= N unit` target (others have none)."""
    if not target.startswith("<="):
        return "" if not target else ("PASS" if value == target else "FAIL")
    return "PASS" if float(value.split()[0]) <= float(target.split()[1]) else "FAIL"
