"""Reference stream of test/support/seeded-random.ts, from the published algorithms in plain Python.

xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c) with its four
state words taken from splitmix32 (increment 0x9e3779b9, murmur3's finaliser), and the two uniforms
the module draws from it: 53 bits from two outputs (27 + 26 high bits), and (u + 0.5) / 2^32.
Seeds 1 and 11 are the ones the drift and gate tests use. Re-running rewrites the same file.

    /usr/bin/python3 scripts/references/seeded_random.py
"""
import json
import pathlib

M = 0xFFFFFFFF


def splitmix32(seed):
    state = seed & M
    while True:
        state = (state + 0x9E3779B9) & M
        z = state
        z = ((z ^ (z >> 16)) * 0x85EBCA6B) & M
        z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M
        yield (z ^ (z >> 16)) & M


def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & M


def xoshiro128ss(seed):
    mix = splitmix32(seed)
    s = [next(mix) for _ in range(4)]
    while True:
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 9) & M
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        yield result


def streams(seed):
    gen = xoshiro128ss(seed)
    uniform = []
    for _ in range(8):
        high, low = next(gen) >> 5, next(gen) >> 6
        uniform.append((high * 67108864 + low) / 9007199254740992)
    gen = xoshiro128ss(seed)
    uniform32 = [(next(gen) + 0.5) / 4294967296 for _ in range(8)]
    return {"uniform": uniform, "uniform32": uniform32}


out = pathlib.Path(__file__).resolve().parents[2] / "test/fixtures/stats/seeded-random.json"
out.write_text(json.dumps({"generator": "xoshiro128** seeded by splitmix32", "seeds": {str(s): streams(s) for s in (1, 11)}}, indent=2) + "\n")
print(f"wrote {out}")
