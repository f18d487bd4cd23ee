#!/usr/bin/python3
"""Reference thresholds of the Poisson bootstrap's weights (src/stats/bootstrap/poisson-weights.ts):
T[k] = ceil(P(X <= k) * 2^32) for X ~ Poisson(1), k = 0..11, computed exactly enough with Python's
decimal module at 60 digits (no floating point), so a weight is #{k : u >= T[k]} for a 32-bit u.

Run with the Debian python:
    /usr/bin/python3 scripts/references/poisson_thresholds.py
It rewrites test/fixtures/stats/poisson-thresholds.json byte for byte;
test/stats/bootstrap/poisson-weights.test.ts reads it.
"""
import json
import os
from decimal import Decimal, getcontext, ROUND_CEILING

getcontext().prec = 60
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "stats", "poisson-thresholds.json")

e_inv = Decimal(-1).exp()
cumulative = Decimal(0)
term = e_inv
thresholds = []
for k in range(12):
    cumulative += term
    term /= k + 1
    thresholds.append(int((cumulative * 2**32).to_integral_value(rounding=ROUND_CEILING)))

with open(OUT, "w") as f:
    json.dump({"description": "ceil(P(X <= k) * 2^32), X ~ Poisson(1), k = 0..11", "thresholds": thresholds}, f, indent=1)
    f.write("\n")
