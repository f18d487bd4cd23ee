"""Reference values for the rollout analysis (src/rollout/), computed independently of modelkeeper.

  - newcombe: Newcombe's hybrid score interval (1998, method 10) of p1 - p2 from scipy's Wilson
    intervals, scipy.stats.binomtest(k, n).proportion_ci(method="wilson"); includes Newcombe's own
    worked example 56/70 - 48/80 (published 0.0524 to 0.3339) as a check on the formula.
  - median_ranks: the distribution-free interval of a median from order statistics: the largest k
    with scipy.stats.binom.cdf(k - 1, n, 0.5) <= alpha / 2 gives 0-based ranks [k - 1, n - k];
    k = 0 (too few values) gives the whole range [0, n - 1].
  - ks: scipy.stats.ks_2samp on seeded score samples (a shift and no shift).
Re-running rewrites the same file.

    /usr/bin/python3 scripts/references/rollout_references.py
"""
import json
import math
import pathlib

import numpy as np
import scipy
from scipy.stats import binom, binomtest, ks_2samp

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "stats" / "rollout.json"


def wilson(k, n, confidence):
    ci = binomtest(int(k), int(n)).proportion_ci(confidence_level=confidence, method="wilson")
    return float(ci.low), float(ci.high)


def newcombe(k1, n1, k2, n2, confidence):
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1, confidence)
    l2, u2 = wilson(k2, n2, confidence)
    d = p1 - p2
    return {"k1": k1, "n1": n1, "k2": k2, "n2": n2, "confidence": confidence, "difference": d,
            "low": d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
            "high": d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)}


def median_ranks(n, confidence):
    alpha = 1 - confidence
    k = 0
    while k < n and binom.cdf(k, n, 0.5) <= alpha / 2:
        k += 1
    return {"n": n, "confidence": confidence, "ranks": [0, n - 1] if k == 0 else [k - 1, n - k]}


cases = [(56, 70, 48, 80, 0.95), (9, 10, 3, 10, 0.95), (0, 500, 0, 9500, 0.99), (12, 400, 40, 7600, 0.999),
         (100, 100, 3, 1900, 0.9992), (5, 1000, 50, 1000, 0.95), (1, 250, 0, 4750, 0.998)]
newcombe_cases = [newcombe(*c) for c in cases]
assert abs(newcombe_cases[0]["low"] - 0.0524) < 5e-5 and abs(newcombe_cases[0]["high"] - 0.3339) < 5e-5

ranks = [median_ranks(n, c) for n, c in [(5, 0.95), (6, 0.95), (20, 0.95), (100, 0.99), (100, 1 - 2 * 4.1667e-4), (1000, 0.999), (2000, 1 - 2 * 2.6e-5)]]

rng = np.random.default_rng(15)
stable = rng.beta(2, 8, 400)
same = rng.beta(2, 8, 120)
positive = np.full(100, 0.97) + rng.uniform(0, 0.02, 100)
ks = []
for name, canary in [("same", same), ("positive", positive)]:
    r = ks_2samp(canary, stable)
    ks.append({"name": name, "canary": canary.tolist(), "stable": stable.tolist(), "statistic": float(r.statistic), "p_value": float(r.pvalue)})

OUT.write_text(json.dumps({"scipy": scipy.__version__, "newcombe": newcombe_cases, "median_ranks": ranks, "ks": ks}, indent=1) + "\n")
print(f"wrote {OUT}")
