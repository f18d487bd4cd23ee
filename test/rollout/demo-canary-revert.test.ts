// The demo's v3 act on a real repository (v1 promoted): the bad canary is served by a real
// `modelkeeper serve` process over HTTP, reverted on its prediction mix, every later answer is
// stable's, the evidence and the history are printed, and the notes on the canary's commit say so.
import { test } from "node:test";
import assert from "node:assert/strict";
import { runCanaryRevert } from "../../demo/canary-revert.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { createGit } from "../../src/git/git.ts";
import { readNote } from "../../src/git/notes.ts";
import { promotedRepo } from "./serve-support.ts";

test("demo v3: a fast, error-free canary that predicts badly is reverted by the server on its own, and the demo prints why", async () => {
  const repo = await promotedRepo();
  const lines: string[] = [];
  try {
    const env = { ...process.env, GITHUB_TOKEN: "", GITHUB_EVENT_NAME: "", GITHUB_EVENT_PATH: "", GITHUB_ACTIONS: "" };
    const result = await runCanaryRevert({ repo: repo.dir, env, runCli, say: (l) => lines.push(l) });
    const output = lines.join("\n");
    assert.equal(result.verdict.state, "reverted");
    assert.equal(result.verdict.verdict, "fail");
    assert.match(
      result.revertLine,
      /reverted after \d+ canary requests: all traffic back to stable v1\. Why: prediction_mix: KS statistic/,
    );
    assert.ok(
      result.beforeRevert.byCanary > 0 && result.beforeRevert.byCanary < result.beforeRevert.requests,
      JSON.stringify(result.beforeRevert),
    );
    assert.deepEqual(result.afterRevert, { v1: 400 });
    assert.ok(result.verdict.evidence.some((e) => e.signal === "prediction_mix" && e.breached));
    assert.ok(
      result.verdict.evidence.every((e) => e.signal === "prediction_mix" || !e.breached),
      "error rate and latency are fine: only the predictions are wrong",
    );
    assert.match(output, /BREACH prediction_mix: KS statistic/);
    assert.match(output, /\/rollout\/gate answers 412/);
    assert.match(result.rolloutStatus, /reverted at 20%/);
    assert.match(result.rolloutStatus, /why: prediction_mix/);
    // Recorded where the canary came from, and pushed.
    const transitions = (await readNote(createGit(repo.origin), result.commit))
      .filter((l) => l.event === "rollout")
      .map((l) => (l as { transition: string }).transition);
    assert.deepEqual(transitions, ["started", "reverted"]);
    assert.equal((await repo.git.run(["rev-parse", "--abbrev-ref", "HEAD"])).trim(), "main");
  } finally {
    await repo.cleanup();
  }
});
