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

    return run_eval_cases(args.file, show_errors=args.errors, context=args.context, status_model=not args.rules_only)


def _cmd_train_status_model(args: argparse.Namespace) -> int:
    from assistant.evaluation.status_training import run_train_status_model

    return run_train_status_model(args.output)


def _cmd_eval_status_model(args: argparse.Namespace) -> int:
    from assistant.evaluation.status_training import run_cross_validation

    return run_cross_validation()


def _cmd_bench_all(args: argparse.Namespace) -> int:
    from assistant.bench.all import run_bench_all

    return run_bench_all(quick=args.quick)


def _cmd_bench_analyse(args: argparse.Namespace) -> int:
    from assistant.bench.analyse import run_bench_analyse

    return run_bench_analyse(notes=args.notes, compare_medspacy=not args.no_medspacy, json_out=args.json_out)


def _cmd_corpus_build(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assistant.corpus.build import build_corpus

    try:
        manifest = build_corpus(Path(args.seeds), Path(args.out))
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for doc in manifest["documents"]:
        print(f"{doc['id']:16} {doc['sections']:4} sections  {doc['kind_label']}")
    print(f"corpus {manifest['corpus_hash']} -> {args.out}", file=sys.stderr)
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    from assistant.retrieval.batch import run_search

    count = _retrieval_setup_errors(lambda: run_search(args.input, args.output, k=args.k, details=args.details))
    if count is None:
        return 1
    print(f"searched {count} questions -> {args.output}", file=sys.stderr)
    return 0


def _cmd_eval_search(args: argparse.Namespace) -> int:
    from assistant.retrieval.evaluate import run_eval_search

    code = _retrieval_setup_errors(lambda: run_eval_search(args.file, show_errors=args.errors, json_out=args.json_out))
    return 1 if code is None else code


def _cmd_bench_search(args: argparse.Namespace) -> int:
    from assistant.retrieval.bench import run_bench_search

    code = _retrieval_setup_errors(lambda: run_bench_search(queries=args.queries, build=not args.no_build, json_out=args.json_out))
    return 1 if code is None else code


def _retrieval_setup_errors(run):
    """Corpus not built or model files not the pinned ones: a clear message, not a traceback."""
    from assistant.retrieval.errors import CorpusMissingError, ModelIntegrityError

    try:
        return run()
    except (CorpusMissingError, ModelIntegrityError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _cmd_bench_api(args: argparse.Namespace) -> int:
    # The driver lives with the service (api/bench.py); importing it here, lazily, keeps
    # assistant/ free of the service's imports.
    from api.bench import run_bench_api

    return run_bench_api(phase_seconds=args.phase_seconds, soak_minutes=args.soak_minutes,
                         soak_rate=args.soak_rate, notes_per_call=args.notes_per_call, json_out=args.json_out)


def _cmd_bench_web(args: argparse.Namespace) -> int:
    # The sidebar's browser benchmark lives with the service (api/web_bench.py), imported lazily.
    from api.web_bench import main as web_bench_main

    return web_bench_main(["--calls", str(args.calls), "--notes", str(args.notes), "--loads", str(args.loads),
                           *(["--json-out", args.json_out] if args.json_out else [])])


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
    eval_cases.add_argument("--rules-only", action="store_true",
                            help="our rules without the status model stacked on them (for comparison)")
    eval_cases.set_defaults(func=_cmd_eval_cases)
    eval_model = eval_kinds.add_parser("status-model", help="cross-validate the status model on the read sets")
    eval_model.set_defaults(func=_cmd_eval_status_model)

    train = commands.add_parser("train", help="train a learned component from the development sets")
    train_kinds = train.add_subparsers(dest="kind", required=True)
    train_status = train_kinds.add_parser("status-model", help="the status model stacked on the rules")
    train_status.add_argument("--output", help="where to write the model (default: the package's data file)")
    train_status.set_defaults(func=_cmd_train_status_model)

    bench = commands.add_parser("bench", help="benchmarks that print a table")
    bench_kinds = bench.add_subparsers(dest="kind", required=True)
    bench_analyse = bench_kinds.add_parser("analyse", help="per-note latency, throughput, load time, RSS")
    bench_analyse.add_argument("--notes", type=int, default=3000, help="notes to time")
    bench_analyse.add_argument("--no-medspacy", action="store_true", help="skip the medspaCy comparison")
    bench_analyse.add_argument("--json-out", help="also write the figures as JSON (for `bench all`)")
    bench_analyse.set_defaults(func=_cmd_bench_analyse)
    bench_all = bench_kinds.add_parser("all", help="every benchmark in turn, then one table (make bench)")
    bench_all.add_argument("--quick", action="store_true", help="short phases: a smoke run, not the published figures")
    bench_all.set_defaults(func=_cmd_bench_all)

    corpus = commands.add_parser("corpus", help="policy corpus")
    corpus_kinds = corpus.add_subparsers(dest="kind", required=True)
    corpus_build = corpus_kinds.add_parser("build", help="seeds -> policy_corpus/ (manifest + sectioned text)")
    corpus_build.add_argument("--seeds", default="../shared/seeds", help="folder of the source documents")
    corpus_build.add_argument("--out", default="policy_corpus", help="output folder")
    corpus_build.set_defaults(func=_cmd_corpus_build)

    search = commands.add_parser("search", help="answer policy questions (JSONL) with cited passages")
    search.add_argument("--input", required=True, help="questions, one JSON object per line")
    search.add_argument("--output", required=True, help="hits, written completely or not at all")
    search.add_argument("--k", type=int, default=5, help="passages per question (1-50)")
    search.add_argument("--details", action="store_true",
                        help="also write source kind, title, superseded flag, best sentences, no-answer message")
    search.set_defaults(func=_cmd_search)

    eval_search = eval_kinds.add_parser("search", help="policy questions with gold quotes (+ out-of-scope)")
    eval_search.add_argument("file")
    eval_search.add_argument("--errors", action="store_true", help="list every miss")
    eval_search.add_argument("--json-out", help="also write the scores as JSON (for `bench all`)")
    eval_search.set_defaults(func=_cmd_eval_search)

    bench_search = bench_kinds.add_parser("search", help="query latency, index build, warm start, RSS")
    bench_search.add_argument("--queries", type=int, default=300, help="queries to time")
    bench_search.add_argument("--no-build", action="store_true", help="skip the cold index build (minutes)")
    bench_search.add_argument("--json-out", help="also write the figures as JSON (for `bench all`)")
    bench_search.set_defaults(func=_cmd_bench_search)

    bench_api = bench_kinds.add_parser("api", help="the service on loopback: add-note p50/p95/p99 and errors at "
                                                   "20 and 50 req/s, RSS over a soak")
    bench_api.add_argument("--phase-seconds", type=float, default=30.0, help="length of each rate phase")
    bench_api.add_argument("--soak-minutes", type=float, default=10.0, help="soak length (0 skips it)")
    bench_api.add_argument("--soak-rate", type=float, default=20.0, help="requests/s during the soak")
    bench_api.add_argument("--notes-per-call", type=int, default=8, help="notes before the driver opens a new call")
    bench_api.add_argument("--json-out", help="also write the figures as JSON (for `bench all`)")
    bench_api.set_defaults(func=_cmd_bench_api)

    bench_web = bench_kinds.add_parser("web", help="the sidebar in Chromium: first load, Enter-to-indicators p50/p95")
    bench_web.add_argument("--calls", type=int, default=3, help="calls to open")
    bench_web.add_argument("--notes", type=int, default=15, help="notes typed per call")
    bench_web.add_argument("--loads", type=int, default=20, help="cold page loads to time")
    bench_web.add_argument("--json-out", help="also write the figures as JSON (for `bench all`)")
    bench_web.set_defaults(func=_cmd_bench_web)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from assistant.analysis import NoteTooLongError
    from assistant.casefiles import CaseFileError
    from assistant.datafiles import DataFileError
    from assistant.retrieval.errors import SearchInputError

    try:
        return int(args.func(args))
    except (CaseFileError, DataFileError, NoteTooLongError, SearchInputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
