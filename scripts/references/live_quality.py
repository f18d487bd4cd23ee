"""Reference values for live quality: metrics and their intervals on labelled production rows.

Two seeded cases (binary scores with labels drawn from them, and a regression), each with the
point value from scikit-learn and a 95% interval computed independently of modelkeeper:
  - accuracy, precision, recall (proportions): Wilson score interval,
    scipy.stats.binomtest(k, n).proportion_ci(method="wilson");
  - roc_auc: DeLong's variance of one AUC (structural components V10, V01 from the placements,
    var = var(V10)/m + var(V01)/n with ddof=1), normal interval, here with numpy's own ranks;
  - brier, log_loss, mae (means of per-row losses): normal interval of the mean, sd with ddof=1;
  - rmse: the square roots of the MSE's normal interval (a monotone transform of the mean).
Re-running rewrites the same file.

    /usr/bin/python3 scripts/references/live_quality.py
"""
import json
import pathlib

import numpy as np
import scipy
import sklearn
from scipy.stats import binomtest, norm, rankdata
from sklearn.metrics import accuracy_score, brier_score_loss, log_loss, mean_absolute_error, mean_squared_error, precision_score, recall_score, roc_auc_score

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "stats" / "live-quality.json"
Z = norm.ppf(0.975)


def wilson(k, n):
    ci = binomtest(int(k), int(n)).proportion_ci(confidence_level=0.95, method="wilson")
    return [float(ci.low), float(ci.high)]


def mean_interval(values):
    m = float(np.mean(values))
    se = float(np.std(values, ddof=1) / np.sqrt(len(values)))
    return m, [m - Z * se, m + Z * se]


def delong_interval(labels, scores):
    pos = scores[labels == 1]
    neg = scores[labels == 0]
    m, n = len(pos), len(neg)
    # V10[i]: share of negatives a positive outranks (ties half); V01[j]: share of positives above a negative.
    all_ranks = rankdata(np.concatenate([pos, neg]))
    v10 = (all_ranks[:m] - rankdata(pos)) / n
    v01 = 1 - (all_ranks[m:] - rankdata(neg)) / m
    auc = float(np.mean(v10))
    se = float(np.sqrt(np.var(v10, ddof=1) / m + np.var(v01, ddof=1) / n))
    return auc, [auc - Z * se, auc + Z * se]


rng = np.random.default_rng(20261203)
rows = 1500
scores = np.round(1 / (1 + np.exp(-rng.normal(-1.2, 1.6, rows))), 6)
labels = (rng.uniform(size=rows) < np.clip(scores * 1.1 - 0.02, 0, 1)).astype(int)
predicted = (scores >= 0.5).astype(int)
auc, auc_ci = delong_interval(labels, scores)
brier, brier_ci = mean_interval((scores - labels) ** 2)
clipped = np.clip(scores, 1e-15, 1 - 1e-15)
ll, ll_ci = mean_interval(-(labels * np.log(clipped) + (1 - labels) * np.log(1 - clipped)))
tp = int(np.sum((predicted == 1) & (labels == 1)))
binary = {
    "labels": labels.tolist(),
    "scores": scores.tolist(),
    "threshold": 0.5,
    "expected": {
        "roc_auc": {"value": float(roc_auc_score(labels, scores)), "interval": auc_ci, "delong_point": auc},
        "accuracy": {"value": float(accuracy_score(labels, predicted)), "interval": wilson(np.sum(predicted == labels), rows)},
        "precision": {"value": float(precision_score(labels, predicted)), "interval": wilson(tp, np.sum(predicted == 1))},
        "recall": {"value": float(recall_score(labels, predicted)), "interval": wilson(tp, np.sum(labels == 1))},
        "brier": {"value": float(brier_score_loss(labels, scores)), "interval": brier_ci},
        "log_loss": {"value": float(log_loss(labels, scores)), "interval": ll_ci},
    },
}

targets = np.round(rng.normal(50, 10, 800), 4)
predictions = np.round(targets + rng.normal(0.5, 3, 800), 4)
mse, mse_ci = mean_interval((predictions - targets) ** 2)
mae, mae_ci = mean_interval(np.abs(predictions - targets))
regression = {
    "targets": targets.tolist(),
    "predictions": predictions.tolist(),
    "expected": {
        "rmse": {"value": float(np.sqrt(mean_squared_error(targets, predictions))), "interval": [float(np.sqrt(mse_ci[0])), float(np.sqrt(mse_ci[1]))]},
        "mae": {"value": float(mean_absolute_error(targets, predictions)), "interval": mae_ci},
    },
}

OUT.write_text(json.dumps({
    "generator": "scripts/references/live_quality.py",
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
    "confidence": 0.95,
    "binary": binary,
    "regression": regression,
}) + "\n")
print(f"wrote {OUT}")
