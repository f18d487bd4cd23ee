"""Reference values for labels that are numbers but not column indices (issue: UCI wine's 1, 2, 3).

A seeded three-class linear softmax classifier over four features, whose classes are the label
values 1, 2, 3, scores two held-out sets: "all_classes" (labels drawn from the model's own
probabilities, so 1, 2 and 3 all occur) and "class_3_absent" (labels 1 or 2 only, as in the issue's
wine example). scikit-learn computes the metrics with the model's class list (labels=[1, 2, 3] for
log_loss; macro F1 over the classes in the labels or the predictions, sklearn's default). The test
exports the same weights as an ONNX LinearClassifier with classlabels_ints [1, 2, 3] and checks that
evaluate reports the same numbers. Probabilities are computed in float32, as onnxruntime does.
Re-running rewrites the same file.

    /usr/bin/python3 scripts/references/multiclass_labels.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, f1_score, log_loss

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "stats" / "multiclass-labels.json"

rng = np.random.default_rng(20261203)
classes = np.array([1, 2, 3])
features = ["alcohol", "malic_acid", "ash", "flavanoids"]
rows = 240
# coefficients[c, f]: class c's weight on feature f; class 3 is rarely the most probable here.
coefficients = np.array([[1.2, -0.4, 0.3, 0.9], [-1.1, 0.6, -0.2, -0.8], [-0.3, -0.1, 0.1, -0.4]], dtype=np.float32)
intercepts = np.array([0.1, 0.2, -1.5], dtype=np.float32)


def probabilities_of(x):
    scores = x @ coefficients.T + intercepts
    scores = scores - scores.max(axis=1, keepdims=True)
    return np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)


def held_out_set(x, y):
    p = probabilities_of(x)
    predicted = classes[p.argmax(axis=1)]
    return {
        "x": [[float(v) for v in row] for row in x],
        "y": [int(v) for v in y],
        "expected": {
            "accuracy": float(accuracy_score(y, predicted)),
            "log_loss": float(log_loss(y, p.astype(np.float64), labels=classes)),
            "macro_f1": float(f1_score(y, predicted, average="macro")),
        },
        # What a reader that took the label values as column indices would report for accuracy.
        "as_indices_accuracy": float(accuracy_score(y, p.argmax(axis=1))),
    }


x_absent = rng.normal(size=(rows, len(features))).round(3).astype(np.float32)
p_absent = probabilities_of(x_absent)
# Labels: class 1 or 2 (never 3), mostly the likelier of the two, with some noise.
y_absent = np.where(p_absent[:, 0] + rng.normal(scale=0.15, size=rows) > p_absent[:, 1], 1, 2)

x_all = rng.normal(size=(rows, len(features))).round(3).astype(np.float32)
p_all = probabilities_of(x_all).astype(np.float64)
# Labels drawn from the model's probabilities: every class occurs.
y_all = classes[(rng.random(size=(rows, 1)) > p_all.cumsum(axis=1)).sum(axis=1).clip(0, 2)]
assert set(y_all) == {1, 2, 3} and set(y_absent) == {1, 2}

fixture = {
    "generator": "scripts/references/multiclass_labels.py",
    "sklearn": sklearn.__version__,
    "numpy": np.__version__,
    "features": features,
    "classes": [int(c) for c in classes],
    # Row-major [C, F], as LinearClassifier's coefficients attribute takes them.
    "coefficients": [float(v) for v in coefficients.ravel()],
    "intercepts": [float(v) for v in intercepts],
    "sets": {"all_classes": held_out_set(x_all, y_all), "class_3_absent": held_out_set(x_absent, y_absent)},
}
OUT.write_text(json.dumps(fixture, indent=1) + "\n")
print(OUT, {name: (s["expected"], s["as_indices_accuracy"]) for name, s in fixture["sets"].items()})
