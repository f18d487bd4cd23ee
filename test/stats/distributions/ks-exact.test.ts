import { test } from "node:test";
import { probabilityOutsideBand, probabilityOutsideSquare } from "../../../src/stats/distributions/ks-exact.ts";
import { assertClose, reference } from "../drift/fixture.ts";

test("probabilityOutsideSquare equals scipy's _compute_prob_outside_square", () => {
  for (const { n, h, p } of reference.exactOutsideSquare)
    assertClose(probabilityOutsideSquare(n, h), p, `n=${n} h=${h}`);
});

test("probabilityOutsideBand equals scipy's _compute_outer_prob_inside_method", () => {
  for (const { m, n, g, h, p } of reference.exactOutsideBand)
    assertClose(probabilityOutsideBand(m, n, g, h), p, `m=${m} n=${n} h=${h}`);
});

test("worked example: two against two, D = 1 in 2 of 6 orderings", () => {
  assertClose(probabilityOutsideSquare(2, 2), 1 / 3, "P(D >= 1)", 1e-15);
});
