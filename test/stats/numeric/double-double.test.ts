import { test } from "node:test";
import assert from "node:assert/strict";
import * as dd from "../../../src/stats/numeric/double-double.ts";

test("sums keep what a double would round away", () => {
  const sum = dd.add(dd.fromNumber(1), dd.fromNumber(1e-20));
  assert.deepEqual(sum, { hi: 1, lo: 1e-20 });
});

test("twoProduct is exact: 0.1 * 0.1 error term (exact value from Python fractions)", () => {
  const p = dd.twoProduct(0.1, 0.1);
  assert.equal(p.hi, 0.010000000000000002);
  assert.equal(p.lo, -8.326672684688674e-19);
});

test("division is accurate to double-double precision: (1/3) * 3 = 1", () => {
  const third = dd.divideNumbers(1, 3);
  const back = dd.multiplyNumber(third, 3);
  assert.equal(dd.toNumber(back), 1);
  assert.ok(Math.abs(back.hi - 1 + back.lo) < 1e-31);
});

test("frexp and ldexp follow C, including subnormals", () => {
  assert.deepEqual(dd.frexpNumber(8), { mantissa: 0.5, exponent: 4 });
  assert.deepEqual(dd.frexpNumber(-0.75), { mantissa: -0.75, exponent: 0 });
  assert.deepEqual(dd.frexpNumber(5e-324), { mantissa: 0.5, exponent: -1073 });
  assert.equal(dd.ldexpNumber(0.5, -1073), 5e-324);
  assert.equal(dd.ldexpNumber(0.75, 1030), 0.75 * 2 ** 1030);
  assert.deepEqual(dd.floor({ hi: 5, lo: -1e-17 }), { hi: 4, lo: 0 });
});
