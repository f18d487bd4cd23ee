"""Reference values for the rollout's live-quality signal (src/rollout/live-quality-signal.ts),
computed independently of modelkeeper, on seeded labelled samples of a stable and a canary model:

  - binary: sklearn.metrics.roc_auc_score of each side; DeLong's variance of each from the
    structural components (DeLong et al. 1988: V10_i = mean_j psi(x_i, y_j), V01_j = mean_i
    psi(x_i, y_j), psi = 1, 1/2, 0 for >, =, <; var = var(V10)/m + var(V01)/n, ddof 1), computed
    here pairwise with numpy; worse = AUC_stable - AUC_canary, low = worse - z * sqrt(var_s + var_c)
    with z = scipy.stats.norm.ppf(1 - alpha). Scores are rounded to 2 places so there are ties.
  - multiclass: misclassification rates, Newcombe's interval (from scipy's Wilson intervals) of
    canary - stable at confidence 1 - 2 alpha; low is its lower end.
  - regression: mean absolute errors, low = (MAE_c - MAE_s) - z * sqrt(var_c/n_c + var_s/n_s)
    (ddof 1), both worse and low divided by MAE_s.
Re-running rewrites the same file.

    /usr/bin/python3 scripts/references/rollout_live_quality.py
"""
import json
import math
import pathlib

import numpy as np
import scipy
import sklearn
from scipy.stats import binomtest, norm
from sklearn.metrics import roc_auc_score

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "stats" / "rollout-live-quality.json"


def delong(labels, scores):
    pos = scores[labels == 1]
    neg = scores[labels == 0]
    psi = (pos[:, None] > neg[None, :]).astype(float) + 0.5 * (pos[:, None] == neg[None, :])
    v10 = psi.mean(axis=1)
    v01 = psi.mean(axis=0)
    return float(v10.var(ddof=1) / len(pos) + v01.var(ddof=1) / len(neg))


def wilson(k, n, confidence):
    ci = binomtest(int(k), int(n)).proportion_ci(confidence_level=confidence, method="wilson")
    return float(ci.low), float(ci.high)


def newcombe_low(k1, n1, k2, n2, confidence):
    p1, p2 = k1 / n1, k2 / n2
    l1, _ = wilson(k1, n1, confidence)
    _, u2 = wilson(k2, n2, confidence)
    return p1 - p2 - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)


rng = np.random.default_rng(21)
cases = []


def binary(name, n_s, n_c, canary_sign, alpha):
    def sample(n, sign):
        x = rng.normal(size=n)
        y = (rng.uniform(size=n) < 1 / (1 + np.exp(-(-1.5 + 1.5 * x)))).astype(float)
        return y, np.round(1 / (1 + np.exp(-(-1.5 + sign * 1.5 * x))), 2)
    ys, ss = sample(n_s, 1)
    yc, sc = sample(n_c, canary_sign)
    a_s, a_c = roc_auc_score(ys, ss), roc_auc_score(yc, sc)
    worse = a_s - a_c
    low = worse - norm.ppf(1 - alpha) * math.sqrt(delong(ys, ss) + delong(yc, sc))
    cases.append({"name": name, "task": "binary", "alpha": alpha, "stable": {"labels": ys.tolist(), "predictions": ss.tolist()},
                  "canary": {"labels": yc.tolist(), "predictions": sc.tolist()}, "stable_value": a_s, "canary_value": a_c, "worse": worse, "low": low})


def multiclass(name, n_s, n_c, canary_accuracy, alpha):
    def sample(n, accuracy):
        y = rng.integers(0, 3, n).astype(float)
        right = rng.uniform(size=n) < accuracy
        return y, np.where(right, y, (y + rng.integers(1, 3, n)) % 3)
    ys, ps = sample(n_s, 0.8)
    yc, pc = sample(n_c, canary_accuracy)
    ks, kc = int((ys != ps).sum()), int((yc != pc).sum())
    cases.append({"name": name, "task": "multiclass", "alpha": alpha, "stable": {"labels": ys.tolist(), "predictions": ps.tolist()},
                  "canary": {"labels": yc.tolist(), "predictions": pc.tolist()}, "stable_value": ks / n_s, "canary_value": kc / n_c,
                  "worse": kc / n_c - ks / n_s, "low": newcombe_low(kc, n_c, ks, n_s, 1 - 2 * alpha)})


def regression(name, n_s, n_c, canary_noise, alpha):
    def sample(n, noise):
        y = rng.normal(50, 10, n)
        return y, y + rng.normal(0, noise, n)
    ys, ps = sample(n_s, 2.0)
    yc, pc = sample(n_c, canary_noise)
    es, ec = np.abs(ps - ys), np.abs(pc - yc)
    ms = es.mean()
    worse = ec.mean() - ms
    low = worse - norm.ppf(1 - alpha) * math.sqrt(ec.var(ddof=1) / n_c + es.var(ddof=1) / n_s)
    cases.append({"name": name, "task": "regression", "alpha": alpha, "stable": {"labels": ys.tolist(), "predictions": ps.tolist()},
                  "canary": {"labels": yc.tolist(), "predictions": pc.tolist()}, "stable_value": float(ms), "canary_value": float(ec.mean()),
                  "worse": worse / ms, "low": low / ms})


binary("binary, same model", 800, 200, 1, 1.25e-3)
binary("binary, backwards canary", 800, 200, -1, 1.25e-3)
multiclass("multiclass, same accuracy", 900, 300, 0.8, 6.25e-4)
multiclass("multiclass, worse canary", 900, 300, 0.6, 6.25e-4)
regression("regression, same noise", 700, 250, 2.0, 1e-3)
regression("regression, noisier canary", 700, 250, 3.0, 1e-3)

OUT.write_text(json.dumps({"scipy": scipy.__version__, "sklearn": sklearn.__version__, "cases": cases}) + "\n")
print(f"wrote {OUT}")
