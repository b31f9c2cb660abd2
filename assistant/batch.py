"""`python -m assistant analyse`: batch analysis of call cases, in-process, no server."""

from __future__ import annotations

import os
from typing import Any

from assistant.analysis import Analyser
from assistant.casefiles import Case, read_cases, write_jsonl_atomic
from assistant.models import Analysis


def result_row(case_id: str, analysis: Analysis) -> dict[str, Any]:
    return {
        "id": case_id,
        "indicators": analysis.statuses(),
        "grade": analysis.grade.grade.value,
        "questions": [q.id for q in analysis.questions],
    }


def analyse_cases(analyser: Analyser, cases: list[Case], *, script: str = "call_999") -> list[dict[str, Any]]:
    return [result_row(case.id, analyser.analyse(case.messages, script=script)) for case in cases]


def run_analyse(input_path: str | os.PathLike[str], output_path: str | os.PathLike[str], *, script: str) -> int:
    cases = read_cases(input_path)  # every line is checked before anything is written
    rows = analyse_cases(Analyser(), cases, script=script)
    return write_jsonl_atomic(output_path, rows)
