"""Reference paired-bootstrap intervals for evaluate's Poisson bootstrap (src/stats/bootstrap).

For the binary fixture cases of test/fixtures/stats/evaluate.json with both classes and distinct
models (small_ties, imbalanced, continuous), computes the 95% interval of
delta = roc_auc(challenger) - roc_auc(champion) with scipy.stats.bootstrap (paired=True: the
textbook multinomial bootstrap, rows drawn with replacement) by BCa and by percentile, with
20,000 resamples so that scipy's own Monte Carlo error is small, and its bootstrap standard
error. Writes test/fixtures/stats/bootstrap.json. Re-running rewrites the same file.

    /usr/bin/python3 scripts/references/bootstrap_references.py
"""
import json
import pathlib

import numpy as np
import scipy
from scipy.stats import bootstrap
from sklearn.metrics import roc_auc_score

ROOT = pathlib.Path(__file__).resolve().parents[2]
RESAMPLES = 20000


def auc_difference(labels, champion, challenger):
    if labels.min() == labels.max():
        return np.nan
    return roc_auc_score(labels, challenger) - roc_auc_score(labels, champion)


def main():
    cases = json.loads((ROOT / "test/fixtures/stats/evaluate.json").read_text())["binary"]
    out = []
    for case in cases:
        if case["name"] not in ("small_ties", "imbalanced", "continuous"):
            continue
        data = tuple(np.asarray(case[k], dtype=float) for k in ("labels", "champion", "challenger"))
        intervals = {}
        for method in ("BCa", "percentile"):
            result = bootstrap(data, auc_difference, paired=True, vectorized=False, n_resamples=RESAMPLES,
                               confidence_level=0.95, method=method, random_state=np.random.default_rng(17))
            intervals[method] = result
        out.append({
            "name": case["name"],
            "delta": float(auc_difference(*data)),
            "bcaLow": float(intervals["BCa"].confidence_interval.low),
            "bcaHigh": float(intervals["BCa"].confidence_interval.high),
            "percentileLow": float(intervals["percentile"].confidence_interval.low),
            "percentileHigh": float(intervals["percentile"].confidence_interval.high),
            "standardError": float(intervals["BCa"].standard_error),
        })
    payload = {"generatedBy": "scripts/references/bootstrap_references.py", "scipy": scipy.__version__,
               "resamples": RESAMPLES, "cases": out}
    (ROOT / "test/fixtures/stats/bootstrap.json").write_text(json.dumps(payload, indent=1) + "\n")


if __name__ == "__main__":
    main()
