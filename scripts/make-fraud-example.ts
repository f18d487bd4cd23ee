/**
 * Writes the sample data committed in examples/fraud/data/ (training-era transactions from the
 * built-in generator, src/demo/transactions.ts), so a user can run `node train.mjs` there at once.
 * Deterministic: re-running rewrites the same bytes (test/trainer/fraud-example.test.ts checks).
 *
 *   node --import tsx scripts/make-fraud-example.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateTransactions, toCsv } from "../src/demo/transactions.ts";

export const FRAUD_EXAMPLE_DIR = fileURLToPath(new URL("../examples/fraud/", import.meta.url));

/** Repository-relative path under examples/fraud/ → file content. */
export function fraudExampleData(): Record<string, string> {
  return {
    "data/train.csv": toCsv(generateTransactions({ rows: 3000, seed: 1, scenario: "baseline" })),
    "data/holdout.csv": toCsv(generateTransactions({ rows: 2000, seed: 2, scenario: "baseline" })),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [path, content] of Object.entries(fraudExampleData())) {
    const target = join(FRAUD_EXAMPLE_DIR, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`examples/fraud/${path}: ${content.split("\n").length - 2} rows`);
  }
}
