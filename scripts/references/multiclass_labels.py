"""Reference values for labels that are numbers but not column indices (issue: UCI wine's 1, 2, 3).

A seeded three-class linear softmax classifier over four features, whose classes are the label
values 1, 2, 3, scores a held-out set in which class 3 never occurs. scikit-learn computes the
metrics with the model's class list (labels=[1, 2, 3]); the test exports the same weights as an ONNX
LinearClassifier with classlabels_ints [1, 2, 3] and checks evaluate reports the same numbers.
Probabilities are computed in float32, as onnxruntime does. Re-running rewrites the same file.

    /usr/bin/python3 scripts/references/multiclass_labels.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, f1_score, log_loss

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "stats" / "multiclass-labels.json"

rng = np.random.default_rng(20261203)
classes = [1, 2, 3]
features = ["alcohol", "malic_acid", "ash", "flavanoids"]
rows = 240
# coefficients[c, f]: class c's weight on feature f; class 3 is rarely the most probable here.
coefficients = np.array([[1.2, -0.4, 0.3, 0.9], [-1.1, 0.6, -0.2, -0.8], [-0.3, -0.1, 0.1, -0.4]], dtype=np.float32)
intercepts = np.array([0.1, 0.2, -1.5], dtype=np.float32)
x = rng.normal(size=(rows, len(features))).round(3).astype(np.float32)
scores = x @ coefficients.T + intercepts
scores = scores - scores.max(axis=1, keepdims=True)
probabilities = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
# Labels: class 1 or 2 (never 3), mostly the likelier of the two, with some noise.
y = np.where(probabilities[:, 0] + rng.normal(scale=0.15, size=rows) > probabilities[:, 1], 1, 2)
predicted = np.array(classes)[probabilities.argmax(axis=1)]

fixture = {
    "generator": "scripts/references/multiclass_labels.py",
    "sklearn": sklearn.__version__,
    "numpy": np.__version__,
    "features": features,
    "classes": classes,
    "coefficients": [float(v) for v in coefficients.ravel()],
    "intercepts": [float(v) for v in intercepts],
    "x": [[float(v) for v in row] for row in x],
    "y": [int(v) for v in y],
    "expected": {
        "accuracy": float(accuracy_score(y, predicted)),
        "log_loss": float(log_loss(y, probabilities.astype(np.float64), labels=classes)),
        "macro_f1": float(f1_score(y, predicted, average="macro")),
    },
    # What a reader that took the labels 1, 2 as column indices would report instead.
    "as_indices_accuracy": float(accuracy_score(y - 0, probabilities.argmax(axis=1))),
}
OUT.write_text(json.dumps(fixture, indent=1) + "\n")
print(OUT, fixture["expected"], fixture["as_indices_accuracy"])
