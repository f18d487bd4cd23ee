/**
 * The rollout as serve runs it: the challenger checked and attached to the router, each answer
 * observed after it was sent (setImmediate, off the request's path), the controller ticked every
 * two seconds, and its transitions acted on: a revert detaches the challenger at once (every later
 * request goes to stable) and is logged with its reason; listeners (GitHub deployments) hear each
 * transition. The adapter between the controller and the server; no HTTP here.
 */
import type { Git } from "../git/git.ts";
import { readNote } from "../git/notes.ts";
import type { ModelConfig } from "../config/types.ts";
import type { Prediction } from "../model/output-plan.ts";
import type { ModelSlots } from "../serve/model-slots.ts";
import { releaseServedModel, type ServedModel } from "../serve/served-model.ts";
import { UserError } from "../errors.ts";
import { RolloutController } from "./controller.ts";
import { rolloutAnswer, type EndpointAnswer } from "./endpoint.ts";
import { failedObservation, observationOf } from "./observation.ts";
import type { RolloutPlan } from "./plan.ts";
import type { Endpoint, Serving, Transition } from "./state.ts";
import type { LabelOutcome } from "./label-memory.ts";
import type { RolloutVerdict } from "./verdict.ts";

/** Told about each transition (after it happened, before or while it is written to git). */
export interface TransitionListener {
  transitions(transitions: readonly Transition[], verdict: RolloutVerdict): void;
  /** Resolves when what the listener started is done (at shutdown). */
  settled(): Promise<void>;
}

export interface ServeRolloutOptions {
  git: Git;
  model: ModelConfig;
  plan: RolloutPlan;
  slots: ModelSlots;
  stable: ServedModel;
  challenger: ServedModel;
  /** The challenger's commit, when it came from git (REV); a PATH has none and is not recorded. */
  commit?: string;
  /** Push the notes to this remote after each transition, when the repository has it. */
  remote?: string;
  listeners?: TransitionListener[];
  tickMs?: number;
  random?: () => number;
  /** Requests remembered for labels to join (serve.labels.remembered_requests). */
  rememberedRequests?: number;
  log(line: string): void;
  warn(line: string): void;
}

/** What the HTTP layer calls: one per answered (or failed) request, and the rollout routes. */
export interface RolloutHooks {
  observe(
    endpoint: Endpoint,
    model: ServedModel,
    result: { prediction: Prediction; runMs: number } | { failedAfterMs: number },
    id?: string,
  ): void;
  answer(route: "verdict" | "gate"): EndpointAnswer;
  /** Labels that came back (POST /v2/models/{model}/labels), encoded: what became of them. */
  label(labels: ReadonlyArray<{ id: string; values: Float64Array }>): Record<LabelOutcome, number>;
}

const TICK_MS = 2_000;

export class ServeRollout implements RolloutHooks {
  private timer?: NodeJS.Timeout;
  private detached = false;

  private constructor(
    private readonly options: ServeRolloutOptions,
    private readonly controller: RolloutController,
  ) {}

  /** Checks the challenger, resumes (or starts) its rollout from the notes, and attaches it unless it was reverted before. */
  static async open(options: ServeRolloutOptions): Promise<ServeRollout> {
    const { git, model, plan, stable, challenger, commit } = options;
    checkCompatible(stable, challenger, plan);
    if (commit) await checkRecorded(git, model, challenger, commit, plan);
    const controller = await RolloutController.open({
      model: model.name,
      config: plan.config,
      canary: { sha256: challenger.sha256, version: challenger.version, ...(commit ? { commit } : {}) },
      stable: { sha256: stable.sha256, version: stable.version },
      git,
      ...(options.remote ? { remote: options.remote } : {}),
      random: options.random ?? Math.random,
      labels: {
        task: model.task,
        ...(options.rememberedRequests ? { rememberedRequests: options.rememberedRequests } : {}),
      },
      onRecorded: (transitions, outcome) => {
        if ("error" in outcome)
          options.warn(
            `serve: rollout: writing ${transitions.map((t) => t.transition).join(", ")} to the notes failed: ${outcome.error.split("\n")[0]}`,
          );
        else if (outcome.pushError)
          options.warn(
            `serve: rollout: ${transitions.map((t) => t.transition).join(", ")} recorded locally, push failed: ${outcome.pushError.split("\n")[0]}`,
          );
      },
    });
    const rollout = new ServeRollout(options, controller);
    const verdict = controller.verdict();
    const what = `${plan.mode} ${challenger.version} (${challenger.source}, sha256 ${challenger.sha256.slice(0, 12)})`;
    if (verdict.state === "reverted") {
      options.log(
        `serve: ${what} was reverted at ${verdict.step_started_at}: not serving it again. Why: ${oneLine(verdict.reason ?? "(no reason recorded)")}`,
      );
      rollout.detached = true;
      await releaseServedModel(challenger);
      // A server killed between the revert and its GitHub record finishes it now (listeners converge).
      for (const listener of options.listeners ?? []) listener.transitions([], verdict);
    } else {
      options.slots.attachChallenger(challenger, () => rollout.serving());
      const at = verdict.percent === "shadow" ? "in shadow (scoring copies, stable answers)" : `at ${verdict.percent}%`;
      options.log(
        `serve: ${what} ${verdict.state === "completed" ? "completed its rollout earlier: answers everyone" : `${controller.resumed ? `resumed from its record ${at} (step begun ${verdict.step_started_at})` : `rolling out ${at}`}`}${commit ? "" : " (a file: not recorded in git; a restart starts over)"}`,
      );
      for (const listener of options.listeners ?? []) listener.transitions([], verdict);
    }
    rollout.timer = setInterval(() => rollout.act(controller.tick()), options.tickMs ?? TICK_MS);
    rollout.timer.unref();
    return rollout;
  }

  observe(
    endpoint: Endpoint,
    model: ServedModel,
    result: { prediction: Prediction; runMs: number } | { failedAfterMs: number },
    id?: string,
  ): void {
    if (this.detached) return;
    setImmediate(() => {
      const observation =
        "prediction" in result
          ? observationOf(result.prediction, model.task, result.runMs)
          : failedObservation(result.failedAfterMs);
      this.act(this.controller.observe(endpoint, id === undefined ? observation : { ...observation, id }));
    });
  }

  label(labels: ReadonlyArray<{ id: string; values: Float64Array }>): Record<LabelOutcome, number> {
    const { outcomes, transitions } = this.controller.label(labels);
    this.act(transitions);
    return outcomes;
  }

  answer(route: "verdict" | "gate"): EndpointAnswer {
    return rolloutAnswer(this.options.model.name, this.controller, route);
  }

  verdict(): RolloutVerdict {
    return this.controller.verdict();
  }

  /** Stops ticking and resolves once every transition is written (and pushed) and every listener is done. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.controller.settled();
    await Promise.all((this.options.listeners ?? []).map((l) => l.settled().catch(() => {})));
  }

  private serving(): Serving {
    const serving = this.controller.serving();
    // A shadow never answers, whatever its record says.
    return this.options.plan.mode === "shadow" ? { canaryPercent: 0, shadow: serving.shadow } : serving;
  }

  private act(transitions: readonly Transition[]): void {
    if (transitions.length === 0) return;
    const verdict = this.controller.verdict();
    const { challenger } = this.options;
    for (const t of transitions) {
      if (t.transition === "reverted") {
        this.detached = true;
        this.options.slots.detachChallenger();
        this.options.warn(
          `serve: ${this.options.plan.mode} ${challenger.version} reverted after ${verdict.requests.canary} ${this.options.plan.mode} requests: all traffic back to stable ${this.options.stable.version}. Why: ${t.reason}`,
        );
      } else if (t.transition === "completed") {
        this.options.log(
          `serve: canary ${challenger.version} passed every step: it answers everyone now (promote it to make it the champion)`,
        );
      } else if (t.transition === "stepped") {
        this.options.log(
          `serve: canary ${challenger.version} now ${t.percent === "shadow" ? "in shadow" : `at ${t.percent}%`}: ${t.reason ?? ""}`,
        );
      }
    }
    for (const listener of this.options.listeners ?? []) listener.transitions(transitions, verdict);
  }
}

/** The challenger takes the stable model's requests: same task, same features of the same kinds; and it is another artifact. */
function checkCompatible(stable: ServedModel, challenger: ServedModel, plan: RolloutPlan): void {
  const flag = `--${plan.mode} ${plan.challenger}`;
  if (challenger.sha256 === stable.sha256) {
    throw new UserError(
      `${flag}: that is the artifact stable already serves (sha256 ${stable.sha256.slice(0, 12)}); nothing to roll out. Pass the commit or file of the new model.`,
    );
  }
  if (challenger.task !== stable.task)
    throw new UserError(
      `${flag}: its task is ${challenger.task} but stable ${stable.version} is ${stable.task}; a rollout compares models of one task.`,
    );
  const kinds = (m: ServedModel) => [...m.featureKinds].map(([name, kind]) => `${name}:${kind}`).sort();
  const a = kinds(stable);
  const b = kinds(challenger);
  if (a.join(",") !== b.join(",")) {
    const missing = a.filter((x) => !b.includes(x));
    const extra = b.filter((x) => !a.includes(x));
    throw new UserError(
      `${flag}: it does not take the requests stable ${stable.version} takes (features stable has but it lacks: ${missing.join(", ") || "none"}; it has but stable lacks: ${extra.join(", ") || "none"}). Roll out a model with the same features; a new feature set is a new model.`,
    );
  }
}

/**
 * A challenger from git must have been recorded (modelkeeper record): its commit's note holds a
 * record line of this model whose artifact has the bytes about to serve. The record is the
 * provenance people read when the rollout is reverted; it is not a verdict, and none is needed: the
 * live comparison is what judges a canary.
 */
async function checkRecorded(
  git: Git,
  model: ModelConfig,
  challenger: ServedModel,
  commit: string,
  plan: RolloutPlan,
): Promise<void> {
  const lines = await readNote(git, commit).catch(() => []);
  const recorded = lines.some(
    (l) =>
      l.event === "record" &&
      l.model === model.name &&
      (l as { artifact?: { sha256?: string } }).artifact?.sha256 === challenger.sha256,
  );
  if (!recorded) {
    throw new UserError(
      `--${plan.mode} ${plan.challenger}: commit ${commit.slice(0, 12)} has no record of ${model.name}'s artifact with sha256 ${challenger.sha256.slice(0, 12)}. ` +
        `Record it first (modelkeeper record --commit ${plan.challenger} --push; fetch the notes if it was recorded elsewhere), so the rollout's history names what served.`,
    );
  }
}

/** A reason read from the notes (anyone with push access writes them) stays on its log line. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}
