/**
 * The models the router chooses between, swapped atomically: a request takes the model it was
 * routed to and keeps it until it is answered, so it sees the old model or the new one, never a
 * half-loaded one. A replaced model is released once its last request is done.
 */
import { route, type Decision, type Slots } from "./router.ts";
import { releaseServedModel, type ServedModel } from "./served-model.ts";

export class ModelSlots {
  private slots: Slots<ServedModel>;
  private readonly users = new Map<ServedModel, number>();
  private readonly retired = new Set<ServedModel>();

  constructor(stable: ServedModel) {
    this.slots = { stable };
  }

  get stable(): ServedModel {
    return this.slots.stable;
  }

  /** Routes a request and holds its models until `done` is called. */
  take(draw: number): { decision: Decision<ServedModel>; done: () => void } {
    const decision = route(this.slots, draw);
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
    const all = new Set([this.slots.stable, ...this.retired]);
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
