/**
 * The models the router chooses between, swapped atomically: a request takes the model it was
 * routed to and keeps it until it is answered, so it sees the old model or the new one, never a
 * half-loaded one. A replaced model is released once its last request is done. A rollout's
 * challenger is attached with a `serving` function (the rollout's state), read at each request, so
 * a revert sends every later request to stable at once.
 */
import { route, type Decision, type Slots } from "./router.ts";
import { releaseServedModel, type ServedModel } from "./served-model.ts";

export class ModelSlots {
  private slots: Slots<ServedModel>;
  private readonly users = new Map<ServedModel, number>();
  private readonly retired = new Set<ServedModel>();
  private challenger?: { model: ServedModel; serving: () => { canaryPercent: number; shadow: boolean } };

  constructor(stable: ServedModel) {
    this.slots = { stable };
  }

  get stable(): ServedModel {
    return this.slots.stable;
  }

  /** The rollout's challenger (canary or shadow), while it is attached. */
  get challengerModel(): ServedModel | undefined {
    return this.challenger?.model;
  }

  /** Routes a request and holds its models until `done` is called. */
  take(draw: number): { decision: Decision<ServedModel>; done: () => void } {
    return this.hold(route(this.current(), draw));
  }

  /**
   * A request for an explicit version: the model with that version among those answering now
   * (stable, or the canary while it answers a share), else undefined.
   */
  takeVersion(version: string): { decision: Decision<ServedModel>; done: () => void } | undefined {
    const slots = this.current();
    if (slots.stable.version === version) return this.hold({ answer: { endpoint: "stable", model: slots.stable } });
    if (slots.canary?.model.version === version)
      return this.hold({ answer: { endpoint: "canary", model: slots.canary.model } });
    return undefined;
  }

  /** Routes a share of requests (or a copy of each) to `model` as `serving` says, read per request. */
  attachChallenger(model: ServedModel, serving: () => { canaryPercent: number; shadow: boolean }): void {
    if (this.challenger) this.retire(this.challenger.model);
    this.challenger = { model, serving };
  }

  /** No request is routed to the challenger any more; it is released when its last request is done. */
  detachChallenger(): void {
    if (!this.challenger) return;
    const { model } = this.challenger;
    this.challenger = undefined;
    this.retire(model);
  }

  private current(): Slots<ServedModel> {
    const challenger = this.challenger;
    if (!challenger) return this.slots;
    const { canaryPercent, shadow } = challenger.serving();
    return {
      stable: this.slots.stable,
      ...(canaryPercent > 0 ? { canary: { model: challenger.model, percent: canaryPercent } } : {}),
      ...(shadow ? { shadow: challenger.model } : {}),
    };
  }

  private hold(decision: Decision<ServedModel>): { decision: Decision<ServedModel>; done: () => void } {
    const held = [decision.answer.model, ...(decision.mirror ? [decision.mirror.model] : [])];
    for (const model of held) this.users.set(model, (this.users.get(model) ?? 0) + 1);
    let done = false;
    return {
      decision,
      done: () => {
        if (done) return;
        done = true;
        for (const model of held) this.leave(model);
      },
    };
  }

  /** Makes `next` the stable model; the previous one is released when no request holds it. */
  replaceStable(next: ServedModel): ServedModel {
    const previous = this.slots.stable;
    this.slots = { ...this.slots, stable: next };
    this.retire(previous);
    return previous;
  }

  /** Releases every model (at shutdown, once requests are done). */
  async releaseAll(): Promise<void> {
    const all = new Set([this.slots.stable, ...(this.challenger ? [this.challenger.model] : []), ...this.retired]);
    this.retired.clear();
    await Promise.all([...all].map((model) => releaseServedModel(model).catch(() => {})));
  }

  private retire(model: ServedModel): void {
    if ((this.users.get(model) ?? 0) === 0) void releaseServedModel(model).catch(() => {});
    else this.retired.add(model);
  }

  private leave(model: ServedModel): void {
    const left = (this.users.get(model) ?? 1) - 1;
    if (left > 0) {
      this.users.set(model, left);
      return;
    }
    this.users.delete(model);
    if (this.retired.delete(model)) void releaseServedModel(model).catch(() => {});
  }
}
