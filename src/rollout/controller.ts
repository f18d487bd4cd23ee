/**
 * What serve holds for one canary: the state machine (state.ts) resumed from the notes, its
 * transitions written to git in the background (record.ts), and the answers serve needs: which
 * share the canary gets, and the verdict for the rollout endpoint. observe() is synchronous and
 * cheap (a counter and a reservoir slot; a look costs a sort and a KS test every 100·2^k
 * requests), so serve can call it after each answer without awaiting I/O.
 */
import type { Git } from "../git/git.ts";
import type { RolloutConfig } from "../config/types.ts";
import { TOOL } from "../version.ts";
import { Rollout, type Endpoint, type RolloutOptions, type Serving, type Transition } from "./state.ts";
import type { LabelOutcome } from "./label-memory.ts";
import type { Observation } from "./endpoint-window.ts";
import { RolloutRecorder, readRolloutHistory, transitionsOf, type RecordOutcome } from "./record.ts";
import { rolloutVerdict, type RolloutVerdict } from "./verdict.ts";
import type { LineContext } from "./rollout-line.ts";

export interface ControllerOptions {
  model: string;
  config: RolloutConfig;
  /** The canary's artifact sha256, and its commit when it came from git (REV); a PATH has none. */
  canary: { sha256: string; commit?: string; version?: string };
  stable?: { sha256: string; version?: string };
  /** The repository whose notes hold the record; without it (or without canary.commit) nothing is written. */
  git?: Git;
  /** Push the notes here after each transition, when the repository has this remote (e.g. "origin"). */
  remote?: string;
  now?: () => number;
  random: () => number;
  /** The task (for the live-quality metric) and how many requests are remembered for labels. */
  labels?: RolloutOptions;
  /** Told about each transition once it is written (or failed to be), e.g. for the log and metrics. */
  onRecorded?: (transitions: readonly Transition[], outcome: RecordOutcome | { error: string }) => void;
}

export class RolloutController {
  private pending: Promise<unknown> = Promise.resolve();
  /** True when the rollout was rebuilt from recorded transitions (a restart), false when it started now. */
  resumed = false;

  private constructor(
    private readonly options: ControllerOptions,
    private readonly rollout: Rollout,
    private readonly recorder: RolloutRecorder | undefined,
    private readonly now: () => number,
  ) {}

  /** Reads the canary's recorded transitions and resumes from them (or starts, recording `started`). */
  static async open(options: ControllerOptions): Promise<RolloutController> {
    const now = options.now ?? Date.now;
    const recordable = options.git !== undefined && options.canary.commit !== undefined;
    const history = recordable
      ? transitionsOf(await readRolloutHistory(options.git!, options.model), options.model, options.canary.sha256)
      : [];
    const { rollout, transitions } = Rollout.begin(options.config, history, now(), options.random, options.labels);
    const recorder = recordable ? new RolloutRecorder(options.git!, { remote: options.remote }) : undefined;
    const controller = new RolloutController(options, rollout, recorder, now);
    controller.resumed = history.length > 0;
    controller.record(transitions);
    await controller.settled();
    return controller;
  }

  /** One answered or failed request on `endpoint`; returns the transitions it caused (then serving() changed). */
  observe(endpoint: Endpoint, observation: Observation): Transition[] {
    return this.record(this.rollout.observe(endpoint, observation, this.now()));
  }

  /** Labels that came back (encoded, one per row); what became of them, and the transitions they caused (a live-quality revert). */
  label(labels: ReadonlyArray<{ id: string; values: Float64Array }>): {
    outcomes: Record<LabelOutcome, number>;
    transitions: Transition[];
  } {
    const result = this.rollout.label(labels, this.now());
    this.record(result.transitions);
    return result;
  }

  /** Call every few seconds: a step whose minimum time ran out passes without waiting for a request. */
  tick(): Transition[] {
    return this.record(this.rollout.tick(this.now()));
  }

  serving(): Serving {
    return this.rollout.serving();
  }

  verdict(): RolloutVerdict {
    const { model, canary, stable, config } = this.options;
    return rolloutVerdict(
      { model, canary, stable, steps: config.steps, recorded: this.recorder !== undefined },
      this.rollout.status(),
    );
  }

  /** Resolves when every transition so far is written (and pushed): await it before exiting. */
  settled(): Promise<void> {
    return this.pending.then(() => undefined);
  }

  private record(transitions: Transition[]): Transition[] {
    if (transitions.length === 0 || !this.recorder) return transitions;
    const { model, canary, stable } = this.options;
    const context: LineContext = {
      model,
      canary: { sha256: canary.sha256, commit: canary.commit! },
      stable,
      tool: TOOL,
    };
    this.pending = this.pending.then(() =>
      this.recorder!.record(context, transitions).then(
        (outcome) => this.options.onRecorded?.(transitions, outcome),
        (error: Error) => this.options.onRecorded?.(transitions, { error: error.message }),
      ),
    );
    return transitions;
  }
}
