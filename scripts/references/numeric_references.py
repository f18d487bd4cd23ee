#!/usr/bin/python3
"""Reference values for the numeric primitives (src/stats/numeric): the one quantile and the one
radix sort, computed with numpy.

Run with the Debian python (numpy 1.24):
    /usr/bin/python3 scripts/references/numeric_references.py
It rewrites test/fixtures/stats/numeric.json; re-running it reproduces the file byte for byte
(seeded numpy Generator, repr floats). test/stats/numeric/{quantile,radix-sort}.test.ts read it.

Quantiles: numpy.quantile(x, q, method="linear") on sorted data (normal, heavy ties, latency-like
milliseconds, negative and tiny values, one and two values). Sorts: numpy.sort and
numpy.argsort(kind="stable") on awkward doubles (both zeros, subnormals, huge values, infinities,
ties); numpy compares -0 and +0 as equal, so a stable argsort keeps them in input order.
Non-finite numbers are written as the strings "Infinity" and "-Infinity".
"""
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "stats", "numeric.json")
rng = np.random.default_rng(20261204)


def f(x):
    x = float(x)
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    assert not math.isnan(x)
    return x


def values(a):
    return [f(v) for v in a]


def g3(a):
    """Three significant digits: a small file, and ties."""
    return np.array([float(f"{v:.3g}") for v in a])


QS = [0.0, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.3, 1 / 3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 0.975, 0.99, 1.0]

quantile_cases = []
for name, data in [
    ("normal 57", g3(rng.normal(size=57))),
    ("heavy ties", np.array([1.0, 1, 1, 2, 2, 3, 7, 7, 7, 7, 7, 9])),
    ("latency ms 30", g3(10 * rng.lognormal(0, 0.3, size=30))),
    ("latency ratios 31", g3(rng.lognormal(0, 0.1, size=31))),
    ("negative and tiny", g3(-1e-7 * rng.exponential(size=20))),
    ("wide exponents", g3(rng.normal(size=25) * 10.0 ** rng.integers(-200, 200, size=25))),
    ("one value", np.array([4.5])),
    ("two values", np.array([-3.0, 10.0])),
]:
    s = np.sort(data)
    quantile_cases.append(
        {"name": name, "sorted": values(s), "q": QS, "quantiles": [f(np.quantile(s, q, method="linear")) for q in QS]}
    )

SPECIAL = [0.0, -0.0, 5e-324, -5e-324, 1e308, -1e308, math.inf, -math.inf, 1.0, -1.0, 0.1, 0.1, -0.0, 0.0]


def awkward(n):
    out = np.empty(n)
    for i in range(n):
        u = rng.uniform()
        if i < len(SPECIAL):
            out[i] = SPECIAL[i]
        elif u < 0.15:
            out[i] = [0.0, -0.0][int(rng.integers(2))]
        elif u < 0.45:
            out[i] = round(float(rng.normal()), 1)
        else:
            out[i] = float(f"{rng.normal() * 10.0 ** rng.integers(-12, 12):.3g}")
    return out


sort_cases = []
for name, data in [
    ("awkward 40 (built-in path)", awkward(40)),
    ("awkward 3000 (radix path)", awkward(3000)),
    ("probabilities 1000", g3(rng.uniform(size=1000))),
    ("small integers 1500", rng.integers(0, 50, size=1500).astype(float)),
]:
    rng.shuffle(data)
    sort_cases.append(
        {
            "name": name,
            "values": values(data),
            "sorted": values(np.sort(data, kind="stable")),
            "argsort": [int(i) for i in np.argsort(data, kind="stable")],
        }
    )

payload = {
    "generator": f"numpy {np.__version__}",
    "quantiles": quantile_cases,
    "sorts": sort_cases,
}
with open(OUT, "w") as out:
    json.dump(payload, out, indent=None, separators=(",", ":"))
    out.write("\n")
