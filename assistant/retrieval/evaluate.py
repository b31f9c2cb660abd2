"""`python -m assistant eval search FILE`: hit@1, hit@5, MRR for lexical, dense and hybrid,
plus the no-answer behaviour on out-of-scope questions.

A question with a non-empty "gold" list is in scope: a hit is a returned passage containing a
gold quote (case-insensitive, whitespace collapsed, markdown emphasis removed: the shared spec).
A question with "gold": [] is out of scope: the right answer is "no answer".
"""

from __future__ import annotations

from pathlib import Path

import re
import sys
from dataclasses import dataclass, field

from assistant.retrieval.batch import read_questions

# (label, mode, fusion): the hybrid rows compare the two fusions; the one in data/search.yml is used
MODES = (("lexical", "lexical", None), ("dense", "dense", None),
         ("hybrid-rrf", "hybrid", "rrf"), ("hybrid-wsum", "hybrid", "weighted"))


def normalise_quote(text: str) -> str:
    text = re.sub(r"[*_`]+", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def first_hit(texts: list[str], gold: list[str]) -> int | None:
    quotes = [normalise_quote(g) for g in gold]
    for rank, text in enumerate(texts, start=1):
        body = normalise_quote(text)
        if any(q and q in body for q in quotes):
            return rank
    return None


@dataclass
class Scores:
    n: int = 0
    hit1: int = 0
    hit5: int = 0
    rr: float = 0.0
    unanswered_in_scope: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, qid: str, rank: int | None, answered: bool) -> None:
        self.n += 1
        self.unanswered_in_scope += not answered
        if rank is not None:
            self.hit1 += rank == 1
            self.hit5 += rank <= 5
            self.rr += 1.0 / rank
        else:
            self.misses.append(qid)

    def row(self) -> tuple[float, float, float]:
        n = max(self.n, 1)
        return self.hit1 / n, self.hit5 / n, self.rr / n


def evaluate(questions: list[dict], search, k: int = 5) -> dict:
    in_scope = [q for q in questions if q.get("gold")]
    out_scope = [q for q in questions if "gold" in q and not q["gold"]]
    scores = {label: Scores() for label, _, _ in MODES}
    for q in in_scope:
        for label, mode, fusion_name in MODES:
            answer = search.search(q["question"], k=k, mode=mode, fusion_name=fusion_name)
            scores[label].add(str(q["id"]), first_hit([r.text for r in answer.results], q["gold"]), answer.answered)
    refused = [q for q in out_scope if not search.search(q["question"], k=k).answered]
    hybrid_refusals = scores[chosen(search)].unanswered_in_scope
    return {
        "scores": scores,
        "chosen": chosen(search),
        "in_scope": len(in_scope),
        "out_scope": len(out_scope),
        "refused_out_scope": len(refused),
        "answered_out_scope": [str(q["id"]) for q in out_scope if q not in refused],
        "refused_in_scope": hybrid_refusals,
        # precision of "no answer": of all the questions refused, how many were really out of scope
        "no_answer_precision": len(refused) / max(len(refused) + hybrid_refusals, 1),
        "no_answer_recall": len(refused) / max(len(out_scope), 1),
    }


def json_rows(report: dict, name: str) -> list[dict[str, str]]:
    scores = report["scores"]
    anchors = {label: scores[label].row() for label in scores}
    used = anchors[report["chosen"]]
    rows = []
    for i, (metric, target) in enumerate([("hit@1", None), ("hit@5", 0.90), ("MRR", 0.80)]):
        others = ", ".join(f"{label} {values[i]:.3f}" for label, values in anchors.items() if label != report["chosen"])
        rows.append({"metric": f"{metric} ({name}, {report['chosen']})", "value": f"{used[i]:.3f}", "anchor": others,
                     "target": f">= {target:.2f}" if target else "",
                     "verdict": ("PASS" if used[i] >= target else "FAIL") if target else ""})
    rows.append({"metric": f"no-answer precision ({name})", "value": f"{report['no_answer_precision']:.3f}",
                 "anchor": "", "target": "", "verdict": ""})
    return rows


def chosen(search) -> str:
    return "hybrid-rrf" if search.config.fusion == "rrf" else "hybrid-wsum"


def format_report(report: dict) -> str:
    lines = [f"in-scope questions: {report['in_scope']}   out-of-scope: {report['out_scope']}", "",
             f"{'retriever':11} {'hit@1':>7} {'hit@5':>7} {'MRR':>7}"]
    for label, _, _ in MODES:
        h1, h5, mrr = report["scores"][label].row()
        mark = "  <- used" if label == report["chosen"] else ""
        lines.append(f"{label:11} {h1:7.3f} {h5:7.3f} {mrr:7.3f}{mark}")
    lines += ["",
              f"no-answer precision {report['no_answer_precision']:.3f}  (refused: {report['refused_out_scope']} "
              f"out-of-scope + {report['refused_in_scope']} in-scope)",
              f"no-answer recall    {report['no_answer_recall']:.3f}  (out-of-scope refused "
              f"{report['refused_out_scope']}/{report['out_scope']})"]
    return "\n".join(lines)


def run_eval_search(path: str, *, show_errors: bool = False, json_out: str | None = None) -> int:
    from assistant.retrieval.search import PolicySearch

    questions = read_questions(path)
    report = evaluate(questions, PolicySearch.load())
    print(format_report(report))
    if json_out:  # for `python -m assistant bench all`: hybrid quality with BM25-only and dense-only beside it
        from assistant.bench.analyse import write_figures_json

        write_figures_json(json_out, {"rows": json_rows(report, Path(path).name)})
    if show_errors:
        print("\nhybrid misses (no gold quote in the top 5):", ", ".join(report["scores"][report["chosen"]].misses) or "none",
              file=sys.stdout)
        print("out-of-scope answered:", ", ".join(report["answered_out_scope"]) or "none")
    return 0
