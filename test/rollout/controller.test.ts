// The part serve holds: resume from the notes, observe answers built from real Prediction shapes,
// revert with the verdict the rollout endpoint serves, records written in the background (and a
// failing push reported, not fatal), a restart that keeps a reverted canary out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { rm } from "node:fs/promises";
import { createTestRepo, simpleModelFiles } from "../support/git-repo.ts";
import { createGit } from "../../src/git/git.ts";
import { readNote } from "../../src/git/notes.ts";
import { RolloutController } from "../../src/rollout/controller.ts";
import { failedObservation, observationOf } from "../../src/rollout/observation.ts";
import { gateHttpStatus } from "../../src/rollout/verdict.ts";
import type { Prediction } from "../../src/model/output-plan.ts";
import type { RolloutConfig } from "../../src/config/types.ts";
import { createRandom } from "../../src/stats/numeric/random.ts";

const CONFIG: RolloutConfig = {
  steps: [20, 100],
  min_requests: 500,
  min_minutes: 5,
  alpha: 0.01,
  error_rate_margin: 0.005,
  latency_median_ratio: 1.5,
  prediction_ks: 0.1,
  quality_margin: 0.02,
};
const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const binary = (scores: number[]): Prediction => ({
  rowCount: scores.length,
  scores: Float64Array.from(scores),
  outputs: { value: "probabilities" },
});

test("observationOf: binary and regression keep the scores, multiclass gives the predicted class index per row", () => {
  assert.deepEqual(Array.from(observationOf(binary([0.1, 0.9]), "binary", 3).scores!), [0.1, 0.9]);
  const multiclass: Prediction = {
    rowCount: 2,
    scores: Float64Array.from([0.7, 0.5]),
    probabilities: Float64Array.from([0.2, 0.7, 0.1, 0.5, 0.3, 0.2]),
    classCount: 3,
    outputs: { value: "probabilities" },
  };
  const o = observationOf(multiclass, "multiclass", 3);
  assert.deepEqual(Array.from(o.scores!), [1, 0]);
  assert.deepEqual(failedObservation(7), { ok: false, latencyMs: 7 });
});

test("serve's controller: started on open, reverted on a canary that predicts positive for everyone, recorded and pushed; a restart keeps it out", async () => {
  const repo = await createTestRepo(simpleModelFiles());
  try {
    const commit = await repo.commit("canary");
    await repo.git.run(["push", "--quiet", "origin", "main"]);
    let clock = Date.parse("2026-12-03T12:00:00Z");
    const random = createRandom(8);
    const recorded: string[] = [];
    const options = {
      model: "fraud",
      config: CONFIG,
      git: repo.git,
      remote: "origin",
      now: () => clock,
      random: () => random.nextFloat(),
      canary: { sha256: sha("v3"), commit, version: "v3" },
      stable: { sha256: sha("v2"), version: "v2" },
      onRecorded: (ts: readonly { transition: string }[], outcome: { pushed?: boolean; error?: string }) =>
        recorded.push(...ts.map((t) => `${t.transition}:${outcome.pushed}`)),
    };
    const controller = await RolloutController.open(options);
    assert.deepEqual(recorded, ["started:true"]);
    assert.deepEqual(controller.serving(), { canaryPercent: 20, shadow: false });
    assert.equal(controller.verdict().verdict, "pending");
    assert.equal(gateHttpStatus(controller.verdict()), 200);

    let canaryRequests = 0;
    while (controller.serving().canaryPercent > 0) {
      clock += 2;
      if (random.nextFloat() * 100 < controller.serving().canaryPercent) {
        canaryRequests += 1;
        controller.observe("canary", observationOf(binary([0.99]), "binary", 2));
      } else {
        controller.observe(
          "stable",
          random.nextFloat() < 0.01
            ? failedObservation(2)
            : observationOf(binary([random.nextFloat() ** 2]), "binary", 2),
        );
      }
    }
    assert.ok(canaryRequests <= 200, `${canaryRequests} canary requests`);
    const verdict = controller.verdict();
    assert.equal(verdict.verdict, "fail");
    assert.equal(verdict.ok, false);
    assert.equal(gateHttpStatus(verdict), 412);
    assert.equal(verdict.percent, 20);
    assert.equal(verdict.requests.canary, canaryRequests);
    assert.match(verdict.reason!, /^prediction_mix: KS statistic/);
    assert.ok(verdict.evidence.find((e) => e.signal === "prediction_mix")!.breached);
    assert.deepEqual(Object.keys(verdict).sort(), [
      "canary",
      "evidence",
      "labels",
      "looks",
      "model",
      "ok",
      "percent",
      "reason",
      "recorded",
      "requests",
      "stable",
      "state",
      "step",
      "step_started_at",
      "steps",
      "verdict",
    ]);
    await controller.settled();
    assert.deepEqual(recorded, ["started:true", "reverted:true"]);
    const onRemote = (await readNote(createGit(repo.origin), commit)).map(
      (l) => (l as { transition?: string }).transition,
    );
    assert.deepEqual(onRemote, ["started", "reverted"]);

    // kill -9, restart with the same canary: reverted at once, nothing new written, never served.
    const again = await RolloutController.open(options);
    assert.deepEqual(again.serving(), { canaryPercent: 0, shadow: false });
    assert.equal(again.verdict().verdict, "fail");
    assert.equal(again.observe("canary", observationOf(binary([0.5]), "binary", 2)).length, 0);
    await again.settled();
    assert.equal((await readNote(repo.git, commit)).length, 2);
  } finally {
    await repo.cleanup();
  }
});

test("a canary given as a PATH has no commit: nothing is written, and the verdict says so; a failing push is reported, not fatal", async () => {
  const repo = await createTestRepo(simpleModelFiles());
  try {
    const commit = await repo.commit("a");
    const random = createRandom(1);
    const fromPath = await RolloutController.open({
      model: "fraud",
      config: CONFIG,
      git: repo.git,
      canary: { sha256: sha("file") },
      random: () => random.nextFloat(),
    });
    assert.equal(fromPath.verdict().recorded, false);
    assert.deepEqual(await readNote(repo.git, commit), []);

    await rm(repo.origin, { recursive: true, force: true });
    const outcomes: Array<{ pushed?: boolean; pushError?: string; error?: string }> = [];
    const unpushed = await RolloutController.open({
      model: "fraud",
      config: CONFIG,
      git: repo.git,
      remote: "origin",
      canary: { sha256: sha("m"), commit },
      random: () => random.nextFloat(),
      onRecorded: (_, o) => outcomes.push(o),
    });
    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0].pushed, false);
    assert.match(outcomes[0].pushError!, /could not push refs\/notes\/modelkeeper to origin/);
    assert.equal((await readNote(repo.git, commit)).length, 1, "written locally all the same");
    assert.deepEqual(unpushed.serving(), { canaryPercent: 20, shadow: false });
  } finally {
    await repo.cleanup();
  }
});
