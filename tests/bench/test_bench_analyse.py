"""`python -m assistant bench analyse`: the table's shape, never its timings."""

from __future__ import annotations

import re

import pytest

from assistant.bench.analyse import NOTES, format_table, percentile, run_bench_analyse

ROWS = (
    "load: import + build (s)",
    "of which build (s)",
    "latency p50 (ms)",
    "latency p95 (ms)",
    "latency p99 (ms)",
    "throughput (notes/s), median of 5 runs",
    "slowest run (notes/s)",
    "fastest run (notes/s)",
    "peak RSS, 1000 notes (MB)",
)
TARGETS = {
    "load: import + build (s)": "<= 2 s",
    "latency p50 (ms)": "<= 2 ms",
    "latency p95 (ms)": "<= 5 ms",
    "throughput (notes/s), median of 5 runs": ">= 1000/s",
    "peak RSS, 1000 notes (MB)": "<= 300 MB",
}
RATIO_ROWS = set(ROWS[2:8])  # the latencies and throughputs: medspaCy's figure over ours


def table(output: str) -> dict[str, list[str]]:
    """Rows of the printed table by metric name, cells split on runs of 2+ spaces."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("metric"))
    rows: dict[str, list[str]] = {}
    for line in lines[start:]:
        if not line.strip():
            break
        if set(line) <= {"-", " "}:
            continue
        cells = re.split(r"\s{2,}", line.strip())
        rows[cells[0]] = cells[1:]
    return rows


@pytest.fixture(scope="module")
def compared() -> tuple[int, str]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = run_bench_analyse(notes=50, compare_medspacy=True, load_runs=1)
    return code, out.getvalue()


def test_returns_zero(compared: tuple[int, str]) -> None:
    assert compared[0] == 0


def test_prints_the_machine(compared: tuple[int, str]) -> None:
    output = compared[1]
    for key in ("CPU:", "cores:", "RAM:", "Python:", "spaCy:", "medspaCy:"):
        assert re.search(rf"^{re.escape(key)}\s+\S", output, re.M), key


def test_table_has_rows_with_numbers(compared: tuple[int, str]) -> None:
    rows = table(compared[1])
    assert rows["metric"] == ["ours", "medspaCy", "ratio m/o", "target", "ours vs target"]
    for name in ROWS:
        cells = rows[name]
        assert float(cells[0]) > 0 and float(cells[1]) > 0, name
        if name in RATIO_ROWS:
            assert re.fullmatch(r"\d+\.\d\dx", cells[2]), name
        if name in TARGETS:
            assert cells[-2:] == [TARGETS[name], cells[-1]] and cells[-1] in {"PASS", "FAIL"}, name


def test_torch_is_not_imported(compared: tuple[int, str]) -> None:
    assert table(compared[1])["torch imported"] == ["no", "no", "no", "PASS"]


def test_without_medspacy(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_bench_analyse(notes=50, compare_medspacy=False, load_runs=1) == 0
    output = capsys.readouterr().out
    rows = table(output)
    assert rows["metric"] == ["ours", "target", "ours vs target"]
    assert set(ROWS) | {"metric", "torch imported"} == set(rows)
    assert "medspaCy" not in output
    assert float(rows["throughput (notes/s), median of 5 runs"][0]) > 0


def test_median_throughput_lies_between_the_slowest_and_fastest_runs(compared: tuple[int, str]) -> None:
    rows = table(compared[1])
    for column in (0, 1):  # ours, medspaCy
        slowest = float(rows["slowest run (notes/s)"][column])
        median = float(rows["throughput (notes/s), median of 5 runs"][column])
        fastest = float(rows["fastest run (notes/s)"][column])
        assert slowest <= median <= fastest


def test_bad_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_bench_analyse(notes=0, compare_medspacy=False) == 2
    assert "error" in capsys.readouterr().err


def test_notes_are_about_forty_words() -> None:
    assert len(NOTES) >= 20
    assert all(35 <= len(note.split()) <= 45 for note in NOTES)
    assert len(set(NOTES)) == len(NOTES)


def test_percentile_nearest_rank() -> None:
    values = list(range(1, 101))
    assert percentile(values, 50) == 50
    assert percentile(values, 95) == 95
    assert percentile(values, 99) == 99
    assert percentile([7], 99) == 7


def test_format_table_aligns_columns() -> None:
    text = format_table(["metric", "ours"], [["a", "1.00"], ["longer name", "10.50"]])
    lines = text.splitlines()
    assert len({len(line) for line in lines}) == 1
    assert lines[2].startswith("a ") and lines[3].endswith("10.50")
