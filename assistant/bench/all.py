"""`python -m assistant bench all` (`make bench`): every benchmark of the system, one after
another on an otherwise idle machine, then one table of every figure with its anchor and
target, and the machine it ran on.

Each benchmark runs in its own process (as a reviewer would run it by hand) with
`--json-out FILE`; it prints its own detailed table (kept in out/bench/<name>.txt) and writes
its rows as JSON: `{"rows": [{"metric", "value", "anchor", "target", "verdict"}]}`. A
benchmark that fails or cannot run (its environment missing) shows as one FAILED row with
the reason: the table never silently drops a figure.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.bench.analyse import format_table, machine_lines

PROJECT_ROOT = Path(__file__).resolve().parents[2]
OUT = PROJECT_ROOT / "out" / "bench"


@dataclass(frozen=True)
class Bench:
    name: str  # also the log file name
    issue: str
    args: tuple[str, ...]  # after `python -m`


BENCHES: tuple[Bench, ...] = (
    Bench("extraction", "2", ("assistant", "bench", "analyse")),
    Bench("retrieval", "3", ("assistant", "bench", "search")),
    Bench("retrieval-quality", "3", ("assistant", "eval", "search", "tests/data/search_holdout.jsonl")),
    Bench("chat", "4", ("actions.bench",)),
    Bench("service", "5", ("assistant", "bench", "api")),
    Bench("sidebar", "6", ("assistant", "bench", "web")),
)


def _run(bench: Bench, extra: dict[str, tuple[str, ...]], timeout_s: float) -> tuple[list[dict], float]:
    OUT.mkdir(parents=True, exist_ok=True)
    json_path = OUT / f"{bench.name}.json"
    json_path.unlink(missing_ok=True)
    log_path = OUT / f"{bench.name}.txt"
    command = [sys.executable, "-m", *bench.args, *extra.get(bench.name, ()), "--json-out", str(json_path)]
    started = time.perf_counter()
    try:
        with log_path.open("w", encoding="utf-8") as log:
            done = subprocess.run(command, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT, timeout=timeout_s)
        code = done.returncode
    except subprocess.TimeoutExpired:
        code = None
    took = time.perf_counter() - started
    if json_path.exists():  # a bench that misses a target exits 1 but still reports its figures
        try:
            return list(json.loads(json_path.read_text(encoding="utf-8"))["rows"]), took
        except (ValueError, KeyError, TypeError) as exc:
            reason = f"unreadable figures ({exc})"
    else:
        reason = "timed out" if code is None else f"exit code {code}"
    tail = log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:] if log_path.exists() else []
    return [{"metric": "FAILED: " + reason + (f" ({tail[0][:80]})" if tail else ""), "value": "", "anchor": "",
             "target": "", "verdict": "FAIL"}], took


def run_bench_all(*, quick: bool = False, timeout_s: float = 3600.0) -> int:
    """`quick` shortens the long phases (soak, cold builds) for a smoke run; the published
    figures come from the full run."""
    extra: dict[str, tuple[str, ...]] = {}
    if quick:
        extra = {
            "extraction": ("--notes", "500"),
            "retrieval": ("--queries", "100", "--no-build"),
            "service": ("--phase-seconds", "10", "--soak-minutes", "0"),
            "sidebar": ("--calls", "1", "--notes", "5", "--loads", "3"),
            "chat": ("--calls", "2"),
        }
    rows: list[list[str]] = []
    failures = 0
    print("\n".join(machine_lines(compare_medspacy=True)))
    print()
    for bench in BENCHES:
        print(f"running {bench.name} (issue {bench.issue}) ...", file=sys.stderr, flush=True)
        figures, took = _run(bench, extra, timeout_s)
        print(f"  {bench.name}: {took:.0f} s, details in {OUT.relative_to(PROJECT_ROOT) / (bench.name + '.txt')}",
              file=sys.stderr, flush=True)
        for figure in figures:
            verdict = str(figure.get("verdict", ""))
            failures += verdict == "FAIL"
            rows.append([f"{bench.name} (#{bench.issue})", str(figure["metric"]), str(figure.get("value", "")),
                         str(figure.get("anchor", "")), str(figure.get("target", "")), verdict])
    print(format_table(["part", "figure", "measured", "anchor / compared", "target", "verdict"], rows))
    print()
    print(f"{failures} figure(s) short of target or failed; details per part in {OUT.relative_to(PROJECT_ROOT)}/")
    return 0
