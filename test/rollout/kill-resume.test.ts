// kill -9 of the serve process mid-rollout: the restarted server resumes the recorded step (same
// step start, fresh window, no second `started`), and a canary reverted before the kill is never
// served again. The real CLI in its own process, real HTTP, real ONNX models, real git notes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readNote } from "../../src/git/notes.ts";
import type { TestRepo } from "../support/git-repo.ts";
import {
  commitCanary,
  killed,
  positiveForEveryone,
  promotedRepo,
  rolloutOf as rollout,
  sameWeightsOtherBytes,
  sendTraffic,
  serveProcess as serve,
  trafficRows,
  type ServeProcess as Served,
} from "./serve-support.ts";

const TABLE = trafficRows();
const transitions = async (repo: TestRepo, commit: string) =>
  (await readNote(repo.git, commit))
    .filter((l) => l.event === "rollout")
    .map((l) => (l as { transition?: string }).transition);

test("kill -9 mid-rollout: the restart resumes the recorded step; a canary reverted before the kill is never served again", async () => {
  const repo = await promotedRepo();
  const running: Served[] = [];
  try {
    // 1. A healthy canary, killed at 20%: resumed at 20%, with the recorded step start.
    const same = await commitCanary(repo, sameWeightsOtherBytes(), "canary/same");
    const first = await serve(repo, same);
    running.push(first);
    await sendTraffic(first.url, "fraud", TABLE, { prefix: "a-", max: 300 });
    const before = await rollout(first.url);
    assert.equal(before.state, "running");
    assert.ok(before.requests.canary > 0);
    await killed(first);
    const second = await serve(repo, same);
    running.push(second);
    const resumed = await rollout(second.url);
    assert.equal(resumed.state, "running");
    assert.equal(resumed.percent, 20);
    assert.equal(resumed.step_started_at, before.step_started_at);
    assert.equal(resumed.requests.canary, 0);
    assert.match(second.stderr(), /resumed from its record at 20%/);
    assert.deepEqual(await transitions(repo, same), ["started"]);
    await killed(second);

    // 2. A canary that predicts fraud for everyone: reverted, its line in the note, then kill -9.
    const bad = await commitCanary(repo, positiveForEveryone(), "canary/bad");
    const third = await serve(repo, bad);
    running.push(third);
    let seen = 0;
    const answers = await sendTraffic(third.url, "fraud", TABLE, {
      prefix: "b-",
      max: 5000,
      stop: async () => ++seen % 25 === 0 && (await rollout(third.url)).state === "reverted",
    });
    assert.ok(answers.length <= 5000);
    assert.equal((await rollout(third.url)).state, "reverted");
    for (let i = 0; i < 100 && !(await transitions(repo, bad)).includes("reverted"); i++)
      await new Promise((r) => setTimeout(r, 50));
    await killed(third);
    assert.deepEqual(await transitions(repo, bad), ["started", "reverted"]);

    const fourth = await serve(repo, bad);
    running.push(fourth);
    assert.match(fourth.stderr(), /was reverted at \S+: not serving it again\. Why: prediction_mix/);
    const after = await sendTraffic(fourth.url, "fraud", TABLE, { prefix: "b-", max: 300 });
    assert.deepEqual(new Set(after.map((a) => `${a.status} ${a.version}`)), new Set(["200 v1"]));
    const verdict = await rollout(fourth.url);
    assert.equal(verdict.verdict, "fail");
    assert.match(verdict.reason, /^prediction_mix/);
    assert.equal((await fetch(`${fourth.url}/v2/models/fraud/rollout/gate`)).status, 412);
    fourth.child.kill("SIGTERM");
    assert.equal(await fourth.exited, 0, fourth.stderr());
    assert.deepEqual(await transitions(repo, bad), ["started", "reverted"]);
  } finally {
    for (const served of running) served.child.kill("SIGKILL");
    await repo.cleanup();
  }
});
