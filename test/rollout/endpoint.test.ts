// The rollout routes over real HTTP (a loopback node:http server standing in for serve's router):
// what Argo Rollouts' Web metric (GET, jsonPath {$.ok}) and Flagger's rollout webhook (POST, status)
// get before and after a revert, and a model without a canary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash } from "node:crypto";
import { RolloutController } from "../../src/rollout/controller.ts";
import { rolloutAnswer } from "../../src/rollout/endpoint.ts";
import { observationOf } from "../../src/rollout/observation.ts";
import { createRandom } from "../../src/stats/numeric/random.ts";

const sha = (t: string) => createHash("sha256").update(t).digest("hex");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (response: Response): Promise<any> => response.json();
const row = (score: number) =>
  observationOf({ rowCount: 1, scores: Float64Array.of(score), outputs: { value: "probabilities" } }, "binary", 2);

test("GET …/rollout and POST …/rollout/gate, as Argo Rollouts and Flagger call them", async () => {
  const random = createRandom(12);
  let clock = Date.parse("2026-12-03T12:00:00Z");
  const controller = await RolloutController.open({
    model: "fraud",
    canary: { sha256: sha("v3"), version: "v3" },
    now: () => clock,
    random: () => random.nextFloat(),
    config: {
      steps: [20, 100],
      min_requests: 500,
      min_minutes: 5,
      alpha: 0.01,
      error_rate_margin: 0.005,
      latency_median_ratio: 1.5,
      prediction_ks: 0.1,
      quality_margin: 0.02,
    },
  });
  const server = createServer((req, res) => {
    const match = /^\/v2\/models\/([^/]+)\/rollout(\/gate)?$/.exec(req.url ?? "");
    const model = decodeURIComponent(match?.[1] ?? "");
    const answer = match
      ? rolloutAnswer(model, model === "fraud" ? controller : undefined, match[2] ? "gate" : "verdict")
      : { status: 404, body: { error: "no such route" } };
    req.resume();
    res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/models`;
  try {
    const flagger = () =>
      fetch(`${base}/fraud/rollout/gate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "fraud-model", namespace: "default", phase: "Progressing", metadata: {} }),
      });
    let argo = await fetch(`${base}/fraud/rollout`);
    assert.equal(argo.status, 200);
    assert.deepEqual(await json(argo).then((b) => [b.ok, b.verdict, b.percent]), [true, "pending", 20]);
    assert.equal((await flagger()).status, 200);

    while (controller.serving().canaryPercent > 0) {
      clock += 2;
      if (random.nextFloat() * 100 < 20) controller.observe("canary", row(0.99));
      else controller.observe("stable", row(random.nextFloat() ** 2));
    }
    argo = await fetch(`${base}/fraud/rollout`);
    assert.equal(argo.status, 200, "the verdict route always answers 200: Argo reads the body");
    const body = await json(argo);
    assert.equal(body.ok, false);
    assert.equal(body.verdict, "fail");
    assert.match(body.reason, /^prediction_mix/);
    const gate = await flagger();
    assert.equal(gate.status, 412, "Flagger counts a non-2xx as a failed check");
    assert.equal((await json(gate)).verdict, "fail");

    const none = await fetch(`${base}/other/rollout`);
    assert.equal(none.status, 404);
    assert.match(
      (await json(none)).error,
      /no rollout for model "other": serve runs no canary\. Start it with --canary/,
    );
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
