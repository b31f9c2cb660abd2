"""`python -m assistant bench analyse`: how fast and how big the analyser is.

Prints one table: our engine and (unless --no-medspacy) the medspaCy ConText baseline
side by side, beside the targets of the issue and a PASS/FAIL for our engine.

- load: a fresh `python -c` subprocess imports and builds the analyser; the import and the
  build are timed (interpreter start-up is not), so the import cost is real and cold;
  median of `load_runs` processes;
- latency: `Analyser.analyse([note])` per call, timed with `perf_counter_ns`, over `notes`
  calls after `WARMUP_CALLS`, cycling through `NOTES` (40-43 words each); p50/p95/p99;
- throughput: `notes` notes analysed back to back, one call each, one thread, repeated
  `THROUGHPUT_RUNS` times: the median run is the figure, and the slowest and fastest runs
  are printed beside it (this machine's speed drifts by a fifth within minutes);
- peak RSS: `ru_maxrss` of that fresh subprocess after it has analysed `RSS_NOTES` notes
  (the largest over the `load_runs` processes);
- torch imported: whether `torch` is in `sys.modules` in that subprocess at the end.

Nothing is built at import time; the figures are printed, never asserted: the command
returns 0 whatever they are (2 for a bad argument).
"""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from importlib import import_module, metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.analysis import Analyser

WARMUP_CALLS = 200
RSS_NOTES = 1000
LOAD_RUNS = 3
THROUGHPUT_RUNS = 5
PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Call-handler notes as typed during a call: shorthand, no capitals, run-on clauses.
NOTES: tuple[str, ...] = (
    "c/r whispering says p/ner came home drunk about 20 mins ago and started smashing plates, he grabbed her by the throat in the kitchen, kids 4 and 7 upstairs asleep, he is still in the house shouting, c/r locked in bathroom",
    "IP calling from neighbours address, ex partner turned up at her door tonight despite a non molestation order, kicked the door in and threatened to kill her if she calls police again, he left in a silver van towards town centre",
    "caller is the victims mother, says daughter (24) rang her crying saying boyfriend has a knife and wont let her leave the flat, daughter is 6 months pregnant, mother heard shouting in the background, no answer on daughters phone now",
    "c/r states h/band has been drinking all day and pushed her down the stairs, she has a cut to her head and a sore wrist, he has gone to the pub now, previous DV reported last year, no children at the address tonight",
    "anonymous caller reports screaming from the flat above, a woman shouting get off me and a child crying, sounds of furniture being thrown, this has happened several times this month, caller does not know names, male voice heard making threats",
    "IP says ex keeps following her to work and sitting outside in his car, he sends 50 messages a day, she blocked his number but he uses new ones, she is scared he will turn up at the school gates tomorrow morning",
    "c/r can only answer yes/no, confirmed suspect is in the same room, confirmed she is injured, confirmed a weapon is involved, line went quiet then a male voice asked who she was talking to, call dropped, address from previous calls",
    "male c/r says his wife hit him with a frying pan during an argument, he has a bleeding nose, she has locked herself in the bedroom with the baby, he thinks she has been self harming again and he is worried about her",
    "IP reports p/ner takes her bank card and gives her 20 pounds a week, checks her phone every night, stops her seeing her family, tonight he smashed her phone when she tried to call her sister, he is asleep on the sofa now",
    "c/r says son (17) has been hitting her and threatening her with a hammer, he is high on something, she has run to the car with her younger daughter (9), he is still in the house breaking things and shouting at the neighbours",
    "IP at front counter reporting a historic rape by her ex partner in 2019, no contact since he moved to Spain, she feels safe now but wants it recorded, she has a new address and he does not know where she lives",
    "c/r says p/ner threatened to shoot her, he has a shotgun licence and keeps guns in a cabinet in the garage, he has been making comments about ending it all since he lost his job, he is out walking the dog now",
    "caller is a teenage girl, says dad is hitting mum in the living room, she is hiding in her bedroom with her little brother, she can hear mum screaming, dad was released from prison last month, no weapons seen by the caller",
    "IP states her family are pressuring her into a marriage abroad and her brothers have threatened her if she refuses, she is staying at a friends house tonight and does not want to go home, very frightened, speaks limited english",
    "c/r reports ex boyfriend strangled her last week until she nearly passed out, she did not report it at the time, he has now been messaging saying he will kill her new partner, she is at home alone with the doors locked",
    "neighbour calling, says woman next door came round with a black eye and a bleeding lip, says her p/ner kicked the dog and then punched her, he is still next door, she does not want police but neighbour is worried for her",
    "c/r says her partner is a serving police officer and has threatened that nobody will believe her, he took her car keys and phone, tonight he pinned her to the bed, he is on shift now and due back home at 2am",
    "IP is 78 and uses a wheelchair, says her grandson who lives with her takes her pension and shoves her when she refuses money, he has been drinking and is downstairs now, she is frightened to go down to get food",
    "c/r whispering, says p/ner is outside the front door with a baseball bat trying to get in, he broke his bail conditions by coming here, kids aged 3 and 5 in the house with her, she has barricaded the door with the sofa",
    "caller reports her ex has posted intimate photos of her online and is threatening to send more to her employer unless she takes him back, no physical violence, he lives in another city, she is very distressed and not sleeping at all",
)


@dataclass(frozen=True)
class Variant:
    """An analyser to measure: `module.factory()` returns it."""

    name: str
    module: str
    factory: str

    def build(self) -> Analyser:
        return getattr(import_module(self.module), self.factory)()


OURS = Variant("ours", "assistant.analysis", "Analyser")
MEDSPACY = Variant("medspaCy", "assistant.evaluation.medspacy_baseline", "medspacy_analyser")


@dataclass(frozen=True)
class ProcessFigures:
    """What one fresh subprocess measured."""

    import_s: float
    build_s: float
    rss_mb: float
    torch: bool


@dataclass(frozen=True)
class Figures:
    load_s: float
    build_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    notes_per_s: float  # the median run
    rss_mb: float
    torch: bool
    notes_per_s_slowest: float = 0.0
    notes_per_s_fastest: float = 0.0


@dataclass(frozen=True)
class Metric:
    """A table row: how to read it from Figures, how to print it, its target if any."""

    name: str
    value: Callable[[Figures], float]
    fmt: str
    target: float | None = None
    at_most: bool = True
    unit: str = ""
    ratio: bool = False

    def target_text(self) -> str:
        if self.target is None:
            return ""
        return f"{'<=' if self.at_most else '>='} {self.target:g}{self.unit}"

    def verdict(self, figures: Figures) -> str:
        if self.target is None:
            return ""
        value = self.value(figures)
        ok = value <= self.target if self.at_most else value >= self.target
        return "PASS" if ok else "FAIL"


def metrics() -> tuple[Metric, ...]:
    return (
        Metric("load: import + build (s)", lambda f: f.load_s, "{:.2f}", 2.0, unit=" s"),
        Metric("  of which build (s)", lambda f: f.build_s, "{:.2f}"),
        Metric("latency p50 (ms)", lambda f: f.p50_ms, "{:.3f}", 2.0, unit=" ms", ratio=True),
        Metric("latency p95 (ms)", lambda f: f.p95_ms, "{:.3f}", 5.0, unit=" ms", ratio=True),
        Metric("latency p99 (ms)", lambda f: f.p99_ms, "{:.3f}", ratio=True),
        Metric(f"throughput (notes/s), median of {THROUGHPUT_RUNS} runs", lambda f: f.notes_per_s, "{:.0f}", 1000,
               at_most=False, unit="/s", ratio=True),
        Metric("  slowest run (notes/s)", lambda f: f.notes_per_s_slowest, "{:.0f}", ratio=True),
        Metric("  fastest run (notes/s)", lambda f: f.notes_per_s_fastest, "{:.0f}", ratio=True),
        Metric(f"peak RSS, {RSS_NOTES} notes (MB)", lambda f: f.rss_mb, "{:.0f}", 300, unit=" MB"),
    )


# --- measuring -----------------------------------------------------------------------------

_PROBE = """\
import json, resource, sys, time
started = time.perf_counter()
from {module} import {factory}
imported = time.perf_counter()
analyser = {factory}()
built = time.perf_counter()
notes = json.loads(sys.stdin.read())
for i in range({count}):
    analyser.analyse([notes[i % len(notes)]])
print(json.dumps({{
    "import_s": imported - started,
    "build_s": built - imported,
    "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "torch": "torch" in sys.modules,
}}))
"""


def run_probe(variant: Variant, count: int = RSS_NOTES) -> ProcessFigures:
    """Imports, builds and runs the analyser in a fresh interpreter."""
    code = _PROBE.format(module=variant.module, factory=variant.factory, count=count)
    done = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(NOTES), capture_output=True, text=True, cwd=PROJECT_ROOT
    )
    if done.returncode != 0:
        raise RuntimeError(f"{variant.name} probe failed ({done.returncode}):\n{done.stderr[-2000:]}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return ProcessFigures(found["import_s"], found["build_s"], found["rss_kb"] / 1024, bool(found["torch"]))


def note(i: int) -> str:
    return NOTES[i % len(NOTES)]


def warm_up(analyser: Analyser, calls: int = WARMUP_CALLS) -> None:
    for i in range(calls):
        analyser.analyse([note(i)])


def latencies_ns(analyser: Analyser, calls: int) -> list[int]:
    timings: list[int] = []
    clock = time.perf_counter_ns
    for i in range(calls):
        started = clock()
        analyser.analyse([note(i)])
        timings.append(clock() - started)
    return timings


def notes_per_second(analyser: Analyser, count: int) -> float:
    started = time.perf_counter()
    for i in range(count):
        analyser.analyse([note(i)])
    return count / (time.perf_counter() - started)


def percentile(sorted_values: Sequence[int], p: float) -> int:
    """Nearest-rank percentile of an ascending sequence."""
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def measure(variant: Variant, notes: int, load_runs: int) -> Figures:
    probes = [run_probe(variant) for _ in range(load_runs)]
    analyser = variant.build()
    warm_up(analyser)
    timings = sorted(latencies_ns(analyser, notes))
    throughputs = sorted(notes_per_second(analyser, notes) for _ in range(THROUGHPUT_RUNS))
    return Figures(
        load_s=statistics.median(p.import_s + p.build_s for p in probes),
        build_s=statistics.median(p.build_s for p in probes),
        p50_ms=percentile(timings, 50) / 1e6,
        p95_ms=percentile(timings, 95) / 1e6,
        p99_ms=percentile(timings, 99) / 1e6,
        notes_per_s=statistics.median(throughputs),
        rss_mb=max(p.rss_mb for p in probes),
        torch=any(p.torch for p in probes),
        notes_per_s_slowest=throughputs[0],
        notes_per_s_fastest=throughputs[-1],
    )


# --- the machine ---------------------------------------------------------------------------


def _proc_field(path: str, key: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                name, _, value = line.partition(":")
                if name.strip() == key:
                    return value.strip()
    except OSError:
        return None
    return None


def cpu_model() -> str:
    return _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown"


def core_count() -> str:
    import psutil

    physical = psutil.cpu_count(logical=False)
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{os.cpu_count()} logical, {physical or '?'} physical, {usable} usable by this process"


def ram_total() -> str:
    mem = _proc_field("/proc/meminfo", "MemTotal")
    if mem and mem.endswith("kB"):
        return f"{int(mem.split()[0]) / 1024 ** 2:.1f} GB"
    import psutil

    return f"{psutil.virtual_memory().total / 1024 ** 3:.1f} GB"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine_lines(compare_medspacy: bool) -> list[str]:
    lines = [
        f"CPU:     {cpu_model()}",
        f"cores:   {core_count()}",
        f"RAM:     {ram_total()}",
        f"OS:      {platform.platform()}",
        f"Python:  {platform.python_version()} ({platform.python_implementation()})",
        f"spaCy:   {_version('spacy')}",
    ]
    if compare_medspacy:
        lines.append(f"medspaCy: {_version('medspacy')}")
    return lines


# --- the table -----------------------------------------------------------------------------


def _ratio(metric: Metric, ours: Figures, other: Figures) -> str:
    if not metric.ratio:
        return ""
    base = metric.value(ours)
    return f"{metric.value(other) / base:.2f}x" if base else "n/a"


def table_rows(ours: Figures, other: Figures | None) -> list[list[str]]:
    rows: list[list[str]] = []
    for metric in metrics():
        row = [metric.name, metric.fmt.format(metric.value(ours))]
        if other is not None:
            row += [metric.fmt.format(metric.value(other)), _ratio(metric, ours, other)]
        rows.append(row + [metric.target_text(), metric.verdict(ours)])
    torch = ["torch imported", _yes_no(ours.torch)]
    if other is not None:
        torch += [_yes_no(other.torch), ""]
    rows.append(torch + ["no", "FAIL" if ours.torch else "PASS"])
    return rows


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def table_header(compare_medspacy: bool) -> list[str]:
    middle = ["medspaCy", "ratio m/o"] if compare_medspacy else []
    return ["metric", "ours", *middle, "target", "ours vs target"]


def format_table(header: list[str], rows: list[list[str]]) -> str:
    """Plain text, the first column left-aligned and the others right-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:]))
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


# --- the command ---------------------------------------------------------------------------


def run_bench_analyse(
    notes: int, compare_medspacy: bool, *, load_runs: int = LOAD_RUNS, json_out: str | None = None
) -> int:
    if notes < 1 or load_runs < 1:
        print("error: --notes and load runs must be at least 1", file=sys.stderr)
        return 2
    started = time.perf_counter()
    ours = measure(OURS, notes, load_runs)
    other = measure(MEDSPACY, notes, load_runs) if compare_medspacy else None
    words = sorted(len(n.split()) for n in NOTES)
    print("\n".join(machine_lines(compare_medspacy)))
    print(
        f"notes: {len(NOTES)} call-handler notes of {words[0]}-{words[-1]} words, cycled; "
        f"{WARMUP_CALLS} warm-up calls, then {notes} timed calls, then {THROUGHPUT_RUNS} runs of {notes} back-to-back "
        f"(one note per analyse() call, one thread); load = median of {load_runs} fresh processes"
    )
    print()
    print(format_table(table_header(compare_medspacy), table_rows(ours, other)))
    print()
    print(f"bench took {time.perf_counter() - started:.1f} s")
    if json_out:
        write_figures_json(
            json_out,
            {"ours": asdict(ours), "medspacy": asdict(other) if other else None, "rows": json_rows(ours, other)},
        )
    return 0


def json_rows(ours: Figures, other: Figures | None) -> list[dict[str, str]]:
    """The rows of the table, for `bench all`: the medspaCy figure is the anchor."""
    rows = []
    for row in table_rows(ours, other):
        anchor = f"medspaCy {row[2]}" + (f" ({row[3]})" if row[3] else "") if other is not None else ""
        rows.append({"metric": row[0], "value": row[1], "anchor": anchor, "target": row[-2], "verdict": row[-1]})
    return rows


def write_figures_json(path: str, figures: dict) -> None:
    """Machine-readable figures for the whole-system bench (`bench all`)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(figures, indent=2), encoding="utf-8")
