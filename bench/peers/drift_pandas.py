"""The drift command's work, as a good Python engineer writes it with pandas and scipy.

For every monitored column of two CSV files (reference, current) it computes what
`modelkeeper drift` computes (src/stats/drift/):
  numeric:     KS two-sample (scipy.stats.ks_2samp), Wasserstein distance over the reference
               std, the expected null Wasserstein (the noise floor the verdict removes), PSI on
               10 reference-quantile bins, Fisher's exact test on the missing share;
  categorical: chi-squared on the 2 x K table (scipy.stats.chi2_contingency), Jensen-Shannon
               distance (base 2), PSI on the categories, Fisher's exact test on the missing share;
and one Benjamini-Hochberg family over all p-values (scipy 1.10 has no false_discovery_control:
numpy's four lines of it, below).
Usage: python3 drift_pandas.py REFERENCE.csv CURRENT.csv [RUNS]
Prints one line per run: the wall seconds, then a JSON line of the statistics of the last run.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon
from scipy.special import gammaln

EPS = 1e-4


def psi(r, c):
    r = r / r.sum()
    c = c / c.sum()
    r = np.where(r == 0, EPS, r)
    c = np.where(c == 0, EPS, c)
    return float(np.sum((r - c) * np.log(r / c)))


def poisson_factor(lam):
    # E|X - lam| / sqrt(lam) for X ~ Poisson(lam), sqrt(2/pi) from 40 on (sampling-noise.ts).
    out = np.full(lam.shape, np.sqrt(2 / np.pi))
    small = lam < 40
    k = np.floor(lam[small])
    out[small] = np.where(lam[small] > 0, 2 * np.exp(-lam[small] + (k + 0.5) * np.log(np.maximum(lam[small], 1e-300)) - gammaln(k + 1)), 0)
    return out


def null_wasserstein(sorted_ref, n_cur):
    n = sorted_ref.size
    n_eff = n * n_cur / (n + n_cur)
    gaps = np.diff(sorted_ref)
    F = np.arange(1, n) / n
    tail = np.minimum(F, 1 - F)
    return float(np.sum(np.sqrt(F * (1 - F)) * poisson_factor(n_eff * tail) * gaps) / np.sqrt(n_eff))


def benjamini_hochberg(p):
    p = np.asarray(p, dtype=float)
    order = np.argsort(p)
    scaled = p[order] * p.size / np.arange(1, p.size + 1)
    adjusted = np.empty_like(p)
    adjusted[order] = np.minimum(1, np.minimum.accumulate(scaled[::-1])[::-1])
    return adjusted


def numeric(ref, cur):
    r = ref.dropna().to_numpy()
    c = cur.dropna().to_numpy()
    r.sort()
    c.sort()
    ks = stats.ks_2samp(r, c)
    w = stats.wasserstein_distance(r, c) / r.std()
    edges = np.unique(np.quantile(r, np.arange(1, 10) / 10))
    rc = np.bincount(np.searchsorted(edges, r, side="left"), minlength=edges.size + 1)
    cc = np.bincount(np.searchsorted(edges, c, side="left"), minlength=edges.size + 1)
    return {"ks": float(ks.statistic), "p": float(ks.pvalue), "wasserstein": float(w), "noise": null_wasserstein(r, c.size) / r.std(), "psi": psi(rc, cc)}


def categorical(ref, cur):
    r = ref.value_counts()
    c = cur.value_counts()
    both = r.index.union(c.index)
    r = r.reindex(both, fill_value=0).to_numpy()
    c = c.reindex(both, fill_value=0).to_numpy()
    chi2, p, _, _ = stats.chi2_contingency(np.vstack([r, c]))
    return {"chi2": float(chi2), "p": float(p), "js": float(jensenshannon(r / r.sum(), c / c.sum(), base=2)), "psi": psi(r, c)}


def once(reference_path, current_path):
    ref = pd.read_csv(reference_path)
    cur = pd.read_csv(current_path)
    out = {}
    pvalues = []
    for name in ref.columns:
        if name not in cur.columns:
            continue
        a, b = ref[name], cur[name]
        result = numeric(a, b) if pd.api.types.is_numeric_dtype(a) else categorical(a, b)
        missing = [[int(a.isna().sum()), int(a.notna().sum())], [int(b.isna().sum()), int(b.notna().sum())]]
        if missing[0][0] or missing[1][0]:
            result["missing_p"] = float(stats.fisher_exact(missing)[1])
            pvalues.append(result["missing_p"])
        pvalues.append(result["p"])
        out[name] = result
    adjusted = benjamini_hochberg(pvalues) if pvalues else []
    out["bh"] = [float(x) for x in adjusted]
    return out


if __name__ == "__main__":
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    result = None
    for _ in range(runs):
        t = time.perf_counter()
        result = once(sys.argv[1], sys.argv[2])
        print(time.perf_counter() - t, flush=True)
    print(json.dumps(result))
