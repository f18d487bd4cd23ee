"""Reference values for the evaluate statistics (src/stats/metrics, bootstrap, tests, distributions).

Builds seeded data sets with numpy (small with ties, imbalanced, perfect separation, continuous,
one class, multiclass with 3 classes, regression), computes every metric with scikit-learn, DeLong's
test with a direct O(N^2) numpy implementation of DeLong, DeLong & Clarke-Pearson (1988), McNemar's
exact test with scipy.stats.binomtest (mid-p computed here), the expected calibration error with the
numpy definition below (scikit-learn has none), a BCa interval from fixed inputs with scipy's
formulas, and a few normal / binomial distribution values, and writes inputs and outputs to
test/fixtures/stats/evaluate.json. Re-running rewrites the same file byte for byte.

    /usr/bin/python3 scripts/references/evaluate_references.py
"""
import json
import pathlib
import warnings

import numpy as np
import scipy
import sklearn
from scipy.special import ndtr, ndtri
from scipy.stats import binom, binomtest, norm
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    brier_score_loss,
    f1_score,
    log_loss,
    mean_absolute_error,
    mean_squared_error,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
)

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "stats" / "evaluate.json"


def floats(values):
    return [float(v) for v in values]


def value_or_none(fn):
    """sklearn raises where modelkeeper returns 'undefined': both become null here."""
    try:
        value = float(fn())
    except ValueError:
        return None
    return None if np.isnan(value) else value


def ece(y, p, bins):
    """Expected calibration error, the definition of expected-calibration-error.ts:
    bin = min(floor(p * bins), bins - 1); sum over non-empty bins of n_b / N * |mean(y_b) - mean(p_b)|."""
    index = np.minimum(np.floor(p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = index == b
        if mask.any():
            total += mask.sum() / len(p) * abs(y[mask].mean() - p[mask].mean())
    return total


def binary_metrics(y, p):
    out = {
        "roc_auc": value_or_none(lambda: roc_auc_score(y, p)),
        "average_precision": None if y.sum() == 0 else float(average_precision_score(y, p)),
        "log_loss": float(log_loss(y, p, labels=[0, 1])),
        "brier": float(brier_score_loss(y, p)),
        "ece": ece(y, p, 10),
        "ece_5_bins": ece(y, p, 5),
    }
    for threshold, suffix in ((0.5, ""), (0.3, "_at_0.3")):
        predicted = (p >= threshold).astype(int)
        out["accuracy" + suffix] = float(accuracy_score(y, predicted))
        out["precision" + suffix] = float(precision_score(y, predicted, zero_division=0))
        out["recall" + suffix] = float(recall_score(y, predicted, zero_division=0))
        out["f1" + suffix] = float(f1_score(y, predicted, zero_division=0))
    return out


def delong_direct(y, a, b, confidence=0.95):
    """DeLong et al. (1988) straight from the definitions, O(n_pos * n_neg)."""
    positives = y == 1
    negatives = ~positives
    m, n = positives.sum(), negatives.sum()
    if m < 2 or n < 2:
        return None
    v10, v01 = [], []
    for s in (a, b):
        x, z = s[positives][:, None], s[negatives][None, :]
        psi = (x > z) + 0.5 * (x == z)
        v10.append(psi.mean(axis=1))
        v01.append(psi.mean(axis=0))
    aucs = [float(v.mean()) for v in v10]
    s = np.cov(np.array(v10)) / m + np.cov(np.array(v01)) / n
    variance = s[0, 0] + s[1, 1] - 2 * s[0, 1]
    difference = aucs[1] - aucs[0]
    se = np.sqrt(variance)
    z = difference / se
    half = ndtri(1 - (1 - confidence) / 2) * se
    return {
        "championAuc": aucs[0],
        "challengerAuc": aucs[1],
        "difference": difference,
        "covariance": [floats(s[0]), floats(s[1])],
        "variance": float(variance),
        "z": float(z),
        "pValue": float(2 * norm.sf(abs(z))),
        "ciLow": float(difference - half),
        "ciHigh": float(difference + half),
    }


def mcnemar(b, c):
    n = b + c
    if n == 0:
        return {"b": b, "c": c, "pValue": 1.0, "midP": 1.0}
    k = min(b, c)
    exact = binomtest(k, n, 0.5).pvalue
    mid = min(1.0, 2 * binom.cdf(k, n, 0.5) - binom.pmf(k, n, 0.5))
    return {"b": b, "c": c, "pValue": float(exact), "midP": float(mid)}


def binary_case(name, y, champion, challenger):
    y = np.asarray(y, dtype=int)
    champion = np.round(np.asarray(champion, dtype=float), 6)
    challenger = np.round(np.asarray(challenger, dtype=float), 6)
    right_a = (champion >= 0.5).astype(int) == y
    right_b = (challenger >= 0.5).astype(int) == y
    return {
        "name": name,
        "labels": [int(v) for v in y],
        "champion": floats(champion),
        "challenger": floats(challenger),
        "metrics": {"champion": binary_metrics(y, champion), "challenger": binary_metrics(y, challenger)},
        "delong": delong_direct(y, champion, challenger),
        "mcnemar": mcnemar(int((right_a & ~right_b).sum()), int((~right_a & right_b).sum())),
    }


def binary_cases(rng):
    cases = []
    # small, coarse scores: many ties, exact 0, 0.5 and 1
    y = (rng.uniform(size=40) < 0.4).astype(int)
    a = np.round(np.clip(0.35 * y + rng.uniform(0, 0.65, 40), 0, 1), 1)
    b = np.round(np.clip(0.45 * y + rng.uniform(0, 0.55, 40), 0, 1), 1)
    a[:3] = [0.0, 1.0, 0.5]
    b[3:6] = [0.5, 0.0, 1.0]
    cases.append(binary_case("small_ties", y, a, b))
    # imbalanced: 4% positives, beta-distributed scores
    y = (rng.uniform(size=400) < 0.04).astype(int)
    a = np.where(y == 1, rng.beta(3, 2, 400), rng.beta(2, 5, 400))
    b = np.where(y == 1, rng.beta(4, 2, 400), rng.beta(2, 4, 400))
    cases.append(binary_case("imbalanced", y, a, b))
    # perfect separation by the champion, probabilities touching 0 and 1
    y = np.array([0] * 12 + [1] * 12)
    a = np.concatenate([rng.uniform(0, 0.45, 12), rng.uniform(0.55, 1, 12)])
    a[0], a[-1] = 0.0, 1.0
    b = np.clip(a + rng.normal(0, 0.25, 24), 0, 1)
    order = rng.permutation(24)
    cases.append(binary_case("perfect_separation", y[order], a[order], b[order]))
    # continuous scores, no ties
    y = (rng.uniform(size=300) < 0.3).astype(int)
    a = 1 / (1 + np.exp(-(1.2 * y + rng.normal(0, 1, 300) - 0.8)))
    b = 1 / (1 + np.exp(-(1.6 * y + rng.normal(0, 1, 300) - 0.9)))
    cases.append(binary_case("continuous", y, a, b))
    # one class only: ROC AUC and average precision undefined
    y = np.zeros(10, dtype=int)
    cases.append(binary_case("one_class", y, rng.uniform(size=10), rng.uniform(size=10)))
    return cases


def multiclass_case(name, y, champion, challenger):
    labels = list(range(champion.shape[1]))

    def metrics(p):
        predicted = p.argmax(axis=1)
        return {
            "accuracy": float(accuracy_score(y, predicted)),
            "macro_f1": float(f1_score(y, predicted, average="macro", zero_division=0)),
            "log_loss": float(log_loss(y, p, labels=labels)),
        }

    right_a = champion.argmax(axis=1) == y
    right_b = challenger.argmax(axis=1) == y
    return {
        "name": name,
        "classCount": champion.shape[1],
        "labels": [int(v) for v in y],
        "champion": floats(champion.ravel()),
        "challenger": floats(challenger.ravel()),
        "metrics": {"champion": metrics(champion), "challenger": metrics(challenger)},
        "mcnemar": mcnemar(int((right_a & ~right_b).sum()), int((~right_a & right_b).sum())),
    }


def multiclass_cases(rng):
    def probabilities(y, strength, n):
        logits = rng.normal(0, 1, (n, 3))
        logits[np.arange(n), y] += strength
        p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        return np.round(p, 2)  # rows no longer sum to exactly 1; ties in argmax possible

    y = rng.randint(0, 3, 60)
    cases = [multiclass_case("three_classes", y, probabilities(y, 1.0, 60), probabilities(y, 1.8, 60))]
    # class 1 never in the labels and never predicted: macro F1 leaves it out
    y = rng.choice([0, 2], 30)
    a = probabilities(y, 2.0, 30)
    b = probabilities(y, 1.0, 30)
    for p in (a, b):
        p[:, 1] = 0.0
    cases.append(multiclass_case("absent_class", y, a, b))
    return cases


def regression_case(rng):
    n = 50
    y = np.round(rng.normal(10, 3, n), 4)
    a = np.round(y + rng.normal(0, 1.5, n), 4)
    b = np.round(y + rng.normal(0.3, 1.0, n), 4)

    def metrics(p):
        return {
            "rmse": float(np.sqrt(mean_squared_error(y, p))),
            "mae": float(mean_absolute_error(y, p)),
            "r2": float(r2_score(y, p)),
        }

    return {"name": "noisy", "targets": floats(y), "champion": floats(a), "challenger": floats(b),
            "metrics": {"champion": metrics(a), "challenger": metrics(b)}}


def bca_reference(rng):
    """BCa from fixed inputs with scipy.stats._resampling._bca_interval's formulas."""
    bootstrap = np.round(rng.gamma(2.0, 0.01, 500) - 0.015, 8)
    estimate = 0.004
    jackknife = np.round(0.004 + rng.normal(0, 0.0004, 80) + rng.exponential(0.0002, 80), 8)
    confidence = 0.95
    alpha = (1 - confidence) / 2
    z0 = ndtri(((bootstrap < estimate).sum() + (bootstrap <= estimate).sum()) / (2 * len(bootstrap)))
    u = jackknife.mean() - jackknife
    a = (u ** 3).sum() / (6 * (u ** 2).sum() ** 1.5)
    levels = [ndtr(z0 + (z0 + z) / (1 - a * (z0 + z))) for z in (ndtri(alpha), ndtri(1 - alpha))]
    return {
        "bootstrap": floats(bootstrap),
        "estimate": estimate,
        "jackknife": floats(jackknife),
        "confidence": confidence,
        "biasCorrection": float(z0),
        "acceleration": float(a),
        "low": float(np.percentile(bootstrap, levels[0] * 100)),
        "high": float(np.percentile(bootstrap, levels[1] * 100)),
        "percentileLow": float(np.percentile(bootstrap, alpha * 100)),
        "percentileHigh": float(np.percentile(bootstrap, (1 - alpha) * 100)),
    }


def distributions():
    xs = [-38.0, -20.0, -8.3, -5.0, -3.0, -1.96, -1.0, -0.6, -0.3, 0.0, 0.2, 0.5, 0.7, 1.5, 3.0, 4.5, 6.0, 9.0]
    ps = [1e-300, 1e-20, 1e-10, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.8, 0.975, 0.999, 1 - 1e-12]
    pmf = [[3, 10, 0.5], [0, 10, 0.5], [10, 10, 0.5], [500, 1000, 0.5], [4000, 8300, 0.5], [12, 40, 0.3],
           [0, 1000, 0.001], [1, 1000000, 0.5], [7, 20, 0.9]]
    cdf = [[3, 10, 0.5], [4000, 8300, 0.5], [0, 5, 0.5], [20, 100, 0.5], [499000, 1000000, 0.5], [5, 40, 0.3]]
    return {
        "normalCdf": [[x, float(ndtr(x))] for x in xs],
        "normalUpperTail": [[x, float(norm.sf(x))] for x in xs],
        "normalQuantile": [[p, float(ndtri(p))] for p in ps],
        "binomialPmf": [[k, n, p, float(binom.pmf(k, n, p))] for k, n, p in pmf],
        "binomialCdf": [[k, n, p, float(binom.cdf(k, n, p))] for k, n, p in cdf],
    }


def main():
    warnings.simplefilter("ignore", RuntimeWarning)  # scipy's binom.pmf warns on underflow to 0
    rng = np.random.RandomState(20240229)
    fixture = {
        "generatedBy": "scripts/references/evaluate_references.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "binary": binary_cases(rng),
        "multiclass": multiclass_cases(rng),
        "regression": [regression_case(rng)],
        "mcnemarCounts": [mcnemar(b, c) for b, c in [(0, 0), (0, 5), (2, 8), (8, 2), (7, 7), (30, 45), (4000, 4300), (120000, 121500)]],
        "bca": bca_reference(rng),
        "distributions": distributions(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, indent=1) + "\n")
    print(f"wrote {OUT.relative_to(OUT.parents[3])}")


if __name__ == "__main__":
    main()
