// What a rollout adds to a request end to end (issue 15: at most 0.2 ms p50): `modelkeeper serve`
// with a canary at 50% (v1's weights in other bytes: never reverted, so the analysis runs the whole
// time) against the same server without a rollout (the baseline), in the same run, alternating,
// 1-row requests at a fixed rate over keep-alive (open loop: no coordinated omission). Request ids
// are left to the server (random), so the canary's share is drawn per request.
// Run: npm run bench -- rollout-serve
import { loadavg } from "node:os";
import { generateTransactions, TRANSACTION_FEATURES } from "../src/demo/transactions.ts";
import { inferBody } from "../src/serve/infer-body.ts";
import {
  commitCanary,
  promotedRepo,
  rolloutOf,
  sameWeightsOtherBytes,
  serveProcess,
  type ServeProcess,
} from "../test/rollout/serve-support.ts";
import { machineLine } from "./support/machine.ts";
import { keepAliveAgent, openLoop, percentile } from "./support/open-loop.ts";

const RATE = 500;
const SECONDS = 10;
const ROUNDS = 3;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const ms = (x: number) => `${x.toFixed(3)} ms`;

console.log(`machine: ${machineLine()}; load before: ${load()}`);
const repo = await promotedRepo();
const running: ServeProcess[] = [];
try {
  const canary = await commitCanary(repo, sameWeightsOtherBytes(), "canary/same");
  const baseline = await serveProcess(repo, []);
  running.push(baseline);
  const withCanary = await serveProcess(repo, ["--canary", canary, "--canary-percent", "50"]);
  running.push(withCanary);
  const body = JSON.stringify(
    inferBody(generateTransactions({ rows: 10, seed: 7, scenario: "baseline" }), TRANSACTION_FEATURES, 0, 1),
  );
  const p50s = { baseline: [] as number[], canary: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, server] of [
      ["baseline", baseline],
      ["canary", withCanary],
    ] as const) {
      const agent = keepAliveAgent(8);
      const url = `${server.url}/v2/models/fraud/infer`;
      await openLoop({ url, body, rate: RATE, seconds: 2, agent }); // warm-up
      const result = await openLoop({ url, body, rate: RATE, seconds: SECONDS, agent });
      agent.destroy();
      if (result.outcomes.get("200") !== result.sent)
        throw new Error(`${name}: ${JSON.stringify([...result.outcomes])}`);
      p50s[name].push(percentile(result.latencies, 50));
      console.log(
        `round ${round + 1}, ${name === "baseline" ? "serve, no rollout" : "serve --canary at 50%"}: ${result.sent} requests at ${RATE}/s, p50 ${ms(percentile(result.latencies, 50))}, p99 ${ms(percentile(result.latencies, 99))} (load ${load()})`,
      );
    }
  }
  const verdict = await rolloutOf(withCanary.url);
  if (verdict.state !== "running") throw new Error(`the canary's rollout is ${verdict.state}: ${verdict.reason}`);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(p50s.baseline);
  const rolled = median(p50s.canary);
  console.log(
    `canary: ${verdict.requests.canary} canary and ${verdict.requests.stable} stable requests in its last window, ${verdict.looks} looks, still ${verdict.state}`,
  );
  console.log(
    `median of the rounds' p50: no rollout ${ms(base)}, with the canary ${ms(rolled)}: added ${ms(rolled - base)} (ratio x${(rolled / base).toFixed(2)}; target: added <= 0.2 ms)`,
  );
} finally {
  for (const served of running) served.child.kill("SIGKILL");
  await repo.cleanup();
}
