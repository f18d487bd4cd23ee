// The rollout state machine: transitions table-driven on scripted traffic, the false-alarm rate of
// identical models, how fast a badly predicting canary is caught, and resuming after a kill.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Rollout, type Transition } from "../../src/rollout/state.ts";
import type { RolloutConfig } from "../../src/config/types.ts";
import { createRandom } from "../../src/stats/numeric/random.ts";
import { healthy, simulate, simulateLabelled, type Behaviour } from "./simulate.ts";

const START = Date.parse("2026-12-03T12:00:00Z");
const DEFAULTS: RolloutConfig = {
  steps: ["shadow", 5, 25, 50, 100],
  min_requests: 500,
  min_minutes: 5,
  alpha: 0.01,
  error_rate_margin: 0.005,
  latency_median_ratio: 1.5,
  prediction_ks: 0.1,
  quality_margin: 0.02,
};
const config = (overrides: Partial<RolloutConfig> = {}): RolloutConfig => ({ ...DEFAULTS, ...overrides });
const seeded = (seed: number) => {
  const random = createRandom(seed);
  return { random, float: () => random.nextFloat() };
};

const positiveForEveryone: Behaviour = (random) => ({
  ok: true,
  latencyMs: 2 * (0.9 + 0.2 * random.nextFloat()),
  scores: [0.99],
});
const failing: Behaviour = (random) => (random.nextFloat() < 0.1 ? { ok: false, latencyMs: 2 } : healthy(random));
const slow: Behaviour = (random) => ({ ...healthy(random), latencyMs: 8 * (0.9 + 0.2 * random.nextFloat()) });

test("transitions, table-driven: which behaviour ends how, after which steps", () => {
  const rows: Array<{ name: string; cfg: RolloutConfig; canary: Behaviour; expect: string[]; signal?: string }> = [
    {
      name: "identical canary passes every step",
      cfg: config({ min_minutes: 1 }),
      canary: healthy,
      expect: ["started", "stepped", "stepped", "stepped", "completed"],
    },
    {
      name: "predicts positive for everyone: reverted in the shadow step",
      cfg: config(),
      canary: positiveForEveryone,
      expect: ["started", "reverted"],
      signal: "prediction_mix",
    },
    {
      name: "10% errors: reverted",
      cfg: config({ steps: [10, 100] }),
      canary: failing,
      expect: ["started", "reverted"],
      signal: "error_rate",
    },
    {
      name: "4× slower: reverted",
      cfg: config({ steps: [50, 100] }),
      canary: slow,
      expect: ["started", "reverted"],
      signal: "latency",
    },
    {
      name: "no shadow, straight to 100 after one step",
      cfg: config({ steps: [30, 100], min_minutes: 0 }),
      canary: healthy,
      expect: ["started", "completed"],
    },
  ];
  for (const row of rows) {
    const { random, float } = seeded(11);
    const { rollout, transitions } = Rollout.begin(row.cfg, [], START, float);
    const run = simulate(rollout, healthy, row.canary, random, {
      start: START,
      msPerRequest: 50,
      maxRequests: 200_000,
    });
    const all = [...transitions, ...run.transitions];
    assert.deepEqual(
      all.map((t) => t.transition),
      row.expect,
      row.name,
    );
    assert.deepEqual(
      all.map((t) => t.step),
      row.expect.map((_, i) =>
        row.expect[i] === "reverted" ? 0 : row.expect[i] === "completed" ? row.cfg.steps.length - 1 : i,
      ),
      `${row.name}: steps`,
    );
    const last = all.at(-1)!;
    if (row.signal) {
      assert.equal(rollout.serving().canaryPercent, 0, `${row.name}: all traffic back to stable`);
      assert.ok(last.reason!.startsWith(`${row.signal}: `), `${row.name}: ${last.reason}`);
      assert.ok(last.evidence!.find((e) => e.signal === row.signal)!.breached);
    } else {
      assert.deepEqual(rollout.serving(), { canaryPercent: 100, shadow: false });
    }
  }
});

test("a step passes only when both min_requests and min_minutes are reached", () => {
  const { float } = seeded(2);
  const cfg = config({ steps: [50, 100], min_requests: 300, min_minutes: 5 });
  const { rollout } = Rollout.begin(cfg, [], START, float);
  const random = createRandom(5);
  for (let i = 0; i < 1000; i++)
    assert.deepEqual(rollout.observe("canary", healthy(random), START + i), [], "enough requests, too early");
  assert.deepEqual(rollout.tick(START + 4.9 * 60_000), []);
  const done = rollout.tick(START + 5 * 60_000);
  assert.equal(done[0]?.transition, "completed");
  assert.match(done[0].reason!, /1000 requests over 5\.0 min, no breach/);

  const early = Rollout.begin(cfg, [], START, float).rollout;
  for (let i = 0; i < 299; i++) early.observe("canary", healthy(random), START + i);
  assert.deepEqual(early.tick(START + 60 * 60_000), [], "time enough, 299 < 300 requests");
  assert.equal(early.observe("canary", healthy(random), START + 60 * 60_000)[0]?.transition, "completed");
});

test("observations for the endpoint a step does not compare are ignored; nothing happens after the end", () => {
  const { float } = seeded(3);
  const random = createRandom(3);
  const { rollout } = Rollout.begin(config({ min_minutes: 0, min_requests: 100 }), [], START, float);
  for (let i = 0; i < 500; i++) rollout.observe("canary", positiveForEveryone(random), START);
  assert.equal(rollout.status().state, "running", "a canary answer in the shadow step is not the shadow's");
  assert.equal(rollout.status().requests.challenger, 0);
  for (let i = 0; i < 100; i++) rollout.observe("stable", healthy(random), START);
  let out: Transition[] = [];
  for (let i = 0; i < 100 && out.length === 0; i++) out = rollout.observe("shadow", positiveForEveryone(random), START);
  assert.equal(out[0].transition, "reverted");
  for (let i = 0; i < 1000; i++) assert.deepEqual(rollout.observe("stable", healthy(random), START + i), []);
  assert.deepEqual(rollout.tick(START + 10 ** 9), []);
});

test("false alarms: identical models over 100 seeded runs of 5,000 challenger requests through every step revert at most once", (t) => {
  const cfg = config({ min_requests: 1250, min_minutes: 1 });
  let reverts = 0;
  for (let seed = 0; seed < 100; seed++) {
    const { random, float } = seeded(1000 + seed);
    const { rollout } = Rollout.begin(cfg, [], START, float);
    const run = simulate(rollout, healthy, healthy, random, { start: START, msPerRequest: 20, maxRequests: 100_000 });
    if (rollout.status().state === "reverted") reverts += 1;
    else assert.equal(rollout.status().state, "completed", `seed ${seed}: ${run.requests} requests`);
  }
  t.diagnostic(`${reverts} false reverts in 100 runs`);
  assert.ok(reverts <= 1, `${reverts} false reverts in 100 runs`);
});

test("a canary that predicts positive for everyone at 20% is reverted within a few hundred canary requests", () => {
  for (const seed of [1, 2, 3]) {
    const { random, float } = seeded(seed);
    const { rollout } = Rollout.begin(config({ steps: [20, 100] }), [], START, float);
    const run = simulate(rollout, healthy, positiveForEveryone, random, {
      start: START,
      msPerRequest: 2,
      maxRequests: 50_000,
    });
    assert.equal(rollout.status().state, "reverted");
    assert.ok(run.revertedAfter! <= 200, `reverted after ${run.revertedAfter} canary requests`);
    // At 500 requests a second (2 ms apart), well within the 10 s.
    assert.ok(run.requests * 2 < 10_000, `${run.requests} requests`);
    const reason = rollout.status().reason!;
    assert.match(reason, /^prediction_mix: KS statistic 0\.\d{3} > 0\.1, p \d\.\d{2}e-\d+ < α/);
    assert.match(reason, /mean score 0\.990 on \d+ canary rows/);
  }
});

test("multiclass: a canary that predicts one class for everyone is caught on the predicted class index", () => {
  const { random, float } = seeded(9);
  const stable: Behaviour = (r) => ({ ok: true, latencyMs: 2, scores: [r.nextBelow(3)] });
  const oneClass: Behaviour = () => ({ ok: true, latencyMs: 2, scores: [0] });
  const { rollout } = Rollout.begin(config({ steps: [25, 100] }), [], START, float);
  simulate(rollout, stable, oneClass, random, { start: START, msPerRequest: 2, maxRequests: 20_000 });
  assert.equal(rollout.status().state, "reverted");
  assert.match(rollout.status().reason!, /^prediction_mix/);
});

test("kill -9 and resume: the recorded transitions rebuild the step; a reverted canary is never served again", () => {
  const cfg = config({ min_minutes: 1, min_requests: 500 });
  const { random, float } = seeded(21);
  const first = Rollout.begin(cfg, [], START, float);
  const recorded = [...first.transitions];
  // Run until the rollout has entered the 25% step, then "kill" it mid-step.
  for (let i = 0; recorded.at(-1)!.step < 2; i++) {
    const now = START + i * 20;
    const s = first.rollout.serving();
    if (s.shadow) {
      recorded.push(...first.rollout.observe("stable", healthy(random), now));
      recorded.push(...first.rollout.observe("shadow", healthy(random), now));
    } else
      recorded.push(
        ...first.rollout.observe(
          random.nextFloat() * 100 < s.canaryPercent ? "canary" : "stable",
          healthy(random),
          now,
        ),
      );
  }
  assert.deepEqual(
    recorded.map((t) => t.transition),
    ["started", "stepped", "stepped"],
  );
  const killedAt = Date.parse(recorded.at(-1)!.at) + 30_000;

  // Restart: shuffled and duplicated lines (as merged notes may hold them) give the same state.
  const resumed = Rollout.begin(cfg, [recorded[2], recorded[0], recorded[1], recorded[2]], killedAt, float);
  assert.deepEqual(resumed.transitions, [], "no second 'started'");
  assert.equal(resumed.rollout.status().step, 2);
  assert.deepEqual(resumed.rollout.serving(), { canaryPercent: 25, shadow: false });
  assert.equal(resumed.rollout.status().stepStartedAt, recorded[2].at, "the step's clock keeps its recorded start");
  const rest = simulate(resumed.rollout, healthy, healthy, random, {
    start: killedAt,
    msPerRequest: 20,
    maxRequests: 100_000,
  });
  assert.deepEqual(
    rest.transitions.map((t) => t.transition),
    ["stepped", "completed"],
  );
  assert.equal(
    Rollout.begin(cfg, [...recorded, ...rest.transitions], killedAt, float).rollout.status().state,
    "completed",
  );

  // A revert recorded for this canary: it stays out, however the other lines read.
  const revert: Transition = {
    transition: "reverted",
    step: 1,
    percent: 5,
    at: recorded[1].at,
    reason: "error_rate: …",
  };
  const again = Rollout.begin(cfg, [...recorded, revert], killedAt, float).rollout;
  assert.deepEqual(again.serving(), { canaryPercent: 0, shadow: false });
  assert.equal(again.status().state, "reverted");
  assert.equal(again.status().reason, "error_rate: …");
  for (let i = 0; i < 2000; i++) assert.deepEqual(again.observe("canary", healthy(random), killedAt + i), []);
  assert.equal(again.serving().canaryPercent, 0);
});

test("resume after the config's steps changed: the recorded percent's step, else the highest below it, never 100 unless completed", () => {
  const at = "2026-12-03T12:00:00.000Z";
  const stepped = (step: number, percent: number | "shadow"): Transition => ({
    transition: "stepped",
    step,
    percent,
    at,
  });
  const rows: Array<{ steps: RolloutConfig["steps"]; recorded: Transition; serving: number | "shadow" }> = [
    { steps: ["shadow", 5, 25, 50, 100], recorded: stepped(2, 25), serving: 25 },
    { steps: [10, 25, 100], recorded: stepped(2, 25), serving: 25 },
    { steps: [10, 30, 100], recorded: stepped(2, 25), serving: 10 },
    { steps: [10, 100], recorded: stepped(3, 50), serving: 10 },
    { steps: [5, 100], recorded: stepped(0, "shadow"), serving: 5 },
    { steps: ["shadow", 50, 100], recorded: stepped(9, 100), serving: 50 },
  ];
  for (const row of rows) {
    const { rollout } = Rollout.begin(config({ steps: row.steps }), [row.recorded], START, () => 0.5);
    const s = rollout.serving();
    assert.deepEqual(s.shadow ? "shadow" : s.canaryPercent, row.serving, JSON.stringify(row));
    assert.equal(rollout.status().state, "running");
  }
});

test("false alarms with labels: identical models, every label coming back, over 100 seeded runs through every step revert at most once (rollout.alpha 0.01 covers live_quality too)", (t) => {
  const cfg = config({ min_requests: 1250, min_minutes: 1 });
  let reverts = 0;
  let joined = 0;
  for (let seed = 0; seed < 100; seed++) {
    const { random, float } = seeded(5000 + seed);
    const { rollout } = Rollout.begin(cfg, [], START, float);
    const run = simulateLabelled(rollout, "identical", random, {
      start: START,
      msPerRequest: 20,
      maxRequests: 100_000,
      labelEvery: 50,
    });
    joined += run.joined;
    if (rollout.status().state === "reverted") reverts += 1;
    else assert.equal(rollout.status().state, "completed", `seed ${seed}: ${run.requests} requests`);
  }
  t.diagnostic(`${reverts} false reverts in 100 runs; ${joined} labels joined`);
  assert.ok(joined > 100 * 20_000, `${joined} labels joined`);
  assert.ok(reverts <= 1, `${reverts} false reverts in 100 runs`);
});

test("a canary with stable's prediction mix but no knowledge of the label is reverted on live_quality alone, at 20%", () => {
  for (const seed of [1, 2, 3]) {
    const { random, float } = seeded(seed);
    const { rollout } = Rollout.begin(config({ steps: [20, 100] }), [], START, float);
    const run = simulateLabelled(rollout, "uninformed", random, {
      start: START,
      msPerRequest: 2,
      maxRequests: 50_000,
      labelEvery: 100,
    });
    const status = rollout.status();
    assert.equal(status.state, "reverted", `seed ${seed}: ${run.requests} requests`);
    assert.match(
      status.reason!,
      /^live_quality: canary roc_auc 0\.[3-6]\d{2} on \d+ labelled rows vs stable 0\.[7-9]\d{2}/,
    );
    const mix = status.evidence.find((e) => e.signal === "prediction_mix")!;
    assert.equal(mix.breached, false, mix.detail);
    assert.ok(run.revertedAfter! < 5000, `reverted after ${run.revertedAfter} canary requests`);
  }
});

test("labels: joined by id to this step's requests; unknown, duplicate, rows_mismatch and outside_window (an earlier step, or after the end) are counted; a label before the shadow's prediction waits for it", () => {
  const { float } = seeded(4);
  const { rollout } = Rollout.begin(
    config({ steps: ["shadow", 50, 100], min_requests: 2, min_minutes: 0 }),
    [],
    START,
    float,
  );
  const one = (score: number, id: string) => ({ ok: true, latencyMs: 2, scores: [score], id });
  rollout.observe("stable", one(0.2, "a"), START);
  // The label comes before the shadow scored "a": kept, and joined when the shadow's prediction arrives.
  assert.deepEqual(rollout.label([{ id: "a", values: Float64Array.of(1) }], START).outcomes, {
    joined: 1,
    unknown: 0,
    outside_window: 0,
    duplicate: 0,
    rows_mismatch: 0,
  });
  assert.deepEqual(rollout.status().labels.labelled_rows, { stable: 1, canary: 0 });
  rollout.observe("shadow", one(0.3, "a"), START);
  assert.deepEqual(rollout.status().labels.labelled_rows, { stable: 1, canary: 1 });
  rollout.observe("stable", { ok: true, latencyMs: 2, scores: [0.1, 0.9], id: "b" }, START);
  const outcomes = rollout.label(
    [
      { id: "a", values: Float64Array.of(0) },
      { id: "nobody", values: Float64Array.of(0) },
      { id: "b", values: Float64Array.of(1) },
    ],
    START,
  ).outcomes;
  assert.deepEqual(outcomes, { joined: 0, unknown: 1, outside_window: 0, duplicate: 1, rows_mismatch: 1 });
  // Two shadow requests and no minimum time: the shadow step passes at the next observation.
  rollout.observe("shadow", one(0.5, "b"), START + 1);
  assert.equal(rollout.status().percent, 50);
  assert.deepEqual(rollout.label([{ id: "b", values: Float64Array.of(1, 0) }], START + 2).outcomes.outside_window, 1);
  assert.deepEqual(rollout.status().labels.labelled_rows, { stable: 0, canary: 0 });
  const counts = rollout.status().labels;
  assert.deepEqual(
    { ...counts, labelled_rows: undefined },
    { joined: 1, unknown: 1, outside_window: 1, duplicate: 1, rows_mismatch: 1, labelled_rows: undefined },
  );
});
