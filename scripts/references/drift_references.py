#!/usr/bin/python3
"""Reference values for the drift statistics (src/stats/drift), computed with scipy/numpy.

Run with the Debian python (scipy 1.10, numpy 1.24):
    /usr/bin/python3 scripts/references/drift_references.py
It rewrites test/fixtures/drift/reference.json; re-running it reproduces the file byte for byte
(seeded numpy Generator, sorted keys, repr floats). test/stats/drift/*.test.ts compare against it.

Data sets: small samples for the exact KS branch, samples above 10,000 values for the asymptotic
branch (rounded to 3 decimals to keep the file small, which also makes ties), integer data with
heavy ties, and categorical samples with categories the reference never saw.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial import distance
from scipy.stats._stats_py import _compute_prob_outside_square
from scipy.stats._stats_pythran import _compute_outer_prob_inside_method

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "drift", "reference.json")
rng = np.random.default_rng(20240611)


def f(x):
    """A float as JSON can hold it (None for NaN/inf, which the tests never need)."""
    x = float(x)
    return x if math.isfinite(x) else None


def values(a):
    return [f(v) for v in a]


def r4(a):
    """Data rounded to 4 decimals: a smaller file, and realistic ties. References use the rounded data."""
    return np.round(a, 4)


# --- Kolmogorov-Smirnov two-sample ----------------------------------------------------------
ks_cases = []
# One large sample, stored once; big cases use its first n values as their first sample.
ks_large = np.round(rng.normal(size=12000), 2)


def ks_case(name, a, b):
    r = stats.ks_2samp(a, b, method="auto")
    method = "exact" if max(len(a), len(b)) <= 10000 else "asymptotic"
    case = {"name": name, "b": values(b), "statistic": f(r.statistic), "pvalue": f(r.pvalue), "method": method}
    if len(a) >= 10000 and np.array_equal(a, ks_large[: len(a)]):
        case["aLargePrefix"] = len(a)
    else:
        case["a"] = values(a)
    ks_cases.append(case)


ks_case("equal sizes 8 vs 8, shifted", r4(rng.normal(size=8)), r4(rng.normal(0.8, 1, size=8)))
ks_case("unequal 10 vs 7", r4(rng.normal(size=10)), r4(rng.normal(0.5, 1, size=7)))
ks_case("unequal 30 vs 45", r4(rng.normal(size=30)), r4(rng.normal(0.3, 1, size=45)))
ks_case("equal 100 vs 100, no shift", r4(rng.normal(size=100)), r4(rng.normal(size=100)))
ks_case("unequal 200 vs 300, small shift", r4(rng.normal(size=200)), r4(rng.normal(0.1, 1, size=300)))
ks_case("integers with ties 60 vs 40", rng.integers(0, 6, size=60).astype(float), rng.integers(0, 7, size=40).astype(float))
ks_case("identical samples", np.arange(12.0), np.arange(12.0))
ks_case("disjoint 3 vs 3", np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0]))
ks_case("exact at the boundary 10000 vs 37", ks_large[:10000], r4(rng.normal(0.2, 1, size=37)))
ks_case("exact 1500 vs 2000 ties", np.round(rng.exponential(size=1500), 1), np.round(rng.exponential(1.1, size=2000), 1))
ks_case("asymptotic 10001 vs 50", ks_large[:10001], r4(rng.normal(0.2, 1, size=50)))
ks_case("asymptotic 12000 vs 140 (Durbin/Pomeranz n)", ks_large[:12000], r4(rng.normal(0.0, 1, size=140)))
ks_case("asymptotic 10500 vs 900 (PelzGood)", ks_large[:10500], np.round(rng.normal(0.02, 1, size=900), 3))
ks_case("asymptotic 10200 vs 3000 (2 x smirnov)", ks_large[:10200], np.round(rng.normal(0.12, 1, size=3000), 3))
ks_case("asymptotic 11000 vs 20 far tail", ks_large[:11000], r4(rng.normal(3.0, 1, size=20)))

# The null distributions on their own, over every algorithm branch.
kstwo_grid = []
for n in [1, 2, 3, 5, 10, 37, 99, 100, 140, 141, 500, 952, 4000, 19608]:
    for x in [0.0005, 0.003, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.45, 0.5, 0.6, 0.75, 0.9, 0.99]:
        kstwo_grid.append({"n": n, "x": x, "sf": f(stats.kstwo.sf(x, n))})
kstwo_grid.append({"n": 100000, "x": 0.002, "sf": f(stats.kstwo.sf(0.002, 100000))})

smirnov_grid = []
for n in [1, 2, 5, 9, 10, 11, 50, 140, 1000, 1012, 1013, 19608, 2000000]:
    for x in [0.0, 0.0004, 0.01, 0.05, 0.1, 0.2, 0.5, 0.7, 0.9, 0.999, 1.0]:
        smirnov_grid.append({"n": n, "x": x, "sf": f(special.smirnov(n, x))})

exact_square = []
for n, h in [(1, 1), (5, 2), (10, 3), (50, 10), (100, 7), (100, 50), (2000, 30), (2000, 200)]:
    exact_square.append({"n": n, "h": h, "p": f(_compute_prob_outside_square(n, h))})
exact_band = []
for m, n, h in [(7, 5, 20), (10, 7, 30), (100, 50, 30), (45, 30, 40), (300, 200, 80), (10000, 37, 2500), (5000, 4000, 1500000)]:
    g = math.gcd(m, n)
    exact_band.append({"m": m, "n": n, "g": g, "h": h, "p": f(_compute_outer_prob_inside_method(m, n, g, h))})

# --- Wasserstein --------------------------------------------------------------------------
wasserstein_cases = []


def w_case(name, u, v):
    w = stats.wasserstein_distance(u, v)
    std = float(np.std(u))
    wasserstein_cases.append({"name": name, "u": values(u), "v": values(v), "distance": f(w), "referenceStd": f(std),
                              "normalized": f(w / std) if std > 0 else None})


w_case("shift by 5", np.array([0.0, 1.0, 3.0]), np.array([5.0, 6.0, 8.0]))
w_case("normal 300 vs 200", r4(rng.normal(size=300)), r4(rng.normal(0.3, 1.2, size=200)))
w_case("integers with ties", rng.integers(0, 10, size=500).astype(float), rng.integers(1, 10, size=350).astype(float))
w_case("lognormal 5000 vs 3000", r4(rng.lognormal(size=5000)), r4(rng.lognormal(0.1, 1, size=3000)))
w_case("offset large values", 1e6 + r4(rng.normal(size=400)), 1e6 + r4(rng.normal(0.05, 1, size=400)))

# --- Quantiles and PSI ----------------------------------------------------------------------
def psi_reference(ref, cur, bins=10, eps=1e-4):
    """PSI on reference-quantile bins: edges np.quantile(ref, k/bins), duplicates merged,
    right-closed bins via searchsorted(side='left'), empty shares replaced by eps."""
    ref = np.sort(ref)
    edges = []
    for k in range(1, bins):
        e = float(np.quantile(ref, k / bins))
        if not edges or e > edges[-1]:
            edges.append(e)
    edges = np.array(edges)
    rc = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1)
    cc = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=len(edges) + 1)
    return edges, rc, cc, psi_from_counts(rc, cc, eps)


def psi_from_counts(rc, cc, eps=1e-4):
    r = rc / rc.sum()
    c = cc / cc.sum()
    r = np.where(r == 0, eps, r)
    c = np.where(c == 0, eps, c)
    return float(np.sum((r - c) * np.log(r / c)))


quantile_cases = []
for name, data in [("normal 101", r4(rng.normal(size=101))), ("ties", np.array([1.0, 1, 1, 2, 2, 3, 7, 7, 7, 7])),
                   ("two values", np.array([0.0, 10.0])), ("uniform 1000", r4(rng.uniform(size=1000)))]:
    s = np.sort(data)
    qs = [0.0, 0.1, 0.25, 0.3, 0.5, 0.7, 0.75, 0.9, 1.0]
    quantile_cases.append({"name": name, "sorted": values(s), "q": qs, "quantiles": [f(np.quantile(s, q)) for q in qs]})

psi_cases = []
for name, ref, cur in [
    ("normal shift", r4(rng.normal(size=2000)), r4(rng.normal(0.3, 1, size=800))),
    ("no change", r4(rng.normal(size=2000)), r4(rng.normal(size=1000))),
    ("heavy ties zero-inflated", np.where(r4(rng.uniform(size=3000)) < 0.6, 0.0, r4(rng.exponential(size=3000))),
     np.where(r4(rng.uniform(size=1000)) < 0.4, 0.0, r4(rng.exponential(size=1000)))),
    ("outside the reference range", r4(rng.uniform(size=1000)), r4(rng.uniform(0.5, 1.5, size=500))),
    ("constant reference", np.full(50, 2.0), np.array([2.0] * 30 + [3.0] * 10)),
]:
    edges, rc, cc, psi = psi_reference(ref, cur)
    psi_cases.append({"name": name, "reference": values(ref), "current": values(cur), "edges": values(edges),
                      "referenceCounts": rc.tolist(), "currentCounts": cc.tolist(), "psi": psi})

# --- Categorical --------------------------------------------------------------------------
chi2_tables = []
for table in [[[10, 20], [20, 10]], [[3, 0], [1, 5]], [[120, 30, 50], [100, 45, 55]], [[500, 300, 150, 49, 1], [230, 160, 80, 25, 5]],
              [[19000, 1000], [4700, 300]], [[7, 9, 11, 13, 2, 8], [6, 12, 10, 9, 5, 7]], [[1, 2], [3, 4]]]:
    r = stats.chi2_contingency(table)
    chi2_tables.append({"table": table, "statistic": f(r.statistic), "pvalue": f(r.pvalue), "dof": int(r.dof)})

chi2_sf = []
for k in [1, 2, 3, 7, 19, 50, 199, 999]:
    for s in [0.01, 0.5, 1.0, 3.0, 10.0, 40.0, 150.0, 600.0, 2000.0]:
        chi2_sf.append({"statistic": s, "dof": k, "sf": f(stats.chi2.sf(s, k))})

categorical_cases = []


def categorical_case(name, ref_labels, cur_labels):
    ref_cats = list(dict.fromkeys(ref_labels))
    cats = ref_cats + [c for c in dict.fromkeys(cur_labels) if c not in ref_cats]
    rc = np.array([ref_labels.count(c) for c in cats])
    cc = np.array([cur_labels.count(c) for c in cats])
    r = stats.chi2_contingency(np.array([rc, cc]))
    categorical_cases.append({
        "name": name, "reference": ref_labels, "current": cur_labels, "categories": cats,
        "referenceCounts": rc.tolist(), "currentCounts": cc.tolist(),
        "chi2": {"statistic": f(r.statistic), "pvalue": f(r.pvalue), "dof": int(r.dof)},
        "jensenshannon": f(distance.jensenshannon(rc, cc, base=2)),
        "psi": psi_from_counts(rc, cc),
        "unseen": [{"category": c, "count": int(cc[i]), "share": f(cc[i] / cc.sum())} for i, c in enumerate(cats) if rc[i] == 0 and cc[i] > 0],
    })


letters = ["a", "b", "c", "d"]
categorical_case("same distribution", [str(x) for x in rng.choice(letters, size=400, p=[0.4, 0.3, 0.2, 0.1])],
                 [str(x) for x in rng.choice(letters, size=300, p=[0.4, 0.3, 0.2, 0.1])])
categorical_case("unseen categories", [str(x) for x in rng.choice(letters[:3], size=500, p=[0.5, 0.3, 0.2])],
                 [str(x) for x in rng.choice(["a", "b", "c", "new", "other"], size=400, p=[0.4, 0.25, 0.15, 0.12, 0.08])])
categorical_case("reference category vanished", [str(x) for x in rng.choice(letters, size=300, p=[0.3, 0.3, 0.3, 0.1])],
                 [str(x) for x in rng.choice(letters[:3], size=200, p=[0.3, 0.4, 0.3])])

js_cases = []
for p, q in [([1.0, 0.0], [0.5, 0.5]), ([1.0, 0.0, 0.0], [0.0, 1.0, 0.0]), ([1, 2, 3, 4], [13, 14, 15, 16]), ([0.25, 0.25, 0.5], [0.25, 0.25, 0.5]),
             ([500, 300, 150, 49, 1], [230, 160, 80, 25, 5])]:
    js_cases.append({"p": p, "q": q, "distance": f(distance.jensenshannon(p, q, base=2))})

# --- Missing share: Fisher's exact test -------------------------------------------------------
fisher_cases = []
for table in [[[3, 1], [1, 3]], [[0, 100], [5, 95]], [[200, 19800], [30, 970]], [[200, 19800], [1, 99]], [[50, 50], [50, 50]],
              [[0, 20000], [0, 100]], [[1000, 19000], [60000, 940000]], [[2, 7], [8, 2]], [[10, 0], [0, 10]]]:
    fisher_cases.append({"table": table, "pvalue": f(stats.fisher_exact(table)[1])})

# --- Benjamini-Hochberg -----------------------------------------------------------------------
def bh(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="mergesort")
    ranked = p[order] * m / np.arange(1, m + 1)
    adjusted_sorted = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adjusted_sorted, 1.0)
    return out


bh_cases = []
for p in [[0.01, 0.04, 0.03, 0.2], [0.5], [0.001, 0.002, 0.003, 0.004, 0.9, 0.95], list(r4(rng.uniform(size=12)))]:
    bh_cases.append({"p": values(p), "adjusted": values(bh(p))})

out = {
    "generatedBy": "scripts/references/drift_references.py",
    "versions": {"scipy": scipy.__version__, "numpy": np.__version__, "python": sys.version.split()[0]},
    "ks": ks_cases,
    "ksLarge": values(ks_large),
    "kstwoSf": kstwo_grid,
    "smirnovSf": smirnov_grid,
    "exactOutsideSquare": exact_square,
    "exactOutsideBand": exact_band,
    "wasserstein": wasserstein_cases,
    "quantiles": quantile_cases,
    "psi": psi_cases,
    "chi2Contingency": chi2_tables,
    "chi2Sf": chi2_sf,
    "categorical": categorical_cases,
    "jensenShannon": js_cases,
    "fisherExact": fisher_cases,
    "benjaminiHochberg": bh_cases,
}
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as fh:
    json.dump(out, fh, sort_keys=True, separators=(",", ":"))
    fh.write("\n")
print(f"wrote {os.path.relpath(OUT)}: {os.path.getsize(OUT)} bytes")
