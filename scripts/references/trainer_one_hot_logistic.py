"""Reference values for src/trainer/train-logistic-model.ts (logistic regression with one-hot features).

Fits, with scikit-learn, a ColumnTransformer that passes numeric features through and one-hot
encodes categorical ones (OneHotEncoder(handle_unknown="ignore"), sorted categories; one
transformer per feature so the encoded columns come in feature order), then StandardScaler and
LogisticRegression(C=1/l2), on a seeded synthetic data set. Writes the data, the fitted parameters
keyed by encoded column name ("feature=category"), the training ROC AUC and the probabilities of a few scoring rows, some
with categories never seen in training, to test/fixtures/trainer/one-hot-logistic-sklearn.json.
Re-running rewrites the same file.

    /usr/bin/python3 scripts/references/trainer_one_hot_logistic.py
"""
import json
import pathlib

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "trainer" / "one-hot-logistic-sklearn.json"

FEATURES = ["amount", "device", "hour", "country", "store"]
CATEGORICAL = ["device", "country", "store"]  # store holds numbers but is treated as categories
LABEL = "is_fraud"


def dataset():
    rng = np.random.RandomState(20240607)
    n = 300
    amount = np.round(rng.lognormal(mean=3.5, sigma=0.6, size=n), 2)
    device = rng.choice(["chip", "contactless", "online", "mobile_wallet"], size=n, p=[0.4, 0.3, 0.2, 0.1])
    hour = rng.randint(0, 24, size=n).astype(float)
    country = rng.choice(["US", "GB", "FR", "NG"], size=n, p=[0.7, 0.12, 0.1, 0.08])
    store = rng.choice([1, 2, 10], size=n, p=[0.5, 0.3, 0.2]).astype(float)
    logit = (
        0.02 * (amount - 35)
        + np.where(device == "online", 1.2, 0.0)
        - 0.08 * (hour - 12)
        + np.where(country == "NG", 1.5, np.where(country == "US", -0.5, 0.0))
        + np.where(store == 10, 0.7, 0.0)
        - 1.0
    )
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    return pd.DataFrame({"amount": amount, "device": device, "hour": hour, "country": country, "store": store, LABEL: y})


def scoring_rows():
    # Row 1: an unseen device; row 2: an unseen country; row 3: an unseen store; row 4: all unseen.
    return pd.DataFrame(
        {
            "amount": [12.5, 80.0, 35.25, 300.0, 5.0],
            "device": ["chip", "virtual_card", "online", "mobile_wallet", "virtual_card"],
            "hour": [3.0, 14.0, 23.0, 9.0, 0.0],
            "country": ["US", "NG", "BR", "FR", "BR"],
            "store": [1.0, 2.0, 10.0, 7.0, 7.0],
        }
    )


def top_categories(values, limit):
    """The trainer's rule: the `limit` most frequent values (ties by name), sorted by name."""
    names = [str(v) if isinstance(v, str) else format_number(v) for v in values]
    counts = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    kept = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return sorted(name for name, _ in kept)


def format_number(value):
    """JavaScript's String(x) for the whole numbers used here."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def as_text(frame):
    """Categorical columns as the text the ONNX model receives (String(x) for numbers)."""
    out = frame.copy()
    for name in CATEGORICAL:
        out[name] = [v if isinstance(v, str) else format_number(v) for v in frame[name]]
    return out


def fit(frame, l2, max_categories):
    text = as_text(frame)
    transformers = []
    for name in FEATURES:
        if name in CATEGORICAL:
            categories = top_categories(text[name], max_categories)
            encoder = OneHotEncoder(categories=[categories], handle_unknown="ignore", sparse_output=False)
            transformers.append((name, encoder, [name]))
        else:
            transformers.append((name, "passthrough", [name]))
    encode = ColumnTransformer(transformers)
    scaler = StandardScaler()
    model = LogisticRegression(C=1.0 / l2, solver="newton-cholesky", tol=1e-12, max_iter=10_000)
    pipeline = make_pipeline(encode, scaler, model)
    pipeline.fit(text[FEATURES], frame[LABEL])
    columns = []
    for name, transformer, _ in encode.transformers_:
        if transformer == "passthrough":
            columns.append(name)
        else:
            columns.extend(f"{name}={category}" for category in transformer.categories_[0])
    return {
        "l2": l2,
        "maxCategories": max_categories,
        "categories": {name: encode.named_transformers_[name].categories_[0].tolist() for name in CATEGORICAL},
        "columns": columns,
        "mean": scaler.mean_.tolist(),
        "scale": scaler.scale_.tolist(),
        "weights": model.coef_[0].tolist(),
        "intercept": float(model.intercept_[0]),
        "trainingAuc": float(roc_auc_score(frame[LABEL], pipeline.decision_function(text[FEATURES]))),
        "scoringProbabilities": pipeline.predict_proba(as_text(scoring_rows())[FEATURES])[:, 1].tolist(),
    }


def main():
    frame = dataset()
    scoring = scoring_rows()
    result = {
        "generator": "scripts/references/trainer_one_hot_logistic.py",
        "sklearn": sklearn.__version__,
        "features": FEATURES,
        "categorical": CATEGORICAL,
        "label": LABEL,
        "columns": {name: frame[name].tolist() for name in FEATURES + [LABEL]},
        "scoringRows": {name: scoring[name].tolist() for name in FEATURES},
        "fits": [fit(frame, 1.0, 50), fit(frame, 5.0, 2)],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
