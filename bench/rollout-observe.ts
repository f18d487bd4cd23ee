// What the rollout analysis adds to a request (issue 15: at most 0.2 ms p50): Rollout.observe timed
// call by call through a whole rollout (shadow, 5, 25, 50, 100; min_requests 2,000), identical
// models, so every look (a sort and a KS test every 100·2^k canary requests) is included. Baseline
// in the same run: the same loop timing an empty call, which is the timer's own cost.
// Run: npm run bench -- rollout-observe
import { Rollout, type Endpoint } from "../src/rollout/state.ts";
import type { Observation } from "../src/rollout/endpoint-window.ts";
import type { RolloutConfig } from "../src/config/types.ts";
import { createRandom } from "../src/stats/numeric/random.ts";
import { loadavg } from "node:os";
import { machineLine } from "./support/machine.ts";

const CONFIG: RolloutConfig = {
  steps: ["shadow", 5, 25, 50, 100],
  min_requests: 2000,
  min_minutes: 0,
  alpha: 0.01,
  error_rate_margin: 0.005,
  latency_median_ratio: 1.5,
  prediction_ks: 0.1,
  quality_margin: 0.02,
};
const random = createRandom(15);
const observation = (): Observation => ({
  ok: random.nextFloat() >= 0.01,
  latencyMs: 2 * (0.8 + 0.4 * random.nextFloat()),
  scores: [random.nextFloat() ** 2],
});

/** Routes requests as serve does; with `observe` false the timed call is empty (the baseline), and the rollout is fed untimed. */
function run(observe: boolean): { timesUs: Float64Array; calls: number; completed: boolean } {
  const { rollout } = Rollout.begin(CONFIG, [], 0, () => random.nextFloat());
  const times: number[] = [];
  let now = 0;
  while (rollout.status().state === "running" && times.length < 2_000_000) {
    now += 2;
    const serving = rollout.serving();
    const endpoints: Endpoint[] = serving.shadow
      ? ["stable", "shadow"]
      : [random.nextFloat() * 100 < serving.canaryPercent ? "canary" : "stable"];
    for (const endpoint of endpoints) {
      const o = observation();
      const start = process.hrtime.bigint();
      if (observe) rollout.observe(endpoint, o, now);
      times.push(Number(process.hrtime.bigint() - start) / 1000);
      if (!observe) rollout.observe(endpoint, o, now);
    }
  }
  return {
    timesUs: Float64Array.from(times).sort(),
    calls: times.length,
    completed: rollout.status().state === "completed",
  };
}

const q = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

// Warm up both paths once, then measure.
run(true);
const measured = run(true);
const baseline = run(false);
const line = (name: string, r: { timesUs: Float64Array }) =>
  `${name.padEnd(22)} p50 ${q(r.timesUs, 0.5).toFixed(2)} µs  p99 ${q(r.timesUs, 0.99).toFixed(2)} µs  p99.99 ${q(r.timesUs, 0.9999).toFixed(1)} µs  max ${r.timesUs[r.timesUs.length - 1].toFixed(0)} µs`;
console.log(machineLine());
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(`${measured.calls} observe calls through a whole rollout (completed: ${measured.completed})`);
console.log(line("Rollout.observe", measured));
console.log(line("baseline (timer only)", baseline));
const added = q(measured.timesUs, 0.5) - q(baseline.timesUs, 0.5);
console.log(
  `the slowest calls are looks (sort, order statistics, exact KS on up to 2,000 × 2,000 values): serve should observe after answering`,
);
console.log(
  `added p50 ${added.toFixed(2)} µs = ${(added / 1000).toFixed(4)} ms (target ≤ 0.2 ms); ratio p50 ${(q(measured.timesUs, 0.5) / q(baseline.timesUs, 0.5)).toFixed(2)}× the timer alone`,
);
