import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { promotedFraudRepo, serveRepo, post } from "./support.ts";
import { generateTransactions, TRANSACTION_FEATURES } from "../../src/demo/transactions.ts";
import { inferBody } from "../../src/serve/infer-body.ts";

test("the server's prediction log is a production window drift reads as it is", async () => {
  const repo = await promotedFraudRepo();
  const logDir = join(repo.dir, "..", "prediction-log");
  const server = await serveRepo(repo, "fraud", {
    log: { dir: logDir, maxFileBytes: 256 * 1024, maxFileAgeMs: 3_600_000, sampleRate: 1, queueRows: 50_000 },
  });
  const window = generateTransactions({ rows: 2000, seed: 7, scenario: "new_scam" });
  const scores: number[] = [];
  try {
    for (let start = 0; start < window.rowCount; start += 100) {
      const answer = await post(
        `${server.url}/v2/models/fraud/infer`,
        inferBody(window, TRANSACTION_FEATURES, start, 100, `batch-${start}`),
      );
      assert.equal(answer.status, 200, JSON.stringify(answer.json));
      const probabilities =
        answer.json.outputs.find((o: any) => o.datatype === "FP32" && o.shape.length === 2) ?? answer.json.outputs[0];
      const width = probabilities.shape[1] ?? 1;
      for (let i = 0; i < 100; i++) scores.push(probabilities.data[i * width + width - 1]);
    }
  } finally {
    await server.shutdown();
  }
  try {
    const files = (await readdir(logDir)).sort();
    assert.ok(files.length > 1, `rotated by size: ${files.length} files`);
    const lines = (await Promise.all(files.map((f) => readFile(join(logDir, f), "utf8"))))
      .join("")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.equal(lines.length, 2000, "every scored row is logged");
    assert.equal(lines[150]._id, "batch-100");
    assert.equal(lines[150]._version, "v1");
    assert.equal(lines[150]._endpoint, "stable");
    assert.equal(
      lines[150].device,
      (window.columns.find((c) => c.name === "device") as any).categories[
        (window.columns.find((c) => c.name === "device") as any).codes[150]
      ],
    );
    assert.ok(Math.abs(lines[150].prediction - scores[150]) < 1e-6, "the logged score is the answered one");

    const drift = await repo.cli("drift", "--current", logDir, "--json");
    assert.equal(drift.code, 1, drift.stderr);
    const result = JSON.parse(drift.stdout).models[0];
    assert.equal(result.assessment.current.rowCount, 2000);
    const monitored = result.assessment.columns.map((c: any) => c.name);
    assert.ok(monitored.includes("prediction: score") && monitored.includes("prediction: class"), monitored.join(", "));
    assert.ok(!monitored.some((name: string) => name.startsWith("_")), "the request's facts are not monitored");
    assert.ok(result.assessment.driftedColumns.includes("device"), result.assessment.driftedColumns.join(", "));
  } finally {
    await repo.cleanup();
  }
});
