"""Prints per-intent precision / recall / F1 and the macro F1 from a `rasa test nlu` intent_report.json.
Runs under any Python 3 (stdlib only). Exit 1 when macro F1 is under --min (default 0.95)."""

import argparse
import json
import sys

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("report")
parser.add_argument("--min", type=float, default=0.95)
args = parser.parse_args()
report = json.load(open(args.report))
rows = {k: v for k, v in report.items() if isinstance(v, dict) and "f1-score" in v and k not in
        ("micro avg", "macro avg", "weighted avg")}
print(f"{'intent':<20} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>5}")
for name, r in sorted(rows.items()):
    print(f"{name:<20} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1-score']:>6.3f} {r['support']:>5}")
macro = report["macro avg"]["f1-score"]
print(f"{'macro avg':<20} {report['macro avg']['precision']:>9.3f} {report['macro avg']['recall']:>7.3f} {macro:>6.3f}")
print(f"accuracy {report.get('accuracy', float('nan')):.3f}")
sys.exit(0 if macro >= args.min else 1)
