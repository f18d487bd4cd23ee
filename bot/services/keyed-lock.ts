/**
 * Runs tasks with the same key one after another, in arrival order; different keys run in parallel.
 * The bot takes one per repository and model, so 20 deliveries of the same request arriving at once
 * are handled in turn: the first opens the PR, the others find it. (Across processes, GitHub's own
 * atomic ref creation and one-open-PR-per-branch rule decide; see open-retrain-pull.ts.)
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task queued or running (0 when idle). */
  get size(): number {
    return this.tails.size;
  }
}
