import { test } from "node:test";
import { cohensH } from "../../../src/stats/drift/cohens-h.ts";
import { assertClose } from "./fixture.ts";

test("worked examples: 1% -> 5% and 0% -> 1%", () => {
  assertClose(cohensH(0.01, 0.05), 2 * Math.asin(Math.sqrt(0.05)) - 2 * Math.asin(0.1), "h", 1e-15);
  assertClose(cohensH(0.01, 0.05), 0.2506919694731428, "h value", 1e-12);
  assertClose(cohensH(0, 0.01), 0.2003348423231196, "0 -> 1%", 1e-12);
  assertClose(cohensH(0.5, 0.4), -0.20135792079033088, "decrease", 1e-12);
});
