#!/usr/bin/python3
"""train_pagetype.py: the page-type model, trained and checked on labelled pages.

    tools/train_pagetype.py cv   [--winnow BIN] [--types-out FILE] DATASET
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
     --types-out FILE writes each page's held-out type ("ID TYPE" lines):
     bench/pagetype_heldout.sh extracts every page under it and scores the
     result, the end-to-end figure unseen sites can expect.
emit trains on every page and prints the C table (pagetype_model.h).
stub prints a table of zero weights for the current signals and rules: after
     adding or removing one, the C code no longer builds against the old table
     (a static assertion); build with the stub, then emit and rebuild.

The model: boosted decision trees (gradient boosting of the softmax loss,
second order, as in the literature): each round grows one tree per page type,
DEPTH levels deep, on the pages' current errors; a leaf adds its value to its
type's score. Inputs are the raw signals plus one 0/1 input per hand rule that
fired; a split asks "input < cut", with cuts between observed values. The
pages of each type are weighed by CLASS_POWER (below). Trees need no scaling
and can ask about two signals at once ("many cards AND little prose"), which
a linear model over the signals cannot. numpy (Debian python3-numpy) does the
counting; the trees are this file's own code. Deterministic.
"""
import json
import math
import os
import subprocess
import sys
import zlib

import numpy as np

TYPES = ["article", "forum", "product", "collection", "listing", "documentation",
         "service", "other"]
FOLDS = 5
# Each page weighs (pages of the largest type / pages of its type) ** CLASS_POWER
# (then scaled to a mean of 1): the rarer types (listing, documentation) count
# for more than their share, so the model stops calling them articles by
# default; 0 weighs every page alike. 0.5 chosen by grouped cross-validation
# (accuracy and end-to-end WCXB F1 of the held-out predictions; 0.25 was worse).
CLASS_POWER = float(os.environ.get("PT_CLASS_POWER", "0.5"))
NO_RULES = os.environ.get("PT_NO_RULES") == "1"   # experiment: the raw signals alone
# The trees, chosen by the end-to-end WCXB F1 of the grouped cross-validation's
# held-out types (depth 2 and 4, 60 rounds, a larger LAMBDA were no better).
ROUNDS = int(os.environ.get("PT_ROUNDS", "100"))      # boosting rounds (a tree per type each)
DEPTH = 3           # levels of splits per tree (the C evaluator is built for 3)
RATE = float(os.environ.get("PT_RATE", "0.1"))      # shrinkage of each leaf value
LAMBDA = 1.0        # L2 penalty on leaf values (in units of the loss's curvature)
MIN_HESS = float(os.environ.get("PT_MIN_HESS", "1.0"))  # a split must leave this much (weighed) curvature on each side
LAMBDA = float(os.environ.get("PT_LAMBDA", str(LAMBDA)))
# Stochastic boosting: each round's trees see a random share of the pages
# (SUBSAMPLE) and may split on a random share of the inputs (COLSAMPLE), from a
# fixed seed, so that no tree leans on a few sites' pages or one signal.
SUBSAMPLE = float(os.environ.get("PT_SUBSAMPLE", "1.0"))
COLSAMPLE = float(os.environ.get("PT_COLSAMPLE", "1.0"))
SEED = int(os.environ.get("PT_SEED", "1"))
MAX_CUTS = 32       # candidate cuts per input: quantiles of its values
NO_SPLIT = 3.0e38   # the cut of a node that does not split (float max: every page goes left)

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


def needs():
    """{type index: [signal names]} from pagetype_rules.h's needs[]: a type
    wins only on a page with one of its signals above 0."""
    import re
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "extract", "pagetype")
    text = open(os.path.join(here, "pagetype_rules.h"), encoding="utf-8").read()
    body = text.split("static const wn_pt_need needs[] = {", 1)[1].split("\n};", 1)[0]
    names = dict(re.findall(r"\[(PTF_[A-Z_]+)\]\s*=\s*\"([a-z_]+)\"",
                            open(os.path.join(here, "pagetype.c"), encoding="utf-8").read()))
    out = {}
    for t, signals in re.findall(r"\{\s*WN_PAGE_([A-Z]+),\s*\{([^}]*)\}", body):
        out[TYPES.index(t.lower())] = [names[x.strip()] for x in signals.split(",") if x.strip() in names]
    return out


NEEDS = needs()


def inputs(row, names, nr):
    """The model's inputs: each signal as measured, then 1 for each rule that fired."""
    s = row[4]
    x = [max(s.get(n, 0.0), 0.0) for n in names]
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


def cuts_of(x):
    """Candidate cuts for one input: midway between neighbouring distinct values
    (at most MAX_CUTS, at quantiles), as float32 strictly above the lower one,
    so that C's float `x < cut` splits exactly as here."""
    u = np.unique(x)
    if len(u) <= 1:
        return np.zeros(0, dtype=np.float32)
    if len(u) > MAX_CUTS + 1:
        qs = np.quantile(x, np.linspace(0, 1, MAX_CUTS + 1)[1:-1], method="lower")
        hi = sorted(set(max(1, int(np.searchsorted(u, q))) for q in qs))
    else:
        hi = range(1, len(u))
    out = []
    for k in hi:
        c = np.float32((u[k - 1] + u[k]) / 2)
        if c <= u[k - 1]:
            c = np.nextafter(np.float32(u[k - 1]), np.float32(np.inf))
        out.append(c)
    return np.array(sorted(set(out)), dtype=np.float32)


def fit(X, Y, K):
    """Boosted trees, DEPTH deep, in heap order (node n's children 2n+1, 2n+2;
    the 2^DEPTH leaves follow the 2^DEPTH - 1 splits). Returns (base[K], trees):
    base = each type's weighed log share; a tree = (type, inputs[], cuts[],
    values[]) with a value per node (the leaf values score; the others say, for
    --explain, what the path added at each step)."""
    X = np.asarray(X, dtype=np.float32)
    Y = np.asarray(Y)
    n, D = X.shape
    cuts = [cuts_of(X[:, j]) for j in range(D)]
    nb = max(len(c) for c in cuts) + 1
    # bin[i, j] = how many cuts of input j lie at or below page i's value:
    # "x < cuts[j][s]" is "bin <= s"
    B = np.stack([np.searchsorted(cuts[j], X[:, j], side="right") for j in range(D)], 1)
    can_cut = np.arange(nb - 1)[None, :] < np.array([len(c) for c in cuts])[:, None]
    w = np.array(class_weights(list(Y), K))
    count = np.bincount(Y, minlength=K)
    wsum = np.bincount(Y, weights=w, minlength=K)
    base = np.where(count > 0, np.log(np.maximum(wsum, 1e-12) / w.sum()), -30.0)
    F = np.tile(base, (n, 1))
    onehot = np.eye(K)[Y]
    splits = 2 ** DEPTH - 1
    trees = []
    rng = np.random.default_rng(SEED)
    for _ in range(ROUNDS):
        P = np.exp(F - F.max(1, keepdims=True))
        P /= P.sum(1, keepdims=True)
        for k in range(K):
            if not count[k]:
                continue    # a type with no pages keeps its base score
            use = rng.random(n) < SUBSAMPLE if SUBSAMPLE < 1 else np.ones(n, dtype=bool)
            cols = rng.random(D) < COLSAMPLE if COLSAMPLE < 1 else np.ones(D, dtype=bool)
            g = w * (P[:, k] - onehot[:, k]) * use
            h = np.maximum(w * P[:, k] * (1 - P[:, k]), 1e-9) * use
            node = np.zeros(n, dtype=int)
            inp = [0] * splits
            cut = [NO_SPLIT] * splits
            for depth in range(DEPTH):
                first, width = 2 ** depth - 1, 2 ** depth
                rel = node - first
                at = ((rel[:, None] * D + np.arange(D)[None, :]) * nb + B).ravel()
                size = width * D * nb
                G = np.bincount(at, weights=np.repeat(g, D), minlength=size).reshape(width, D, nb)
                H = np.bincount(at, weights=np.repeat(h, D), minlength=size).reshape(width, D, nb)
                GL, HL = np.cumsum(G, 2)[:, :, :-1], np.cumsum(H, 2)[:, :, :-1]
                Gt, Ht = G.sum(2)[:, :, None], H.sum(2)[:, :, None]
                GR, HR = Gt - GL, Ht - HL
                gain = GL ** 2 / (HL + LAMBDA) + GR ** 2 / (HR + LAMBDA) - Gt ** 2 / (Ht + LAMBDA)
                gain = np.where((HL >= MIN_HESS) & (HR >= MIN_HESS) & can_cut[None]
                                & cols[None, :, None], gain, -1.0)
                child = 2 * node + 1
                for r in range(width):
                    j, c = np.unravel_index(np.argmax(gain[r]), gain[r].shape)
                    if gain[r, j, c] <= 1e-9:
                        continue    # no split: every page goes left (cut NO_SPLIT)
                    inp[first + r], cut[first + r] = int(j), float(cuts[j][c])
                    child[(node == first + r) & (B[:, j] > c)] += 1
                node = child
            # every node's value: the Newton step for the pages that reach it;
            # an empty node takes its parent's
            values = [0.0] * (2 * splits + 1)
            reach = np.zeros(n, dtype=int)
            for m in range(2 * splits + 1):
                if m:
                    d = int(math.log2(m + 1))
                    # the ancestor of each page's leaf at m's depth
                    reach = ((node + 1) >> (DEPTH - d)) - 1
                sel = reach == m
                if (sel & use).any():
                    values[m] = -RATE * g[sel].sum() / (h[sel].sum() + LAMBDA)
                else:
                    values[m] = values[(m - 1) // 2]
            F[:, k] += np.array(values)[node]
            trees.append((k, inp, cut, values))
    return base, trees


def scores(model, X):
    """Every type's score for each row of X (no margins)."""
    base, trees = model
    X = np.asarray(X, dtype=np.float32)
    S = np.tile(base, (len(X), 1))
    rows = np.arange(len(X))
    for k, inp, cut, values in trees:
        node = np.zeros(len(X), dtype=int)
        for _ in range(DEPTH):
            go_right = ~(X[rows, np.array(inp)[node]] < np.array(cut, dtype=np.float32)[node])
            node = 2 * node + 1 + go_right
        S[:, k] += np.array(values)[node]
    return S


def tuning_constant(name):
    """A field of WN_TUNE.pagetype in src/extract/tuning.h: article_margin (the
    C code adds it to article's score), forum_margin (forum gets article_margin
    - forum_margin), listing_margin (listing gets - listing_margin),
    tiny_page_text_k (below it, article
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
LISTING_MARGIN = tuning_constant("listing_margin")
TINY_TEXT_K = tuning_constant("tiny_page_text_k")


def tiny(row):
    """The C code's stub rule: too little text and no declared type -> article."""
    s = row[4]
    return s.get("text_k", 0) < TINY_TEXT_K and not any(
        v > 0 for k, v in s.items() if k.startswith("schema_"))


def predict(model, X, rows):
    """The type the C code decides for each row: the margins, then the tiny-page rule."""
    S = scores(model, X)
    S[:, 0] += MARGIN
    S[:, TYPES.index("forum")] += MARGIN - FORUM_MARGIN
    S[:, TYPES.index("listing")] -= LISTING_MARGIN
    for k, signals in NEEDS.items():
        for i, r in enumerate(rows):
            if not any(r[4].get(n, 0) > 0 for n in signals):
                S[i, k] = -math.inf
    # collection and listing take one path: they compete pooled (the log of
    # the summed odds); the larger of the two names the page (pagetype.c decide)
    C, L = TYPES.index("collection"), TYPES.index("listing")
    V = S.copy()
    V[:, C] = np.logaddexp(S[:, C], S[:, L])
    V[:, L] = -math.inf
    out = []
    for v, s, r in zip(V, S, rows):
        b = int(np.argmax(v))
        if b == C and s[L] > s[C]:
            b = L
        out.append(0 if tiny(r) else b)
    return out


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
    types_out = None
    if "--types-out" in args:
        i = args.index("--types-out")
        types_out = args[i + 1]
        del args[i:i + 2]
    if args == ["stub"]:
        names, nr = feature_names(""), n_rules()
        D, K = len(names) + nr, len(TYPES)
        splits = 2 ** DEPTH - 1
        emit((np.zeros(K), [(0, [0] * splits, [NO_SPLIT] * splits, [0.0] * (2 * splits + 1))]),
             names, nr, [], [], [])
        return
    if len(args) != 2 or args[0] not in ("cv", "emit"):
        sys.exit(__doc__)
    mode, ds = args
    rows = measure(winnow, ds)
    names = feature_names(os.path.dirname(winnow))
    nr = n_rules()
    labels = [t for t in TYPES if any(r[1] == t for r in rows)]
    K = len(TYPES)
    X = np.array([inputs(r, names, nr) for r in rows], dtype=np.float32)
    Y = np.array([TYPES.index(r[1]) for r in rows])
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
        held = {}
        for k in range(FOLDS):
            tr = [i for i in range(len(rows)) if fold[i] != k]
            te = [i for i in range(len(rows)) if fold[i] == k]
            model = fit(X[tr], Y[tr], K)
            for i, p in zip(te, predict(model, X[te], [rows[i] for i in te])):
                held[rows[i][0]] = TYPES[p]
                mat[(rows[i][1], TYPES[p])] += 1
                pf[k][0] += p == Y[i]
                pf[k][1] += 1
        report("model (grouped cross-validation)", sum(p[0] for p in pf), len(rows), pf, mat, labels)
        if types_out:
            with open(types_out, "w", encoding="utf-8") as f:
                for pid in sorted(held):
                    f.write(f"{pid} {held[pid]}\n")
        return
    emit(fit(X, Y, K), names, nr, rows, X, Y)


def emit(model, names, nr, rows, X, Y):
    base, trees = model
    right = sum(int(p == y) for p, y in zip(predict(model, X, rows), Y)) if len(X) else 0
    D = len(names) + nr
    splits = 2 ** DEPTH - 1
    o = []
    o.append("/* pagetype_model.h: GENERATED by tools/train_pagetype.py; do not edit.")
    o.append(" * Data, not code: the learned trees of the page-type model, trained on")
    if not len(X):
        o.append(" * no pages: a stub that scores nothing, only to build winnow for `emit`.")
    o.append(f" * {len(X)} labelled pages ({right}/{len(X)} right on them with the margins;")
    o.append(" * the honest figure is the grouped cross-validation of")
    o.append(" * `tools/train_pagetype.py cv`). Regenerate with:")
    o.append(" *     make -j2 all && /usr/bin/python3 tools/train_pagetype.py emit \\")
    o.append(" *         ../shared/data/extraction/wcxb-dev > src/extract/pagetype/pagetype_model.h")
    o.append(" * then rebuild. Inputs: each signal in enum wn_pt_feature order as measured,")
    o.append(" * then one 0/1 per hand rule of pagetype_rules.h that fired. A type's score")
    o.append(" * is its base plus, for each of its trees, the value of the leaf the page")
    o.append(" * reaches: from node n (0 first) go to 2n+1 when input[n] < cut[n], else")
    o.append(f" * to 2n+2, {DEPTH} times; leaves are nodes {splits}..{2 * splits}. Every node has a value")
    o.append(" * (what the pages reaching it scored in training): the steps between them")
    o.append(" * say, for --explain, what each input added. Then article_margin for")
    o.append(" * article, article_margin - forum_margin for forum, - listing_margin for")
    o.append(" * listing; the best score wins among the types whose needs")
    o.append(" * (pagetype_rules.h) the page shows, collection and listing pooled")
    o.append(" * (pagetype.c decide). */")
    o.append("#ifndef WN_EXTRACT_PAGETYPE_MODEL_H")
    o.append("#define WN_EXTRACT_PAGETYPE_MODEL_H")
    o.append("")
    o.append(f"#define PT_MODEL_SIGNALS {len(names)}")
    o.append(f"#define PT_MODEL_RULES {nr}")
    o.append(f"#define PT_MODEL_INPUTS {D}")
    o.append(f"#define PT_MODEL_TYPES {len(TYPES)}   /* article .. other, as in wn_page_type */")
    o.append(f"#define PT_MODEL_DEPTH {DEPTH}")
    o.append(f"#define PT_MODEL_SPLITS {splits}   /* 2^depth - 1 */")
    o.append(f"#define PT_MODEL_NODES {2 * splits + 1}")
    o.append(f"#define PT_MODEL_TREES {len(trees)}")
    o.append("")

    def flit(x, digits=7):
        t = f"{x:.{digits}g}"
        return t + ("f" if "." in t or "e" in t else ".0f")

    o.append("typedef struct wn_pt_tree {")
    o.append("    unsigned char type;                        /* the type it scores */")
    o.append("    unsigned char input[PT_MODEL_SPLITS];      /* the input each split asks about */")
    o.append("    float cut[PT_MODEL_SPLITS];                /* go left when input < cut */")
    o.append("    float value[PT_MODEL_NODES];               /* every node's value; leaves score */")
    o.append("} wn_pt_tree;")
    o.append("")
    o.append("static const float pt_model_base[PT_MODEL_TYPES] = { "
             + ", ".join(flit(x) for x in base) + " };")
    # grouped by type (each type's trees in round order): the C code sums a
    # type's leaves in a register; pt_model_first[t] is type t's first tree
    trees = sorted(trees, key=lambda tr: tr[0])
    first = [sum(1 for tr in trees if tr[0] < k) for k in range(len(TYPES) + 1)]
    o.append("/* type t's trees are pt_model_trees[pt_model_first[t] .. pt_model_first[t + 1]) */")
    o.append("static const unsigned short pt_model_first[PT_MODEL_TYPES + 1] = { "
             + ", ".join(str(x) for x in first) + " };")
    o.append("static const wn_pt_tree pt_model_trees[PT_MODEL_TREES] = {")
    for k, inp, cut, values in trees:
        o.append(f"    {{ {k}, {{ {', '.join(str(j) for j in inp)} }}, "
                 f"{{ {', '.join(flit(c, 9) for c in cut)} }}, "
                 f"{{ {', '.join(flit(v, 6) for v in values)} }} }},")
    o.append("};")
    o.append("")
    o.append("#endif")
    print("\n".join(o))


if __name__ == "__main__":
    main()
