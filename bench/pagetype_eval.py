#!/usr/bin/python3
"""pagetype_eval.py DATASET PRED_DIR: how well winnow's page types match a
dataset's labels.

DATASET holds truth.jsonl with "id" and "type" per page (wcxb-dev does);
PRED_DIR holds winnow's ID.json files (winnow -o PRED_DIR -f json ...), whose
"page_type" is compared with the label. Prints accuracy, per-type precision and
recall, and the confusion matrix (rows: the label, columns: winnow's type).
"""
import json
import os
import sys

TYPES = ["article", "forum", "product", "collection", "listing", "documentation",
         "service", "other"]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ds, pred = sys.argv[1], sys.argv[2]
    truth = {}
    with open(os.path.join(ds, "truth.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("type"):
                truth[r["id"]] = r["type"]
    labels = [t for t in TYPES if t in set(truth.values())]
    cols = labels + [t for t in TYPES if t not in labels] + ["missing"]
    m = {(a, b): 0 for a in labels for b in cols}
    for pid, label in truth.items():
        got = "missing"
        try:
            with open(os.path.join(pred, pid + ".json"), encoding="utf-8") as f:
                got = json.load(f).get("page_type") or "missing"
        except (OSError, ValueError):
            pass
        if got not in cols:
            got = "other"
        m[(label, got)] += 1
    n = sum(m.values())
    right = sum(m[(t, t)] for t in labels)
    print(f"page type: {right}/{n} right, accuracy {right / n:.3f}")
    used = [c for c in cols if c in labels or any(m[(a, c)] for a in labels)]
    w = max(len(c) for c in used) + 1
    print("label \\ winnow".ljust(15) + "".join(c[:w - 1].rjust(w) for c in used) + "  recall")
    for a in labels:
        row = sum(m[(a, c)] for c in used)
        rec = m[(a, a)] / row if row else 0
        print(a.ljust(15) + "".join(str(m[(a, c)]).rjust(w) for c in used) + f"  {rec:.2f}")
    prec = []
    for c in labels:
        col = sum(m[(a, c)] for a in labels)
        prec.append(f"{m[(c, c)] / col:.2f}" if col else "-")
    print("precision".ljust(15) + "".join(p.rjust(w) for p in prec))


if __name__ == "__main__":
    main()
