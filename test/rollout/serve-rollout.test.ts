// serve --canary / --shadow over real HTTP with real ONNX models: a canary that predicts fraud for
// everyone is reverted from its prediction mix well within 10 s of traffic at 500 requests a
// second, recorded on its commit and pushed, and every later request goes to stable; a canary with
// v1's weights in other bytes keeps running; a shadow never answers; routing is sticky by id.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readNote } from "../../src/git/notes.ts";
import { createGit } from "../../src/git/git.ts";
import {
  commitCanary,
  positiveForEveryone,
  promotedRepo,
  sameWeightsOtherBytes,
  sendTraffic,
  serveWithRollout,
  trafficRows,
  type Answer,
} from "./serve-support.ts";

const TABLE = trafficRows();
const transitions = async (git: ReturnType<typeof createGit>, commit: string) =>
  (await readNote(git, commit))
    .filter((l) => l.event === "rollout")
    .map((l) => (l as { transition?: string }).transition);

test("a canary that predicts fraud for everyone, at 20%: reverted on prediction_mix within 10 s of 500 req/s traffic, recorded, pushed, stable answers everyone after", async () => {
  const repo = await promotedRepo();
  const logDir = await mkdtemp(join(tmpdir(), "rollout-log-"));
  const commit = await commitCanary(repo, positiveForEveryone(), "canary/bad");
  const server = await serveWithRollout(
    repo,
    { canary: commit, "canary-percent": "20" },
    { log: { ...{ maxFileBytes: 1 << 26, maxFileAgeMs: 3_600_000, sampleRate: 1, queueRows: 50_000 }, dir: logDir } },
  );
  try {
    const canaryVersion = server.rollout()!.canary.version!;
    assert.match(canaryVersion, /^sha256:[0-9a-f]{12}$/);
    assert.deepEqual(await transitions(repo.git, commit), ["started"]);

    // Sticky by request id: the same id gets the same model every time.
    const sticky = await sendTraffic(server.url, "fraud", TABLE, { prefix: "sticky-", max: 40, concurrency: 4 });
    const again = await sendTraffic(server.url, "fraud", TABLE, { prefix: "sticky-", max: 40, concurrency: 4 });
    assert.deepEqual(
      again.map((a) => a.version),
      sticky.map((a) => a.version),
    );

    const answers = await sendTraffic(server.url, "fraud", TABLE, {
      prefix: "r-",
      max: 5000,
      stop: () => server.rollout()!.state === "reverted",
    });
    const verdict = server.rollout()!;
    assert.equal(verdict.state, "reverted", `not reverted after ${answers.length} requests`);
    // Within 10 s of its first request at 500 requests a second: at most 5,000 requests.
    const total = sticky.length + again.length + answers.length;
    assert.ok(total <= 5000, `${total} requests before the revert`);
    assert.ok(
      verdict.requests.canary >= 100 && verdict.requests.canary <= 400,
      `${verdict.requests.canary} canary requests observed`,
    );
    const served = (list: Answer[], version: string) =>
      list.filter((a) => a.status === 200 && a.version === version).length;
    assert.ok(served(answers, canaryVersion) > 0 && served(answers, "v1") > 0);
    assert.match(
      verdict.reason!,
      /^prediction_mix: KS statistic (?:0\.\d{3}|1\.000) > 0\.1, p \S+ < α \S+ \(mean score (?:0\.99\d|1\.000) on \d+ canary rows vs 0\.\d{3} on \d+ stable rows\)/,
    );
    assert.equal(verdict.evidence.find((e) => e.signal === "prediction_mix")!.breached, true);
    assert.ok(
      server.lines.some((l) =>
        /reverted after \d+ canary requests: all traffic back to stable v1\. Why: prediction_mix/.test(l),
      ),
      server.lines.join("\n"),
    );

    // The routes: the verdict (Argo reads ok), the gate (Flagger reads the status).
    const rollout = await fetch(`${server.url}/v2/models/fraud/rollout`);
    assert.equal(rollout.status, 200);
    const body = (await rollout.json()) as any;
    assert.equal(body.verdict, "fail");
    assert.equal(body.ok, false);
    assert.equal(body.canary.commit, commit);
    assert.equal((await fetch(`${server.url}/v2/models/fraud/rollout/gate`)).status, 412);
    assert.equal((await fetch(`${server.url}/v2/models/fraud/rollout/gate`, { method: "POST" })).status, 412);
    assert.equal((await fetch(`${server.url}/v2/models/other/rollout`)).status, 404);

    // All traffic back to stable at once, including ids that were on the canary.
    const after = await sendTraffic(server.url, "fraud", TABLE, { prefix: "sticky-", max: 40, concurrency: 4 });
    assert.ok(sticky.some((a) => a.version === canaryVersion));
    assert.deepEqual(new Set(after.map((a) => `${a.status} ${a.version}`)), new Set(["200 v1"]));
    const pinned = await fetch(`${server.url}/v2/models/fraud/versions/${encodeURIComponent(canaryVersion)}/infer`, {
      method: "POST",
      body: JSON.stringify({ inputs: [] }),
    });
    assert.equal(pinned.status, 404);

    await server.shutdown();
    assert.deepEqual(await transitions(repo.git, commit), ["started", "reverted"]);
    assert.deepEqual(await transitions(createGit(repo.origin), commit), ["started", "reverted"]);
    // The prediction log marks who answered each row.
    const rows = (await Promise.all((await readdir(logDir)).map((f) => readFile(join(logDir, f), "utf8"))))
      .join("")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const byEndpoint = new Map<string, Set<string>>();
    for (const row of rows)
      byEndpoint.set(row._endpoint, (byEndpoint.get(row._endpoint) ?? new Set()).add(row._version));
    assert.deepEqual(Object.fromEntries([...byEndpoint].map(([k, v]) => [k, [...v]])), {
      stable: ["v1"],
      canary: [canaryVersion],
    });
  } finally {
    await server.shutdown();
    await rm(logDir, { recursive: true, force: true });
    await repo.cleanup();
  }
});

test("a canary with v1's weights in other bytes is not reverted over 5,000 requests; both answer, each under its own model_version", async () => {
  const repo = await promotedRepo();
  const commit = await commitCanary(repo, sameWeightsOtherBytes(), "canary/same");
  const server = await serveWithRollout(repo, { canary: commit, "canary-percent": "20" });
  try {
    const answers = await sendTraffic(server.url, "fraud", TABLE, { prefix: "same-", max: 5000 });
    await new Promise((resolve) => setImmediate(resolve));
    const verdict = server.rollout()!;
    assert.equal(verdict.state, "running", verdict.reason);
    assert.equal(verdict.verdict, "pending");
    assert.ok(verdict.looks >= 3, `${verdict.looks} looks`);
    assert.ok(verdict.evidence.every((e) => !e.breached));
    const canaryShare = answers.filter((a) => a.version === verdict.canary.version).length / answers.length;
    assert.ok(canaryShare > 0.17 && canaryShare < 0.23, `canary answered ${canaryShare}`);
    assert.ok(answers.every((a) => a.status === 200 && (a.version === "v1" || a.version === verdict.canary.version)));
    assert.equal((await fetch(`${server.url}/v2/models/fraud/rollout/gate`)).status, 200);
  } finally {
    await server.shutdown();
    await repo.cleanup();
  }
});

test("--shadow: every answer is stable's; the shadow scores copies and is reverted on its prediction mix, without ever answering", async () => {
  const repo = await promotedRepo();
  const commit = await commitCanary(repo, positiveForEveryone(), "shadow/bad");
  const server = await serveWithRollout(repo, { shadow: commit }, { concurrency: 2 });
  try {
    const answers = await sendTraffic(server.url, "fraud", TABLE, {
      prefix: "s-",
      max: 3000,
      concurrency: 1,
      stop: () => server.rollout()!.state === "reverted",
    });
    const verdict = server.rollout()!;
    assert.equal(verdict.state, "reverted");
    assert.equal(verdict.percent, "shadow");
    assert.match(verdict.reason!, /^prediction_mix/);
    assert.deepEqual(new Set(answers.map((a) => `${a.status} ${a.version}`)), new Set(["200 v1"]));
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(
      metrics,
      new RegExp(
        `modelkeeper_rows_scored_total\\{model="fraud",version="${verdict.canary.version}",endpoint="shadow"\\} \\d+`,
      ),
    );
  } finally {
    await server.shutdown();
    await repo.cleanup();
  }
});

test("a canary must be another artifact, with the stable model's features, and (from git) recorded; --canary-percent needs --canary", async () => {
  const repo = await promotedRepo();
  try {
    const unrecorded = await commitCanary(repo, sameWeightsOtherBytes(), "canary/unrecorded", { record: false });
    await assert.rejects(
      serveWithRollout(repo, { canary: unrecorded }),
      /has no record of fraud's artifact with sha256 [0-9a-f]{12}\. Record it first \(modelkeeper record --commit/,
    );
    await assert.rejects(
      serveWithRollout(repo, { canary: "modelkeeper/fraud/v1" }),
      /that is the artifact stable already serves/,
    );
    await assert.rejects(serveWithRollout(repo, { "canary-percent": "20" }), /--canary-percent 20: also pass --canary/);
    await assert.rejects(
      serveWithRollout(repo, { canary: "main", "canary-percent": "100" }),
      /expected a percent above 0 and below 100/,
    );
    await assert.rejects(serveWithRollout(repo, { canary: "main", shadow: "main" }), /pass one/);
  } finally {
    await repo.cleanup();
  }
});
