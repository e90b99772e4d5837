#!/usr/bin/env python3
"""Fits the claim-support model (lib/detail/claim_support.cpp, default_support_model) on the
option features `bench_claim_support --features FILE` writes.

Two steps, both logistic regressions (Newton's method, a little L2):
1. options: gold evidence (label 1) against options holding no gold sentence (label 0), the
   two classes weighted equally; options holding part of the gold are left out.
2. claims: the best option's log-odds from step 1 against whether the claim is supported
   (half of the generated claims are), so the final probability is calibrated per claim at
   even prior: among claims whose best option scores 0.8, about 80% are supported. Each
   --calibrate-on file (or, without one, the first) weighs the same, however many claims
   it holds.
The final model is step 1 scaled and shifted by step 2. Prints the C++ initialiser and a
reliability table on the fitting data.

The seed's rows (article `seed-…`), which every dump holds, are left out of both steps: the
seed stays a check.

Usage: fit_support.py FEATURES.tsv [--calibrate-on CAL.tsv ...] [OTHER.tsv ...]
(step 1 on the first, step 2 on the CAL files or the first; figures for each: recall, false
support and top evidence at 0.5, per file and split, and the reliability table)
"""
import math
import sys


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def logistic_fit(xs, ys, ws, l2=1e-3, iterations=30):
    d = len(xs[0]) + 1
    beta = [0.0] * d
    for _ in range(iterations):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y, w in zip(xs, ys, ws):
            v = [1.0] + x
            z = sum(b * vi for b, vi in zip(beta, v))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = w * (y - p)
            h = w * p * (1 - p)
            for i in range(d):
                grad[i] += g * v[i]
                for k in range(i, d):
                    hess[i][k] += h * v[i] * v[k]
        for i in range(d):
            for k in range(i):
                hess[i][k] = hess[k][i]
            if i:
                hess[i][i] += l2
                grad[i] -= l2 * beta[i]
        step = solve(hess, grad)
        beta = [b + s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return beta


FIXED = 6  # article, claim, supported, kind, label, first_gold; then the features, then texts


def read(path):
    rows = []
    with open(path) as f:
        names = [n for n in f.readline().rstrip("\n").split("\t")[FIXED:] if not n.endswith("text")]
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0].startswith("seed-"):
                continue
            rows.append((p[0], int(p[1]), int(p[2]), p[3], int(p[4]), [float(v) for v in p[FIXED:FIXED + len(names)]],
                         int(p[5])))
    return names, rows


def split_of(article):
    """The generator's seed in an article name (SOURCE-SEED-NUMBER)."""
    return article.rsplit("-", 2)[-2]


def evaluate(rows, beta, label):
    """Claim-level figures of a model (intercept first) on option rows: the best option
    decides; a claim is supported when its probability reaches 0.5, and its top evidence is
    right when the best option was found from a gold sentence. Over all splits, then per split."""
    best = {}
    for article, claim, supported, kind, option_label, x, first_gold in rows:
        z = beta[0] + sum(b * v for b, v in zip(beta[1:], x))
        key = (article, claim)
        if key not in best or z > best[key][0]:
            best[key] = (z, supported, first_gold)

    def figures(values):
        pos = [v for v in values if v[1]]
        neg = [v for v in values if not v[1]]
        found = [v for v in pos if v[0] >= 0]
        top = sum(1 for v in found if v[2])
        return (f"claims {len(pos)}+{len(neg)}  recall {len(found)/max(1,len(pos)):.3f}  "
                f"false support {sum(1 for v in neg if v[0] >= 0)/max(1,len(neg)):.3f}  top evidence {top/max(1,len(found)):.3f}")

    print(f"{label}: {figures(list(best.values()))}")
    splits = sorted({split_of(article) for article, _ in best})
    for split in splits:
        print(f"    split {split}: {figures([v for (article, _), v in best.items() if split_of(article) == split])}")


def main():
    args = sys.argv[1:]
    calibrate_on = []
    while "--calibrate-on" in args:
        k = args.index("--calibrate-on")
        calibrate_on.append(args[k + 1])
        del args[k:k + 2]
    sys.argv[1:] = args
    names, rows = read(sys.argv[1])
    used = [r for r in rows if r[4] != -1]
    beta = None
    # Step 1, with hard negatives: first every option holding no gold sentence, then (two
    # more rounds) only the three best-scoring such options of each claim under the
    # previous fit: the ones that compete with the gold.
    for round_ in range(3):
        if beta is None:
            chosen = used
        else:
            by_claim = {}
            for r in used:
                if r[4] == 0:
                    z = beta[0] + sum(b * v for b, v in zip(beta[1:], r[5]))
                    by_claim.setdefault((r[0], r[1]), []).append((z, r))
            chosen = [r for r in used if r[4] == 1]
            for options in by_claim.values():
                options.sort(key=lambda o: -o[0])
                chosen += [r for _, r in options[:3]]
        positives = sum(1 for r in chosen if r[4] == 1)
        negatives = len(chosen) - positives
        ws = [len(chosen) * (0.5 / positives if r[4] else 0.5 / negatives) for r in chosen]
        beta = logistic_fit([r[5] for r in chosen], [r[4] for r in chosen], ws)
        print(f"step 1, round {round_ + 1}: {positives} gold options, {negatives} others", file=sys.stderr)

    # Step 2 on the --calibrate-on features when given (each file weighing the same): other
    # text than step 1's keeps the calibration from trusting the words step 1 was fitted on.
    calibration_files = calibrate_on or [sys.argv[1]]
    zs, labels, cw = [], [], []
    for path in calibration_files:
        best = {}
        for article, claim, supported, kind, label, x, _ in (rows if path == sys.argv[1] else read(path)[1]):
            z = beta[0] + sum(b * v for b, v in zip(beta[1:], x))
            key = (article, claim)
            if key not in best or z > best[key][0]:
                best[key] = (z, supported)
        pos = sum(v[1] for v in best.values())
        neg = len(best) - pos
        for z, y in best.values():
            zs.append([z])
            labels.append(y)
            cw.append(0.5 / (pos if y else neg))
    # Each file's supported and unsupported claims weigh a quarter of the total (two files).
    scale = len(labels) / sum(cw)
    cw = [w * scale for w in cw]
    a0, a1 = logistic_fit(zs, labels, cw)
    final = [a1 * b for b in beta]
    final[0] += a0
    print(f"step 2: {sum(labels)} supported claims, {len(labels) - sum(labels)} not, from {len(calibration_files)} file(s); "
          f"scale {a1:.4f} shift {a0:.4f}", file=sys.stderr)
    print("    model.weights = {" + ", ".join(f"{b:.4f}" for b in final[1:]) + "};  // " + ", ".join(names))
    print(f"    model.intercept = {final[0]:.4f};")
    evaluate(rows, final, sys.argv[1])
    for path in calibrate_on:
        if path != sys.argv[1]:
            evaluate(read(path)[1], final, path + " (calibration)")
    for other in sys.argv[2:]:
        evaluate(read(other)[1], final, other)
    print("reliability on the calibration claims (best option):  bin  claims  mean  supported")
    probs = [(1 / (1 + math.exp(-(a0 + a1 * z[0]))), y) for z, y in zip(zs, labels)]
    for b in range(10):
        sel = [(p, y) for p, y in probs if b / 10 <= p < (b + 1) / 10 or (b == 9 and p == 1.0)]
        if sel:
            print(f"  {b/10:.1f}-{(b+1)/10:.1f}  {len(sel):6d}  {sum(p for p, _ in sel)/len(sel):.3f}  {sum(y for _, y in sel)/len(sel):.3f}")


if __name__ == "__main__":
    main()
