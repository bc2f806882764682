#!/usr/bin/python3
"""train_pagetype.py: the page-type model, trained and checked on labelled pages.

    tools/train_pagetype.py cv   [--winnow BIN] DATASET
    tools/train_pagetype.py emit [--winnow BIN] DATASET > src/extract/pagetype/pagetype_model.h
    tools/train_pagetype.py stub > src/extract/pagetype/pagetype_model.h

DATASET holds pages/ and truth.jsonl ("id", "type", "url" per page; wcxb-dev
does). BIN (default build/release/winnow) is run once with --explain over the
pages: its "# page signals:" lines give each page's measured signals and its
"# page rules:" line the hand rules that fired, exactly what the C code sees.

cv   prints the honest figure: accuracy under cross-validation grouped by site
     (the pages of one registered domain are never in both the training and the
     test folds, so a model cannot memorise sites), for the hand rules (fixed,
     so only the per-fold spread says anything) and for the learned model.
emit trains on every page and prints the C table (pagetype_model.h).
stub prints a table of zero weights for the current signals and rules: after
     adding or removing one, the C code no longer builds against the old table
     (a static assertion); build with the stub, then emit and rebuild.

The model: multinomial logistic regression over z = (log1p(signal) - mean) / sd
of every signal plus one 0/1 input per hand rule that fired, L2-penalised,
the pages of each type weighed by CLASS_POWER (below),
fitted by full-batch gradient descent (Adam). Pure Python, no numpy: the
inputs are small (a thousand pages, a hundred inputs). Deterministic.
"""
import json
import math
import os
import subprocess
import sys
import zlib

TYPES = ["article", "forum", "product", "collection", "listing", "documentation",
         "service", "other"]
FOLDS = 5
L2 = float(os.environ.get("PT_L2", "0.003"))   # penalty on the weights (not the biases)
# Each page weighs (pages of the largest type / pages of its type) ** CLASS_POWER
# (then scaled to a mean of 1): the rarer types (listing, documentation) count
# for more than their share, so the model stops calling them articles by
# default; 0 weighs every page alike. 0.5 chosen by grouped cross-validation
# (accuracy and end-to-end WCXB F1 of the held-out predictions).
CLASS_POWER = float(os.environ.get("PT_CLASS_POWER", "0.5"))
NO_RULES = os.environ.get("PT_NO_RULES") == "1"   # experiment: the raw signals alone
STEPS = 400         # Adam steps
RATE = 0.05         # Adam step size


def site_of(url):
    """The registered domain of url, roughly: the last two host labels, three
    when the second-last is a short public suffix part (co.uk, com.au)."""
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    labels = [x for x in host.split(".") if x]
    if len(labels) >= 3 and (labels[-2] in ("co", "com", "org", "net", "ac", "gov", "edu")
                             or len(labels[-2]) <= 2):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:]) or url


def measure(winnow, ds):
    """[(id, label, site, winnow's type, {signal: value}, [rule indexes])] in page order."""
    truth = {}
    with open(os.path.join(ds, "truth.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("type"):
                truth[r["id"]] = r
    pages = os.path.join(ds, "pages")
    ids = sorted(n.split(".", 1)[0] for n in os.listdir(pages) if ".htm" in n)
    out = subprocess.run([winnow, "--explain", pages], capture_output=True, check=False).stdout
    got, signals, fired = [], [], []
    for line in out.decode("utf-8", "replace").splitlines():
        if line.startswith("# page type: "):
            got.append(line[len("# page type: "):].split(" ", 1)[0])
        elif line.startswith("# page signals:"):
            s = {}
            for kv in line[len("# page signals:"):].split():
                k, v = kv.split("=", 1)
                s[k] = float(v)
            signals.append(s)
        elif line.startswith("# page rules:"):
            fired.append([int(x) for x in line[len("# page rules:"):].split()])
    if len(got) != len(ids) or len(signals) != len(ids):
        sys.exit(f"{winnow} --explain gave {len(got)} page types for {len(ids)} pages")
    if len(fired) != len(ids):
        sys.exit(f"{winnow} --explain prints no '# page rules:' line: rebuild it")
    rows = []
    for i, pid in enumerate(ids):
        r = truth.get(pid)
        if r is None:
            continue
        rows.append((pid, r["type"], site_of(r.get("url") or pid), got[i], signals[i], fired[i]))
    return rows


def feature_names(bin_dir):
    """The signal names in enum order, from pagetype.h's table (feature_names)."""
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "extract",
                       "pagetype", "pagetype.c")
    names = {}
    import re
    enum_h = open(os.path.join(os.path.dirname(src), "pagetype.h"), encoding="utf-8").read()
    order = re.findall(r"^\s*(PTF_[A-Z_]+)(?:\s*=\s*0)?,", enum_h, re.M)
    for m in re.finditer(r"\[(PTF_[A-Z_]+)\]\s*=\s*\"([a-z_]+)\"", open(src, encoding="utf-8").read()):
        names[m.group(1)] = m.group(2)
    return [names[e] for e in order if e in names]


def n_rules():
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "extract",
                       "pagetype", "pagetype_rules.h")
    text = open(src, encoding="utf-8").read()
    body = text.split("static const wn_pt_rule rules[] = {", 1)[1].split("\n};", 1)[0]
    return sum(1 for line in body.splitlines() if line.strip().startswith("{ PTF_"))


def inputs(row, names, nr):
    s = row[4]
    x = [math.log1p(max(s.get(n, 0.0), 0.0)) for n in names]
    fired = set(row[5])
    x += [1.0 if r in fired and not NO_RULES else 0.0 for r in range(nr)]
    return x


def class_weights(Y, K):
    """Per-page weights: (largest type's pages / this type's pages) ** CLASS_POWER, mean 1."""
    count = [Y.count(k) for k in range(K)]
    top = max(count)
    w = [(top / count[y]) ** CLASS_POWER for y in Y]
    mean = sum(w) / len(w)
    return [x / mean for x in w]


def fit(X, Y, K):
    """Multinomial logistic regression on standardised inputs, pages weighed
    by class_weights. Returns (mean, sd, W[K][D], b[K])."""
    n, D = len(X), len(X[0])
    sw = class_weights(list(Y), K)
    mean = [sum(x[j] for x in X) / n for j in range(D)]
    sd = []
    for j in range(D):
        v = sum((x[j] - mean[j]) ** 2 for x in X) / n
        sd.append(math.sqrt(v) if v > 1e-12 else 1.0)
    Z = [[(x[j] - mean[j]) / sd[j] for j in range(D)] for x in X]
    W = [[0.0] * D for _ in range(K)]
    b = [0.0] * K
    mW = [[0.0] * D for _ in range(K)]
    vW = [[0.0] * D for _ in range(K)]
    mb, vb = [0.0] * K, [0.0] * K
    b1, b2, eps = 0.9, 0.999, 1e-8
    for step in range(1, STEPS + 1):
        gW = [[0.0] * D for _ in range(K)]
        gb = [0.0] * K
        for z, y, wy in zip(Z, Y, sw):
            s = [b[k] + sum(map(float.__mul__, W[k], z)) for k in range(K)]
            m = max(s)
            e = [math.exp(v - m) for v in s]
            t = sum(e)
            for k in range(K):
                g = (e[k] / t - (1.0 if k == y else 0.0)) * wy
                if g > 1e-6 or g < -1e-6:
                    gk = gW[k]
                    for j, zj in enumerate(z):
                        gk[j] += g * zj
                    gb[k] += g
        for k in range(K):
            for j in range(D):
                g = gW[k][j] / n + L2 * W[k][j]
                mW[k][j] = b1 * mW[k][j] + (1 - b1) * g
                vW[k][j] = b2 * vW[k][j] + (1 - b2) * g * g
                W[k][j] -= RATE * (mW[k][j] / (1 - b1 ** step)) / (math.sqrt(vW[k][j] / (1 - b2 ** step)) + eps)
            g = gb[k] / n
            mb[k] = b1 * mb[k] + (1 - b1) * g
            vb[k] = b2 * vb[k] + (1 - b2) * g * g
            b[k] -= RATE * (mb[k] / (1 - b1 ** step)) / (math.sqrt(vb[k] / (1 - b2 ** step)) + eps)
    return mean, sd, W, b


def tuning_constant(name):
    """A field of WN_TUNE.pagetype in src/extract/tuning.h: article_margin (the
    C code adds it to article's score), forum_margin (forum gets article_margin
    - forum_margin), tiny_page_text_k (below it, article
    without the model). A field it cannot find stops the tool: training with a
    margin the C code does not use would measure something that never ships."""
    import re
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "extract",
                       "tuning.h")
    text = open(src, encoding="utf-8").read()
    body = text.split("    .pagetype = {", 1)[-1].split("\n    },", 1)[0]
    m = re.search(r"\." + name + r"\s*=\s*([0-9.]+)f?\s*,", body)
    if not m:
        sys.exit(f"train_pagetype: no .pagetype.{name} in {src}")
    return float(m.group(1))


MARGIN = tuning_constant("article_margin")
FORUM_MARGIN = tuning_constant("forum_margin")
TINY_TEXT_K = tuning_constant("tiny_page_text_k")


def tiny(row):
    """The C code's stub rule: too little text and no declared type -> article."""
    s = row[4]
    return s.get("text_k", 0) < TINY_TEXT_K and not any(
        v > 0 for k, v in s.items() if k.startswith("schema_"))


def predict(model, x, row=None):
    if row is not None and tiny(row):
        return 0
    mean, sd, W, b = model
    z = [(x[j] - mean[j]) / sd[j] for j in range(len(x))]
    s = [b[k] + sum(map(float.__mul__, W[k], z)) for k in range(len(b))]
    s[0] += MARGIN
    s[TYPES.index("forum")] += MARGIN - FORUM_MARGIN
    return max(range(len(s)), key=lambda k: (s[k], -k))


def folds_of(rows):
    return [zlib.crc32(r[2].encode()) % FOLDS for r in rows]


def report(title, right, total, per_fold, matrix, labels):
    acc = right / total
    fa = [r / t for r, t in per_fold if t]
    mu = sum(fa) / len(fa)
    sdv = math.sqrt(sum((a - mu) ** 2 for a in fa) / len(fa))
    print(f"{title}: {right}/{total} right, accuracy {acc:.3f}; per fold "
          + " ".join(f"{a:.3f}" for a in fa) + f" (mean {mu:.3f}, sd {sdv:.3f})")
    w = 12
    print("  label \\ got".ljust(16) + "".join(t[:w - 1].rjust(w) for t in labels) + "  recall")
    for a in labels:
        row = sum(matrix[(a, c)] for c in labels)
        print(("  " + a).ljust(16) + "".join(str(matrix[(a, c)]).rjust(w) for c in labels)
              + f"  {matrix[(a, a)] / row if row else 0:.2f}")


def main():
    args = sys.argv[1:]
    winnow = "build/release/winnow"
    if "--winnow" in args:
        i = args.index("--winnow")
        winnow = args[i + 1]
        del args[i:i + 2]
    if args == ["stub"]:
        names, nr = feature_names(""), n_rules()
        D, K = len(names) + nr, len(TYPES)
        emit(([0.0] * D, [1.0] * D, [[0.0] * D for _ in range(K)], [0.0] * K), names, nr,
             [], [], [])
        return
    if len(args) != 2 or args[0] not in ("cv", "emit"):
        sys.exit(__doc__)
    mode, ds = args
    rows = measure(winnow, ds)
    names = feature_names(os.path.dirname(winnow))
    nr = n_rules()
    labels = [t for t in TYPES if any(r[1] == t for r in rows)]
    K = len(TYPES)
    X = [inputs(r, names, nr) for r in rows]
    Y = [TYPES.index(r[1]) for r in rows]
    if mode == "cv":
        fold = folds_of(rows)
        sites = len(set(r[2] for r in rows))
        print(f"{len(rows)} pages, {sites} sites, {FOLDS} folds grouped by site "
              f"({' '.join(str(fold.count(k)) for k in range(FOLDS))} pages)")
        # winnow's own answer, fold by fold: in-sample, only the spread says much.
        mat = {(a, c): 0 for a in TYPES for c in TYPES}
        pf = [[0, 0] for _ in range(FOLDS)]
        for r, k in zip(rows, fold):
            mat[(r[1], r[3] if r[3] in TYPES else "other")] += 1
            pf[k][0] += r[1] == r[3]
            pf[k][1] += 1
        report("winnow as built (trained or tuned on all these pages)", sum(p[0] for p in pf), len(rows), pf, mat, labels)
        mat = {(a, c): 0 for a in TYPES for c in TYPES}
        pf = [[0, 0] for _ in range(FOLDS)]
        for k in range(FOLDS):
            tr = [i for i in range(len(rows)) if fold[i] != k]
            te = [i for i in range(len(rows)) if fold[i] == k]
            model = fit([X[i] for i in tr], [Y[i] for i in tr], K)
            for i in te:
                p = predict(model, X[i], rows[i])
                mat[(rows[i][1], TYPES[p])] += 1
                pf[k][0] += p == Y[i]
                pf[k][1] += 1
        report("model (grouped cross-validation)", sum(p[0] for p in pf), len(rows), pf, mat, labels)
        return
    emit(fit(X, Y, K), names, nr, rows, X, Y)


def emit(model, names, nr, rows, X, Y):
    mean, sd, W, b = model
    right = sum(predict(model, x, r) == y for x, y, r in zip(X, Y, rows))
    D = len(mean)
    o = []
    o.append("/* pagetype_model.h: GENERATED by tools/train_pagetype.py; do not edit.")
    o.append(" * Data, not code: the learned weights of the page-type model, trained on")
    if not X:
        o.append(" * no pages: a stub of zero weights, only to build winnow for `emit`.")
    o.append(f" * {len(X)} labelled pages ({right}/{len(X)} right on them with the article margin;")
    o.append(" * the honest figure is the")
    o.append(" * grouped cross-validation of `tools/train_pagetype.py cv`). Regenerate with:")
    o.append(" *     make -j2 all && /usr/bin/python3 tools/train_pagetype.py emit \\")
    o.append(" *         ../shared/data/extraction/wcxb-dev > src/extract/pagetype/pagetype_model.h")
    o.append(" * then rebuild. Inputs: z = (log1p(signal) - mean) / sd for each signal in")
    o.append(" * enum wn_pt_feature order, then one 0/1 per hand rule of pagetype_rules.h that")
    o.append(" * fired; score[type] = bias + sum(weight * z) (+ article_margin for article,")
    o.append(" * + article_margin - forum_margin for forum);")
    o.append(" * the best score wins. */")
    o.append("#ifndef WN_EXTRACT_PAGETYPE_MODEL_H")
    o.append("#define WN_EXTRACT_PAGETYPE_MODEL_H")
    o.append("")
    o.append(f"#define PT_MODEL_SIGNALS {len(names)}")
    o.append(f"#define PT_MODEL_RULES {nr}")
    o.append(f"#define PT_MODEL_INPUTS {D}")
    o.append(f"#define PT_MODEL_TYPES {len(TYPES)}   /* article .. other, as in wn_page_type */")
    o.append("")

    def flit(x):
        t = f"{x:.7g}"
        return t + ("f" if "." in t or "e" in t else ".0f")

    def flist(v):
        return ", ".join(flit(x) for x in v)

    o.append("static const float pt_model_mean[PT_MODEL_INPUTS] = {")
    for i in range(0, D, 6):
        o.append("    " + flist(mean[i:i + 6]) + ",")
    o.append("};")
    o.append("static const float pt_model_inv_sd[PT_MODEL_INPUTS] = {")
    inv = [1.0 / s for s in sd]
    for i in range(0, D, 6):
        o.append("    " + flist(inv[i:i + 6]) + ",")
    o.append("};")
    o.append("static const float pt_model_bias[PT_MODEL_TYPES] = { " + flist(b) + " };")
    o.append("static const float pt_model_weight[PT_MODEL_TYPES][PT_MODEL_INPUTS] = {")
    for k in range(len(W)):
        o.append(f"    {{ /* {TYPES[k]} */")
        for i in range(0, D, 6):
            o.append("        " + flist(W[k][i:i + 6]) + ",")
        o.append("    },")
    o.append("};")
    o.append("")
    o.append("#endif")
    print("\n".join(o))


if __name__ == "__main__":
    main()
