"""Batch commands: analyse, eval, bench (and, from later issues, search and corpus).

Heavy imports happen inside each command, so `--help` and argument errors are instant.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _cmd_analyse(args: argparse.Namespace) -> int:
    from assistant.batch import run_analyse

    count = run_analyse(args.input, args.output, script=args.script)
    print(f"analysed {count} cases -> {args.output}", file=sys.stderr)
    return 0


def _cmd_eval_cases(args: argparse.Namespace) -> int:
    from assistant.evaluation.run import run_eval_cases

    return run_eval_cases(args.file, show_errors=args.errors, context=args.context)


def _cmd_bench_analyse(args: argparse.Namespace) -> int:
    from assistant.bench.analyse import run_bench_analyse

    return run_bench_analyse(notes=args.notes, compare_medspacy=not args.no_medspacy)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    analyse = commands.add_parser("analyse", help="analyse call cases (JSONL) in-process")
    analyse.add_argument("--input", required=True, help="cases, one JSON object per line")
    analyse.add_argument("--output", required=True, help="results, written completely or not at all")
    analyse.add_argument("--script", default="call_999", choices=["call_999", "front_counter"])
    analyse.set_defaults(func=_cmd_analyse)

    evaluate = commands.add_parser("eval", help="score the engine on a development set")
    eval_kinds = evaluate.add_subparsers(dest="kind", required=True)
    eval_cases = eval_kinds.add_parser("cases", help="call cases with gold indicators and grades")
    eval_cases.add_argument("file")
    eval_cases.add_argument("--errors", action="store_true", help="list every disagreement")
    eval_cases.add_argument("--context", choices=["own", "medspacy", "both"], default="own",
                            help="context algorithm: ours, medspaCy ConText, or both side by side")
    eval_cases.set_defaults(func=_cmd_eval_cases)

    bench = commands.add_parser("bench", help="benchmarks that print a table")
    bench_kinds = bench.add_subparsers(dest="kind", required=True)
    bench_analyse = bench_kinds.add_parser("analyse", help="per-note latency, throughput, load time, RSS")
    bench_analyse.add_argument("--notes", type=int, default=3000, help="notes to time")
    bench_analyse.add_argument("--no-medspacy", action="store_true", help="skip the medspaCy comparison")
    bench_analyse.set_defaults(func=_cmd_bench_analyse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from assistant.analysis import NoteTooLongError
    from assistant.casefiles import CaseFileError
    from assistant.datafiles import DataFileError

    try:
        return int(args.func(args))
    except (CaseFileError, DataFileError, NoteTooLongError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
