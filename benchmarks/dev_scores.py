"""Full-code and root-code precision, recall and F1 of a predictions file.

Usage: python benchmarks/dev_scores.py PREDICTIONS.jsonl [--misses]

PREDICTIONS is what ``eventcoder evaluate RECORDS --predictions PREDICTIONS`` writes: one
line per record with its expected and predicted events. An event is a (source, target,
code) triple; a predicted triple matches an expected one of the same record with the
same source, target and code (full) or the same first two digits of the code (root),
each expected triple matched at most once. ``--misses`` lists the records that differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter


def _triples(events: list[dict], root: bool) -> Counter:
    return Counter((e["source"], e["target"], e["code"][:2] if root else e["code"])
                   for e in events)


def scores(records: list[dict], root: bool) -> dict[str, float]:
    expected = predicted = found = 0
    for rec in records:
        exp, pred = _triples(rec["expected"], root), _triples(rec["predicted"], root)
        expected += sum(exp.values())
        predicted += sum(pred.values())
        found += sum((exp & pred).values())
    p = found / predicted if predicted else 0.0
    r = found / expected if expected else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"expected": expected, "predicted": predicted, "found": found,
            "precision": p, "recall": r, "f1": f1}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("predictions")
    ap.add_argument("--misses", action="store_true", help="list records that differ")
    args = ap.parse_args()
    with open(args.predictions, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    for name, root in (("full-code", False), ("root-code", True)):
        s = scores(records, root)
        print(f"{name}: P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
              f"  (expected {s['expected']}, predicted {s['predicted']}, matched {s['found']})")
    if args.misses:
        for rec in records:
            exp, pred = _triples(rec["expected"], False), _triples(rec["predicted"], False)
            if exp != pred:
                print(f"\n{rec['id']} [{rec.get('category')}] {rec['text']}")
                for t in sorted((exp - pred).elements()):
                    print("   missed ", *t)
                for e in rec["predicted"]:
                    t = (e["source"], e["target"], e["code"])
                    if (pred - exp)[t]:
                        print("   extra  ", *t, f"verb={e.get('verb')!r} rule={e.get('rule')}")


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # "| head": the reader has what it wanted
        sys.stderr.close()
