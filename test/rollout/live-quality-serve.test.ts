// Live quality in the rollout over real HTTP with real ONNX models: labels posted to
// POST /v2/models/fraud/labels join the canary's and stable's windows by request id. A canary whose
// prediction mix looks like stable's but which ranks the frauds backwards is reverted on
// live_quality alone; a canary with v1's weights in other bytes is not (the rollout's false alarms
// are bounded by rollout.alpha = 0.01 over every signal, step and look: look-budget.ts, and
// state.test.ts measures the rate with labels over 100 seeded runs). Bad bodies get 400s naming
// the field; unknown ids, duplicates and labels outside the window are counted.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readNote } from "../../src/git/notes.ts";
import {
  commitCanary,
  labelsFor,
  postLabels,
  promotedRepo,
  rankedBackwards,
  rolloutOf,
  sameWeightsOtherBytes,
  sendTraffic,
  serveWithRollout,
  trafficRows,
} from "./serve-support.ts";

const TABLE = trafficRows(5000);
const BATCH = 500;

/** Sends traffic in batches, posting each batch's labels after its answers; stops once the rollout ended or after `max` requests. */
async function trafficWithLabels(
  server: { url: string; rollout(): { state: string } | undefined },
  prefix: string,
  max: number,
): Promise<{ requests: number; posted: Array<Record<string, unknown>> }> {
  const posted: Array<Record<string, unknown>> = [];
  let requests = 0;
  for (let first = 0; first < max && server.rollout()!.state === "running"; first += BATCH) {
    requests += (await sendTraffic(server.url, "fraud", TABLE, { prefix, first, max: BATCH })).length;
    const answer = await postLabels(server.url, "fraud", { labels: labelsFor(TABLE, prefix, first, first + BATCH) });
    assert.equal(answer.status, 200, JSON.stringify(answer.json));
    posted.push(answer.json);
  }
  return { requests, posted };
}

test("a canary with stable's prediction mix that ranks the frauds backwards is reverted on live_quality once labels come back; the evidence is on the rollout route and in the notes", async (t) => {
  const repo = await promotedRepo();
  const commit = await commitCanary(repo, rankedBackwards(), "canary/backwards");
  const server = await serveWithRollout(repo, { canary: commit, "canary-percent": "20" });
  try {
    // Before any label: counted, and the signal says it waits for labels.
    const early = await sendTraffic(server.url, "fraud", TABLE, { prefix: "early-", max: 50 });
    const unknown = await postLabels(server.url, "fraud", {
      labels: [
        { id: "never-sent", label: 1 },
        { id: "early-0", label: true },
        { id: "early-0", label: "false" },
      ],
    });
    assert.equal(unknown.status, 200);
    assert.deepEqual(unknown.json, {
      model: "fraud",
      received: 3,
      joined: 1,
      unknown: 1,
      outside_window: 0,
      duplicate: 1,
      rows_mismatch: 0,
      rollout: "running",
    });
    assert.equal(early.length, 50);

    const { requests } = await trafficWithLabels(server, "b-", 5000);
    const verdict = server.rollout()!;
    t.diagnostic(`after ${requests} labelled requests: ${verdict.reason}`);
    assert.equal(
      verdict.state,
      "reverted",
      `not reverted after ${requests} labelled requests: ${JSON.stringify(verdict.evidence)}`,
    );
    assert.match(
      verdict.reason!,
      /^live_quality: canary roc_auc 0\.[0-3]\d{2} on \d+ labelled rows vs stable 0\.[7-9]\d{2} on \d+: canary worse by 0\.\d{3}, lower bound 0\.\d{3} > margin 0\.02 \(α \S+\)$/,
    );
    const by = Object.fromEntries(verdict.evidence.map((e) => [e.signal, e]));
    assert.deepEqual(Object.keys(by).sort(), ["error_rate", "latency", "live_quality", "prediction_mix"]);
    // The prediction mix did not give it away; only the labels did.
    assert.equal(by.prediction_mix.breached, false, by.prediction_mix.detail);
    assert.equal(by.live_quality.breached, true);
    assert.equal(by.live_quality.metric, "roc_auc");
    const q = by.live_quality.figures;
    assert.ok(q.canary_labelled > 50 && q.stable_labelled > 4 * 50, JSON.stringify(q));
    assert.ok(q.canary_value < 0.4 && q.stable_value > 0.7 && q.low > 0.02 && q.worse > q.low, JSON.stringify(q));
    assert.ok(
      server.lines.some((l) =>
        /reverted after \d+ canary requests: all traffic back to stable v1\. Why: live_quality: canary roc_auc/.test(l),
      ),
      server.lines.join("\n"),
    );

    // The route shows the same evidence and the label counts.
    const body = await rolloutOf(server.url);
    assert.equal(body.verdict, "fail");
    assert.equal(
      body.evidence.find((e: any) => e.signal === "live_quality").figures.canary_labelled,
      q.canary_labelled,
    );
    assert.ok(
      body.labels.joined >= requests - BATCH && body.labels.unknown === 1 && body.labels.duplicate === 1,
      JSON.stringify(body.labels),
    );
    assert.ok(
      body.labels.labelled_rows.canary === q.canary_labelled_seen &&
        body.labels.labelled_rows.stable === q.stable_labelled_seen,
      JSON.stringify(body.labels),
    );

    // After the revert there is no window: late labels are counted, not errors.
    const late = await postLabels(server.url, "fraud", { labels: labelsFor(TABLE, "b-", 0, 10) });
    assert.equal(late.status, 200);
    assert.equal(late.json.outside_window, 10);
    assert.equal(late.json.rollout, "reverted");

    await server.shutdown();
    const lines = (await readNote(repo.git, commit)).filter((l) => l.event === "rollout") as Array<{
      transition: string;
      reason?: string;
      evidence?: Array<{ signal: string; breached: boolean }>;
    }>;
    assert.deepEqual(
      lines.map((l) => l.transition),
      ["started", "reverted"],
    );
    assert.match(lines[1].reason!, /^live_quality: /);
    assert.equal(lines[1].evidence!.find((e) => e.signal === "live_quality")!.breached, true);
  } finally {
    await server.shutdown();
    await repo.cleanup();
  }
});

test("a canary with v1's weights in other bytes is not reverted over 5,000 labelled requests; its live quality is compared and within the margin", async (t) => {
  const repo = await promotedRepo();
  const commit = await commitCanary(repo, sameWeightsOtherBytes(), "canary/same");
  const server = await serveWithRollout(repo, { canary: commit, "canary-percent": "20" });
  try {
    const { requests, posted } = await trafficWithLabels(server, "s-", 5000);
    assert.equal(requests, 5000);
    assert.ok(
      posted.every((p) => p.joined === BATCH && p.unknown === 0),
      JSON.stringify(posted),
    );
    const verdict = server.rollout()!;
    assert.equal(verdict.state, "running", verdict.reason);
    const quality = verdict.evidence.find((e) => e.signal === "live_quality")!;
    t.diagnostic(quality.detail);
    assert.equal(quality.breached, false);
    assert.equal(quality.metric, "roc_auc");
    // The same weights: the same AUC up to sampling, the interval straddling "no worse".
    assert.ok(
      quality.figures.canary_labelled > 800 && Math.abs(quality.figures.worse) < 0.15,
      JSON.stringify(quality.figures),
    );
    assert.ok(quality.figures.low < 0, JSON.stringify(quality.figures));
    assert.equal(verdict.labels.joined, 5000);
  } finally {
    await server.shutdown();
    await repo.cleanup();
  }
});

test("POST /v2/models/fraud/labels: bad bodies get 400 naming the field and change nothing; too many labels 413; only POST; a multi-row request takes one label per row", async () => {
  const repo = await promotedRepo();
  const commit = await commitCanary(repo, sameWeightsOtherBytes(), "canary/same");
  const server = await serveWithRollout(
    repo,
    { canary: commit, "canary-percent": "20" },
    { labels: { maxPerRequest: 100, rememberedRequests: 1000 } },
  );
  try {
    await sendTraffic(server.url, "fraud", TABLE, { prefix: "v-", max: 20 });
    const cases: Array<[unknown, RegExp]> = [
      ["not json", /^the body is not valid JSON/],
      [[1, 2], /^the body must be a JSON object/],
      [{ label: 1 }, /^labels: expected an array of \{"id", "label"\}, got nothing/],
      [{ labels: [{ id: "v-0", label: 1 }, { label: 0 }] }, /^labels\[1\]\.id: expected the request id as text/],
      [
        {
          labels: [
            { id: "v-0", label: 1 },
            { id: "v-1", label: "maybe" },
          ],
        },
        /^labels\[1\]\.label: "maybe" is not a binary label \(0\/1 or true\/false\); if it names a class, set models\.fraud\.positive/,
      ],
      [
        { labels: [{ id: "v-0", label: [1, null] }] },
        /^labels\[0\]\.label\[1\]: expected a number, true\/false or text, got null/,
      ],
      [
        { labels: [{ id: "x".repeat(300), label: 1 }] },
        /^labels\[0\]\.id: expected the request id as text of 1 to 256 characters/,
      ],
    ];
    for (const [body, message] of cases) {
      const answer = await postLabels(server.url, "fraud", body);
      assert.equal(answer.status, 400, JSON.stringify(body).slice(0, 80));
      assert.match(answer.json.error, message);
    }
    // Nothing was taken from the refused bodies: v-0's label is still to come.
    assert.equal(server.rollout()!.labels.joined, 0);
    const tooMany = await postLabels(server.url, "fraud", { labels: labelsFor(TABLE, "v-", 0, 101) });
    assert.equal(tooMany.status, 413);
    assert.match(
      tooMany.json.error,
      /101 labels in one body, more than the limit of 100 \(serve\.labels\.max_per_request\)/,
    );
    assert.equal((await fetch(`${server.url}/v2/models/fraud/labels`)).status, 405);
    assert.equal((await postLabels(server.url, "other", { labels: [] })).status, 404);
    // v-0 scored one row: two labels for it do not fit; it stays unlabelled and the rest join.
    const mixed = await postLabels(server.url, "fraud", {
      labels: [{ id: "v-0", label: [0, 1] }, ...labelsFor(TABLE, "v-", 1, 20)],
    });
    assert.equal(mixed.status, 200);
    assert.equal(mixed.json.rows_mismatch, 1);
    assert.equal(mixed.json.joined, 19);
  } finally {
    await server.shutdown();
    await repo.cleanup();
  }
});
