"""Reference values for src/model/train/logistic-regression.ts.

Fits make_pipeline(StandardScaler(), LogisticRegression(C=1/l2)) with scikit-learn on a seeded
synthetic data set and writes the data, the fitted parameters and a few probabilities to
test/fixtures/models/logistic-regression-sklearn.json. Re-running rewrites the same file.

    /usr/bin/python3 scripts/references/models_logistic_regression.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "models" / "logistic-regression-sklearn.json"


def dataset():
    rng = np.random.RandomState(20240601)
    n = 120
    amount = rng.lognormal(mean=3.5, sigma=0.6, size=n)
    hour = rng.randint(0, 24, size=n).astype(float)
    distance = rng.exponential(scale=4.0, size=n)
    logit = 0.04 * (amount - 35) - 0.15 * (hour - 12) + 0.5 * (distance - 4)
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    # Round so the JSON holds the exact values both sides fit on.
    x = np.round(np.column_stack([amount, hour, distance]), 6)
    return x, y


def fit(x, y, l2):
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=1.0 / l2, solver="newton-cholesky", tol=1e-12, max_iter=10_000)
    model.fit(scaler.transform(x), y)
    return {
        "l2": l2,
        "mean": scaler.mean_.tolist(),
        "scale": scaler.scale_.tolist(),
        "weights": model.coef_[0].tolist(),
        "intercept": float(model.intercept_[0]),
        "probabilityFirstRows": model.predict_proba(scaler.transform(x[:5]))[:, 1].tolist(),
    }


def main():
    x, y = dataset()
    result = {
        "generator": "scripts/references/models_logistic_regression.py",
        "sklearn": sklearn.__version__,
        "features": ["amount", "hour", "distance"],
        "label": "is_fraud",
        "columns": {"amount": x[:, 0].tolist(), "hour": x[:, 1].tolist(), "distance": x[:, 2].tolist(), "is_fraud": y.tolist()},
        "fits": [fit(x, y, 1.0), fit(x, y, 10.0)],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
