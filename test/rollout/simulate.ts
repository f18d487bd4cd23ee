// Drives a Rollout with simulated traffic routed as serve routes it: each request goes to the
// canary with the current percent, and in a shadow step the shadow scores a copy too.
import { Rollout, type Endpoint, type Transition } from "../../src/rollout/state.ts";
import type { Observation } from "../../src/rollout/endpoint-window.ts";
import type { RandomSource } from "../../src/stats/numeric/random.ts";

export type Behaviour = (random: RandomSource) => Observation;

export interface Run {
  transitions: Transition[];
  requests: number;
  canaryRequests: number;
  /** Challenger (canary or shadow) requests when the rollout reverted. */
  revertedAfter?: number;
}

/** Requests arrive `msPerRequest` apart from `start`; stops when the rollout ends or after `maxRequests`. */
export function simulate(
  rollout: Rollout,
  stable: Behaviour,
  canary: Behaviour,
  random: RandomSource,
  options: { start: number; msPerRequest: number; maxRequests: number },
): Run {
  const run: Run = { transitions: [], requests: 0, canaryRequests: 0 };
  let running = true;
  const feed = (endpoint: Endpoint, observation: Observation, now: number) => {
    const out = rollout.observe(endpoint, observation, now);
    if (out.length === 0) return;
    run.transitions.push(...out);
    // A revert keeps the step's windows, so their count is where it was caught.
    if (out.some((t) => t.transition === "reverted")) run.revertedAfter = rollout.status().requests.challenger;
    running = rollout.status().state === "running";
  };
  for (let i = 0; i < options.maxRequests && running; i++) {
    const now = options.start + i * options.msPerRequest;
    const serving = rollout.serving();
    run.requests += 1;
    if (serving.shadow) {
      feed("stable", stable(random), now);
      feed("shadow", canary(random), now);
    } else if (random.nextFloat() * 100 < serving.canaryPercent) {
      run.canaryRequests += 1;
      feed("canary", canary(random), now);
    } else {
      feed("stable", stable(random), now);
    }
  }
  return run;
}

/** A healthy model: 1% errors, latency around 2 ms, scores skewed low (u²). */
export const healthy: Behaviour = (random) => {
  const ok = random.nextFloat() >= 0.01;
  const latencyMs = 2 * Math.exp(0.25 * normal(random));
  return ok ? { ok, latencyMs, scores: [random.nextFloat() ** 2] } : { ok, latencyMs };
};

function normal(random: RandomSource): number {
  return Math.sqrt(-2 * Math.log(1 - random.nextFloat())) * Math.cos(2 * Math.PI * random.nextFloat());
}

/**
 * Traffic whose labels come back: each request is an instance with a true fraud probability p
 * (logit ~ N(−4.3, 1.4): about 3% positives, as rare as fraud), its label drawn from p. Stable
 * scores p; the canary scores p too (`identical`) or the p of another, independent instance
 * (`uninformed`: the same prediction mix, no knowledge of the label). Every `labelEvery` requests
 * the labels of those requests are posted. Returns the run and the label outcomes.
 */
export function simulateLabelled(
  rollout: Rollout,
  canary: "identical" | "uninformed",
  random: RandomSource,
  options: { start: number; msPerRequest: number; maxRequests: number; labelEvery: number },
): Run & { joined: number } {
  const run: Run & { joined: number } = { transitions: [], requests: 0, canaryRequests: 0, joined: 0 };
  const instance = () => 1 / (1 + Math.exp(-(-4.3 + 1.4 * normal(random))));
  let pending: Array<{ id: string; values: Float64Array }> = [];
  const took = (out: Transition[]) => {
    run.transitions.push(...out);
    if (out.some((t) => t.transition === "reverted")) run.revertedAfter = rollout.status().requests.challenger;
  };
  for (let i = 0; i < options.maxRequests && rollout.status().state === "running"; i++) {
    const now = options.start + i * options.msPerRequest;
    const id = `r${i}`;
    const p = instance();
    const label = random.nextFloat() < p ? 1 : 0;
    const canaryScore = canary === "identical" ? p : instance();
    const serving = rollout.serving();
    run.requests += 1;
    const observation = (score: number): Observation => ({ ok: true, latencyMs: 2, scores: [score], id });
    if (serving.shadow) {
      took(rollout.observe("stable", observation(p), now));
      took(rollout.observe("shadow", observation(canaryScore), now));
    } else if (random.nextFloat() * 100 < serving.canaryPercent) {
      run.canaryRequests += 1;
      took(rollout.observe("canary", observation(canaryScore), now));
    } else {
      took(rollout.observe("stable", observation(p), now));
    }
    pending.push({ id, values: Float64Array.of(label) });
    if (pending.length >= options.labelEvery) {
      const { outcomes, transitions } = rollout.label(pending, now);
      run.joined += outcomes.joined;
      took(transitions);
      pending = [];
    }
  }
  return run;
}
