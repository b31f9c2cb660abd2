"""Runs the engine over a gold case file and prints the report."""

from __future__ import annotations

import sys
import time

from assistant.analysis import Analyser
from assistant.batch import analyse_cases
from assistant.casefiles import read_cases
from assistant.evaluation.cases import format_report, score_cases


def run_eval_cases(path: str, *, show_errors: bool = False, context: str = "own", status_model: bool = True) -> int:
    cases = read_cases(path, gold=True)
    variants: list[tuple[str, Analyser]] = []
    if context in ("own", "both"):
        variants.append(("own ConText" + (" + status model" if status_model else ""), Analyser(status_model=status_model)))
    if context in ("medspacy", "both"):
        from assistant.evaluation.medspacy_baseline import medspacy_analyser

        variants.append(("medspaCy ConText", medspacy_analyser()))
    for name, analyser in variants:
        started = time.perf_counter()
        predictions = analyse_cases(analyser, cases)
        elapsed = time.perf_counter() - started
        report = score_cases(cases, predictions)
        print(format_report(report, f"{path} [{name}]"))
        print(f"time: {elapsed:.2f} s ({1000 * elapsed / max(1, len(cases)):.2f} ms per case)")
        if show_errors:
            for error in report.errors:
                print(f"  {error.case_id:8} {error.kind:9} {error.detail}", file=sys.stdout)
        print()
    return 0
