/**
 * Webhook deliveries seen by this process, by X-GitHub-Delivery id. A redelivery of a delivery that
 * succeeded is skipped; one that is still running waits for it; one that failed runs again (that is
 * what a redelivery is for). The work itself is idempotent, so this only saves API calls; it is
 * bounded (oldest finished ids are forgotten first).
 */
export class DeliveryLog {
  private readonly entries = new Map<string, { promise: Promise<void>; done: boolean }>();

  constructor(private readonly capacity = 10_000) {}

  /** Runs `task` for a new delivery id; returns "skipped" for one already handled. */
  async once(id: string | undefined, task: () => Promise<void>): Promise<"handled" | "skipped"> {
    if (!id) {
      await task();
      return "handled";
    }
    const seen = this.entries.get(id);
    if (seen?.done) return "skipped";
    if (seen) {
      await seen.promise;
      return "skipped";
    }
    const entry = { promise: task(), done: false };
    this.entries.set(id, entry);
    try {
      await entry.promise;
      entry.done = true;
      this.evict();
      return "handled";
    } catch (error) {
      this.entries.delete(id);
      throw error;
    }
  }

  private evict(): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= this.capacity) return;
      if (entry.done) this.entries.delete(id);
    }
  }
}
