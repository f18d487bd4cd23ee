/**
 * The rollout of one canary as a state machine: started → stepped … → completed, or reverted with
 * a reason naming the signal and its figures. Each step collects fresh windows of the stable model
 * and the challenger (the shadow in a "shadow" step, else the canary); it is looked at when the
 * challenger's request count reaches 100·2^k (look-budget.ts) and once more when the step's
 * minimums (min_requests challenger requests and min_minutes since the step began) are met. Any
 * breach reverts at once; a step passes only at that last look, with no breach. Reaching the last
 * step (100) completes the rollout.
 *
 * Deterministic and free of I/O: time and randomness come in as arguments, and what changed comes
 * out as transitions for the caller to record (rollout-line.ts, record.ts). `Rollout.begin` rebuilds
 * the state from recorded transitions, so a server killed mid-rollout resumes at the recorded step
 * (its window starts afresh; the step's clock keeps the recorded start), and a canary that was
 * reverted once stays reverted: it is never served again.
 *
 * Labels that come back (label()) join the requests of the current step by id (label-memory.ts);
 * the live-quality signal is looked at when the challenger's labelled rows reach 100·2^k and at the
 * step's last look, on its own share of the false-alarm budget (look-budget.ts).
 */
import type { RolloutConfig } from "../config/types.ts";
import type { Task } from "../config/types.ts";
import { addLabelled, addObservation, emptyWindow, type EndpointWindow, type Observation } from "./endpoint-window.ts";
import { analyseWindows, type SignalEvidence } from "./analysis.ts";
import { lookAlpha, lookAt } from "./look-budget.ts";
import { LabelMemory, type LabelOutcome } from "./label-memory.ts";
import { liveQualitySignal } from "./live-quality-signal.ts";

export type Endpoint = "stable" | "canary" | "shadow";
export type TransitionKind = "started" | "stepped" | "completed" | "reverted";
export type Phase = "running" | "completed" | "reverted";
type Step = RolloutConfig["steps"][number];

export interface Transition {
  transition: TransitionKind;
  /** 0-based index into rollout.steps of the step entered (started, stepped, completed) or left (reverted). */
  step: number;
  /** That step: "shadow" or the percent of requests the canary answers. */
  percent: Step;
  /** ISO 8601. */
  at: string;
  /** reverted: every breached signal's sentence; stepped/completed: the step that passed. */
  reason?: string;
  /** The look that decided it, per signal. */
  evidence?: SignalEvidence[];
}

/** What serve needs to route: the canary's share, whether a shadow scores copies. */
export interface Serving {
  canaryPercent: number;
  shadow: boolean;
}

export interface RolloutStatus {
  state: Phase;
  step: number;
  percent: Step;
  stepStartedAt: string;
  requests: { stable: number; challenger: number };
  /** Looks taken in this step (since this process began it). */
  looks: number;
  /** The latest look's evidence (empty before the first look of the step), live_quality last once it was looked at. */
  evidence: SignalEvidence[];
  reason?: string;
  labels: LabelCounts;
}

/** What became of the labels posted since this process started, and the labelled rows in this step's windows. */
export interface LabelCounts {
  /** Labels (one per request) joined to a request of this step, ever. */
  joined: number;
  unknown: number;
  outside_window: number;
  duplicate: number;
  rows_mismatch: number;
  /** Labelled rows in the current step's windows (seen, not only the sample kept). */
  labelled_rows: { stable: number; canary: number };
}

export interface RolloutOptions {
  /** The model's task, for the live-quality metric (default binary). */
  task?: Task;
  /** Requests remembered for labels to join (label-memory.ts). */
  rememberedRequests?: number;
}

export class Rollout {
  private phase: Phase = "running";
  private step = 0;
  private stepStartedAt = 0;
  private stable: EndpointWindow = emptyWindow();
  private challenger: EndpointWindow = emptyWindow();
  private nextLook = 0;
  private evidence: SignalEvidence[] = [];
  private reason?: string;
  private nextQualityLook = 0;
  private quality?: SignalEvidence;
  private readonly memory: LabelMemory;
  private readonly counts = { joined: 0, unknown: 0, outside_window: 0, duplicate: 0, rows_mismatch: 0 };

  private constructor(
    private readonly config: RolloutConfig,
    private readonly random: () => number,
    private readonly options: RolloutOptions = {},
  ) {
    this.memory = new LabelMemory(options.rememberedRequests);
  }

  /**
   * The rollout of a canary from its recorded transitions (all of them, for this model and this
   * canary's sha256, in any order, duplicates allowed). No history: a new rollout at the first step,
   * returned with its `started` transition to record.
   */
  static begin(
    config: RolloutConfig,
    history: readonly Transition[],
    now: number,
    random: () => number,
    options: RolloutOptions = {},
  ): { rollout: Rollout; transitions: Transition[] } {
    const rollout = new Rollout(config, random, options);
    const ordered = [...history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : rank(a) - rank(b)));
    const revert = ordered.find((t) => t.transition === "reverted");
    const last = ordered.at(-1);
    if (revert) {
      Object.assign(rollout, {
        phase: "reverted",
        step: revert.step,
        reason: revert.reason,
        evidence: revert.evidence ?? [],
        stepStartedAt: Date.parse(revert.at),
      });
      return { rollout, transitions: [] };
    }
    if (last) {
      const completed = ordered.find((t) => t.transition === "completed");
      const at = completed ?? last;
      const step = completed ? config.steps.length - 1 : resumeIndex(config.steps, at.percent);
      Object.assign(rollout, { phase: completed ? "completed" : "running", step, stepStartedAt: Date.parse(at.at) });
      return { rollout, transitions: [] };
    }
    rollout.stepStartedAt = now;
    return { rollout, transitions: [rollout.transition("started", now)] };
  }

  /** One request's outcome on one endpoint; returns the transitions it caused (usually none). */
  observe(endpoint: Endpoint, observation: Observation, now: number): Transition[] {
    if (this.phase !== "running") return [];
    const side = endpoint === "stable" ? "stable" : endpoint === this.challengerEndpoint() ? "challenger" : undefined;
    if (!side) return [];
    const window = this[side];
    addObservation(window, observation, this.random);
    if (observation.ok && observation.id !== undefined && observation.scores) {
      const labels = this.memory.predicted(observation.id, this.step, side, observation.scores);
      if (labels) addLabelled(window, labels, observation.scores, this.random);
    }
    return this.advance(now);
  }

  /**
   * Labels that came back for requests (encoded, one per row of the request): each joined to the
   * endpoints that answered (or shadowed) it in this step, or counted as unknown, outside the
   * window, a duplicate or a row-count mismatch. A labelled-row milestone looks at live quality.
   */
  label(
    labels: ReadonlyArray<{ id: string; values: Float64Array }>,
    now: number,
  ): { outcomes: Record<LabelOutcome, number>; transitions: Transition[] } {
    const outcomes: Record<LabelOutcome, number> = {
      joined: 0,
      unknown: 0,
      outside_window: 0,
      duplicate: 0,
      rows_mismatch: 0,
    };
    for (const { id, values } of labels) {
      // Once the rollout has ended there is no window to join.
      const result =
        this.phase === "running"
          ? this.memory.label(id, this.step, values)
          : { outcome: "outside_window" as const, join: [] };
      outcomes[result.outcome] += 1;
      for (const { side, predictions } of result.join) addLabelled(this[side], values, predictions, this.random);
    }
    for (const key of Object.keys(outcomes) as LabelOutcome[]) this.counts[key] += outcomes[key];
    if (this.phase !== "running" || this.challenger.labelled.seen < lookAt(this.nextQualityLook))
      return { outcomes, transitions: [] };
    const quality = this.lookAtQuality();
    return { outcomes, transitions: quality.breached ? [this.revert([quality], now)] : [] };
  }

  /** Time passing without requests: a step whose minimum time ran out can pass. */
  tick(now: number): Transition[] {
    return this.phase === "running" ? this.advance(now) : [];
  }

  serving(): Serving {
    if (this.phase === "completed") return { canaryPercent: 100, shadow: false };
    if (this.phase === "reverted") return { canaryPercent: 0, shadow: false };
    const step = this.config.steps[this.step];
    return step === "shadow" ? { canaryPercent: 0, shadow: true } : { canaryPercent: step, shadow: false };
  }

  status(): RolloutStatus {
    return {
      state: this.phase,
      step: this.step,
      percent: this.phase === "completed" ? 100 : this.config.steps[this.step],
      stepStartedAt: new Date(this.stepStartedAt).toISOString(),
      requests: { stable: this.stable.requests, challenger: this.challenger.requests },
      looks: this.nextLook,
      evidence: this.withQuality(this.evidence),
      reason: this.reason,
      labels: {
        ...this.counts,
        labelled_rows: { stable: this.stable.labelled.seen, canary: this.challenger.labelled.seen },
      },
    };
  }

  /** One look at live quality, spending the signal's next share of the budget. */
  private lookAtQuality(): SignalEvidence {
    const alpha = lookAlpha(this.config.alpha, this.config.steps.length - 1, this.nextQualityLook);
    this.nextQualityLook += 1;
    this.quality = liveQualitySignal(
      this.stable,
      this.challenger,
      { task: this.options.task ?? "binary", margin: this.config.quality_margin },
      alpha,
    );
    return this.quality;
  }

  /** The latest evidence of every signal: the last look's, and live quality's latest look. */
  private withQuality(evidence: SignalEvidence[]): SignalEvidence[] {
    return this.quality ? [...evidence.filter((e) => e.signal !== "live_quality"), this.quality] : evidence;
  }

  /** The evidence a decision was made on becomes the evidence shown and recorded. */
  private settleEvidence(): void {
    this.evidence = this.withQuality(this.evidence);
    this.quality = undefined;
  }

  private revert(breaches: SignalEvidence[], now: number): Transition {
    this.phase = "reverted";
    this.reason = breaches.map((e) => e.detail).join("; ");
    this.settleEvidence();
    return this.transition("reverted", now);
  }

  private challengerEndpoint(): Endpoint {
    return this.config.steps[this.step] === "shadow" ? "shadow" : "canary";
  }

  private advance(now: number): Transition[] {
    const due = this.challenger.requests >= lookAt(this.nextLook);
    const ready =
      this.challenger.requests >= this.config.min_requests &&
      now - this.stepStartedAt >= this.config.min_minutes * 60_000;
    if (!due && !ready) return [];
    const alpha = lookAlpha(this.config.alpha, this.config.steps.length - 1, this.nextLook);
    this.nextLook += 1;
    this.evidence = analyseWindows(this.stable, this.challenger, this.config, alpha, {
      shadow: this.config.steps[this.step] === "shadow",
    });
    // The step's last look also looks at live quality (labels that came since the last milestone count).
    if (ready) this.lookAtQuality();
    // A live-quality breach reverts when it is seen, so an earlier one cannot be standing here.
    const breaches = this.withQuality(this.evidence).filter((e) => e.breached);
    if (breaches.length > 0) return [this.revert(breaches, now)];
    if (!ready) return [];
    this.settleEvidence();
    const passed = this.config.steps[this.step];
    this.reason = `step ${this.step} (${passed === "shadow" ? "shadow" : `${passed}%`}) passed: ${this.challenger.requests} requests over ${((now - this.stepStartedAt) / 60_000).toFixed(1)} min, no breach in ${this.nextLook} looks`;
    this.step += 1;
    this.stepStartedAt = now;
    this.stable = emptyWindow();
    this.challenger = emptyWindow();
    this.nextLook = 0;
    this.nextQualityLook = 0;
    if (this.step >= this.config.steps.length - 1) {
      this.step = this.config.steps.length - 1;
      this.phase = "completed";
      return [this.transition("completed", now)];
    }
    return [this.transition("stepped", now)];
  }

  private transition(kind: TransitionKind, now: number): Transition {
    const t: Transition = {
      transition: kind,
      step: this.step,
      percent: this.config.steps[this.step],
      at: new Date(now).toISOString(),
    };
    if (kind !== "started") Object.assign(t, { reason: this.reason, evidence: this.evidence });
    return t;
  }
}

/**
 * The step to resume at, found by the recorded percent (the config may have changed since): that
 * step, else the highest step below it; never the final 100, which only `completed` reaches.
 */
function resumeIndex(steps: readonly Step[], recorded: Step): number {
  const lastAnalysed = steps.length - 2;
  const exact = steps.indexOf(recorded);
  if (exact >= 0) return Math.min(exact, lastAnalysed);
  let index = 0;
  for (let i = 0; i <= lastAnalysed; i++)
    if (steps[i] !== "shadow" && recorded !== "shadow" && (steps[i] as number) < recorded) index = i;
  return index;
}

/** Same-millisecond transitions in the order they can happen. */
function rank(t: Transition): number {
  return t.step * 4 + ["started", "stepped", "completed", "reverted"].indexOf(t.transition);
}
