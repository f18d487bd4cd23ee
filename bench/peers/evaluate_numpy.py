"""The numpy peer of `modelkeeper evaluate` for a binary model (issue 17 item 1): what a good Python
engineer writes. pandas reads the held-out CSV; the two logistic models score it (the same weights
as the ONNX files the CLI runs); scikit-learn computes ROC AUC, log loss, accuracy, Brier score and
average precision for both; a vectorised paired bootstrap of the ROC AUC difference draws one
multinomial count vector per resample (np.bincount of N uniform row indices) and computes both
weighted AUCs from tie-group counts (each model's scores grouped once by np.unique; per resample two
bincounts and a cumulative sum: O(N)); 95% percentile interval. Prints one JSON line.

    /usr/bin/python3 bench/peers/evaluate_numpy.py holdout.csv RESAMPLES SEED
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, average_precision_score, brier_score_loss, log_loss, roc_auc_score

CHAMPION = ([1.0, -0.5, 0.25, 0.8], -0.2)
CHALLENGER = ([1.1, -0.45, 0.3, 0.75], -0.15)


def score(frame, model):
    weights, intercept = model
    z = frame[["x0", "x1", "x2", "x3"]].to_numpy() @ np.asarray(weights) + intercept
    return (1 / (1 + np.exp(-z))).astype(np.float32).astype(np.float64)


def tie_groups(scores):
    _, group = np.unique(scores, return_inverse=True)
    return group, group.max() + 1


def weighted_auc(group, groups, labels, counts):
    positive = np.bincount(group, weights=counts * labels, minlength=groups)
    negative = np.bincount(group, weights=counts * (1 - labels), minlength=groups)
    below = np.cumsum(negative) - negative
    total_positive = positive.sum()
    total_negative = negative.sum()
    return (positive @ (below + 0.5 * negative)) / (total_positive * total_negative)


def main():
    path, resamples, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    started = time.perf_counter()
    frame = pd.read_csv(path)
    labels = frame["y"].to_numpy(dtype=np.float64)
    champion, challenger = score(frame, CHAMPION), score(frame, CHALLENGER)
    metrics = {}
    for name, s in (("champion", champion), ("challenger", challenger)):
        metrics[name] = {
            "roc_auc": roc_auc_score(labels, s), "log_loss": log_loss(labels, s),
            "accuracy": accuracy_score(labels, s >= 0.5), "brier": brier_score_loss(labels, s),
            "average_precision": average_precision_score(labels, s),
        }
    n = len(labels)
    rng = np.random.default_rng(seed)
    champion_groups, challenger_groups = tie_groups(champion), tie_groups(challenger)
    deltas = np.empty(resamples)
    for r in range(resamples):
        counts = np.bincount(rng.integers(0, n, n), minlength=n).astype(np.float64)
        deltas[r] = weighted_auc(*challenger_groups, labels, counts) - weighted_auc(*champion_groups, labels, counts)
    low, high = np.percentile(deltas, [2.5, 97.5])
    print(json.dumps({
        "seconds": time.perf_counter() - started, "rows": n,
        "delta": metrics["challenger"]["roc_auc"] - metrics["champion"]["roc_auc"], "ciLow": low, "ciHigh": high,
    }))


if __name__ == "__main__":
    main()
